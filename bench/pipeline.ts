import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@seismo/config";
import { extractArticle } from "@seismo/extract";
import { silentLogger } from "@seismo/observability";
import { startStack } from "@seismo/stack";
import pg from "pg";
import type { Figure } from "./figures.ts";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PLACES = ["Zvečan", "Leposavić", "Zubin Potok", "Mitrovica", "Jarinje", "Banjska", "Raška", "Pristina"];
const SENTENCES = [
  "Kosovo police said officers came under fire near {p} late on Sunday, and two attackers were killed in the shootout.",
  "NATO said it was ready to increase its peacekeeping force in Kosovo after the violence in {p}.",
  "Serbia's Office for Kosovo condemned the operation in {p} as excessive.",
  "Special police units detained three suspects and seized weapons in a raid near {p}.",
  "No visible movement of Serbian armed forces has been observed near {p}, the mission said.",
  "Hundreds of residents blocked the main road in {p} to protest against the arrests.",
  "EU envoys met both chief negotiators in Brussels, but the talks ended without agreement.",
  "Local officials said schools and shops in {p} reopened on Monday as traffic returned to normal.",
];

function page(i: number): string {
  const place = PLACES[i % PLACES.length] ?? "Zvečan";
  const paragraphs = Array.from({ length: 12 }, (_, k) =>
    (SENTENCES[(i + k) % SENTENCES.length] ?? "").replaceAll("{p}", place),
  ).map((s, k) => `<p>${s} Reporting for item ${i}, paragraph ${k}, continued with context on the day's events.</p>`);
  return `<!doctype html><html lang="en"><head><title>Report ${i} | Bench News</title>
<meta property="article:published_time" content="2023-10-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
<article><h1>Report ${i}: tension in ${place}</h1>${paragraphs.join("\n")}</article>
<aside><h2>Related</h2><ul><li><a href="/r/1">Other story</a></li><li><a href="/r/2">Another story</a></li></ul></aside>
<footer>© Bench News</footer></body></html>`;
}

/**
 * The whole pipeline on this machine: a local feed of N generated articles → fetch → extract →
 * tag → store (PostgreSQL) → rollups → clustering, against real Redis; articles/s end to end,
 * beside the extract-only rate on the same pages in the same run.
 */
export async function benchPipeline(): Promise<Figure[]> {
  const n = Number(process.env.SEISMO_BENCH_PIPELINE_ARTICLES ?? 1000);
  const pages = Array.from({ length: n }, (_, i) => page(i));
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
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(join(tmpdir(), "seismo-bench-"));
  const schema = `bench_pipeline_${process.pid}`;
  const config = parseConfig({
    SEISMO_DATA_DIR: dataDir,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    SEISMO_QUEUE_PREFIX: `{seismo-bench-${process.pid}}`,
    SEISMO_SAMPLE_SOURCE: "false",
    SEISMO_OFFLINE: "true",
    SEISMO_API_TOKEN: "bench-operator-token-0123456789",
    SEISMO_FETCH_ALLOW_HOSTS: "127.0.0.1",
    SEISMO_FETCH_MIN_DELAY_MS: "0",
    SEISMO_FETCH_PER_HOST: "8",
    SEISMO_CONCURRENCY: "8",
    LOG_LEVEL: "silent",
  });
  const stack = await startStack({
    config,
    logger: silentLogger(),
    parts: { api: false, workers: true, scheduler: true, sampleSource: false, sourcesFile: false },
    schedulerTickMs: 500,
    storeTarget: { kind: "postgres", url: DATABASE_URL, schema, poolSize: 12 },
  });
  try {
    const started = performance.now();
    await stack.store.sources.upsert({ name: "Bench", url: `${origin}/feed.xml`, intervalSeconds: 3600 });
    await stack.scheduler?.tick();
    const deadline = Date.now() + 10 * 60_000;
    let done = 0;
    while (Date.now() < deadline) {
      const [row] = await stack.store.sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL",
      );
      done = row?.n ?? 0;
      if (done >= n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = done / seconds;
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
          done,
          seconds: +seconds.toFixed(1),
          ratio_to_extract: +(rate / extractRate).toFixed(2),
          per_day: Math.round(rate * 86400),
        },
      },
    ];
  } finally {
    await stack.close();
    for (const q of stack.queues.queues.values()) await q.obliterate({ force: true }).catch(() => undefined);
    await stack.queues.close();
    server.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}
