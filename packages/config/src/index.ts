import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** "a, b,,c" → ["a", "b", "c"]; unset → []. */
const commaList = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
  );

/** Every setting Seismo reads from the environment. Apps parse it once, in their env.ts. */
export const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SEISMO_DATA_DIR: z.string().min(1).default("./data"),
  REDIS_URL: z.string().url().optional(),
  SEISMO_QUEUE_PREFIX: z
    .string()
    .regex(/^\{[^{}]+\}$|^[^{}]+$/, "must be a plain name or one {hash-tag}")
    .default("{seismo}"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEISMO_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  SEISMO_API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  SEISMO_SOURCES_FILE: z.string().default("sources.json"),
  SEISMO_ROLE: z.enum(["ingest", "process", "all"]).default("all"),
  SEISMO_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SEISMO_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(900),
  SEISMO_SAMPLE_SOURCE: bool.default(true),
  SEISMO_SAMPLE_PORT: z.coerce.number().int().min(0).max(65535).default(3999),
  SEISMO_OFFLINE: bool.default(false),
  SEISMO_CONTACT: z.string().min(1).default("https://github.com/seismo-news/seismo"),
  SEISMO_FETCH_ALLOW_HOSTS: commaList,
  SEISMO_FETCH_MIN_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  SEISMO_FETCH_PER_HOST: z.coerce.number().int().min(1).max(16).default(2),
  SEISMO_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  SEISMO_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  SEISMO_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).default(8),
  SEISMO_CORS_ORIGINS: commaList,
  SEISMO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SEISMO_RETAIN_RAW_HTML_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** SMTP server for `mailto:` alert subscriptions (`smtp://user:pass@host:587`, `smtps://…`). */
  SEISMO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SEISMO_ALERT_EMAIL_FROM: z.string().min(3).default("Seismo alerts <seismo@localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type RawConfig = z.output<typeof ConfigSchema>;

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  queuePrefix: string;
  host: string;
  port: number;
  /** Workers serve /metrics, /healthz and /readyz here (on `host`); 0 turns that server off. */
  metricsPort: number;
  apiToken: string | undefined;
  sourcesFile: string;
  role: "ingest" | "process" | "all";
  concurrency: number;
  pollIntervalSeconds: number;
  sampleSource: boolean;
  /** Port of the bundled offline feed server; fixed by default so article URLs stay stable. */
  samplePort: number;
  offline: boolean;
  logLevel: RawConfig["LOG_LEVEL"];
  fetch: {
    /** Put in the User-Agent so site owners can reach the operator. */
    contact: string;
    /** Hosts/IPs/CIDRs the SSRF guard lets through (private addresses are refused otherwise). */
    allowHosts: string[];
    minDelayMs: number;
    perHost: number;
  };
  pauseAfterFailures: number;
  /** How long a worker's claim on a job lasts, and how often dead workers' jobs are reclaimed. */
  jobs: { lockMs: number; stalledIntervalMs: number };
  corsOrigins: string[];
  rateLimitPerMinute: number;
  /** Days raw article HTML is kept before `seismo purge` clears it (0: keep none); text stays forever. */
  retainRawHtmlDays: number;
  /** E-mail alerts: the SMTP server (none: `mailto:` subscriptions cannot be sent) and the sender. */
  email: { smtpUrl: string | undefined; from: string };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment map; throws a ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: c.SEISMO_DATA_DIR,
    redisUrl: c.REDIS_URL,
    queuePrefix: c.SEISMO_QUEUE_PREFIX,
    host: c.HOST,
    port: c.PORT,
    metricsPort: c.SEISMO_METRICS_PORT,
    apiToken: c.SEISMO_API_TOKEN,
    sourcesFile: c.SEISMO_SOURCES_FILE,
    role: c.SEISMO_ROLE,
    concurrency: c.SEISMO_CONCURRENCY,
    pollIntervalSeconds: c.SEISMO_POLL_INTERVAL_SECONDS,
    sampleSource: c.SEISMO_SAMPLE_SOURCE,
    samplePort: c.SEISMO_SAMPLE_PORT,
    offline: c.SEISMO_OFFLINE,
    logLevel: c.LOG_LEVEL,
    fetch: {
      contact: c.SEISMO_CONTACT,
      allowHosts: c.SEISMO_FETCH_ALLOW_HOSTS,
      minDelayMs: c.SEISMO_FETCH_MIN_DELAY_MS,
      perHost: c.SEISMO_FETCH_PER_HOST,
    },
    pauseAfterFailures: c.SEISMO_PAUSE_AFTER_FAILURES,
    jobs: { lockMs: c.SEISMO_JOB_LOCK_MS, stalledIntervalMs: c.SEISMO_STALLED_INTERVAL_MS },
    corsOrigins: c.SEISMO_CORS_ORIGINS,
    rateLimitPerMinute: c.SEISMO_RATE_LIMIT_PER_MINUTE,
    retainRawHtmlDays: c.SEISMO_RETAIN_RAW_HTML_DAYS,
    email: { smtpUrl: c.SEISMO_SMTP_URL, from: c.SEISMO_ALERT_EMAIL_FROM },
  };
}
