import { describe, expect, it } from "vitest";
import { storyFeatures } from "../features/index.ts";
import { fixtureArticle, NEGATIVES } from "../testing/fixtures.ts";
import { DEFAULT_MATCH, matchStory, mergeIntoStory, newStory, StoryCandidateSchema, scoreStory } from "./index.ts";

const seed000 = storyFeatures(fixtureArticle("seed-000"));
const seed001 = storyFeatures(fixtureArticle("seed-001"));
const seed002 = storyFeatures(fixtureArticle("seed-002"));
const story = newStory("kosovo-clashes", seed001);

describe("matchStory", () => {
  it("puts the two seed rewrites of the north-Kosovo clashes, a day apart, in one story", () => {
    const r = matchStory(seed000, [story]);
    expect(r.storyId).toBe("kosovo-clashes");
    expect(r.score).toBeGreaterThan(0.6);
    expect(r.breakdown?.places).toEqual(expect.arrayContaining(["kosovo", "mitrovica", "pristina"]));
  });

  it("keeps seed 002 (army readiness and barricades, a different event in the same region) apart", () => {
    const merged = mergeIntoStory(story, seed000);
    const r = matchStory(seed002, [merged]);
    expect(r.storyId).toBeNull();
    expect(r.score).toBeLessThan(DEFAULT_MATCH.threshold);
    // Still far closer than unrelated news: same region, same police, same tension.
    expect(r.score).toBeGreaterThan(0.4);
  });

  it.each(NEGATIVES)("keeps the unrelated %s article out of the seed story", (name) => {
    const merged = mergeIntoStory(story, seed000);
    const r = matchStory(storyFeatures(fixtureArticle(name)), [merged]);
    expect(r.storyId).toBeNull();
    expect(r.score).toBeLessThan(0.35);
  });

  it("does not merge rewrites published further apart than the window", () => {
    const late = storyFeatures(fixtureArticle("seed-000", { publishedAt: "2023-10-04T09:00:00Z" }));
    expect(matchStory(late, [story])).toMatchObject({ storyId: null, score: 0 });
    expect(matchStory(late, [story], { windowHours: 120 }).storyId).toBe("kosovo-clashes");
  });

  it("joins on text alone when the tagger found no places or actors", () => {
    const bare = storyFeatures(fixtureArticle("seed-000", { places: [], actors: [] }));
    const bareStory = newStory("s", storyFeatures(fixtureArticle("seed-001", { places: [], actors: [] })));
    expect(matchStory(bare, [bareStory]).storyId).toBe("s");
  });

  it("prefers the better of two candidate stories and explains the choice", () => {
    const economy = newStory("economy", storyFeatures(fixtureArticle("economy")));
    const r = matchStory(seed000, [economy, story]);
    expect(r.storyId).toBe("kosovo-clashes");
    expect(r.reasons.join("\n")).toMatch(/shared places: .*mitrovica/);
  });

  it("returns null with a reason when there are no candidates", () => {
    expect(matchStory(seed000, [])).toMatchObject({
      storyId: null,
      score: 0,
      reasons: ["no story within the time window"],
    });
  });
});

describe("mergeIntoStory", () => {
  it("widens the time span, counts names and stays a valid stored row", () => {
    const merged = mergeIntoStory(story, seed000);
    expect(merged.articles).toBe(2);
    expect(merged.firstSeen).toBe(seed001.publishedAt);
    expect(merged.lastSeen).toBe(seed000.publishedAt);
    expect(merged.places.kosovo).toBe(2);
    expect(merged.places.brussels).toBe(1);
    expect(StoryCandidateSchema.parse(JSON.parse(JSON.stringify(merged)))).toEqual(merged);
  });

  it("makes the story match both of its articles better than either alone", () => {
    const merged = mergeIntoStory(story, seed000);
    expect(scoreStory(seed001, merged)?.score).toBeGreaterThan(0.8);
    expect(scoreStory(seed000, merged)?.score).toBeGreaterThan(0.8);
  });
});
