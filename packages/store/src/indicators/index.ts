import type { Indicator } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import type { SqlClient } from "../client/index.ts";
import { indicatorIdFor } from "../ids/index.ts";
import { type IndicatorSearch, searchIndicators } from "./search.ts";

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
      const previousPlaces = await tx.query<{ place: string }>(
        "SELECT DISTINCT jsonb_array_elements_text(place_keys) AS place FROM indicators WHERE article_id = $1",
        [article.id],
      );
      await tx.query("DELETE FROM indicators WHERE article_id = $1", [article.id]);
      for (const ind of indicators) {
        await tx.query(
          `INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text, evidence_start,
             evidence_end, sentence, actors, places, confidence, intensity, place_keys)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15::jsonb)
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
            JSON.stringify(placeKeys(ind.places)),
          ],
        );
      }
      await tx.query("UPDATE articles SET tagged_at = now() WHERE id = $1", [article.id]);
      const touched = new Map<string, { day: string; sourceId: string | null }>();
      for (const p of [...previous, { day: article.eventDay, source_id: article.sourceId }]) {
        touched.set(`${p.day}|${p.source_id}`, { day: p.day, sourceId: p.source_id });
      }
      for (const key of touched.values()) await refreshRollup(tx, key.day, key.sourceId);
      const places = new Set([
        ...previousPlaces.map((p) => p.place),
        ...indicators.flatMap((i) => placeKeys(i.places)),
      ]);
      const days = new Set([...previous.map((p) => p.day), article.eventDay]);
      for (const day of days) await refreshPlaceRollup(tx, day, [...places]);
    });
  }

  search(q: IndicatorSearch) {
    return searchIndicators(this.sql, q);
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
    // Serialise refreshes of the same day across workers (the all-sources total is per day).
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`rollup|${day}`]);
  }
  await tx.query("DELETE FROM indicator_daily WHERE day = $1 AND source_id = $2", [day, source]);
  await tx.query(
    `INSERT INTO indicator_daily (day, type, modality, source_id, count, intensity_sum)
     SELECT day, type, modality, coalesce(source_id, ''), count(*), sum(intensity)
     FROM indicators WHERE day = $1 AND coalesce(source_id, '') = $2
     GROUP BY day, type, modality, coalesce(source_id, '')`,
    [day, source],
  );
  await tx.query("DELETE FROM indicator_daily_total WHERE day = $1", [day]);
  await tx.query(
    `INSERT INTO indicator_daily_total (day, type, modality, count, intensity_sum)
     SELECT day, type, modality, sum(count), sum(intensity_sum) FROM indicator_daily WHERE day = $1 GROUP BY 1, 2, 3`,
    [day],
  );
}

/** The key a place is stored and queried under: "Zvečan", "Zvecan" and "Звечан" are one place. */
export const placeKey = (name: string): string => foldForSearch(name).trim();
const placeKeys = (names: string[]): string[] => [...new Set(names.map(placeKey).filter(Boolean))];

async function refreshPlaceRollup(tx: SqlClient, day: string, places: string[]): Promise<void> {
  if (places.length === 0) return;
  if (tx.dialect === "postgres") await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`place|${day}`]);
  await tx.query("DELETE FROM indicator_place_daily WHERE day = $1 AND place = ANY($2::text[])", [day, places]);
  await tx.query(
    `INSERT INTO indicator_place_daily (day, type, modality, place, count, intensity_sum)
     SELECT i.day, i.type, i.modality, p.place, count(*), sum(i.intensity)
     FROM indicators i CROSS JOIN LATERAL jsonb_array_elements_text(i.place_keys) AS p(place)
     WHERE i.day = $1 AND p.place = ANY($2::text[])
     GROUP BY i.day, i.type, i.modality, p.place`,
    [day, places],
  );
}
