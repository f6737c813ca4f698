import type { SpikeParams } from "../rules/schema.ts";
import { type Detection, notFired } from "./types.ts";

/** An article with at least one matching claim (near-duplicates left out by the caller). */
export interface CountedEvent {
  articleId: string;
  storyId: string | null;
  at: string;
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from k upwards so tiny tails keep their precision. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logTerm = -lambda;
  for (let i = 1; i <= k; i++) logTerm += Math.log(lambda) - Math.log(i);
  let term = Math.exp(logTerm);
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    sum += term;
    if (i > lambda && term < sum * 1e-15) break;
    term *= lambda / (i + 1);
  }
  return Math.min(1, sum);
}

export interface SpikeTest {
  count: number;
  /** Mean count per window over the baseline. */
  baseline: number;
  /** The rate the test assumes: the baseline, floored at `minExpected`. */
  expected: number;
  pValue: number;
  z: number;
  fired: boolean;
}

/**
 * Is `count` in one window far above the rolling baseline? A one-sided Poisson test: fires when
 * P(X ≥ count | expected) ≤ maxPValue and count ≥ minCount. The floor on `expected` keeps a
 * quiet history from turning every pair of reports into a spike.
 */
export function spikeTest(
  count: number,
  baselineCount: number,
  baselineWindows: number,
  params: Pick<SpikeParams, "minCount" | "maxPValue" | "minExpected">,
): SpikeTest {
  const baseline = baselineWindows > 0 ? baselineCount / baselineWindows : 0;
  const expected = Math.max(baseline, params.minExpected);
  const pValue = poissonTail(count, expected);
  const z = (count - baseline) / Math.sqrt(expected);
  return { count, baseline, expected, pValue, z, fired: count >= params.minCount && pValue <= params.maxPValue };
}

/** The time range of events `detectSpike` needs around a story's events. */
export function spikeRange(storyTimes: string[], params: SpikeParams): { from: string; to: string } | null {
  if (storyTimes.length === 0) return null;
  const ms = storyTimes.map((t) => Date.parse(t));
  const windowMs = params.windowHours * 3_600_000;
  return {
    from: new Date(Math.min(...ms) - windowMs - params.baselineDays * 86_400_000).toISOString(),
    to: new Date(Math.max(...ms) + windowMs).toISOString(),
  };
}

/**
 * Looks at every window (ending at a matching report) that holds at least one of the story's
 * reports and keeps the most significant. Windows end at report times, so the answer depends only
 * on the data, not on the clock or the order reports arrived in.
 */
export function detectSpike(events: CountedEvent[], storyId: string, params: SpikeParams, label: string): Detection {
  const byArticle = new Map(events.map((e) => [e.articleId, Date.parse(e.at)]));
  const times = [...byArticle.values()].sort((a, b) => a - b);
  const storyTimes = events.filter((e) => e.storyId === storyId).map((e) => Date.parse(e.at));
  if (storyTimes.length === 0) return notFired;
  const windowMs = params.windowHours * 3_600_000;
  const baselineMs = params.baselineDays * 86_400_000;
  const inRange = (from: number, to: number) => times.filter((t) => t > from && t <= to).length;
  let best: (SpikeTest & { end: number }) | null = null;
  for (const end of new Set(times)) {
    if (!storyTimes.some((t) => t > end - windowMs && t <= end)) continue;
    const test = spikeTest(
      inRange(end - windowMs, end),
      inRange(end - windowMs - baselineMs, end - windowMs),
      baselineMs / windowMs,
      params,
    );
    if (!best || test.pValue < best.pValue || (test.pValue === best.pValue && test.count > best.count)) {
      best = { ...test, end };
    }
  }
  if (!best?.fired) return notFired;
  const end = best.end;
  const inWindow = new Set(
    events.filter((e) => Date.parse(e.at) > end - windowMs && Date.parse(e.at) <= end).map((e) => e.articleId),
  );
  return {
    fired: true,
    summary: `${best.count} ${label} reports in ${params.windowHours} h against ${best.baseline.toFixed(2)} on the ${params.baselineDays}-day baseline (p = ${best.pValue.toExponential(1)})`,
    numbers: {
      count: best.count,
      baseline: round(best.baseline),
      expected: round(best.expected),
      pValue: Number(best.pValue.toPrecision(3)),
      z: round(best.z),
      windowHours: params.windowHours,
      baselineDays: params.baselineDays,
      windowEnd: new Date(end).toISOString(),
      storyReportsInWindow: events.filter((e) => e.storyId === storyId && inWindow.has(e.articleId)).length,
    },
    evidence: [],
    key: `count=${best.count}`,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
