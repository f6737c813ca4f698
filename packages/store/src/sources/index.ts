import { z } from "zod";
import type { SqlClient } from "../client/index.ts";
import { sourceIdFor } from "../ids/index.ts";

export const SourceInputSchema = z.object({
  name: z.string().min(1).max(200),
  url: z.url(),
  kind: z.enum(["rss", "rdf", "atom", "json", "sitemap", "sitemap-index", "html", "auto"]).default("auto"),
  intervalSeconds: z
    .number()
    .int()
    .min(30)
    .max(7 * 86400)
    .default(900),
  enabled: z.boolean().default(true),
  tags: z.record(z.string(), z.string()).default({}),
  ignoreRobots: z.boolean().default(false),
});
export type SourceInput = z.input<typeof SourceInputSchema>;

export const SourcePatchSchema = z
  .object({
    name: z.string().min(1).max(200),
    intervalSeconds: z
      .number()
      .int()
      .min(30)
      .max(7 * 86400),
    enabled: z.boolean(),
    tags: z.record(z.string(), z.string()),
    ignoreRobots: z.boolean(),
  })
  .partial();
export type SourcePatch = z.infer<typeof SourcePatchSchema>;

export interface Source {
  id: string;
  name: string;
  url: string;
  kind: string;
  intervalSeconds: number;
  enabled: boolean;
  removed: boolean;
  tags: Record<string, string>;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  pausedReason: string | null;
  nextPollAt: string | null;
  ignoreRobots: boolean;
}

interface SourceRow {
  id: string;
  name: string;
  url: string;
  kind: string;
  interval_seconds: number;
  enabled: boolean;
  removed_at: Date | null;
  tags: Record<string, string>;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  last_error: string | null;
  consecutive_failures: number;
  paused_reason: string | null;
  next_poll_at: Date | null;
  ignore_robots: boolean;
}

const toSource = (r: SourceRow): Source => ({
  id: r.id,
  name: r.name,
  url: r.url,
  kind: r.kind,
  intervalSeconds: r.interval_seconds,
  enabled: r.enabled,
  removed: r.removed_at !== null,
  tags: r.tags,
  etag: r.etag,
  lastModified: r.last_modified,
  lastPolledAt: r.last_polled_at ? new Date(r.last_polled_at).toISOString() : null,
  lastError: r.last_error,
  consecutiveFailures: r.consecutive_failures,
  pausedReason: r.paused_reason,
  nextPollAt: r.next_poll_at ? new Date(r.next_poll_at).toISOString() : null,
  ignoreRobots: r.ignore_robots,
});

export interface FetchLogEntry {
  sourceId: string;
  httpStatus: number | null;
  itemsNew: number;
  itemsSeen: number;
  bytes: number;
  durationMs: number;
  error: string | null;
}

export class SourceRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Creates or updates a source keyed by its URL; a removed source comes back when re-added. */
  async upsert(input: SourceInput): Promise<Source> {
    const s = SourceInputSchema.parse(input);
    const [row] = await this.sql.query<SourceRow>(
      `INSERT INTO sources (id, name, url, kind, interval_seconds, enabled, tags, ignore_robots)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
       ON CONFLICT (url) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         interval_seconds = EXCLUDED.interval_seconds, enabled = EXCLUDED.enabled, tags = EXCLUDED.tags,
         ignore_robots = EXCLUDED.ignore_robots, removed_at = NULL, updated_at = now()
       RETURNING *`,
      [sourceIdFor(s.url), s.name, s.url, s.kind, s.intervalSeconds, s.enabled, JSON.stringify(s.tags), s.ignoreRobots],
    );
    if (!row) throw new Error("upsert returned no row");
    return toSource(row);
  }

  /** Changes the given fields; resuming (enabled: true) clears a pause and its failure count. */
  async update(id: string, patch: SourcePatch): Promise<Source | null> {
    const p = SourcePatchSchema.parse(patch);
    const [row] = await this.sql.query<SourceRow>(
      `UPDATE sources SET name = coalesce($2, name), interval_seconds = coalesce($3, interval_seconds),
         enabled = coalesce($4, enabled), tags = coalesce($5::jsonb, tags), ignore_robots = coalesce($6, ignore_robots),
         paused_reason = CASE WHEN $4 IS TRUE THEN NULL ELSE paused_reason END,
         consecutive_failures = CASE WHEN $4 IS TRUE THEN 0 ELSE consecutive_failures END,
         next_poll_at = CASE WHEN $4 IS TRUE THEN date_trunc('milliseconds', now()) ELSE next_poll_at END,
         updated_at = now()
       WHERE id = $1 AND removed_at IS NULL RETURNING *`,
      [
        id,
        p.name ?? null,
        p.intervalSeconds ?? null,
        p.enabled ?? null,
        p.tags ? JSON.stringify(p.tags) : null,
        p.ignoreRobots ?? null,
      ],
    );
    return row ? toSource(row) : null;
  }

  /** Marks a source removed: it is no longer polled, its articles stay. */
  async remove(id: string): Promise<boolean> {
    const rows = await this.sql.query(
      "UPDATE sources SET removed_at = now(), enabled = false, updated_at = now() WHERE id = $1 AND removed_at IS NULL RETURNING id",
      [id],
    );
    return rows.length > 0;
  }

  async get(id: string): Promise<Source | null> {
    const [row] = await this.sql.query<SourceRow>("SELECT * FROM sources WHERE id = $1", [id]);
    return row ? toSource(row) : null;
  }

  async list(options: { includeRemoved?: boolean } = {}): Promise<Source[]> {
    const rows = await this.sql.query<SourceRow>(
      `SELECT * FROM sources ${options.includeRemoved ? "" : "WHERE removed_at IS NULL"} ORDER BY name`,
    );
    return rows.map(toSource);
  }

  /** Sources to poll now: their back-off time (or, without one, their interval) has passed. */
  async due(now: Date = new Date()): Promise<Source[]> {
    const rows = await this.sql.query<SourceRow>(
      `SELECT * FROM sources WHERE enabled AND removed_at IS NULL
         AND CASE WHEN next_poll_at IS NOT NULL THEN next_poll_at <= $1
             ELSE last_polled_at IS NULL OR last_polled_at + make_interval(secs => interval_seconds) <= $1 END
       ORDER BY last_polled_at NULLS FIRST`,
      [now.toISOString()],
    );
    return rows.map(toSource);
  }

  /**
   * Records one poll: the fetch log line, the validators and the source's health. A failed poll
   * (entry.failed) backs the source off exponentially; after `pauseAfter` failures in a row it is
   * paused with the last error as the reason, until an operator resumes it.
   */
  async recordPoll(
    entry: FetchLogEntry,
    validators: { etag: string | null; lastModified: string | null },
    health: { failed: boolean; pauseAfter?: number } = { failed: entry.error !== null },
  ) {
    const pauseAfter = health.pauseAfter ?? 8;
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO fetches (source_id, http_status, items_new, items_seen, bytes, duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.sourceId, entry.httpStatus, entry.itemsNew, entry.itemsSeen, entry.bytes, entry.durationMs, entry.error],
      );
      await tx.query(
        `UPDATE sources SET last_polled_at = now(), last_error = $2,
           etag = coalesce($3, etag), last_modified = coalesce($4, last_modified),
           consecutive_failures = CASE WHEN $5 THEN consecutive_failures + 1 ELSE 0 END,
           -- ±10 % jitter spreads sources that share an interval; failures back off exponentially.
           next_poll_at = CASE WHEN $5
             THEN now() + make_interval(secs => least(interval_seconds * power(2, least(consecutive_failures, 10)), 86400)
                                                * (0.9 + random() * 0.2))
             ELSE now() + make_interval(secs => interval_seconds * (0.9 + random() * 0.2)) END,
           enabled = CASE WHEN $5 AND consecutive_failures + 1 >= $6 THEN false ELSE enabled END,
           paused_reason = CASE WHEN $5 AND consecutive_failures + 1 >= $6
             THEN 'paused after ' || (consecutive_failures + 1) || ' failed polls in a row; last error: ' || coalesce($2, 'unknown')
             ELSE paused_reason END
         WHERE id = $1`,
        [entry.sourceId, entry.error, validators.etag, validators.lastModified, health.failed, pauseAfter],
      );
    });
  }

  async fetchLog(sourceId: string, limit = 50) {
    return this.sql.query<{
      started_at: Date;
      http_status: number | null;
      items_new: number;
      items_seen: number;
      bytes: number;
      duration_ms: number;
      error: string | null;
    }>("SELECT * FROM fetches WHERE source_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2", [sourceId, limit]);
  }
}
