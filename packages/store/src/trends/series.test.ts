import { describe, expect, it } from "vitest";
import { buildSeries, periods, warmUpFrom, weekStart } from "./series.ts";

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

describe("hourly series", () => {
  it("labels hours in UTC and fills every hour of the days asked for", () => {
    const labels = periods("2023-09-29", "2023-09-30", "hour");
    expect(labels).toHaveLength(48);
    expect(labels[0]).toBe("2023-09-29T00:00Z");
    expect(labels.at(-1)).toBe("2023-09-30T23:00Z");
  });

  it("takes the baseline of an hour from the hours before it, across midnight", () => {
    expect(warmUpFrom("2023-09-29", "hour", 3)).toBe("2023-09-28");
    const [clash] = buildSeries(
      [
        { day: "2023-09-28T22:00Z", type: "clash", count: 2, intensity: 1 },
        { day: "2023-09-29T01:00Z", type: "clash", count: 5, intensity: 2 },
      ],
      { from: "2023-09-29", to: "2023-09-29", resolution: "hour", window: 3, types: ["clash"] },
    );
    expect(clash?.points).toHaveLength(24);
    expect(clash?.points[1]).toMatchObject({ t: "2023-09-29T01:00Z", count: 5 });
    // hours 22, 23, 00 → 2, 0, 0
    expect(clash?.points[1]?.baseline).toEqual({ mean: 0.6667, sd: 0.9428 });
    expect(clash?.total).toBe(5);
  });
});
