import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createMailer, type DeliveryOptions, ensureDefaultRules } from "@seismo/alerts";
import { createApi } from "@seismo/api";
import type { Config } from "@seismo/config";
import { errorMessage } from "@seismo/core";
import { createFetcher, createPoster } from "@seismo/fetcher";
import { createMetrics, type Logger, type Metrics } from "@seismo/observability";
import { createHandlers, type Scheduler, startScheduler } from "@seismo/pipeline";
import { createRedis, QueueSet, startWorkers, type WorkerSet } from "@seismo/queue";
import { startSampleSource } from "@seismo/sample-source";
import { Store, type StoreTarget } from "@seismo/store";
import { forwardPipelineEvents } from "../events/index.ts";
import { resolveRedis } from "../redis/index.ts";
import { loadSourcesFile } from "../sources-file/index.ts";
import { bootstrapToken } from "../tokens/index.ts";

export interface StackParts {
  api: boolean;
  workers: boolean;
  scheduler: boolean;
  /** Starts the bundled offline feed server and registers it as a source. */
  sampleSource: boolean;
  /** Registers the real feeds of the sources file. */
  sourcesFile: boolean;
}

export interface RunningStack {
  store: Store;
  queues: QueueSet;
  /** Dashboard/API base URL, when the API runs. */
  url: string | null;
  sampleFeedUrl: string | null;
  /** Printed once on first start when no SEISMO_API_TOKEN is set. */
  generatedToken: { token: string; file: string } | null;
  scheduler: Scheduler | null;
  /** Stops everything in reverse order; in-flight jobs finish first. Safe to call twice. */
  close(): Promise<void>;
}

export interface StackOptions {
  config: Config;
  logger: Logger;
  parts: StackParts;
  schedulerTickMs?: number;
  /** Overrides the store target (tests use a schema of their own). */
  storeTarget?: StoreTarget;
  /** The process's Prometheus metrics (a worker serves them on its probe port); default: new ones. */
  metrics?: Metrics;
  /** Webhook delivery: hosts the SSRF guard lets through (default: the fetch allowlist), retry schedule. */
  alerts?: { webhookAllowHosts?: string[]; delivery?: Partial<DeliveryOptions> };
}

export function storeTargetFor(config: Config): StoreTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: resolve(config.dataDir, "pglite") };
}

/** Starts the parts of Seismo a process runs, wired to one store and one Redis. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { config, logger, parts } = options;
  const closers: Array<{ name: string; close: () => Promise<void> }> = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) {
      await c.close().catch((error) => logger.error({ err: errorMessage(error), part: c.name }, "close failed"));
    }
  };
  try {
    await mkdir(config.dataDir, { recursive: true });
    const redis = await resolveRedis({ redisUrl: config.redisUrl, dataDir: config.dataDir, logger });
    closers.push({ name: "redis-server", close: redis.stop });
    const store = await Store.open(options.storeTarget ?? storeTargetFor(config));
    closers.push({ name: "store", close: () => store.close() });
    const connection = createRedis(redis.url);
    closers.push({ name: "redis", close: async () => void connection.disconnect() });
    const queues = new QueueSet({ connection, prefix: config.queuePrefix });
    closers.push({ name: "queues", close: () => queues.close() });
    await queues.applyLimits();
    const metrics = options.metrics ?? createMetrics();
    const fetchLog = logger.child({ component: "fetcher" });
    const fetcher = createFetcher({
      contact: config.fetch.contact,
      // The bundled sample source serves from loopback, which the SSRF guard refuses by default.
      allowHosts: [...config.fetch.allowHosts, ...(parts.sampleSource && config.sampleSource ? ["127.0.0.1"] : [])],
      minDelayMs: config.fetch.minDelayMs,
      concurrencyPerHost: config.fetch.perHost,
      onEvent: (event) => {
        if (event.type === "failed") fetchLog.debug({ event }, "fetch failed");
      },
    });
    closers.push({ name: "fetcher", close: () => fetcher.close() });

    await ensureDefaultRules(store);
    // Webhooks pass the same SSRF guard as fetching (not the sample source's loopback exception).
    const poster = createPoster({
      allowHosts: options.alerts?.webhookAllowHosts ?? config.fetch.allowHosts,
      userAgent: `Seismo-Webhooks (+${config.fetch.contact})`,
    });
    closers.push({ name: "webhook-poster", close: () => poster.close() });
    const mailer = config.email.smtpUrl
      ? createMailer({ url: config.email.smtpUrl, from: config.email.from })
      : undefined;
    if (mailer) closers.push({ name: "mailer", close: async () => mailer.close() });
    let url: string | null = null;

    const generatedToken = await bootstrapToken(store, { apiToken: config.apiToken, dataDir: config.dataDir });
    let sampleFeedUrl: string | null = null;
    if (parts.sampleSource || parts.sourcesFile) {
      const file = await loadSourcesFile(config.sourcesFile);
      if (parts.sampleSource && config.sampleSource) {
        const sample = await startSampleSource({ port: config.samplePort });
        closers.push({ name: "sample-source", close: () => sample.close() });
        sampleFeedUrl = sample.feedUrl;
        for (const s of file.samples) await store.sources.upsert({ ...s, url: sample.feedUrl });
      }
      if (parts.sourcesFile && !config.offline) for (const s of file.feeds) await store.sources.upsert(s);
    }

    let workers: WorkerSet | null = null;
    if (parts.workers) {
      workers = startWorkers({
        connection,
        prefix: config.queuePrefix,
        role: config.role,
        handlers: createHandlers({
          store,
          queues,
          fetcher,
          logger,
          metrics,
          pauseAfterFailures: config.pauseAfterFailures,
          inlineTagging: config.role === "all",
          keepRawHtml: config.retainRawHtmlDays > 0,
          alerts: {
            poster,
            ...(mailer ? { mailer } : {}),
            publicUrl: () => url,
            ...(options.alerts?.delivery ? { delivery: options.alerts.delivery } : {}),
          },
        }),
        concurrency: config.concurrency,
        logger,
        metrics,
        lockMs: config.jobs.lockMs,
        stalledIntervalMs: config.jobs.stalledIntervalMs,
      });
      const running = workers;
      closers.push({ name: "workers", close: () => running.close() });
    }
    let scheduler: Scheduler | null = null;
    if (parts.scheduler) {
      scheduler = startScheduler({
        store,
        queues,
        logger,
        tickMs: options.schedulerTickMs ?? 5000,
        retention: { rawHtmlDays: config.retainRawHtmlDays },
      });
      const running = scheduler;
      closers.push({ name: "scheduler", close: () => running.close() });
      await scheduler.tick();
    }
    if (parts.api) {
      const events = await forwardPipelineEvents(redis.url, config.queuePrefix, logger);
      closers.push({ name: "queue-events", close: events.close });
      const app = createApi({
        store,
        queues,
        redisPing: async () => (await connection.ping()) === "PONG",
        logger,
        metrics,
        fetchPage: (pageUrl) => fetcher.fetch(pageUrl),
        events: events.target,
        corsOrigins: config.corsOrigins,
        rateLimitPerMinute: config.rateLimitPerMinute,
      });
      const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
        const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolveServer(s));
        s.once("error", reject);
      });
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
      url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
      closers.push({
        name: "http",
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // keep-alive connections (SSE, browsers) would hold close() open forever
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    }
    let closing: Promise<void> | undefined;
    return {
      store,
      queues,
      url,
      sampleFeedUrl,
      generatedToken,
      scheduler,
      close() {
        closing ??= close();
        return closing;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export const defaultDataPath = (config: Config, ...segments: string[]) => join(config.dataDir, ...segments);
