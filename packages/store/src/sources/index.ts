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
});
export type SourceInput = z.input<typeof SourceInputSchema>;

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
      `INSERT INTO sources (id, name, url, kind, interval_seconds, enabled, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (url) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         interval_seconds = EXCLUDED.interval_seconds, enabled = EXCLUDED.enabled, tags = EXCLUDED.tags,
         removed_at = NULL, updated_at = now()
       RETURNING *`,
      [sourceIdFor(s.url), s.name, s.url, s.kind, s.intervalSeconds, s.enabled, JSON.stringify(s.tags)],
    );
    if (!row) throw new Error("upsert returned no row");
    return toSource(row);
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

  /** Sources whose interval has passed since their last poll. */
  async due(now: Date = new Date()): Promise<Source[]> {
    const rows = await this.sql.query<SourceRow>(
      `SELECT * FROM sources WHERE enabled AND removed_at IS NULL
         AND (last_polled_at IS NULL OR last_polled_at + make_interval(secs => interval_seconds) <= $1)
       ORDER BY last_polled_at NULLS FIRST`,
      [now.toISOString()],
    );
    return rows.map(toSource);
  }

  /** Records one poll: the fetch log line plus the source's validators and last error. */
  async recordPoll(entry: FetchLogEntry, validators: { etag: string | null; lastModified: string | null }) {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO fetches (source_id, http_status, items_new, items_seen, bytes, duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.sourceId, entry.httpStatus, entry.itemsNew, entry.itemsSeen, entry.bytes, entry.durationMs, entry.error],
      );
      await tx.query(
        `UPDATE sources SET last_polled_at = now(), last_error = $2,
           etag = coalesce($3, etag), last_modified = coalesce($4, last_modified) WHERE id = $1`,
        [entry.sourceId, entry.error, validators.etag, validators.lastModified],
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
