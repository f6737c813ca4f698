import { describe, expect, it } from "vitest";
import { resolveRange } from "./range.ts";
import { buildTrends } from "./trends.ts";

describe("resolveRange", () => {
  it("falls back to the span of the data when the last 30 days are empty", () => {
    const r = resolveRange({}, { min: "2023-09-24", max: "2023-10-05" }, "2025-01-10");
    expect(r).toMatchObject({ key: "all", from: "2023-09-24", to: "2023-10-05" });
    expect(r.note).toMatch(/last 30 days/);
  });

  it("keeps the last 30 days when they hold data", () => {
    expect(resolveRange({}, { min: "2024-12-01", max: "2025-01-09" }, "2025-01-10")).toMatchObject({
      key: "30d",
      from: "2024-12-12",
      to: "2025-01-10",
    });
  });

  it("orders a reversed custom range and rejects a malformed one", () => {
    expect(resolveRange({ range: "custom", from: "2023-10-02", to: "2023-09-30" }, null)).toMatchObject({
      from: "2023-09-30",
      to: "2023-10-02",
    });
    expect(resolveRange({ range: "custom", from: "x" }, { min: "2023-09-01", max: "2023-09-02" }).note).toMatch(/two dates/);
  });
});

describe("buildTrends", () => {
  const quiet = Array.from({ length: 14 }, (_, i) => ({
    day: `2023-09-${String(10 + i).padStart(2, "0")}`,
    type: "clash" as const,
    count: i % 2,
    intensity: 0,
  }));

  it("fills missing days with zero and computes the 14-day baseline before each day", () => {
    const t = buildTrends(
      [...quiet, { day: "2023-09-24", type: "clash", count: 9, intensity: 3 }],
      { from: "2023-09-24", to: "2023-09-25" },
      ["clash", "talks"],
    );
    expect(t.days).toEqual(["2023-09-24", "2023-09-25"]);
    const clash = t.series.find((s) => s.type === "clash");
    expect(clash?.counts).toEqual([9, 0]);
    expect(clash?.mean[0]).toBe(0.5);
    expect(clash?.sd[0]).toBe(0.5);
    expect(clash?.total).toBe(9);
    expect(t.series.find((s) => s.type === "talks")?.counts).toEqual([0, 0]);
  });

  it("calls out the day that rises most above its baseline", () => {
    const t = buildTrends(
      [...quiet, { day: "2023-09-24", type: "clash", count: 9, intensity: 3 }],
      { from: "2023-09-24", to: "2023-09-25" },
      ["clash", "talks"],
    );
    expect(t.changes).toEqual([{ type: "clash", day: "2023-09-24", count: 9, mean: 0.5, sd: 0.5, score: 8.5 }]);
  });
});
