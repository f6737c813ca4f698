import { silentLogger } from "@seismo/observability";
import { createHandlers } from "@seismo/pipeline";
import { Store } from "@seismo/store";
import { sampleArticles } from "../packages/sample-source/src/index.ts";

const store = await Store.open({ kind: "pglite" });
const jobs: Array<[string, unknown]> = [];
const queues = {
  add: async (name: string, payload: unknown) => {
    jobs.push([name, payload]);
    return {};
  },
};
const h = createHandlers({ store, queues: queues as never, fetcher: null as never, logger: silentLogger() }) as Record<
  string,
  (p: unknown, c: unknown) => Promise<unknown>
>;
const src = await store.sources.upsert({ name: "Sample", url: "http://127.0.0.1:3999/feed.xml" });
const arts = sampleArticles();
for (const a of arts.slice().reverse()) {
  const { article } = await store.articles.upsert({
    sourceId: src.id,
    url: `http://x${a.path}`,
    canonicalUrl: `http://x${a.path}`,
    title: a.title,
    byline: a.byline,
    publishedAt: a.published,
    language: a.language,
    text: a.text,
  });
  jobs.push(["tag-article", { articleId: article.id }]);
  while (jobs.length) {
    const [n, p] = jobs.shift()!;
    if (n in h) await h[n]!(p, { jobId: "x", attempt: 1, progress: async () => {} });
  }
}
const rows = await store.sql.query<any>(
  `SELECT a.url, a.story_id, a.duplicate_of, a.published_at, i.type, i.modality, i.actors, i.places, i.confidence, i.intensity, left(i.sentence, 90) s FROM articles a LEFT JOIN indicators i ON i.article_id = a.id ORDER BY a.published_at, a.id`,
);
let last = "";
for (const r of rows) {
  const slug = r.url.split("/").pop();
  if (slug !== last) {
    console.log(
      `\n## ${slug} ${new Date(r.published_at).toISOString().slice(0, 16)} story=${r.story_id} dup=${r.duplicate_of ?? ""}`,
    );
    last = slug;
  }
  if (r.type)
    console.log(
      `  ${r.type}/${r.modality} c=${r.confidence.toFixed(2)} i=${r.intensity.toFixed(2)} actors=${JSON.stringify(r.actors)} places=${JSON.stringify(r.places)} | ${r.s}`,
    );
}
await store.close();
