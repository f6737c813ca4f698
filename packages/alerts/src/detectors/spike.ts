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

/** How far before a story's first report an escalation episode is traced back, in windows. */
export const EPISODE_LOOKBACK_WINDOWS = 7;

/**
 * The time range of events `detectSpike` needs around a story's events: the baseline of every
 * window that may chain into the story's episode, back `EPISODE_LOOKBACK_WINDOWS` windows.
 */
export function spikeRange(storyTimes: string[], params: SpikeParams): { from: string; to: string } | null {
  if (storyTimes.length === 0) return null;
  const ms = storyTimes.map((t) => Date.parse(t));
  const windowMs = params.windowHours * 3_600_000;
  const back = (EPISODE_LOOKBACK_WINDOWS + 1) * windowMs + params.baselineDays * 86_400_000;
  return {
    from: new Date(Math.min(...ms) - back).toISOString(),
    to: new Date(Math.max(...ms) + windowMs).toISOString(),
  };
}

/** Index of the first value in `sorted` greater than `x`. */
function upper(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Window = SpikeTest & { end: number };

/**
 * A spike is about the rule's scope (its types, places, sources), not about one story: a burst of
 * reports, whoever wrote them, is one escalation. Every window ending at a matching report is
 * tested; firing windows that overlap chain into an episode, and the episode holding the story's
 * reports is the finding. Its `subject` names the episode (by its first firing window) and the
 * story that carries most of its reports, so every story in the burst finds the same alert and
 * ten outlets reporting one shootout raise one alert, updated as the count grows.
 * Windows end at report times, so the answer depends only on the data, not on the clock or on
 * the order reports arrived in. `since`: windows whose baseline starts earlier are not tested
 * (the caller fetched no events before it).
 */
export function detectSpike(
  events: CountedEvent[],
  storyId: string,
  params: SpikeParams,
  label: string,
  since = Number.NEGATIVE_INFINITY,
): Detection {
  const list = [...new Map(events.map((e) => [e.articleId, { ...e, t: Date.parse(e.at) }])).values()].sort(
    (a, b) => a.t - b.t || a.articleId.localeCompare(b.articleId),
  );
  const times = list.map((e) => e.t);
  const storyTimes = list.filter((e) => e.storyId === storyId).map((e) => e.t);
  if (storyTimes.length === 0) return notFired;
  const windowMs = params.windowHours * 3_600_000;
  const baselineMs = params.baselineDays * 86_400_000;
  const count = (from: number, to: number) => upper(times, to) - upper(times, from);
  const episodes: Window[][] = [];
  for (const end of new Set(times)) {
    if (end - windowMs - baselineMs < since) continue;
    const test = spikeTest(
      count(end - windowMs, end),
      count(end - windowMs - baselineMs, end - windowMs),
      baselineMs / windowMs,
      params,
    );
    if (!test.fired) continue;
    const last = episodes.at(-1);
    const previous = last?.at(-1);
    if (last && previous && end - previous.end < windowMs) last.push({ ...test, end });
    else episodes.push([{ ...test, end }]);
  }
  const holdsStory = (w: Window) => storyTimes.some((t) => t > w.end - windowMs && t <= w.end);
  const episode = episodes.filter((ep) => ep.some(holdsStory)).at(-1);
  const first = episode?.[0];
  if (!episode || !first) return notFired;
  const peak = episode.reduce((best, w) =>
    w.pValue < best.pValue || (w.pValue === best.pValue && w.count > best.count) ? w : best,
  );
  const from = first.end - windowMs;
  const to = episode.at(-1)?.end ?? peak.end;
  const stories = new Map<string, { reports: number; first: number }>();
  for (const e of list) {
    if (e.t <= from || e.t > to || e.storyId === null) continue;
    const s = stories.get(e.storyId);
    if (s) s.reports++;
    else stories.set(e.storyId, { reports: 1, first: e.t });
  }
  const ranked = [...stories].sort(
    ([a, x], [b, y]) => y.reports - x.reports || x.first - y.first || a.localeCompare(b),
  );
  const [lead, leadStats] = ranked[0] ?? [storyId, { reports: 0 }];
  const reports = count(from, to);
  const more = ranked.length > 1 ? `; ${reports} reports across ${ranked.length} stories` : "";
  return {
    fired: true,
    summary: `${peak.count} ${label} reports in ${params.windowHours} h against ${peak.baseline.toFixed(2)} on the ${params.baselineDays}-day baseline (p = ${peak.pValue.toExponential(1)})${more}`,
    numbers: {
      count: peak.count,
      baseline: round(peak.baseline),
      expected: round(peak.expected),
      pValue: Number(peak.pValue.toPrecision(3)),
      z: round(peak.z),
      windowHours: params.windowHours,
      baselineDays: params.baselineDays,
      windowEnd: new Date(peak.end).toISOString(),
      episodeStart: new Date(from).toISOString(),
      episodeEnd: new Date(to).toISOString(),
      reportsInEpisode: reports,
      stories: ranked.slice(0, 20).map(([id]) => id),
      storyCount: ranked.length,
      leadStoryReports: leadStats.reports,
    },
    evidence: [],
    key: `count=${peak.count}|stories=${ranked.length}`,
    subject: { key: `spike@${new Date(first.end).toISOString()}`, storyId: lead },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
