import { describe, expect, it } from "vitest";
import { GrowthParamsSchema } from "../rules/schema.ts";
import { claim } from "../testing/claims.ts";
import { detectGrowth } from "./growth.ts";

const params = GrowthParamsSchema.parse({ minOutlets: 3, intensityLevel: 2 });

describe("story growth detector", () => {
  it("fires when a story reaches the outlet count", () => {
    const found = detectGrowth({ articles: 4, outlets: 3 }, [], params);
    expect(found.fired).toBe(true);
    expect(found.numbers.outlets).toBe(3);
  });

  it("fires when the claims' intensity crosses the level, and moves its key per level", () => {
    const claims = (n: number) => Array.from({ length: n }, () => claim({ intensity: 0.5 }));
    expect(detectGrowth({ articles: 1, outlets: 1 }, claims(3), params).fired).toBe(false);
    const once = detectGrowth({ articles: 1, outlets: 1 }, claims(4), params);
    const twice = detectGrowth({ articles: 1, outlets: 1 }, claims(8), params);
    expect(once.numbers.levelsCrossed).toBe(1);
    expect(twice.numbers.levelsCrossed).toBe(2);
    expect(once.key).not.toBe(twice.key);
    expect(detectGrowth({ articles: 1, outlets: 1 }, claims(5), params).key).toBe(once.key);
  });

  it("stays quiet for a small story", () => {
    expect(detectGrowth({ articles: 2, outlets: 2 }, [claim({ intensity: 0.5 })], params).fired).toBe(false);
  });
});
