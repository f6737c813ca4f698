import { fork } from "node:child_process";
import { createServer } from "node:http";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { analyzeText } from "@seismo/tagger";
import { listenLocal, startBenchStack } from "./bench-stack.ts";
import type { Figure } from "./figures.ts";
import { newsCorpus } from "./news-corpus.ts";
import { type PipelineCorpus, webPages } from "./pipeline-pages.ts";

/**
 * The whole pipeline on this machine: a local feed of N articles → fetch → extract → tag → store
 * (PostgreSQL) → rollups → clustering, against real Redis; articles/s end to end, beside the
 * extract-only rate on the same pages in the same run. Two corpora: generated story-shaped pages
 * (about 2 KB each, so extraction is nearly free and the figures show the pipeline's own cost), and
 * the extraction dev set's real news pages (about 175 KB of markup each) served N times over.
 *
 * SEISMO_BENCH_PIPELINE_WORKERS=k runs the workers as k processes of the worker app, as a
 * deployment would to use k cores; extract-only then runs in k processes too, so the two rates
 * compare like with like. 0 (the default) runs everything in this process, as `pnpm start` does.
 */
export async function benchPipeline(shared: string): Promise<Figure[]> {
  const n = Number(process.env.SEISMO_BENCH_PIPELINE_ARTICLES ?? 1000);
  const workers = Number(process.env.SEISMO_BENCH_PIPELINE_WORKERS ?? 0);
  const only = process.env.SEISMO_BENCH_PIPELINE_CORPUS; // "generated" or "web"; default both
  const figures: Figure[] = [];
  if (only !== "web") {
    const corpus = newsCorpus(n);
    const run = { name: "pipeline", corpus: "generated" as const, shared, workers };
    figures.push(
      ...(await runPipeline(
        run,
        corpus.map((a) => Buffer.from(a.html)),
      )),
    );
    const clustered = figures.find((f) => f.name === "pipeline.end_to_end_clustered.articles_per_s");
    Object.assign(clustered?.detail ?? {}, {
      corpus_stories: new Set(corpus.map((a) => a.story)).size,
      corpus_wire_copies: corpus.filter((a) => a.wireCopy).length,
    });
  }
  if (only !== "generated") {
    const pages = webPages(shared, n);
    const run = { name: "pipeline_web", corpus: "web" as const, shared, workers };
    if (pages.length > 0) figures.push(...(await runPipeline(run, pages)));
  }
  return figures;
}

interface PipelineRun {
  name: string;
  corpus: PipelineCorpus;
  shared: string;
  workers: number;
}

/** Pages extracted per second on this thread, as the fetch-article job does it (decode, then extract). */
function extractRateHere(pages: Buffer[]): number {
  const t0 = performance.now();
  for (let i = 0; i < pages.length; i++) extractText(pages[i], i);
  return pages.length / ((performance.now() - t0) / 1000);
}

const extractText = (page: Buffer | undefined, i: number) =>
  extractArticle(decodeHtml(page ?? Buffer.alloc(0), "text/html; charset=utf-8"), { url: `http://127.0.0.1/a/${i}` })
    .text;

/**
 * Milliseconds per article of extraction and of tagging, each on one thread. Their ratio bounds
 * end-to-end / extract-only from above, whatever queues and database cost: extract / (extract + tag).
 */
function stageCosts(pages: Buffer[]): { extractMs: number; tagMs: number } {
  const sample = pages.slice(0, 300);
  // Once untimed, so both stages are compiled (this process may not have extracted anything yet).
  for (const [i, page] of sample.entries()) analyzeText(extractText(page, i));
  const t0 = performance.now();
  const texts = sample.map((page, i) => extractText(page, i));
  const t1 = performance.now();
  for (const text of texts) analyzeText(text);
  const t2 = performance.now();
  return { extractMs: (t1 - t0) / sample.length, tagMs: (t2 - t1) / sample.length };
}

/** Pages extracted per second by k processes sharing the pages, from one start signal to the last finish. */
async function extractRateInProcesses(run: PipelineRun, n: number): Promise<number> {
  const script = new URL("./extract-child.ts", import.meta.url).pathname;
  const children = Array.from({ length: run.workers }, (_, i) =>
    fork(script, [run.corpus, run.shared, String(n), String(i), String(run.workers)], {
      execArgv: ["--import", "tsx"],
    }),
  );
  const next = (child: (typeof children)[number]) => new Promise<unknown>((r) => child.once("message", r));
  await Promise.all(children.map(next));
  const t0 = performance.now();
  const finished = children.map(next);
  for (const child of children) child.send("go");
  await Promise.all(finished);
  return n / ((performance.now() - t0) / 1000);
}

async function runPipeline(run: PipelineRun, pages: Buffer[]): Promise<Figure[]> {
  const { name, workers } = run;
  const n = pages.length;
  const contentType = "text/html; charset=utf-8";
  const extractRate = workers > 0 ? await extractRateInProcesses(run, n) : extractRateHere(pages);
  const stages = stageCosts(pages);

  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${pages
    .map((_, i) => `<item><title>Report ${i}</title><link>/a/${i}</link><guid>/a/${i}</guid></item>`)
    .join("")}</channel></rss>`;
  const server = createServer((req, res) => {
    const m = /^\/a\/(\d+)$/.exec(req.url ?? "");
    if (req.url === "/feed.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
    else if (m) res.writeHead(200, { "content-type": contentType }).end(pages[Number(m[1])]);
    else res.writeHead(404).end();
  });
  const origin = await listenLocal(server);
  const { stack, dispose } = await startBenchStack(name, {
    scheduler: true,
    schedulerTickMs: 500,
    workerProcesses: workers,
  });
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
    const [made] = await stack.store.sql.query<{ stories: number; copies: number; mb: number }>(
      `SELECT count(DISTINCT story_id)::int AS stories, count(duplicate_of)::int AS copies,
              (SELECT coalesce(sum(bytes), 0)::float8 / 1e6 FROM article_raw) AS mb FROM articles`,
    );
    // Tagged = fetched, extracted, tagged, stored with rollups; clustered adds story assignment.
    const rate = taggedSeconds > 0 ? n / taggedSeconds : 0;
    const clusteredRate = done / seconds;
    const mb = +(pages.reduce((sum, p) => sum + p.length, 0) / 1e6).toFixed(1);
    return [
      {
        name: `${name}.extract_only.articles_per_s`,
        value: +extractRate.toFixed(1),
        unit: "articles/s",
        detail: { articles: n, mb, processes: Math.max(1, workers) },
      },
      {
        name: `${name}.end_to_end.articles_per_s`,
        value: +rate.toFixed(1),
        unit: "articles/s",
        detail: {
          articles: n,
          seconds: +taggedSeconds.toFixed(1),
          ratio_to_extract: +(rate / extractRate).toFixed(2),
          // One thread's ms per article: extract / (extract + tag) caps the ratio above.
          extract_ms: +stages.extractMs.toFixed(2),
          tag_ms: +stages.tagMs.toFixed(2),
          ratio_cap: +(stages.extractMs / (stages.extractMs + stages.tagMs)).toFixed(2),
          per_day: Math.round(rate * 86400),
          worker_processes: workers,
        },
      },
      {
        name: `${name}.end_to_end_clustered.articles_per_s`,
        value: +clusteredRate.toFixed(1),
        unit: "articles/s",
        detail: {
          articles: n,
          clustered: done,
          seconds: +seconds.toFixed(1),
          per_day: Math.round(clusteredRate * 86400),
          stories_made: made?.stories ?? 0,
          copies_linked: made?.copies ?? 0,
          raw_html_mb: +(made?.mb ?? 0).toFixed(1),
        },
      },
    ];
  } finally {
    await dispose();
    server.close();
  }
}
