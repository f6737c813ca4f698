import type { RunningStack } from "@seismo/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, type Backend, startTestStack, waitFor } from "./harness.ts";

interface ApiIndicator {
  type: string;
  modality: string;
  evidence: { text: string; start: number; end: number; sentence: string };
}
interface ApiArticle {
  id: string;
  url: string;
  title: string | null;
  indicators: ApiIndicator[];
}

const NEGATED_SENTENCE = "no visible movement or increased presence of Serbian armed forces has been observed";

describe.each<Backend>(["pglite", "postgres"])("pipeline end to end on %s", (backend) => {
  let stack: RunningStack;
  let stop: () => Promise<void>;
  let articles: ApiArticle[];

  const get = (path: string, token: string | null = API_TOKEN) =>
    fetch(new URL(path, stack.url ?? ""), token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    ({ stack, stop } = await startTestStack(backend));
    // Every sample article fetched, extracted, tagged and stored.
    articles = await waitFor(
      async () => {
        const tagged = await stack.store.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL",
        );
        if ((tagged[0]?.n ?? 0) < 33) return null;
        const body = (await (await get("/api/v1/articles?limit=200")).json()) as { articles: ApiArticle[] };
        return body.articles;
      },
      150_000,
      "the 33 sample articles to be stored and tagged",
    );
  });
  afterAll(async () => stop?.());

  const seed = (n: string) => {
    const article = articles.find((a) => a.url.endsWith(`/articles/seed-${n}`));
    if (!article) throw new Error(`seed ${n} not stored; have ${articles.map((a) => a.url).join(", ")}`);
    return article;
  };

  it("tags seed 001 with an asserted clash and deployment", () => {
    const claimed = seed("001")
      .indicators.filter((i) => i.modality === "asserted")
      .map((i) => i.type);
    expect(claimed).toContain("clash");
    expect(claimed).toContain("deployment");
  });

  it("does not count the unobserved Serbian troop movement in seed 000 as an asserted deployment", () => {
    const fromSentence = seed("000").indicators.filter((i) => i.evidence.sentence.includes(NEGATED_SENTENCE));
    expect(fromSentence.filter((i) => i.type === "deployment" && i.modality === "asserted")).toEqual([]);
  });

  it("keeps evidence offsets that point at the trigger in the stored text", async () => {
    const article = seed("001");
    const [row] = await stack.store.sql.query<{ text: string }>("SELECT text FROM articles WHERE id = $1", [
      article.id,
    ]);
    for (const ind of article.indicators) {
      expect(row?.text.slice(ind.evidence.start, ind.evidence.end)).toBe(ind.evidence.text);
    }
  });

  it("counts the seed story's clashes and deployments in /api/v1/trends", async () => {
    const res = await get("/api/v1/trends?from=2023-09-20&to=2023-10-31");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      totals: Record<string, number>;
      points: Array<{ day: string; type: string; count: number }>;
    };
    expect(body.totals.clash ?? 0).toBeGreaterThan(0);
    expect(body.totals.deployment ?? 0).toBeGreaterThan(0);
    const seedDays = body.points.filter((p) => p.day === "2023-09-30" && p.type === "clash");
    expect(seedDays[0]?.count ?? 0).toBeGreaterThan(0);
  });

  it("groups the two rewrites of the seed story into one story, without unrelated articles", async () => {
    const body = (await (await get(`/api/v1/articles?limit=200`)).json()) as {
      articles: Array<{ id: string; url: string }>;
    };
    const storyOf = async (slug: string) => {
      const article = body.articles.find((a) => a.url.endsWith(`/articles/${slug}`));
      const [row] = await stack.store.sql.query<{ story_id: string | null }>(
        "SELECT story_id FROM articles WHERE id = $1",
        [article?.id],
      );
      return row?.story_id ?? null;
    };
    const seedStory = await waitFor(
      async () => {
        const [a, b] = [await storyOf("seed-000"), await storyOf("seed-001")];
        return a && b ? { a, b } : null;
      },
      60_000,
      "the seeds to be clustered",
    );
    expect(seedStory.a).toBe(seedStory.b);
    expect(await storyOf("belgrade-derby-ends-level")).not.toBe(seedStory.a);
    expect(await storyOf("serbia-central-bank-holds-key-rate")).not.toBe(seedStory.a);
    const story = (await (await get(`/api/v1/stories/${seedStory.a}`)).json()) as {
      timeline: Array<{ url: string }>;
      indicators: Record<string, { claimed: number }>;
    };
    expect(story.timeline.map((t) => t.url.split("/").pop())).toEqual(expect.arrayContaining(["seed-000", "seed-001"]));
    expect(story.indicators.clash?.claimed ?? 0).toBeGreaterThan(0);
  });

  it("exposes queue depth and job outcomes to Prometheus", async () => {
    const text = await (await get("/metrics", null)).text();
    expect(text).toMatch(/seismo_queue_depth\{queue="tag-article",state="completed"\} \d+/);
    expect(text).toMatch(/seismo_jobs_total\{queue="fetch-article",outcome="completed"\} [1-9]/);
  });

  it("refuses a request without a token", async () => {
    const res = await get("/api/v1/trends", null);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unauthorized");
  });

  it("does not store or count anything twice when the source is polled again", async () => {
    const before = await stack.store.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM indicators");
    const sources = await stack.store.sources.list();
    for (const s of sources) await stack.queues.add("poll-source", { sourceId: s.id, reason: "manual" });
    await new Promise((r) => setTimeout(r, 3000));
    const after = await stack.store.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM indicators");
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(await stack.store.articles.count()).toBe(33);
  });

  it("keeps each page's raw HTML until the retention purge, which leaves text and indicators alone", async () => {
    const article = seed("001");
    expect((await stack.store.articles.rawHtml(article.id))?.html).toContain("<html");
    const indicatorsBefore = await stack.store.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM indicators WHERE article_id = $1",
      [article.id],
    );
    const purged = await stack.store.purgeRawHtml({ olderThanDays: 0 });
    expect(purged.articles).toBe(33);
    expect(await stack.store.articles.rawHtml(article.id)).toBeNull();
    expect((await stack.store.articles.get(article.id))?.text.length).toBeGreaterThan(500);
    const indicatorsAfter = await stack.store.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM indicators WHERE article_id = $1",
      [article.id],
    );
    expect(indicatorsAfter[0]?.n).toBe(indicatorsBefore[0]?.n);
  });
});
