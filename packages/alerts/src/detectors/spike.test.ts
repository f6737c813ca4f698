import { describe, expect, it } from "vitest";
import { SpikeParamsSchema } from "../rules/schema.ts";
import { hoursAfter } from "../testing/claims.ts";
import { type CountedEvent, detectSpike, poissonTail, spikeTest } from "./spike.ts";

const params = SpikeParamsSchema.parse({});
const T0 = "2023-09-01T00:00:00.000Z";
let n = 0;
const event = (hours: number, storyId: string | null = "other"): CountedEvent => ({
  articleId: `a${n++}`,
  storyId,
  at: hoursAfter(T0, hours),
});

describe("poisson tail", () => {
  it("matches known values", () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 4 | 0.5) = 1 − e^−0.5 (1 + 0.5 + 0.125 + 0.0208333)
    expect(poissonTail(4, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125 + 0.125 / 6), 10);
    expect(poissonTail(60, 1)).toBeGreaterThan(0);
    expect(poissonTail(60, 1)).toBeLessThan(1e-60);
  });
});

describe("spike test", () => {
  it("fires on a count far above the baseline", () => {
    expect(spikeTest(8, 9, 9, params).fired).toBe(true); // 8 against 1 per window
  });

  it("does not fire on a count the baseline explains", () => {
    const test = spikeTest(8, 54, 9, params); // 8 against 6 per window
    expect(test.fired).toBe(false);
    expect(test.pValue).toBeGreaterThan(0.1);
  });

  it("does not fire below the minimum count, even from an empty history", () => {
    expect(spikeTest(3, 0, 9, params).fired).toBe(false);
    expect(spikeTest(4, 0, 9, params).fired).toBe(true);
  });

  it("reports the baseline, the expected rate and a z-score", () => {
    const test = spikeTest(5, 0, 9, params);
    expect(test.baseline).toBe(0);
    expect(test.expected).toBe(0.5);
    expect(test.z).toBeCloseTo(5 / Math.sqrt(0.5), 6);
  });
});

describe("spike detector", () => {
  it("fires for a story inside a burst of reports after a quiet month", () => {
    const events = [event(0), event(200), event(400), event(700, "s1"), event(710), event(720), event(730, "s1")];
    const found = detectSpike(events, "s1", params, "clash");
    expect(found.fired).toBe(true);
    expect(found.numbers.count).toBe(4);
    expect(found.numbers.stories).toEqual(["s1", "other"]);
    expect(found.summary).toMatch(/^4 clash reports in 72 h against .*; 4 reports across 2 stories$/);
  });

  it("finds one episode, shown under the story with most reports, from every story in the burst", () => {
    const events = [
      event(1600, "quiet"),
      event(2000, "b"),
      ...[2001, 2002, 2003, 2004, 2005].map((h) => event(h, "shootout")),
      event(2006, "c"),
    ];
    const found = ["shootout", "b", "c"].map((s) => detectSpike(events, s, params, "clash"));
    for (const f of found) {
      expect(f.fired).toBe(true);
      expect(f.subject).toEqual(found[0]?.subject);
      expect(f.key).toBe(found[0]?.key);
      expect(f.numbers).toEqual(found[0]?.numbers);
    }
    expect(found[0]?.subject?.storyId).toBe("shootout");
    expect(found[0]?.numbers).toMatchObject({ count: 7, storyCount: 3, leadStoryReports: 5 });
    expect(detectSpike(events, "quiet", params, "clash").fired).toBe(false);
  });

  it("keeps the episode's key as the burst grows, and starts a new one after a quiet spell", () => {
    const burst = (from: number, story: string) => [0, 1, 2, 3].map((h) => event(from + h, story));
    const early = burst(3000, "x");
    const grown = [...early, event(3010, "y"), event(3020, "y")];
    const a = detectSpike(early, "x", params, "clash");
    const b = detectSpike(grown, "y", params, "clash");
    expect(b.subject?.key).toBe(a.subject?.key);
    expect(b.key).not.toBe(a.key);
    const later = [...grown, ...burst(3000 + 45 * 24, "z")];
    expect(detectSpike(later, "z", params, "clash").subject?.key).not.toBe(a.subject?.key);
  });

  it("does not fire when the same rate has gone on all month", () => {
    const events = Array.from({ length: 30 }, (_, i) => event(i * 24 + 1, i === 29 ? "s2" : "other"));
    expect(detectSpike(events, "s2", params, "clash").fired).toBe(false);
  });

  it("counts a story into a window that starts before its first report", () => {
    // The story's one report opens the burst; the window ending at the burst's last report holds it.
    const events = [event(1000, "s3"), event(1010), event(1020), event(1030)];
    expect(detectSpike(events, "s3", params, "clash").fired).toBe(true);
  });

  it("does not fire for a story outside the burst", () => {
    const events = [event(1000), event(1010), event(1020), event(1030), event(1300, "s4")];
    expect(detectSpike(events, "s4", params, "clash").fired).toBe(false);
  });

  it("gives the same answer whatever order the events come in", () => {
    const events = [event(0), event(700, "s5"), event(710), event(720), event(730, "s5")];
    const a = detectSpike(events, "s5", params, "clash");
    const b = detectSpike([...events].reverse(), "s5", params, "clash");
    expect(b).toEqual(a);
  });
});
