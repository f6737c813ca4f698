import { createServer } from "node:http";
import { extractArticle } from "@seismo/extract";
import { listenLocal, startBenchStack } from "./bench-stack.ts";
import type { Figure } from "./figures.ts";
import { newsCorpus } from "./news-corpus.ts";

/**
 * The whole pipeline on this machine: a local feed of N generated articles → fetch → extract →
 * tag → store (PostgreSQL) → rollups → clustering, against real Redis; articles/s end to end,
 * beside the extract-only rate on the same pages in the same run.
 */
export async function benchPipeline(): Promise<Figure[]> {
  const n = Number(process.env.SEISMO_BENCH_PIPELINE_ARTICLES ?? 1000);
  const corpus = newsCorpus(n);
  const pages = corpus.map((a) => a.html);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) extractArticle(pages[i] ?? "", { url: `http://127.0.0.1/a/${i}` });
  const extractRate = n / ((performance.now() - t0) / 1000);

  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${pages
    .map((_, i) => `<item><title>Report ${i}</title><link>/a/${i}</link><guid>/a/${i}</guid></item>`)
    .join("")}</channel></rss>`;
  const server = createServer((req, res) => {
    const m = /^\/a\/(\d+)$/.exec(req.url ?? "");
    if (req.url === "/feed.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
    else if (m) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pages[Number(m[1])]);
    else res.writeHead(404).end();
  });
  const origin = await listenLocal(server);
  const { stack, dispose } = await startBenchStack("pipeline", { scheduler: true, schedulerTickMs: 500 });
  try {
    const started = performance.now();
    await stack.store.sources.upsert({ name: "Bench", url: `${origin}/feed.xml`, intervalSeconds: 3600 });
    await stack.scheduler?.tick();
    const deadline = Date.now() + 10 * 60_000;
    let done = 0;
    let taggedSeconds = 0;
    while (Date.now() < deadline) {
      const [row] = await stack.store.sql.query<{ tagged: number; clustered: number }>(
        `SELECT count(*) FILTER (WHERE tagged_at IS NOT NULL)::int AS tagged,
                count(*) FILTER (WHERE story_id IS NOT NULL)::int AS clustered FROM articles`,
      );
      if (taggedSeconds === 0 && (row?.tagged ?? 0) >= n) taggedSeconds = (performance.now() - started) / 1000;
      done = row?.clustered ?? 0;
      if (done >= n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const [made] = await stack.store.sql.query<{ stories: number; copies: number }>(
      "SELECT count(DISTINCT story_id)::int AS stories, count(duplicate_of)::int AS copies FROM articles",
    );
    // Tagged = fetched, extracted, tagged, stored with rollups; clustered adds story assignment.
    const rate = taggedSeconds > 0 ? n / taggedSeconds : 0;
    const clusteredRate = done / seconds;
    return [
      {
        name: "pipeline.extract_only.articles_per_s",
        value: +extractRate.toFixed(1),
        unit: "articles/s",
        detail: { articles: n },
      },
      {
        name: "pipeline.end_to_end.articles_per_s",
        value: +rate.toFixed(1),
        unit: "articles/s",
        detail: {
          articles: n,
          seconds: +taggedSeconds.toFixed(1),
          ratio_to_extract: +(rate / extractRate).toFixed(2),
          per_day: Math.round(rate * 86400),
        },
      },
      {
        name: "pipeline.end_to_end_clustered.articles_per_s",
        value: +clusteredRate.toFixed(1),
        unit: "articles/s",
        detail: {
          articles: n,
          clustered: done,
          seconds: +seconds.toFixed(1),
          per_day: Math.round(clusteredRate * 86400),
          corpus_stories: new Set(corpus.map((a) => a.story)).size,
          stories_made: made?.stories ?? 0,
          corpus_wire_copies: corpus.filter((a) => a.wireCopy).length,
          copies_linked: made?.copies ?? 0,
        },
      },
    ];
  } finally {
    await dispose();
    server.close();
  }
}
