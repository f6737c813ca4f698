import type { SqlClient } from "../client/index.ts";

export interface PurgeOptions {
  /** Raw HTML fetched more than this many days ago is cleared; 0 clears all of it. */
  olderThanDays: number;
  /** Count what would be cleared, clear nothing. */
  dryRun?: boolean;
  /** Rows per DELETE, so a large purge never holds long locks (default 1000). */
  batchSize?: number;
  onProgress?: (done: { articles: number; bytes: number }) => void;
}

export interface PurgeResult {
  cutoff: string;
  dryRun: boolean;
  /** Articles whose raw HTML was (or would be) cleared; their text and indicators stay. */
  articles: number;
  bytes: number;
  /** Raw HTML copies kept (newer than the cutoff). */
  kept: number;
}

/**
 * Clears raw HTML older than the retention period. Only `article_raw` rows go: article text,
 * indicators, framing marks and rollups are kept forever, so trends and evidence do not change.
 */
export async function purgeRawHtml(sql: SqlClient, options: PurgeOptions): Promise<PurgeResult> {
  if (!Number.isInteger(options.olderThanDays) || options.olderThanDays < 0) {
    throw new Error(`olderThanDays must be a whole number ≥ 0, got ${options.olderThanDays}`);
  }
  const cutoff = new Date(Date.now() - options.olderThanDays * 86_400_000).toISOString();
  const dryRun = options.dryRun ?? false;
  let articles = 0;
  let bytes = 0;
  if (dryRun) {
    const [row] = await sql.query<{ n: number; b: number }>(
      "SELECT count(*)::int AS n, coalesce(sum(bytes), 0)::float8 AS b FROM article_raw WHERE fetched_at < $1",
      [cutoff],
    );
    articles = row?.n ?? 0;
    bytes = row?.b ?? 0;
  } else {
    const batch = options.batchSize ?? 1000;
    for (;;) {
      const rows = await sql.query<{ bytes: number }>(
        `DELETE FROM article_raw WHERE article_id IN (
           SELECT article_id FROM article_raw WHERE fetched_at < $1 ORDER BY fetched_at LIMIT $2)
         RETURNING bytes`,
        [cutoff, batch],
      );
      articles += rows.length;
      bytes += rows.reduce((n, r) => n + r.bytes, 0);
      if (rows.length > 0) options.onProgress?.({ articles, bytes });
      if (rows.length < batch) break;
    }
  }
  const [left] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM article_raw WHERE fetched_at >= $1", [
    cutoff,
  ]);
  return { cutoff, dryRun, articles, bytes, kept: left?.n ?? 0 };
}
