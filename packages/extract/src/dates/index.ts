import { MONTHS } from "./months.ts";

const pad = (n: number) => String(n).padStart(2, "0");

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function ymd(y: number, m: number, d: number): string | null {
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const ISO =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/;
const SLASHED_YMD = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const DAY_MONTH_NAME = /(?<![\p{L}\d])(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(\p{L}{3,12})\.?,?\s+(\d{4})(?!\d)/iu;
const MONTH_NAME_DAY = /(?<![\p{L}\d])(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/iu;
const DOTTED_DMY = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/;
const SLASHED_DMY = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const EPOCH = /^\d{10}(\d{3})?$/;

function offset(tz: string | undefined): string {
  if (!tz) return "";
  if (tz === "Z") return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
  return m ? `${m[1]}${m[2]}:${m[3] ?? "00"}` : "";
}

/**
 * Normalizes a machine-readable date (ISO 8601 and the variants publishers emit) to ISO. The
 * wall-clock date is kept as written: converting to UTC could move the day.
 */
export function normalizeDate(raw: string | null | undefined, monthFirst = false): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  const m = ISO.exec(s);
  if (m) {
    const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return null;
    if (m[4] === undefined) return date;
    const h = Number(m[4]);
    const min = Number(m[5]);
    const sec = Number(m[6] ?? 0);
    if (h > 23 || min > 59 || sec > 59) return date;
    return `${date}T${pad(h)}:${pad(min)}:${pad(sec)}${offset(m[7])}`;
  }
  return findDateInText(s, monthFirst);
}

interface Hit {
  index: number;
  date: string;
}

function month(word: string | undefined): number | undefined {
  return word === undefined ? undefined : MONTHS.get(word.toLowerCase());
}

/**
 * Finds the first calendar date written in running text: "29. septembar 2023.", "29 shtator 2023",
 * "September 29, 2023", "29.09.2023", "2023/09/29". Numeric d/m/y order is ambiguous; `monthFirst`
 * chooses the US reading when both parts could be a month.
 */
export function findDateInText(text: string, monthFirst = false): string | null {
  let best: Hit | null = null;
  const scan = (re: RegExp, read: (m: RegExpExecArray) => string | null) => {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    let seen = 0;
    for (let m = g.exec(text); m !== null && seen < 50; m = g.exec(text), seen++) {
      if (best && m.index >= best.index) return;
      const date = read(m);
      if (date) {
        best = { index: m.index, date };
        return;
      }
    }
  };
  scan(DAY_MONTH_NAME, (m) => {
    const mo = month(m[2]);
    return mo ? ymd(Number(m[3]), mo, Number(m[1])) : null;
  });
  scan(MONTH_NAME_DAY, (m) => {
    const mo = month(m[1]);
    return mo ? ymd(Number(m[3]), mo, Number(m[2])) : null;
  });
  scan(ISO, (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  scan(SLASHED_YMD, (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  scan(DOTTED_DMY, (m) => ymd(Number(m[3]), Number(m[2]), Number(m[1])));
  scan(SLASHED_DMY, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    return (monthFirst && a <= 12) || b > 12 ? ymd(y, a, b) : ymd(y, b, a);
  });
  return (best as Hit | null)?.date ?? null;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)/;
const URL_COMPACT = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_-]|$)/;

/** Dates that news CMSs put in article paths: /2023/09/29/slug, /20230929-slug. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = URL_DATE.exec(path) ?? URL_COMPACT.exec(path);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
