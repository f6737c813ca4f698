import type { IndicatorType, Modality } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import type { SqlClient } from "../client/index.ts";
import { placeKey } from "../indicators/index.ts";

export interface ArticleSearch {
  /** Words to find, in any script or spelling ("Zvečan", "Zvecan", "Звечан"). */
  q?: string;
  types?: IndicatorType[];
  modalities?: Modality[];
  place?: string;
  sourceId?: string;
  language?: string;
  /** Framing marker id ("territory-name"), or marker and variant ("territory-name:serbian-official"). */
  framing?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
function decode(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string") return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new Error("invalid cursor");
}

/**
 * Article ids matching a full-text query and filters, newest first, keyset-paginated. Indicator
 * filters (type, modality, place) keep articles that have at least one matching indicator.
 */
export async function searchArticleIds(
  sql: SqlClient,
  q: ArticleSearch,
): Promise<{ ids: string[]; next: string | null }> {
  const after = q.cursor ? decode(q.cursor) : null;
  const words = q.q
    ? foldForSearch(q.q)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
    : [];
  const framing = q.framing ? splitFraming(q.framing) : null;
  const needsIndicator = q.types !== undefined || q.modalities !== undefined || q.place !== undefined;
  const rows = await sql.query<{ id: string; at: Date }>(
    `SELECT a.id, coalesce(a.published_at, a.fetched_at) AS at FROM articles a
     WHERE ($1::text IS NULL OR a.search_vector @@ to_tsquery('simple', $1))
       AND ($2::text IS NULL OR a.source_id = $2)
       AND ($3::text IS NULL OR a.language = $3)
       AND ($4::date IS NULL OR a.event_day >= $4::date)
       AND ($5::date IS NULL OR a.event_day <= $5::date)
       AND ($6::timestamptz IS NULL OR (coalesce(a.published_at, a.fetched_at), a.id) < ($6::timestamptz, $7::text))
       AND (NOT $8::boolean OR EXISTS (
         SELECT 1 FROM indicators i WHERE i.article_id = a.id
           AND ($9::text[] IS NULL OR i.type = ANY($9::text[]))
           AND ($10::text[] IS NULL OR i.modality = ANY($10::text[]))
           AND ($11::text IS NULL OR i.place_keys @> jsonb_build_array($11::text))))
       AND ($13::text IS NULL OR EXISTS (
         SELECT 1 FROM framing_markers f WHERE f.article_id = a.id AND f.marker = $13
           AND ($14::text IS NULL OR f.variant = $14)))
     ORDER BY coalesce(a.published_at, a.fetched_at) DESC, a.id DESC
     LIMIT $12`,
    [
      words.length > 0 ? words.map((w) => `${w.replace(/'/g, "")}:*`).join(" & ") : null,
      q.sourceId ?? null,
      q.language ?? null,
      q.from ?? null,
      q.to ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      needsIndicator,
      q.types ?? null,
      q.modalities ?? null,
      q.place ? placeKey(q.place) : null,
      q.limit + 1,
      framing?.[0] ?? null,
      framing?.[1] ?? null,
    ],
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    ids: page.map((r) => r.id),
    next: rows.length > q.limit && last ? encode(new Date(last.at).toISOString(), last.id) : null,
  };
}

/** "boundary:serbian-official" → ["boundary", "serbian-official"]; "boundary" → ["boundary", null]. */
function splitFraming(id: string): [string, string | null] {
  const [marker = "", variant] = id.split(":");
  return [marker.trim(), variant?.trim() || null];
}
