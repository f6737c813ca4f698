import { describe, expect, it } from "vitest";
import { storyFeatures } from "../features/index.ts";
import { fixtureArticle, NEGATIVES } from "../testing/fixtures.ts";
import { StoryIndex } from "./index.ts";

describe("StoryIndex", () => {
  it("clusters the seeds and the unrelated articles into the expected stories", () => {
    const index = new StoryIndex();
    const first = index.add(fixtureArticle("seed-001"));
    expect(first).toMatchObject({ storyId: "story-1", created: true });
    const second = index.add(fixtureArticle("seed-000"));
    expect(second).toMatchObject({ storyId: "story-1", created: false });
    expect(index.add(fixtureArticle("seed-002")).storyId).not.toBe("story-1");
    for (const name of NEGATIVES) expect(index.add(fixtureArticle(name)).storyId).not.toBe("story-1");
    expect(index.get("story-1")?.articles).toBe(2);
    expect(index.stories).toHaveLength(6);
  });

  it("starts a new story for a rewrite outside the time window", () => {
    const index = new StoryIndex({ newId: (n) => `s${n}` });
    index.add(fixtureArticle("seed-001"));
    const late = index.add(fixtureArticle("seed-000", { publishedAt: "2023-10-06T00:00:00Z" }));
    expect(late).toMatchObject({ storyId: "s2", created: true });
  });

  it("accepts precomputed features", () => {
    const index = new StoryIndex();
    index.add(storyFeatures(fixtureArticle("seed-001")));
    expect(index.add(storyFeatures(fixtureArticle("seed-000"))).storyId).toBe("story-1");
  });
});
