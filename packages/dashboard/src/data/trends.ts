import { INDICATOR_TYPES, type IndicatorType, type Modality } from "@seismo/core";
import { buildSeries, type Resolution, type Store, type TrendPoint, warmUpFrom } from "@seismo/store";
import type { DataSpan, DayRange } from "./range.ts";
import { type Scope, scopeQuery } from "./scope.ts";

/** Periods of history behind each period's baseline band (as the API's defaults). */
export const BASELINE_PERIODS: Record<Resolution, number> = { hour: 24, day: 14, week: 8 };

export interface TypeSeries {
  type: IndicatorType;
  counts: number[];
  /** Rolling mean and standard deviation of the previous periods; null where the store gave no baseline. */
  mean: Array<number | null>;
  sd: Array<number | null>;
  total: number;
}

export interface Change {
  type: IndicatorType;
  /** Period label: a day, an hour (YYYY-MM-DDTHH:00Z) or a week's Monday. */
  t: string;
  count: number;
  mean: number;
  sd: number;
  /** Excess over the baseline mean in standard deviations (sd floored at 1 so a quiet baseline does not explode). */
  score: number;
}

export interface Trends {
  resolution: Resolution;
  /** How many periods each baseline covers. */
  window: number;
  periods: string[];
  series: TypeSeries[];
  changes: Change[];
  /** True when some shown period has no baseline (the band is left out there). */
  baselineMissing: boolean;
}

export interface TrendFilter {
  types: IndicatorType[];
  modalities: Modality[];
  scope: Scope;
}

export async function loadTrends(store: Store, range: DayRange, filter: TrendFilter): Promise<Trends> {
  const window = BASELINE_PERIODS[range.resolution];
  const points = await store.trends.daily({
    from: warmUpFrom(range.from, range.resolution, window),
    to: range.to,
    resolution: range.resolution,
    modalities: filter.modalities,
    ...(filter.types.length > 0 ? { types: filter.types } : {}),
    ...scopeQuery(filter.scope),
  });
  return buildTrends(points, range, filter.types.length > 0 ? filter.types : [...INDICATOR_TYPES]);
}

/** Zero-filled counts per period with the store's rolling baseline, and the periods that stand out most. Pure. */
export function buildTrends(
  points: TrendPoint[],
  range: Pick<DayRange, "from" | "to" | "resolution" | "hours">,
  types: IndicatorType[],
): Trends {
  const window = BASELINE_PERIODS[range.resolution];
  const all = buildSeries(points, { from: range.from, to: range.to, resolution: range.resolution, window, types });
  const shown = (t: string) => !range.hours || (t >= range.hours.from && t <= range.hours.to);
  const series: TypeSeries[] = [];
  const changes: Change[] = [];
  let periods: string[] = [];
  let baselineMissing = false;
  for (const s of all) {
    const type = s.type as IndicatorType;
    const pts = s.points.filter((p) => shown(p.t));
    periods = pts.map((p) => p.t);
    let best: Change | null = null;
    for (const p of pts) {
      if (!p.baseline) {
        baselineMissing = true;
        continue;
      }
      const score = p.count - p.baseline.mean >= 1 ? (p.z ?? 0) : null;
      if (score !== null && (!best || score > best.score)) {
        best = {
          type,
          t: p.t,
          count: p.count,
          mean: round(p.baseline.mean),
          sd: round(p.baseline.sd),
          score: round(score),
        };
      }
    }
    if (best) changes.push(best);
    const counts = pts.map((p) => p.count);
    series.push({
      type,
      counts,
      mean: pts.map((p) => (p.baseline ? round(p.baseline.mean) : null)),
      sd: pts.map((p) => (p.baseline ? round(p.baseline.sd) : null)),
      total: counts.reduce((a, b) => a + b, 0),
    });
  }
  changes.sort((a, b) => b.score - a.score || b.count - a.count);
  return { resolution: range.resolution, window, periods, series, changes: changes.slice(0, 4), baselineMissing };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The first and last day with any indicator, so an empty recent window can fall back to the data. */
export async function dataSpan(store: Store): Promise<DataSpan | null> {
  const [row] = await store.sql.query<{ min: string | null; max: string | null }>(
    "SELECT min(day)::text AS min, max(day)::text AS max FROM indicator_daily",
  );
  if (!row?.min || !row.max) return null;
  const [last] = await store.sql.query<{ day: string; hour: number }>(
    "SELECT day::text AS day, hour FROM indicator_hourly WHERE dim = 'all' ORDER BY day DESC, hour DESC LIMIT 1",
  );
  const lastHour = last ? `${last.day}T${String(last.hour).padStart(2, "0")}:00Z` : null;
  return { min: row.min, max: row.max, lastHour };
}
