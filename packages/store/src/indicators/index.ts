import type { Indicator } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { indicatorIdFor } from "../ids/index.ts";

export interface StoredIndicator extends Indicator {
  id: string;
  articleId: string;
  day: string;
}

interface IndicatorRow {
  id: string;
  article_id: string;
  day: string;
  type: Indicator["type"];
  modality: Indicator["modality"];
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  sentence: string;
  actors: string[];
  places: string[];
  confidence: number;
  intensity: number;
}

const toIndicator = (r: IndicatorRow): StoredIndicator => ({
  id: r.id,
  articleId: r.article_id,
  day: r.day,
  type: r.type,
  modality: r.modality,
  evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end, sentence: r.sentence },
  actors: r.actors,
  places: r.places,
  confidence: r.confidence,
  intensity: r.intensity,
});

export class IndicatorRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Replaces an article's indicators and refreshes the daily rollup rows they touch, in one
   * transaction. Running it twice with the same input leaves the same rows (idempotent).
   */
  async replaceForArticle(article: { id: string; sourceId: string | null; eventDay: string }, indicators: Indicator[]) {
    await this.sql.transaction(async (tx) => {
      const previous = await tx.query<{ day: string; source_id: string | null }>(
        "SELECT DISTINCT day::text AS day, source_id FROM indicators WHERE article_id = $1",
        [article.id],
      );
      await tx.query("DELETE FROM indicators WHERE article_id = $1", [article.id]);
      for (const ind of indicators) {
        await tx.query(
          `INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text, evidence_start,
             evidence_end, sentence, actors, places, confidence, intensity)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14)
           ON CONFLICT (id) DO NOTHING`,
          [
            indicatorIdFor(article.id, ind.type, ind.evidence.start, ind.evidence.end),
            article.id,
            article.sourceId,
            article.eventDay,
            ind.type,
            ind.modality,
            ind.evidence.text,
            ind.evidence.start,
            ind.evidence.end,
            ind.evidence.sentence,
            JSON.stringify(ind.actors),
            JSON.stringify(ind.places),
            ind.confidence,
            ind.intensity,
          ],
        );
      }
      await tx.query("UPDATE articles SET tagged_at = now() WHERE id = $1", [article.id]);
      const touched = new Map<string, { day: string; sourceId: string | null }>();
      for (const p of [...previous, { day: article.eventDay, source_id: article.sourceId }]) {
        touched.set(`${p.day}|${p.source_id}`, { day: p.day, sourceId: p.source_id });
      }
      for (const key of touched.values()) await refreshRollup(tx, key.day, key.sourceId);
    });
  }

  async forArticles(articleIds: string[]): Promise<Map<string, StoredIndicator[]>> {
    const byArticle = new Map<string, StoredIndicator[]>(articleIds.map((id) => [id, []]));
    if (articleIds.length === 0) return byArticle;
    const rows = await this.sql.query<IndicatorRow>(
      `SELECT id, article_id, day::text AS day, type, modality, evidence_text, evidence_start, evidence_end, sentence,
              actors, places, confidence, intensity
       FROM indicators WHERE article_id = ANY($1::text[]) ORDER BY article_id, evidence_start`,
      [articleIds],
    );
    for (const row of rows) byArticle.get(row.article_id)?.push(toIndicator(row));
    return byArticle;
  }
}

/** Recomputes the rollup rows of one (day, source) from the indicators themselves. */
async function refreshRollup(tx: SqlClient, day: string, sourceId: string | null): Promise<void> {
  const source = sourceId ?? "";
  if (tx.dialect === "postgres") {
    // Serialise refreshes of the same (day, source) across workers.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${day}|${source}`]);
  }
  await tx.query("DELETE FROM indicator_daily WHERE day = $1 AND source_id = $2", [day, source]);
  await tx.query(
    `INSERT INTO indicator_daily (day, type, modality, source_id, count, intensity_sum)
     SELECT day, type, modality, coalesce(source_id, ''), count(*), sum(intensity)
     FROM indicators WHERE day = $1 AND coalesce(source_id, '') = $2
     GROUP BY day, type, modality, coalesce(source_id, '')`,
    [day, source],
  );
}
