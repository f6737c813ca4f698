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

/** Every period label from `from` to `to` inclusive. */
export function periods(from: string, to: string, resolution: Resolution): string[] {
  const step = resolution === "week" ? 7 : 1;
  const out: string[] = [];
  for (let t = resolution === "week" ? weekStart(from) : from; t <= to; t = addDays(t, step)) out.push(t);
  return out;
}

/**
 * Turns sparse rollup points into one zero-filled series per type, each point with a rolling
 * baseline over the previous `window` periods. `points` must reach back `window` periods before
 * `from` so the first visible point has a full baseline.
 */
export function buildSeries(
  points: TrendPoint[],
  options: { from: string; to: string; resolution: Resolution; window: number; types: string[] },
): Array<{ type: string; total: number; points: SeriesPoint[] }> {
  const step = options.resolution === "week" ? 7 : 1;
  const warmFrom = addDays(
    options.resolution === "week" ? weekStart(options.from) : options.from,
    -options.window * step,
  );
  const labels = periods(warmFrom, options.to, options.resolution);
  const visibleFrom = options.resolution === "week" ? weekStart(options.from) : options.from;
  return options.types.map((type) => {
    const byLabel = new Map(points.filter((p) => p.type === type).map((p) => [p.day, p]));
    const counts = labels.map((l) => byLabel.get(l)?.count ?? 0);
    const series: SeriesPoint[] = [];
    labels.forEach((label, i) => {
      if (label < visibleFrom) return;
      const prior = counts.slice(Math.max(0, i - options.window), i);
      const baseline = prior.length > 0 ? meanSd(prior) : null;
      const count = counts[i] ?? 0;
      series.push({
        t: label,
        count,
        intensity: byLabel.get(label)?.intensity ?? 0,
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
