import type { Resolution, TrendPoint } from "./index.ts";

export interface SeriesPoint {
  t: string;
  count: number;
  intensity: number;
  /** Mean and standard deviation of the `window` periods before this one (null until there are any). */
  baseline: { mean: number; sd: number } | null;
  /** How many standard deviations above the baseline this period is (null without a baseline). */
  z: number | null;
}

const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

const HOUR_MS = 3_600_000;
const STEP_MS: Record<Resolution, number> = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS };

const label = (ms: number, resolution: Resolution) => {
  const iso = new Date(ms).toISOString();
  return resolution === "hour" ? `${iso.slice(0, 13)}:00Z` : iso.slice(0, 10);
};

/** First period of a range of days: its Monday for weeks, midnight UTC otherwise. */
const firstMs = (from: string, resolution: Resolution) =>
  Date.parse(`${resolution === "week" ? weekStart(from) : from}T00:00:00Z`);
/** Last period of a range of days: 23:00 of `to` for hours. */
const lastMs = (to: string, resolution: Resolution) =>
  Date.parse(`${to}T00:00:00Z`) + (resolution === "hour" ? 23 * HOUR_MS : 0);

/** Every period label from `from` to `to` inclusive (days; hours are YYYY-MM-DDTHH:00Z). */
export function periods(from: string, to: string, resolution: Resolution): string[] {
  const out: string[] = [];
  const step = STEP_MS[resolution];
  for (let t = firstMs(from, resolution); t <= lastMs(to, resolution); t += step) out.push(label(t, resolution));
  return out;
}

/** The first day to query so the first visible period has `window` periods of baseline before it. */
export function warmUpFrom(from: string, resolution: Resolution, window: number): string {
  return label(firstMs(from, resolution) - window * STEP_MS[resolution], "day");
}

/**
 * Turns sparse rollup points into one zero-filled series per type, each point with a rolling
 * baseline over the previous `window` periods. `points` must reach back `window` periods before
 * `from` (see warmUpFrom) so the first visible point has a full baseline.
 */
export function buildSeries(
  points: TrendPoint[],
  options: { from: string; to: string; resolution: Resolution; window: number; types: string[] },
): Array<{ type: string; total: number; points: SeriesPoint[] }> {
  const { resolution } = options;
  const step = STEP_MS[resolution];
  const visibleMs = firstMs(options.from, resolution);
  const labels: string[] = [];
  for (let t = visibleMs - options.window * step; t <= lastMs(options.to, resolution); t += step) {
    labels.push(label(t, resolution));
  }
  const visibleFrom = label(visibleMs, resolution);
  return options.types.map((type) => {
    const byLabel = new Map(points.filter((p) => p.type === type).map((p) => [p.day, p]));
    const counts = labels.map((l) => byLabel.get(l)?.count ?? 0);
    const series: SeriesPoint[] = [];
    labels.forEach((l, i) => {
      if (l < visibleFrom) return;
      const prior = counts.slice(Math.max(0, i - options.window), i);
      const baseline = prior.length > 0 ? meanSd(prior) : null;
      const count = counts[i] ?? 0;
      series.push({
        t: l,
        count,
        intensity: byLabel.get(l)?.intensity ?? 0,
        baseline,
        z: baseline ? (count - baseline.mean) / Math.max(baseline.sd, 1) : null,
      });
    });
    return { type, total: series.reduce((n, p) => n + p.count, 0), points: series };
  });
}

function meanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean: +mean.toFixed(4), sd: +Math.sqrt(variance).toFixed(4) };
}
