import type { SqlClient } from "@seismo/store";
import type { Claim } from "../filters/index.ts";
import type { RuleFilters } from "../rules/schema.ts";

export interface ClaimRow {
  indicator_id: string;
  article_id: string;
  story_id: string | null;
  at: Date;
  type: Claim["type"];
  modality: Claim["modality"];
  confidence: number;
  intensity: number;
  actors: string[];
  places: string[];
  sentence: string;
  url: string;
  title: string | null;
  language: string | null;
  source_id: string | null;
  tags: Record<string, string> | null;
  duplicate_of: string | null;
}

/** The claim query; `evidence` is the SQL for the sentence, URL and title columns. */
export const selectClaims = (evidence = "i.sentence, a.url, a.title") =>
  `SELECT i.id AS indicator_id, a.id AS article_id, a.story_id, coalesce(a.published_at, a.fetched_at) AS at,
    i.type, i.modality, i.confidence, i.intensity, i.actors, i.places, ${evidence}, a.language,
    a.source_id, s.tags, a.duplicate_of
  FROM indicators i JOIN articles a ON a.id = i.article_id LEFT JOIN sources s ON s.id = a.source_id`;

export const toClaim = (r: ClaimRow): Claim => ({
  indicatorId: r.indicator_id,
  articleId: r.article_id,
  storyId: r.story_id,
  at: new Date(r.at).toISOString(),
  type: r.type,
  modality: r.modality,
  confidence: r.confidence,
  intensity: r.intensity,
  actors: r.actors,
  places: r.places,
  sentence: r.sentence,
  url: r.url,
  title: r.title,
  language: r.language,
  sourceId: r.source_id,
  sourceTags: r.tags ?? {},
  duplicateOf: r.duplicate_of,
});

/** What a detector needs of the claims in a range; evidence fields are fetched only on request. */
export interface ClaimsBetweenOptions {
  /** Restrict to these types (default: the rule's). */
  types?: readonly string[];
  /**
   * Counting only: leave out the URL and title, and the sentence unless the rule names places
   * (whose test falls back on it). A spike's baseline reads weeks of claims; this keeps it lean.
   */
  slim?: boolean;
  /** Leave out near-duplicates (a wire copy is one report, not two). */
  originalsOnly?: boolean;
}

/**
 * Claims in a time range that may pass `filters`. SQL narrows by the cheap fields (type,
 * modality, confidence, time); the caller applies `matchesFilters` for the rest.
 */
export async function claimsBetween(
  sql: SqlClient,
  filters: RuleFilters,
  range: { from: string; to: string },
  options: ClaimsBetweenOptions = {},
): Promise<Claim[]> {
  const types = options.types ?? filters.types;
  const select = options.slim
    ? selectClaims(`${filters.places.length > 0 ? "i.sentence" : "'' AS sentence"}, '' AS url, NULL AS title`)
    : selectClaims();
  const rows = await sql.query<ClaimRow>(
    `${select}
     WHERE i.modality = ANY($1::text[]) AND ($2::text[] IS NULL OR i.type = ANY($2::text[])) AND i.confidence >= $3
       AND coalesce(a.published_at, a.fetched_at) >= $4::timestamptz
       AND coalesce(a.published_at, a.fetched_at) <= $5::timestamptz
       ${options.originalsOnly ? "AND a.duplicate_of IS NULL" : ""}
     ORDER BY at LIMIT 200000`,
    [filters.modalities, types.length > 0 ? types : null, filters.minConfidence, range.from, range.to],
  );
  return rows.map(toClaim);
}

/** Recently active stories: what a new or edited rule is first run against. */
export async function recentStoryIds(sql: SqlClient, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>("SELECT id FROM stories ORDER BY last_seen DESC, id LIMIT $1", [limit]);
  return rows.map((r) => r.id);
}
