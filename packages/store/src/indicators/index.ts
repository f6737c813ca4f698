import type { Indicator } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { indicatorIdFor } from "../ids/index.ts";
import { languageKey, placeKey, regionKeysOf, uniqueKeys } from "../keys/index.ts";
import { applyRollupDelta, type RollupItem } from "./rollup.ts";
import { type IndicatorRow, type StoredIndicator, toIndicator } from "./row.ts";
import { type IndicatorSearch, searchIndicators } from "./search.ts";

export type { StoredIndicator } from "./row.ts";

interface PreviousRow {
  day: string;
  hour: number;
  type: string;
  modality: string;
  source_id: string | null;
  language: string;
  place_keys: string[];
  region_keys: string[];
  actor_keys: string[];
  intensity: number;
}

export class IndicatorRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Replaces an article's indicators and refreshes the daily rollup rows they touch, in one
   * transaction. Running it twice with the same input leaves the same rows (idempotent).
   */
  async replaceForArticle(article: { id: string; sourceId: string | null; eventDay: string }, indicators: Indicator[]) {
    await this.sql.transaction(async (tx) => {
      const previous = await tx.query<PreviousRow>(
        `SELECT day::text AS day, hour, type, modality, source_id, language, place_keys, region_keys, actor_keys, intensity
         FROM indicators WHERE article_id = $1 FOR UPDATE`,
        [article.id],
      );
      // Language and hour are read from the stored article, so every caller counts them the same way.
      const [meta] = await tx.query<{ language: string | null; at: Date | null }>(
        "SELECT language, coalesce(published_at, fetched_at) AS at FROM articles WHERE id = $1",
        [article.id],
      );
      const at = meta?.at ? new Date(meta.at) : null;
      const hour = at && at.toISOString().slice(0, 10) === article.eventDay ? at.getUTCHours() : 0;
      const language = languageKey(meta?.language);
      await tx.query("DELETE FROM indicators WHERE article_id = $1", [article.id]);
      // One distinct row per (type, start, end): the id is derived from them.
      const unique = [
        ...new Map(indicators.map((i) => [indicatorIdFor(article.id, i.type, i.evidence.start, i.evidence.end), i])),
      ].map(([id, i]) => {
        const places = uniqueKeys(i.places);
        return { id, i, places, regions: regionKeysOf(places), actors: uniqueKeys(i.actors) };
      });
      if (unique.length > 0) {
        await tx.query(
          `INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text, evidence_start,
             evidence_end, sentence, actors, places, confidence, intensity, place_keys, hour, language, region_keys,
             actor_keys)
           SELECT x.id, $2, $3, $4::date, x.type, x.modality, x.evidence_text, x.evidence_start, x.evidence_end,
                  x.sentence, x.actors, x.places, x.confidence, x.intensity, x.place_keys, $5::smallint, $6,
                  x.region_keys, x.actor_keys
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, modality text, evidence_text text,
             evidence_start int, evidence_end int, sentence text, actors jsonb, places jsonb, confidence real,
             intensity real, place_keys jsonb, region_keys jsonb, actor_keys jsonb)`,
          [
            JSON.stringify(
              unique.map(({ id, i, places, regions, actors }) => ({
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
                place_keys: places,
                region_keys: regions,
                actor_keys: actors,
              })),
            ),
            article.id,
            article.sourceId,
            article.eventDay,
            hour,
            language,
          ],
        );
        const names = new Map(unique.flatMap(({ i }) => i.actors.map((n) => [placeKey(n), n] as const)));
        names.delete("");
        if (names.size > 0) {
          await tx.query(
            `INSERT INTO actor_names (key, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
            [[...names.keys()], [...names.values()]],
          );
        }
      }
      await tx.query("UPDATE articles SET tagged_at = now() WHERE id = $1", [article.id]);
      await applyRollupDelta(
        tx,
        previous.map(
          (p): RollupItem => ({
            day: p.day,
            hour: p.hour,
            type: p.type,
            modality: p.modality,
            sourceId: p.source_id ?? "",
            language: p.language,
            placeKeys: p.place_keys,
            regionKeys: p.region_keys,
            actorKeys: p.actor_keys,
            intensity: p.intensity,
          }),
        ),
        unique.map(
          ({ i, places, regions, actors }): RollupItem => ({
            day: article.eventDay,
            hour,
            type: i.type,
            modality: i.modality,
            sourceId: article.sourceId ?? "",
            language,
            placeKeys: places,
            regionKeys: regions,
            actorKeys: actors,
            intensity: Math.fround(i.intensity),
          }),
        ),
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

export { placeKey } from "../keys/index.ts";
