import type { Source, Store } from "@seismo/store";

/** A source as the operator page shows it: what it is, and how its polls have gone. */
export interface SourceHealth
  extends Pick<Source, "id" | "name" | "url" | "kind" | "intervalSeconds" | "enabled" | "lastPolledAt" | "lastError"> {
  articles: number;
  lastStatus: number | null;
  lastItemsNew: number | null;
  lastItemsSeen: number | null;
  polls: number;
  failedPolls: number;
}

interface HealthRow {
  id: string;
  name: string;
  url: string;
  kind: string;
  interval_seconds: number;
  enabled: boolean;
  last_polled_at: Date | string | null;
  last_error: string | null;
  articles: number;
  http_status: number | null;
  items_new: number | null;
  items_seen: number | null;
  polls: number;
  failed_polls: number;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Every live source with its latest poll, article count and poll failure tally. */
export async function sourceHealth(store: Store): Promise<SourceHealth[]> {
  const rows = await store.sql.query<HealthRow>(
    `SELECT s.id, s.name, s.url, s.kind, s.interval_seconds, s.enabled, s.last_polled_at, s.last_error,
       (SELECT count(*)::int FROM articles a WHERE a.source_id = s.id) AS articles,
       f.http_status, f.items_new, f.items_seen,
       (SELECT count(*)::int FROM fetches x WHERE x.source_id = s.id) AS polls,
       (SELECT count(*)::int FROM fetches x WHERE x.source_id = s.id AND x.error IS NOT NULL) AS failed_polls
     FROM sources s
     LEFT JOIN LATERAL (SELECT http_status, items_new, items_seen FROM fetches
                        WHERE source_id = s.id ORDER BY started_at DESC, id DESC LIMIT 1) f ON true
     WHERE s.removed_at IS NULL ORDER BY s.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    kind: r.kind,
    intervalSeconds: r.interval_seconds,
    enabled: r.enabled,
    lastPolledAt: iso(r.last_polled_at),
    lastError: r.last_error,
    articles: r.articles,
    lastStatus: r.http_status,
    lastItemsNew: r.items_new,
    lastItemsSeen: r.items_seen,
    polls: r.polls,
    failedPolls: r.failed_polls,
  }));
}

export interface FetchRow {
  sourceName: string;
  startedAt: string;
  httpStatus: number | null;
  itemsNew: number;
  itemsSeen: number;
  durationMs: number;
  error: string | null;
}

export async function recentFetches(store: Store, sourceId: string | null, limit = 40): Promise<FetchRow[]> {
  const rows = await store.sql.query<{
    name: string;
    started_at: Date | string;
    http_status: number | null;
    items_new: number;
    items_seen: number;
    duration_ms: number;
    error: string | null;
  }>(
    `SELECT s.name, f.started_at, f.http_status, f.items_new, f.items_seen, f.duration_ms, f.error
     FROM fetches f JOIN sources s ON s.id = f.source_id
     WHERE ($1::text IS NULL OR f.source_id = $1) ORDER BY f.started_at DESC, f.id DESC LIMIT $2`,
    [sourceId, limit],
  );
  return rows.map((r) => ({
    sourceName: r.name,
    startedAt: new Date(r.started_at).toISOString(),
    httpStatus: r.http_status,
    itemsNew: r.items_new,
    itemsSeen: r.items_seen,
    durationMs: r.duration_ms,
    error: r.error,
  }));
}
