import type { Indicator } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import type { SqlClient } from "../client/index.ts";
import { indicatorIdFor } from "../ids/index.ts";
import { applyRollupDelta } from "./rollup.ts";
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
      const previous = await tx.query<{
        day: string;
        type: string;
        modality: string;
        source_id: string | null;
        place_keys: string[];
        intensity: number;
      }>(
        "SELECT day::text AS day, type, modality, source_id, place_keys, intensity FROM indicators WHERE article_id = $1 FOR UPDATE",
        [article.id],
      );
      await tx.query("DELETE FROM indicators WHERE article_id = $1", [article.id]);
      // One distinct row per (type, start, end): the id is derived from them.
      const unique = [
        ...new Map(indicators.map((i) => [indicatorIdFor(article.id, i.type, i.evidence.start, i.evidence.end), i])),
      ];
      if (unique.length > 0) {
        await tx.query(
          `INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text, evidence_start,
             evidence_end, sentence, actors, places, confidence, intensity, place_keys)
           SELECT x.id, $2, $3, $4::date, x.type, x.modality, x.evidence_text, x.evidence_start, x.evidence_end,
                  x.sentence, x.actors, x.places, x.confidence, x.intensity, x.place_keys
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, modality text, evidence_text text,
             evidence_start int, evidence_end int, sentence text, actors jsonb, places jsonb, confidence real,
             intensity real, place_keys jsonb)`,
          [
            JSON.stringify(
              unique.map(([id, i]) => ({
                id,
                type: i.type,
                modality: i.modality,
                evidence_text: i.evidence.text,
                evidence_start: i.evidence.start,
                evidence_end: i.evidence.end,
                sentence: i.evidence.sentence,
                actors: i.actors,
                places: i.places,
                confidence: i.confidence,
                intensity: i.intensity,
                place_keys: placeKeys(i.places),
              })),
            ),
            article.id,
            article.sourceId,
            article.eventDay,
          ],
        );
      }
      await tx.query("UPDATE articles SET tagged_at = now() WHERE id = $1", [article.id]);
      await applyRollupDelta(
        tx,
        previous.map((p) => ({
          day: p.day,
          type: p.type,
          modality: p.modality,
          sourceId: p.source_id ?? "",
          placeKeys: p.place_keys,
          intensity: p.intensity,
        })),
        unique.map(([, i]) => ({
          day: article.eventDay,
          type: i.type,
          modality: i.modality,
          sourceId: article.sourceId ?? "",
          placeKeys: placeKeys(i.places),
          intensity: Math.fround(i.intensity),
        })),
      );
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

/** The key a place is stored and queried under: "Zvečan", "Zvecan" and "Звечан" are one place. */
export const placeKey = (name: string): string => foldForSearch(name).trim();
const placeKeys = (names: string[]): string[] => [...new Set(names.map(placeKey).filter(Boolean))];
