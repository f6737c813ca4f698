import { describe, expect, it } from "vitest";
import { resolveRange } from "./range.ts";
import { readScope, scopeQuery } from "./scope.ts";
import { buildTrends } from "./trends.ts";

const SAMPLE = { min: "2023-09-24", max: "2023-10-05", lastHour: "2023-10-05T14:00Z" };
const NOW = new Date("2025-01-10T09:30:00Z");

describe("resolveRange", () => {
  it("falls back to the span of the data when the last 30 days are empty", () => {
    const r = resolveRange({}, SAMPLE, NOW);
    expect(r).toMatchObject({ key: "all", from: "2023-09-24", to: "2023-10-05", resolution: "day" });
    expect(r.note).toMatch(/last 30 days/);
  });

  it("keeps the last 30 days per day when they hold data", () => {
    expect(resolveRange({}, { min: "2024-12-01", max: "2025-01-09", lastHour: null }, NOW)).toMatchObject({
      key: "30d",
      from: "2024-12-12",
      to: "2025-01-10",
      resolution: "day",
    });
  });

  it("makes 24 h the last 24 hours per hour", () => {
    const r = resolveRange({ range: "24h" }, { min: "2025-01-01", max: "2025-01-10", lastHour: null }, NOW);
    expect(r).toMatchObject({ resolution: "hour", from: "2025-01-09", to: "2025-01-10", note: null });
    expect(r.hours).toEqual({ from: "2025-01-09T10:00Z", to: "2025-01-10T09:00Z" });
  });

  it("ends 24 h and 7 d at the latest data when the data is older, and says so", () => {
    const day = resolveRange({ range: "24h" }, SAMPLE, NOW);
    expect(day.hours).toEqual({ from: "2023-10-04T15:00Z", to: "2023-10-05T14:00Z" });
    expect(day.note).toMatch(/Nothing in the last 24 hours.*5 Oct 2023/);
    expect(resolveRange({ range: "7d" }, SAMPLE, NOW)).toMatchObject({ from: "2023-09-29", to: "2023-10-05" });
  });

  it("draws long custom ranges per week and short ones per hour", () => {
    expect(resolveRange({ range: "custom", from: "2023-01-01", to: "2023-12-31" }, null).resolution).toBe("week");
    expect(resolveRange({ range: "custom", from: "2023-10-02", to: "2023-10-01" }, null)).toMatchObject({
      from: "2023-10-01",
      to: "2023-10-02",
      resolution: "hour",
      hours: null,
    });
    expect(resolveRange({ range: "custom", from: "x" }, SAMPLE).note).toMatch(/two dates/);
  });
});

describe("buildTrends", () => {
  const quiet = Array.from({ length: 14 }, (_, i) => ({
    day: `2023-09-${String(10 + i).padStart(2, "0")}`,
    type: "clash" as const,
    count: i % 2,
    intensity: 0,
  }));
  const range = { from: "2023-09-24", to: "2023-09-25", resolution: "day" as const, hours: null };

  it("fills missing days with zero and computes the 14-day baseline before each day", () => {
    const t = buildTrends([...quiet, { day: "2023-09-24", type: "clash", count: 9, intensity: 3 }], range, [
      "clash",
      "talks",
    ]);
    expect(t.periods).toEqual(["2023-09-24", "2023-09-25"]);
    const clash = t.series.find((s) => s.type === "clash");
    expect(clash?.counts).toEqual([9, 0]);
    expect(clash?.mean[0]).toBe(0.5);
    expect(clash?.sd[0]).toBe(0.5);
    expect(clash?.total).toBe(9);
    expect(t.series.find((s) => s.type === "talks")?.counts).toEqual([0, 0]);
    expect(t.baselineMissing).toBe(false);
  });

  it("calls out the day that rises most above its baseline", () => {
    const t = buildTrends([...quiet, { day: "2023-09-24", type: "clash", count: 9, intensity: 3 }], range, [
      "clash",
      "talks",
    ]);
    expect(t.changes).toEqual([{ type: "clash", t: "2023-09-24", count: 9, mean: 0.5, sd: 0.5, score: 8.5 }]);
  });

  it("shows only the asked hours at hour resolution, each against the 24 hours before it", () => {
    const t = buildTrends(
      [{ day: "2023-09-24T13:00Z", type: "clash", count: 3, intensity: 1 }],
      {
        from: "2023-09-23",
        to: "2023-09-24",
        resolution: "hour",
        hours: { from: "2023-09-23T14:00Z", to: "2023-09-24T13:00Z" },
      },
      ["clash"],
    );
    expect(t.periods).toHaveLength(24);
    expect(t.periods.at(-1)).toBe("2023-09-24T13:00Z");
    expect(t.changes[0]).toMatchObject({ t: "2023-09-24T13:00Z", count: 3, mean: 0 });
  });
});

describe("readScope", () => {
  const sources = [{ id: "src_a" }];
  const query = (q: Record<string, string>) => (name: string) => q[name];

  it("reads one scope from the selector or from API-style parameters", () => {
    expect(readScope(query({ scope: "region:mitrovica" }), sources).scope).toEqual({
      kind: "region",
      value: "Mitrovica",
    });
    expect(readScope(query({ sourceTag: "perspective:serbian" }), sources).scope).toEqual({
      kind: "tag",
      key: "perspective",
      value: "serbian",
    });
    expect(scopeQuery(readScope(query({ language: "sr-Latn" }), sources).scope)).toEqual({ language: "sr" });
  });

  it("explains a link that combines scopes instead of querying it", () => {
    const choice = readScope(query({ region: "Mitrovica", language: "sr" }), sources);
    expect(choice.scope).toEqual({ kind: "all" });
    expect(choice.conflict?.asked).toEqual(["Region: Mitrovica", "Language: Serbian"]);
  });

  it("falls back to all coverage for an unknown region or source, with a note", () => {
    expect(readScope(query({ region: "Atlantis" }), sources).note).toMatch(/No region “Atlantis”/);
    expect(readScope(query({ scope: "source:src_zz" }), sources)).toMatchObject({ scope: { kind: "all" } });
  });
});
