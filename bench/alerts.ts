import { createServer } from "node:http";
import { listenLocal, startBenchStack } from "./bench-stack.ts";
import { type Figure, percentile } from "./figures.ts";

const OUTLETS = ["Bench Wire", "North Post", "Valley Times", "Border Daily", "Capital Herald", "River Courier"];
const CLASH = [
  "Gunmen opened fire on a police patrol in {p} on Sunday, wounding two officers.",
  "Heavy clashes broke out between police and armed men in {p}, leaving one dead.",
  "Kosovo police said officers came under fire near {p} late on Sunday, and two attackers were killed in the shootout.",
  "Witnesses in {p} described a firefight that lasted several hours before special units secured the area.",
];
const DEPLOYMENT = [
  "Serbian armed forces deployed additional units near {p} on Wednesday, the defence ministry said.",
  "The Serbian army moved armoured vehicles toward the Kosovo border near {p}.",
  "Serbia sent troops and artillery to positions close to {p}, according to satellite images.",
];
const NEGATED = "No visible movement of Serbian armed forces has been observed near {p}, the mission said.";
const CLASH_PLACES = ["Banjska", "Zubin Potok", "Leposavić", "Zvečan", "North Mitrovica", "Brnjak"];
const DEPLOY_PLACES = ["Jarinje", "Raška", "Kuršumlija"];
const TOPICS = ["budget", "football", "concert", "harvest", "railway", "hospital", "school", "tourism", "exports"];
const CITIES = ["Novi Sad", "Tirana", "Skopje", "Podgorica", "Zagreb", "Sarajevo", "Ljubljana", "Subotica"];
const NOUNS = ["residents", "traders", "teachers", "engineers", "students", "farmers", "doctors", "drivers"];
const VERBS = ["welcomed", "reviewed", "planned", "celebrated", "measured", "counted", "painted", "repaired"];
const THINGS = ["new bus lines", "the library", "plum orchards", "a bicycle path", "the museum", "solar panels"];

/** A small seeded generator, so every run publishes the same site. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(9);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
const filler = (topic: string, city: string) =>
  `${pick(NOUNS)} in ${city} ${pick(VERBS)} ${pick(THINGS)} as part of the ${topic} plan, week ${Math.floor(random() * 50)}, item ${Math.floor(random() * 1e6)}.`;

interface Item {
  outlet: number;
  title: string;
  paragraphs: string[];
}

/** Background news, then clash and deployment incidents each reported by several outlets. */
function site(background: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < background; i++) {
    const topic = TOPICS[i % TOPICS.length] ?? "budget";
    const city = CITIES[(i * 7) % CITIES.length] ?? "Tirana";
    const paragraphs = Array.from({ length: 8 }, () => filler(topic, city));
    items.push({ outlet: i % OUTLETS.length, title: `${topic} news from ${city}, number ${i}`, paragraphs });
  }
  const incident = (place: string, templates: string[], outlets: number, what: string) => {
    for (let k = 0; k < outlets; k++) {
      const lead = (templates[k % templates.length] ?? "").replaceAll("{p}", place);
      const more = (templates[(k + 1) % templates.length] ?? "").replaceAll("{p}", place);
      const paragraphs = [lead, more, ...Array.from({ length: 5 }, () => filler("security", place))];
      items.push({ outlet: k % OUTLETS.length, title: `${what} in ${place}`, paragraphs });
    }
  };
  for (const p of CLASH_PLACES) incident(p, CLASH, 4, "Shootout");
  for (const p of DEPLOY_PLACES) incident(p, DEPLOYMENT, 3, "Serbian troops deployed");
  incident("Jarinje", [NEGATED], 2, "Calm at the crossing");
  // Shuffled, so incident reports arrive between background articles and from different outlets.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as Item, items[i] as Item];
  }
  return items;
}

const html = (item: Item, published: string) =>
  `<!doctype html><html lang="en"><head><title>${item.title}</title>
<meta property="article:published_time" content="${published}"></head><body><article><h1>${item.title}</h1>
${item.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;

interface Row {
  id: string;
  story_id: string | null;
  source_id: string;
  fetched: number;
  tagged: number;
  duplicate_of: string | null;
  type: string | null;
  modality: string | null;
  confidence: number | null;
  intensity: number | null;
  actors: string[] | null;
}
const claims = (rows: Row[], type: string | null, minConfidence: number) =>
  rows.filter(
    (r) =>
      (type === null ? r.type !== null : r.type === type) &&
      (r.modality === "asserted" || r.modality === "intent") &&
      (r.confidence ?? 0) >= minConfidence,
  );
/** The default rules' thresholds (see packages/alerts/src/rules/defaults.ts). */
const DEFAULTS = { minCount: 4, minOutlets: 4, intensityLevel: 8 };
const byFetch = (rows: Row[]) => [...rows].sort((a, b) => a.fetched - b.fetched);

/**
 * The article whose fetch could first have made each alert fire: the one that completed its
 * condition (the first matching claim, the 4th outlet, the `minCount`-th clash report of the burst).
 */
function trigger(kind: string, storyId: string, rows: Row[]): Row | undefined {
  const story = rows.filter((r) => r.story_id === storyId);
  if (kind === "deployment") return byFetch(claims(story, "deployment", 0.6))[0];
  if (kind === "first") return byFetch(claims(story, "clash", 0.8))[0];
  if (kind === "spike") {
    const reports = new Map(claims(rows, "clash", 0.6).map((r) => [r.id, r]));
    return byFetch([...reports.values()].filter((r) => !r.duplicate_of))[DEFAULTS.minCount - 1];
  }
  const sources = new Set<string>();
  const byOutlets = byFetch(story).find((r) => sources.add(r.source_id).size >= DEFAULTS.minOutlets);
  let sum = 0;
  const byIntensity = byFetch(claims(story, null, 0.5)).find((r) => {
    sum += r.intensity ?? 0;
    return sum >= DEFAULTS.intensityLevel;
  });
  return byFetch([byOutlets, byIntensity].filter((r): r is Row => r !== undefined))[0];
}

/**
 * Alert latency on the real stack (PostgreSQL, Redis, workers): a local site publishes a few
 * hundred articles over ~30 s, some reporting clashes and deployments in north Kosovo; for each
 * alert, the time from the fetch of the article that made it fire to its webhook at the receiver.
 */
export async function benchAlerts(): Promise<Figure[]> {
  const items = site(Number(process.env.SEISMO_BENCH_ALERTS_BACKGROUND ?? 260));
  const perBatch = Number(process.env.SEISMO_BENCH_ALERTS_PER_S ?? 10);
  const published: Array<{ at: string }> = [];
  const site$ = createServer((req, res) => {
    const feed = /^\/o\/(\d+)\/feed\.xml$/.exec(req.url ?? "");
    const article = /^\/a\/(\d+)$/.exec(req.url ?? "");
    if (feed) {
      const entries = published
        .map((p, i) => ({ ...p, i }))
        .filter(({ i }) => items[i]?.outlet === Number(feed[1]))
        .map(({ i }) => `<item><title>${items[i]?.title}</title><link>/a/${i}</link><guid>/a/${i}</guid></item>`);
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>O</title>${entries.join("")}</channel></rss>`);
    } else if (article && published[Number(article[1])]) {
      const i = Number(article[1]);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html(items[i] as Item, published[i]?.at ?? ""));
    } else res.writeHead(404).end();
  });
  const received = new Map<string, number>();
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      const at = Date.now();
      const alert = (JSON.parse(body) as { data: { alert: { id: string; version: number } } }).data.alert;
      const key = `${alert.id}@${alert.version}`;
      if (!received.has(key)) received.set(key, at);
      res.writeHead(200).end("ok");
    });
  });
  const origin = await listenLocal(site$);
  const hook = await listenLocal(receiver);
  const { stack, dispose } = await startBenchStack("alerts", { alerts: { webhookAllowHosts: ["127.0.0.1"] } });
  try {
    const sql = stack.store.sql;
    await sql.query("INSERT INTO webhook_subscriptions (id, name, url, secret) VALUES ($1, $2, $3, $4)", [
      "sub_bench",
      "bench receiver",
      `${hook}/hook`,
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    ]);
    const sources = [];
    for (const [k, name] of OUTLETS.entries()) {
      sources.push(await stack.store.sources.upsert({ name, url: `${origin}/o/${k}/feed.xml`, intervalSeconds: 3600 }));
    }
    const started = Date.now();
    while (published.length < items.length) {
      for (let k = 0; k < perBatch && published.length < items.length; k++) {
        published.push({ at: new Date().toISOString() });
      }
      for (const s of sources) await stack.queues.add("poll-source", { sourceId: s.id, reason: "manual" });
      await new Promise((r) => setTimeout(r, 1000));
    }
    const publishedFor = (Date.now() - started) / 1000;
    const deadline = Date.now() + 5 * 60_000;
    while (Date.now() < deadline) {
      const [row] = await sql.query<{ n: number; open: number }>(
        `SELECT (SELECT count(*)::int FROM articles WHERE story_id IS NOT NULL) AS n,
           (SELECT count(*)::int FROM webhook_deliveries WHERE status <> 'delivered') AS open`,
      );
      const ea = await stack.queues.queue("evaluate-alerts").getJobCounts("waiting", "active", "prioritized");
      const busy = (ea.waiting ?? 0) + (ea.active ?? 0) + (ea.prioritized ?? 0);
      if ((row?.n ?? 0) >= items.length && row?.open === 0 && busy === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows = await sql.query<Row>(
      `SELECT a.id, a.story_id, a.source_id, (extract(epoch FROM a.fetched_at) * 1000)::float8 AS fetched,
         (extract(epoch FROM a.tagged_at) * 1000)::float8 AS tagged,
         a.duplicate_of, i.type, i.modality, i.confidence, i.intensity, i.actors
       FROM articles a LEFT JOIN indicators i ON i.article_id = a.id`,
    );
    const alerts = await sql.query<{ id: string; kind: string; story_id: string; raised: number }>(
      `SELECT id, kind, story_id, (extract(epoch FROM first_raised_at) * 1000)::float8 AS raised
       FROM alerts ORDER BY first_raised_at`,
    );
    const latencies: number[] = [];
    const byKind: Record<string, number[]> = {};
    // Where the time goes: fetch → tagged (tag queue), tagged → raised (cluster and evaluate
    // queues), raised → received (deliver queue and the POST).
    const stages = {
      tag: [] as number[],
      cluster: [] as number[],
      evaluate_wait: [] as number[],
      deliver: [] as number[],
    };
    // Evaluations run one at a time, so the job that raised an alert is the one running at the time.
    const evaluations = await stack.queues.queue("evaluate-alerts").getJobs(["completed"], 0, 10_000);
    const raisedBy = (at: number) =>
      evaluations.find((j) => (j.processedOn ?? 0) <= at + 5 && (j.finishedOn ?? 0) >= at - 5);
    let missing = 0;
    for (const a of alerts) {
      const arrived = received.get(`${a.id}@1`);
      const from = trigger(a.kind, a.story_id, rows);
      if (arrived === undefined || !from) {
        missing++;
        continue;
      }
      latencies.push(arrived - from.fetched);
      byKind[a.kind] = [...(byKind[a.kind] ?? []), Math.round(arrived - from.fetched)];
      stages.tag.push(from.tagged - from.fetched);
      const job = raisedBy(a.raised);
      if (job) {
        stages.cluster.push(job.timestamp - from.tagged);
        stages.evaluate_wait.push((job.processedOn ?? job.timestamp) - job.timestamp);
      }
      stages.deliver.push(arrived - a.raised);
    }
    const p95 = (xs: number[]) =>
      Math.round(
        percentile(
          [...xs].sort((a, b) => a - b),
          95,
        ),
      );
    latencies.sort((a, b) => a - b);
    const left = await stack.queues.queue("evaluate-alerts").getJobCounts("delayed", "waiting", "completed");
    const detail = {
      articles: items.length,
      articles_per_s: perBatch,
      published_s: +publishedFor.toFixed(1),
      alerts: alerts.length,
      latency_ms_by_kind: byKind,
      stage_p95_ms: Object.fromEntries(Object.entries(stages).map(([k, xs]) => [k, p95(xs)])),
      measured: latencies.length,
      missing,
      webhooks: received.size,
      evaluate_jobs: left,
    };
    return [
      { name: "alerts.fetch_to_webhook.p50_ms", value: Math.round(percentile(latencies, 50)), unit: "ms", detail },
      { name: "alerts.fetch_to_webhook.p95_ms", value: Math.round(percentile(latencies, 95)), unit: "ms" },
      { name: "alerts.fetch_to_webhook.max_ms", value: Math.round(latencies.at(-1) ?? 0), unit: "ms" },
      { name: "alerts.count", value: alerts.length, unit: "alerts", detail: { measured: latencies.length, missing } },
      { name: "alerts.evaluate_jobs_delayed", value: left.delayed ?? 0, unit: "jobs" },
    ];
  } finally {
    await dispose();
    site$.close();
    receiver.close();
  }
}
