import type { IndicatorType, Modality } from "@seismo/core";
import type { SqlClient } from "../client/index.ts";
import { actorKey, placeKey } from "../keys/index.ts";
import { type IndicatorRow, type StoredIndicator, toIndicator } from "./row.ts";

const withoutArticleId = ({ articleId: _, ...indicator }: StoredIndicator) => indicator;

export interface IndicatorSearch {
  types?: IndicatorType[];
  modalities?: Modality[];
  place?: string;
  /** Any spelling of an actor name. */
  actor?: string;
  sourceId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Opaque cursor from the previous page's `next`. */
  cursor?: string;
}

export interface IndicatorHit {
  id: string;
  day: string;
  type: IndicatorType;
  modality: Modality;
  evidence: { text: string; start: number; end: number; sentence: string };
  actors: string[];
  places: string[];
  confidence: number;
  intensity: number;
  article: { id: string; title: string | null; url: string; sourceId: string | null; publishedAt: string | null };
}

const encode = (day: string, id: string) => Buffer.from(JSON.stringify([day, id])).toString("base64url");
function decode(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    return Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/** Indicators with their evidence sentences, newest day first, keyset-paginated (stable under inserts). */
export async function searchIndicators(
  sql: SqlClient,
  q: IndicatorSearch,
): Promise<{ hits: IndicatorHit[]; next: string | null }> {
  const after = q.cursor ? decode(q.cursor) : null;
  if (q.cursor && !after) throw new Error("invalid cursor");
  const rows = await sql.query<
    IndicatorRow & { title: string | null; url: string; source_id: string | null; published_at: Date | null }
  >(
    `SELECT i.id, i.day::text AS day, i.type, i.modality, i.evidence_text, i.evidence_start, i.evidence_end, i.sentence,
            i.actors, i.places, i.confidence, i.intensity, a.id AS article_id, a.title, a.url, a.source_id, a.published_at
     FROM indicators i JOIN articles a ON a.id = i.article_id
     WHERE ($1::text[] IS NULL OR i.type = ANY($1::text[]))
       AND i.modality = ANY($2::text[])
       AND ($3::text IS NULL OR i.place_keys @> jsonb_build_array($3::text))
       AND ($4::text IS NULL OR i.source_id = $4)
       AND ($5::date IS NULL OR i.day >= $5::date)
       AND ($6::date IS NULL OR i.day <= $6::date)
       AND ($7::date IS NULL OR (i.day, i.id) < ($7::date, $8::text))
       AND ($10::text IS NULL OR i.actor_keys @> jsonb_build_array($10::text))
     ORDER BY i.day DESC, i.id DESC
     LIMIT $9`,
    [
      q.types ?? null,
      q.modalities ?? ["asserted", "intent", "negated", "speculative"],
      q.place ? placeKey(q.place) : null,
      q.sourceId ?? null,
      q.from ?? null,
      q.to ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      q.limit + 1,
      q.actor ? actorKey(q.actor) : null,
    ],
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    hits: page.map((r) => ({
      ...withoutArticleId(toIndicator(r)),
      article: {
        id: r.article_id,
        title: r.title,
        url: r.url,
        sourceId: r.source_id,
        publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      },
    })),
    next: rows.length > q.limit && last ? encode(last.day, last.id) : null,
  };
}
