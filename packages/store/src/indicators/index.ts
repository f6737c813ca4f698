import type { Indicator } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { Statement } from "../client/statement.ts";
import { addFramingInsert, type FramingMarkInput } from "../framing/index.ts";
import { indicatorIdFor } from "../ids/index.ts";
import { languageKey, placeKey, regionKeysOf, uniqueKeys } from "../keys/index.ts";
import { addRollupDelta, type RollupItem } from "./rollup.ts";
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
   * Replaces an article's indicators — and, when `framing` is given, its framing marks — and
   * applies the difference to the rollups, in one transaction of two or three statements: read
   * and delete what was there, write what is new with every rollup upsert, then drop rollup rows
   * that fell to zero (only on a re-tag). Running it twice with the same input leaves the same rows.
   */
  async replaceForArticle(
    article: { id: string; sourceId: string | null; eventDay: string },
    indicators: Indicator[],
    framing?: FramingMarkInput[],
  ) {
    await this.sql.transaction(async (tx) => {
      // Language and hour are read from the stored article (locked, so re-tags of one article queue
      // up), so every caller counts them the same way.
      const [current] = await tx.query<{ language: string | null; at: Date | null; previous: PreviousRow[] }>(
        `WITH meta AS (SELECT language, coalesce(published_at, fetched_at) AS at FROM articles WHERE id = $1 FOR UPDATE),
         old AS (DELETE FROM indicators WHERE article_id = $1
           RETURNING day::text AS day, hour, type, modality, source_id, language, place_keys, region_keys, actor_keys,
             intensity)${framing ? ",\n         old_framing AS (DELETE FROM framing_markers WHERE article_id = $1)" : ""}
         SELECT meta.language, meta.at, coalesce((SELECT json_agg(old) FROM old), '[]'::json) AS previous
         FROM (SELECT 1) AS one LEFT JOIN meta ON true`,
        [article.id],
      );
      const previous = current?.previous ?? [];
      const at = current?.at ? new Date(current.at) : null;
      const hour = at && at.toISOString().slice(0, 10) === article.eventDay ? at.getUTCHours() : 0;
      const language = languageKey(current?.language);
      // One distinct row per (type, start, end): the id is derived from them.
      const unique = [
        ...new Map(indicators.map((i) => [indicatorIdFor(article.id, i.type, i.evidence.start, i.evidence.end), i])),
      ].map(([id, i]) => {
        const places = uniqueKeys(i.places);
        return { id, i, places, regions: regionKeysOf(places), actors: uniqueKeys(i.actors) };
      });
      const write = new Statement();
      const articleId = write.param(article.id, "text");
      write.parts.push(`tagged AS (UPDATE articles SET tagged_at = now() WHERE id = ${articleId} RETURNING 1)`);
      if (unique.length > 0) {
        const rows = write.param(
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
          "jsonb",
        );
        write.parts.push(
          `new_indicators AS (INSERT INTO indicators (id, article_id, source_id, day, type, modality, evidence_text,
             evidence_start, evidence_end, sentence, actors, places, confidence, intensity, place_keys, hour, language,
             region_keys, actor_keys)
           SELECT x.id, ${articleId}, ${write.param(article.sourceId, "text")}, ${write.param(article.eventDay, "date")},
                  x.type, x.modality, x.evidence_text, x.evidence_start, x.evidence_end, x.sentence, x.actors, x.places,
                  x.confidence, x.intensity, x.place_keys, ${write.param(hour, "smallint")},
                  ${write.param(language, "text")}, x.region_keys, x.actor_keys
           FROM jsonb_to_recordset(${rows}) AS x(id text, type text, modality text, evidence_text text,
             evidence_start int, evidence_end int, sentence text, actors jsonb, places jsonb, confidence real,
             intensity real, place_keys jsonb, region_keys jsonb, actor_keys jsonb) RETURNING 1)`,
        );
        const names = new Map(unique.flatMap(({ i }) => i.actors.map((n) => [placeKey(n), n] as const)));
        names.delete("");
        if (names.size > 0) {
          write.parts.push(
            `new_actor_names AS (INSERT INTO actor_names (key, name)
             SELECT * FROM unnest(${write.param([...names.keys()], "text[]")}, ${write.param([...names.values()], "text[]")})
             ON CONFLICT DO NOTHING RETURNING 1)`,
          );
        }
      }
      if (framing && framing.length > 0) addFramingInsert(write, articleId, framing);
      const dropEmptyRollups = addRollupDelta(
        write,
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
      await write.run(tx);
      await dropEmptyRollups.run(tx);
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
