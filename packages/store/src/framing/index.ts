import type { SqlClient } from "../client/index.ts";
import { Statement } from "../client/statement.ts";

export interface FramingMarkInput {
  marker: string;
  variant: string;
  start: number;
  end: number;
}

export interface FramingUsage {
  sourceId: string | null;
  sourceName: string | null;
  marker: string;
  variant: string;
  articles: number;
  mentions: number;
}

/** Framing markers ("Kosovo and Metohija", "administrative boundary"…) per article, and their use per outlet. */
export class FramingRepo {
  constructor(private readonly sql: SqlClient) {}

  async replaceForArticle(articleId: string, marks: FramingMarkInput[]): Promise<void> {
    if (marks.length === 0) {
      await this.sql.query("DELETE FROM framing_markers WHERE article_id = $1", [articleId]);
      return;
    }
    await this.sql.transaction(async (tx) => {
      await tx.query("DELETE FROM framing_markers WHERE article_id = $1", [articleId]);
      const insert = new Statement();
      addFramingInsert(insert, insert.param(articleId, "text"), marks);
      await insert.run(tx);
    });
  }

  async forArticle(articleId: string) {
    return this.sql.query<{ marker: string; variant: string; start_offset: number; end_offset: number }>(
      "SELECT marker, variant, start_offset, end_offset FROM framing_markers WHERE article_id = $1 ORDER BY start_offset",
      [articleId],
    );
  }

  /** How often each outlet used each marker variant between two days (by article event day). */
  async usage(q: { from: string; to: string; marker?: string }): Promise<FramingUsage[]> {
    const rows = await this.sql.query<{
      source_id: string | null;
      name: string | null;
      marker: string;
      variant: string;
      articles: number;
      mentions: number;
    }>(
      `SELECT a.source_id, s.name, f.marker, f.variant, count(DISTINCT a.id)::int AS articles, count(*)::int AS mentions
       FROM framing_markers f JOIN articles a ON a.id = f.article_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.event_day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR f.marker = $3)
       GROUP BY a.source_id, s.name, f.marker, f.variant ORDER BY s.name, f.marker, f.variant`,
      [q.from, q.to, q.marker ?? null],
    );
    return rows.map((r) => ({
      sourceId: r.source_id,
      sourceName: r.name,
      marker: r.marker,
      variant: r.variant,
      articles: r.articles,
      mentions: r.mentions,
    }));
  }
}

/**
 * Adds the insert of an article's framing marks to a statement (the caller has deleted the old
 * ones): the tagging write puts it beside the indicator and rollup writes, in one round trip.
 */
export function addFramingInsert(statement: Statement, articleIdParam: string, marks: FramingMarkInput[]): void {
  statement.parts.push(
    `new_framing AS (INSERT INTO framing_markers (article_id, marker, variant, start_offset, end_offset)
     SELECT ${articleIdParam}, * FROM unnest(${statement.param(
       marks.map((m) => m.marker),
       "text[]",
     )}, ${statement.param(
       marks.map((m) => m.variant),
       "text[]",
     )}, ${statement.param(
       marks.map((m) => m.start),
       "int[]",
     )}, ${statement.param(
       marks.map((m) => m.end),
       "int[]",
     )}) ON CONFLICT DO NOTHING RETURNING 1)`,
  );
}
