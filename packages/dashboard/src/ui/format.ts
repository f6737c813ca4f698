const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const SHORT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const STAMP = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "29 Sep 2023" from an ISO day; dates show in UTC so every reader sees the same day. */
export const fmtDay = (day: string): string => DAY.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
export const fmtShortDay = (day: string): string => SHORT.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
export const fmtStamp = (iso: string | null): string => (iso ? `${STAMP.format(new Date(iso))} UTC` : "never");
export const fmtNumber = (n: number): string => n.toLocaleString("en-GB");

export function fmtAgo(iso: string | null, now: Date = new Date()): string {
  if (!iso) return "never";
  const s = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

const HOUR = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** A trend period by resolution: "29 Sep 2023", "29 Sep, 14:00 UTC", "week of 25 Sep 2023". */
export function fmtPeriod(t: string, resolution: "hour" | "day" | "week"): string {
  if (resolution === "hour") return `${HOUR.format(new Date(t.replace(/Z$/, ":00Z")))} UTC`;
  return resolution === "week" ? `week of ${fmtDay(t)}` : fmtDay(t);
}

/** Epoch seconds of a period label (day "2023-09-29" or hour "2023-09-29T14:00Z"). */
export const periodSeconds = (t: string): number =>
  Date.parse(t.length > 10 ? t.replace(/Z$/, ":00Z") : `${t}T00:00:00Z`) / 1000;
