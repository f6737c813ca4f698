import type { Resolution } from "@seismo/store";
import { z } from "zod";

export const RANGE_KEYS = ["24h", "7d", "30d", "all", "custom"] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

export interface DayRange {
  key: RangeKey;
  /** Inclusive UTC days the store is asked for. */
  from: string;
  to: string;
  /** hour for 24 h and short custom ranges, day up to ~3 months, week beyond. */
  resolution: Resolution;
  /** At hour resolution for "24 h": the first and last hour shown (YYYY-MM-DDTHH:00Z); null shows whole days. */
  hours: { from: string; to: string } | null;
  /** Why this range was picked when it is not exactly what was asked for. */
  note: string | null;
}

/** The days holding data, and the last hour with any indicator (for anchoring "24 h" on old data). */
export interface DataSpan {
  min: string;
  max: string;
  lastHour: string | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DaySchema = z.iso.date();
/** Custom ranges up to this many days are drawn per hour, up to WEEK_AFTER per day, longer ones per week. */
const HOUR_UP_TO = 2;
const WEEK_AFTER = 92;

export const toDay = (d: Date): string => d.toISOString().slice(0, 10);
export const toHour = (ms: number): string => `${new Date(ms).toISOString().slice(0, 13)}:00Z`;
const hourMs = (label: string): number => Date.parse(label.replace(/Z$/, ":00Z"));
export const addDays = (day: string, n: number): string => toDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Every day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

const resolutionFor = (from: string, to: string): Resolution => {
  const days = daysBetween(from, to) + 1;
  return days <= HOUR_UP_TO ? "hour" : days > WEEK_AFTER ? "week" : "day";
};

const span = (key: RangeKey, from: string, to: string, note: string | null = null): DayRange => ({
  key,
  from,
  to,
  resolution: resolutionFor(from, to),
  hours: null,
  note,
});

/** The 24 hourly periods ending with the hour `endLabel`. */
function last24h(endLabel: string, note: string | null): DayRange {
  const end = hourMs(endLabel);
  const start = toHour(end - 23 * HOUR_MS);
  return {
    key: "24h",
    from: start.slice(0, 10),
    to: endLabel.slice(0, 10),
    resolution: "hour",
    hours: { from: start, to: endLabel },
    note,
  };
}

const LABEL: Partial<Record<RangeKey, string>> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };
const fmt = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * Turns the range picker's query into a range and a resolution: "24 h" is the last 24 hours per
 * hour, 7 and 30 days per day, long custom ranges per week. When the data ends before a preset's
 * window starts (the bundled sample is from autumn 2023), the preset ends at the latest data instead
 * and says so; with no choice made and nothing in the last 30 days, the range is the data's span.
 */
export function resolveRange(
  query: { range?: string | undefined; from?: string | undefined; to?: string | undefined },
  data: DataSpan | null,
  now: Date = new Date(),
): DayRange {
  const today = toDay(now);
  const key = (RANGE_KEYS as readonly string[]).includes(query.range ?? "") ? (query.range as RangeKey) : null;
  const stale = (from: string) => data !== null && data.max < from;
  const anchored = (k: RangeKey) =>
    `Nothing in the last ${LABEL[k]}: showing the ${LABEL[k]} up to the latest data (${fmt(data?.max ?? today)}).`;
  const lastDays = (days: number, k: RangeKey): DayRange => {
    const from = addDays(today, -(days - 1));
    if (data && stale(from)) return { ...span(k, addDays(data.max, -(days - 1)), data.max), note: anchored(k) };
    return { ...span(k, from, today), resolution: "day" };
  };
  const all = (note: string | null): DayRange =>
    data ? span("all", data.min, data.max, note) : { ...lastDays(30, "30d"), note };
  switch (key) {
    case "24h": {
      const nowHour = toHour(now.getTime());
      if (data && stale(toHour(now.getTime() - 23 * HOUR_MS).slice(0, 10))) {
        return last24h(data.lastHour ?? `${data.max}T23:00Z`, anchored("24h"));
      }
      return last24h(nowHour, null);
    }
    case "7d":
      return lastDays(7, "7d");
    case "30d":
      return lastDays(30, "30d");
    case "all":
      return all(null);
    case "custom": {
      const from = DaySchema.safeParse(query.from);
      const to = DaySchema.safeParse(query.to);
      if (from.success && to.success) {
        const [a, b] = from.data <= to.data ? [from.data, to.data] : [to.data, from.data];
        return span("custom", a, daysBetween(a, b) > 3660 ? addDays(a, 3660) : b);
      }
      return all("The custom range needs two dates; showing all data instead.");
    }
    default: {
      const recent = addDays(today, -29);
      if (data && data.max >= recent) return { ...span("30d", recent, today), resolution: "day" };
      return all(data ? "Nothing in the last 30 days: showing the whole span of the data." : null);
    }
  }
}
