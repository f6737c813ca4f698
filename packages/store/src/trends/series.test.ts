import { describe, expect, it } from "vitest";
import { buildSeries, periods, weekStart } from "./series.ts";

describe("buildSeries", () => {
  it("zero-fills days and gives each a baseline of the days before it", () => {
    const points = [
      { day: "2023-09-27", type: "clash" as const, count: 1, intensity: 0.5 },
      { day: "2023-09-28", type: "clash" as const, count: 1, intensity: 0.5 },
      { day: "2023-09-30", type: "clash" as const, count: 7, intensity: 4 },
    ];
    const [clash] = buildSeries(points, {
      from: "2023-09-29",
      to: "2023-09-30",
      resolution: "day",
      window: 3,
      types: ["clash"],
    });
    expect(clash?.points.map((p) => [p.t, p.count])).toEqual([
      ["2023-09-29", 0],
      ["2023-09-30", 7],
    ]);
    // baseline of 09-30 = days 27, 28, 29 → counts 1, 1, 0
    expect(clash?.points[1]?.baseline).toEqual({ mean: 0.6667, sd: 0.4714 });
    expect(clash?.points[1]?.z).toBeCloseTo((7 - 0.6667) / 1, 3);
    expect(clash?.total).toBe(7);
  });

  it("labels weeks by their Monday", () => {
    expect(weekStart("2023-10-01")).toBe("2023-09-25");
    expect(periods("2023-09-28", "2023-10-09", "week")).toEqual(["2023-09-25", "2023-10-02", "2023-10-09"]);
  });

  it("gives a type with no indicators a flat zero series", () => {
    const [talks] = buildSeries([], {
      from: "2023-09-01",
      to: "2023-09-03",
      resolution: "day",
      window: 2,
      types: ["talks"],
    });
    expect(talks?.points.map((p) => p.count)).toEqual([0, 0, 0]);
    expect(talks?.points[0]?.baseline).toEqual({ mean: 0, sd: 0 });
  });
});
