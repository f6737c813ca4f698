import { Store } from "@seismo/store";
import { fingerprint, lshKeys } from "@seismo/stories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignStory, storyCandidate } from "./index.ts";

const WIRE = [
  "Kosovo police said on Sunday that a police officer was killed and another wounded when armed men attacked a patrol near the village of Banjska in the north of the country.",
  "The attackers then barricaded themselves inside the Orthodox monastery in Banjska, and special police units surrounded the compound, officials said.",
  "Prime Minister Albin Kurti accused Belgrade of backing the attackers, a claim Serbian officials rejected. The European Union and the United States condemned the attack.",
  "The exchange of fire lasted several hours, according to the interior ministry, and three of the gunmen were killed before the siege ended in the evening.",
].join("\n\n");

const COPY = `${WIRE.replace("Kosovo police said on Sunday", "Police in Kosovo said on Sunday")}\n\nThis report was updated with the latest casualty figures.`;
const OTHER =
  "Serbia's central bank kept its key interest rate unchanged at 6.5 percent on Thursday, saying inflation was slowing faster than expected and the dinar remained stable against the euro.";

let store: Store;
beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
});
afterAll(() => store.close());

async function article(n: number, text: string, publishedAt: string) {
  const source = await store.sources.upsert({ name: `Outlet ${n}`, url: `https://outlet${n}.example/feed` });
  const { article } = await store.articles.upsert({
    sourceId: source.id,
    url: `https://outlet${n}.example/a`,
    canonicalUrl: `https://outlet${n}.example/a`,
    title: `Report ${n}`,
    byline: null,
    publishedAt,
    language: "en",
    text,
  });
  return article;
}

describe("assignStory", () => {
  it("links a wire copy to the original and puts it in the same story; an unrelated article starts its own", async () => {
    const original = await article(1, WIRE, "2023-09-24T10:00:00Z");
    const copy = await article(2, COPY, "2023-09-24T12:00:00Z");
    const other = await article(3, OTHER, "2023-09-24T13:00:00Z");
    const first = await assignStory(store, original, []);
    const second = await assignStory(store, copy, []);
    const third = await assignStory(store, other, []);
    expect(first.duplicateOf).toBeNull();
    expect(second.duplicateOf).toBe(original.id);
    expect(second.storyId).toBe(first.storyId);
    expect(third.duplicateOf).toBeNull();
    expect(third.storyId).not.toBe(first.storyId);
    expect((await store.articles.get(copy.id))?.duplicateOf).toBe(original.id);
    expect((await store.stories.get(first.storyId))?.articleCount).toBe(2);
  });

  it("gives the same answer when run again for the same article", async () => {
    const again = await article(2, COPY, "2023-09-24T12:00:00Z");
    const before = await store.stories.get((await store.articles.get(again.id))?.storyId ?? "");
    const rerun = await assignStory(store, again, []);
    expect(rerun.storyId).toBe(before?.id);
    expect((await store.stories.get(rerun.storyId))?.articleCount).toBe(before?.articleCount);
  });

  it("reads only articles that share an LSH band as near-duplicate candidates", async () => {
    const nearOf = async (keys: string[]) =>
      (
        await store.stories.clusterNeighbours({
          day: "2023-09-24",
          days: 3,
          excludeId: "no-such-article",
          lshKeys: keys,
          at: new Date("2023-09-24T14:00:00Z"),
          windowMs: 72 * 3_600_000,
        })
      ).near;
    const ids = (await nearOf(lshKeys(fingerprint(COPY).minhash, 64))).map((n) => n.id);
    const [original, copy, other] = await Promise.all([
      article(1, WIRE, "2023-09-24T10:00:00Z"),
      article(2, COPY, "2023-09-24T12:00:00Z"),
      article(3, OTHER, "2023-09-24T13:00:00Z"),
    ]);
    expect(ids).toEqual(expect.arrayContaining([original.id, copy.id]));
    expect(ids).not.toContain(other.id);
    // Without band keys every fingerprint of the window is a candidate.
    expect((await nearOf([])).map((n) => n.id)).toContain(other.id);
  });
});

describe("storyCandidate", () => {
  const features = (articles: number) =>
    JSON.stringify({
      id: "sty_x",
      terms: { banjska: 2, police: 1 },
      places: { Banjska: articles },
      actors: {},
      firstSeen: 1_695_549_600_000,
      lastSeen: 1_695_549_600_000,
      articles,
    });

  it("parses a story's features once per stored content, and again when the story changed", () => {
    const first = storyCandidate("sty_x", features(1));
    expect(first?.articles).toBe(1);
    expect(storyCandidate("sty_x", features(1))).toBe(first);
    const changed = storyCandidate("sty_x", features(2));
    expect(changed).not.toBe(first);
    expect(changed?.articles).toBe(2);
  });

  it("gives null for features that are not valid, without throwing", () => {
    expect(storyCandidate("sty_bad", "{not json")).toBeNull();
    expect(storyCandidate("sty_bad", JSON.stringify({ id: "sty_bad" }))).toBeNull();
  });
});
