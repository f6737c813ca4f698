import { INDICATOR_TYPES, type IndicatorType, type Modality } from "@seismo/core";
import type { Store, TrendPoint } from "@seismo/store";
import { addDays, type DayRange, eachDay } from "./range.ts";

/** Days of history behind each day's baseline band. */
export const BASELINE_DAYS = 14;

export interface TypeSeries {
  type: IndicatorType;
  counts: number[];
  /** Rolling mean and standard deviation of the previous BASELINE_DAYS days, per day of the range. */
  mean: number[];
  sd: number[];
  total: number;
}

export interface Change {
  type: IndicatorType;
  day: string;
  count: number;
  mean: number;
  sd: number;
  /** Excess over the baseline mean in standard deviations (sd floored at 1 so a quiet baseline does not explode). */
  score: number;
}

export interface Trends {
  days: string[];
  series: TypeSeries[];
  changes: Change[];
}

export interface TrendFilter {
  types: IndicatorType[];
  modalities: Modality[];
  sourceId: string | null;
}

export async function loadTrends(store: Store, range: DayRange, filter: TrendFilter): Promise<Trends> {
  const points = await store.trends.daily({
    from: addDays(range.from, -BASELINE_DAYS),
    to: range.to,
    modalities: filter.modalities,
    ...(filter.types.length > 0 ? { types: filter.types } : {}),
    ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
  });
  return buildTrends(points, range, filter.types.length > 0 ? filter.types : [...INDICATOR_TYPES]);
}

/** Daily counts with a rolling baseline, and the days that stand out most above it. Pure. */
export function buildTrends(points: TrendPoint[], range: { from: string; to: string }, types: IndicatorType[]): Trends {
  const days = eachDay(range.from, range.to);
  const history = eachDay(addDays(range.from, -BASELINE_DAYS), range.to);
  const index = new Map(history.map((d, i) => [d, i]));
  const byType = new Map<IndicatorType, number[]>(types.map((t) => [t, history.map(() => 0)]));
  for (const p of points) {
    const i = index.get(p.day);
    const row = byType.get(p.type);
    if (i !== undefined && row) row[i] = (row[i] ?? 0) + p.count;
  }
  const series: TypeSeries[] = [];
  const changes: Change[] = [];
  for (const type of types) {
    const all = byType.get(type) ?? [];
    const counts = all.slice(BASELINE_DAYS);
    const mean: number[] = [];
    const sd: number[] = [];
    let best: Change | null = null;
    counts.forEach((count, i) => {
      const window = all.slice(i, i + BASELINE_DAYS);
      const m = window.reduce((a, b) => a + b, 0) / BASELINE_DAYS;
      const s = Math.sqrt(window.reduce((a, b) => a + (b - m) ** 2, 0) / BASELINE_DAYS);
      mean.push(round(m));
      sd.push(round(s));
      const score = (count - m) / Math.max(s, 1);
      if (count - m >= 1 && (!best || score > best.score)) {
        best = { type, day: days[i] ?? "", count, mean: round(m), sd: round(s), score: round(score) };
      }
    });
    if (best) changes.push(best);
    series.push({ type, counts, mean, sd, total: counts.reduce((a, b) => a + b, 0) });
  }
  changes.sort((a, b) => b.score - a.score || b.count - a.count);
  return { days, series, changes: changes.slice(0, 4) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The first and last day with any indicator, so an empty recent window can fall back to the data. */
export async function dataSpan(store: Store): Promise<{ min: string; max: string } | null> {
  const [row] = await store.sql.query<{ min: string | null; max: string | null }>(
    "SELECT min(day)::text AS min, max(day)::text AS max FROM indicator_daily",
  );
  return row?.min && row.max ? { min: row.min, max: row.max } : null;
}
