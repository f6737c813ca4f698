import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApi } from "@seismo/api";
import { silentLogger } from "@seismo/observability";
import { rebuildDimensionRollups, regionKeysOf, Store } from "@seismo/store";
import autocannon from "autocannon";
import pg from "pg";
import type { Figure } from "./figures.ts";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TYPES = ["clash", "deployment", "talks", "agreement", "arrest", "protest", "threat", "sanction", "condemnation"];
const PLACES = [
  "zvecan",
  "leposavic",
  "zubin potok",
  "mitrovica",
  "pristina",
  "jarinje",
  "banjska",
  "raska",
  "novi pazar",
  "belgrade",
];

/**
 * Generates synthetic tagged articles over two years and 200 sources straight into PostgreSQL
 * (articles, indicators and every rollup, as the workers would leave them), then measures the
 * common trend queries on the real HTTP server under 20 concurrent clients.
 */
export async function benchTrends(): Promise<Figure[]> {
  const articles = Number(process.env.SEISMO_BENCH_ARTICLES ?? 1_000_000);
  const schema = `bench_trends_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const store = await Store.open({ kind: "postgres", url: DATABASE_URL, schema });
  try {
    return await measure(store, articles, "trends");
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

/** The same on the embedded engine (PGlite, on disk as `seismo start` runs it) at 100,000 articles. */
export async function benchTrendsPglite(): Promise<Figure[]> {
  const articles = Number(process.env.SEISMO_BENCH_PGLITE_ARTICLES ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), "seismo-bench-pglite-"));
  const store = await Store.open({ kind: "pglite", dataDir: join(dir, "pglite") });
  try {
    return await measure(store, articles, "trends.pglite");
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(store: Store, articles: number, prefix: string): Promise<Figure[]> {
  const started = Date.now();
  await generate(store, articles);
  const generateSeconds = (Date.now() - started) / 1000;
  const token = (await store.tokens.create("bench", "viewer")).token;
  const app = createApi({
    store,
    redisPing: async () => true,
    logger: silentLogger(),
    fetchPage: async () => {
      throw new Error("unused");
    },
    rateLimitPerMinute: 10_000_000,
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as { port: number }).port;
  const queries = {
    "90d_day_one_type_place": "/api/v1/trends?from=2025-09-01&to=2025-11-29&type=clash&place=Zvečan",
    "1y_week_all_types": "/api/v1/trends?from=2024-12-01&to=2025-11-30&resolution=week",
    "7d_hour_all_types": "/api/v1/trends?from=2025-11-24&to=2025-11-30&resolution=hour",
    "90d_day_region": "/api/v1/trends?from=2025-09-01&to=2025-11-29&region=Mitrovica",
  };
  const figures: Figure[] = [
    { name: `${prefix}.generated_articles`, value: articles, unit: "articles", detail: { seconds: generateSeconds } },
  ];
  try {
    // The API shares an answer between identical trend queries for 5 s; `uncached` varies the URL
    // on every request so each one reaches the rollups.
    for (const [name, path] of Object.entries(queries)) {
      for (const uncached of [false, true]) {
        let n = 0;
        const result = await autocannon({
          url: `http://127.0.0.1:${port}${path}`,
          connections: 20,
          duration: 10,
          headers: { authorization: `Bearer ${token}` },
          ...(uncached
            ? {
                requests: [
                  { setupRequest: (req: autocannon.Request) => ({ ...req, path: encodeURI(`${path}&nc=${n++}`) }) },
                ],
              }
            : {}),
        });
        figures.push({
          name: `${prefix}.${name}${uncached ? ".uncached" : ""}.p95_ms`,
          value: result.latency.p97_5 === undefined ? result.latency.p99 : percentile95(result),
          unit: "ms",
          detail: {
            p50: result.latency.p50,
            p99: result.latency.p99,
            rps: result.requests.average,
            non2xx: result.non2xx,
          },
        });
      }
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
  return figures;
}

/** autocannon reports p90 and p97.5 but not p95: interpolate between them. */
function percentile95(result: autocannon.Result): number {
  const { p90, p97_5 } = result.latency as unknown as { p90: number; p97_5: number };
  return +(p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90)).toFixed(1);
}

async function generate(store: Store, n: number): Promise<void> {
  const sql = store.sql;
  await sql.query(
    `INSERT INTO sources (id, name, url) SELECT 'src_' || g, 'Source ' || g, 'https://s' || g || '.example/feed'
     FROM generate_series(1, 200) g`,
  );
  // Two years of articles, ~2 indicators each, places drawn from the gazetteer's north-Kosovo keys.
  await sql.query(
    `INSERT INTO articles (id, source_id, url, canonical_url, title, text, content_hash, published_at, event_day, tagged_at,
                           language)
     SELECT 'art_' || g, 'src_' || (1 + g % 200), 'https://x.example/' || g, 'https://x.example/' || g, 'Article ' || g,
            'Synthetic text ' || g, md5(g::text), ts, ts::date, now(), 'en'
     FROM (SELECT g, timestamptz '2023-12-01' + (g % 730) * interval '1 day' + (g % 24) * interval '1 hour' AS ts
           FROM generate_series(1, $1::int) g) x`,
    [n],
  );
  await sql.query(
    `INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text, evidence_start, evidence_end,
                             sentence, actors, places, place_keys, confidence, intensity, hour, language, region_keys)
     SELECT 'ind_' || a.g || '_' || k, 'art_' || a.g, 'src_' || (1 + a.g % 200), a.day,
            ($2::text[])[1 + (a.g * 7 + k * 3) % 9],
            CASE WHEN (a.g + k) % 11 = 0 THEN 'negated' WHEN (a.g + k) % 7 = 0 THEN 'intent' ELSE 'asserted' END,
            'x', 0, 1, 'x.', '[]'::jsonb, jsonb_build_array(($3::text[])[1 + (a.g + k) % 10]),
            jsonb_build_array(($3::text[])[1 + (a.g + k) % 10]), 0.8, 0.5, a.g % 24, 'en',
            CASE WHEN ($4::text[])[1 + (a.g + k) % 10] = '' THEN '[]'::jsonb
                 ELSE jsonb_build_array(($4::text[])[1 + (a.g + k) % 10]) END
     FROM (SELECT g, (date '2023-12-01' + (g % 730))::date AS day FROM generate_series(1, $1::int) g) a,
          generate_series(0, 1) k`,
    [n, TYPES, PLACES, PLACES.map((p) => regionKeysOf([p])[0] ?? "")],
  );
  await rebuildDimensionRollups(sql);
  await sql.query(
    `INSERT INTO indicator_daily (day, type, modality, source_id, count, intensity_sum)
     SELECT day, type, modality, source_id, count(*), sum(intensity) FROM indicators GROUP BY 1, 2, 3, 4`,
  );
  await sql.query(
    `INSERT INTO indicator_daily_total (day, type, modality, count, intensity_sum)
     SELECT day, type, modality, sum(count), sum(intensity_sum) FROM indicator_daily GROUP BY 1, 2, 3`,
  );
  await sql.query(
    `INSERT INTO indicator_place_daily (day, type, modality, place, count, intensity_sum)
     SELECT day, type, modality, p.place, count(*), sum(intensity)
     FROM indicators CROSS JOIN LATERAL jsonb_array_elements_text(place_keys) p(place) GROUP BY 1, 2, 3, 4`,
  );
  await sql.query("ANALYZE");
}
