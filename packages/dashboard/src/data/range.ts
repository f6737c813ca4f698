import { z } from "zod";

export const RANGE_KEYS = ["24h", "7d", "30d", "all", "custom"] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

export interface DayRange {
  key: RangeKey;
  from: string;
  to: string;
  /** Why this range was picked when the user did not choose one. */
  note: string | null;
}

const DAY_MS = 86_400_000;
const DaySchema = z.iso.date();

export const toDay = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => toDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Every day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Turns the range picker's query into inclusive days. Trends are daily, so "24 h" is today and
 * yesterday. With no choice made and nothing in the last 30 days, the range is the data's span
 * (the sample data is from autumn 2023).
 */
export function resolveRange(
  query: { range?: string | undefined; from?: string | undefined; to?: string | undefined },
  span: { min: string; max: string } | null,
  today: string = toDay(new Date()),
): DayRange {
  const key = (RANGE_KEYS as readonly string[]).includes(query.range ?? "") ? (query.range as RangeKey) : null;
  const last = (days: number, k: RangeKey): DayRange => ({ key: k, from: addDays(today, -(days - 1)), to: today, note: null });
  const all = (note: string | null): DayRange =>
    span ? { key: "all", from: span.min, to: span.max, note } : { ...last(30, "30d"), note };
  switch (key) {
    case "24h":
      return last(2, "24h");
    case "7d":
      return last(7, "7d");
    case "30d":
      return last(30, "30d");
    case "all":
      return all(null);
    case "custom": {
      const from = DaySchema.safeParse(query.from);
      const to = DaySchema.safeParse(query.to);
      if (from.success && to.success) {
        const [a, b] = from.data <= to.data ? [from.data, to.data] : [to.data, from.data];
        return { key: "custom", from: a, to: daysBetween(a, b) > 3660 ? addDays(a, 3660) : b, note: null };
      }
      return { ...all(null), note: "The custom range needs two dates; showing all data instead." };
    }
    default: {
      const recent = last(30, "30d");
      if (span && span.max >= recent.from) return recent;
      return all(span ? "Nothing in the last 30 days: showing the whole span of the data." : null);
    }
  }
}
