import type { IndicatorType } from "@seismo/core";
import type { Store, StoredArticle, StoredIndicator } from "@seismo/store";

export interface ArticleListItem {
  id: string;
  title: string | null;
  url: string;
  day: string;
  sourceName: string | null;
  storyId: string | null;
  duplicateOf: string | null;
  /** Claimed (asserted or intent) indicators per type. */
  claims: Partial<Record<IndicatorType, number>>;
  muted: number;
}

interface ListRow {
  id: string;
  title: string | null;
  url: string;
  day: string;
  source_name: string | null;
  story_id: string | null;
  duplicate_of: string | null;
  kinds: Array<{ type: IndicatorType; modality: string; n: number }> | null;
}

export interface ArticleQuery {
  sourceId?: string | null;
  type?: IndicatorType | null;
  q?: string | null;
  storyIds?: string[];
  limit: number;
  offset?: number;
}

/** Newest articles with their indicator tallies. Read-only; plain SQL that PostgreSQL and PGlite both run. */
export async function listArticles(store: Store, query: ArticleQuery): Promise<ArticleListItem[]> {
  const rows = await store.sql.query<ListRow>(
    `SELECT a.id, a.title, a.url, a.event_day::text AS day, s.name AS source_name, a.story_id, a.duplicate_of,
       (SELECT json_agg(json_build_object('type', k.type, 'modality', k.modality, 'n', k.n))
          FROM (SELECT type, modality, count(*)::int AS n FROM indicators WHERE article_id = a.id
                GROUP BY type, modality) k) AS kinds
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id
     WHERE ($1::text IS NULL OR a.source_id = $1)
       AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM indicators i WHERE i.article_id = a.id AND i.type = $2
            AND i.modality IN ('asserted', 'intent')))
       AND ($3::text IS NULL OR a.title ILIKE '%' || $3 || '%' OR a.text ILIKE '%' || $3 || '%')
       AND ($4::text[] IS NULL OR a.story_id = ANY($4::text[]))
     ORDER BY coalesce(a.published_at, a.fetched_at) DESC, a.id DESC
     LIMIT $5 OFFSET $6`,
    [
      query.sourceId ?? null,
      query.type ?? null,
      query.q?.trim() || null,
      query.storyIds ?? null,
      query.limit,
      query.offset ?? 0,
    ],
  );
  return rows.map((r) => {
    const claims: Partial<Record<IndicatorType, number>> = {};
    let muted = 0;
    for (const k of r.kinds ?? []) {
      if (k.modality === "asserted" || k.modality === "intent") claims[k.type] = (claims[k.type] ?? 0) + k.n;
      else muted += k.n;
    }
    return {
      id: r.id,
      title: r.title,
      url: r.url,
      day: r.day,
      sourceName: r.source_name,
      storyId: r.story_id,
      duplicateOf: r.duplicate_of,
      claims,
      muted,
    };
  });
}

export interface FramingMarker {
  marker: string;
  variant: string;
  start: number;
  end: number;
}

export interface ArticleDetail {
  article: StoredArticle;
  indicators: StoredIndicator[];
  markers: FramingMarker[];
  sourceName: string | null;
  story: { id: string; title: string } | null;
  duplicateOf: { id: string; title: string | null } | null;
}

export async function loadArticle(store: Store, id: string): Promise<ArticleDetail | null> {
  const article = await store.articles.get(id);
  if (!article) return null;
  const [indicators, markers, [links]] = await Promise.all([
    store.indicators.forArticles([id]).then((m) => m.get(id) ?? []),
    store.sql.query<FramingMarker>(
      `SELECT marker, variant, start_offset AS start, end_offset AS "end" FROM framing_markers
       WHERE article_id = $1 ORDER BY start_offset`,
      [id],
    ),
    store.sql.query<{
      source_name: string | null;
      story_id: string | null;
      story_title: string | null;
      dup_id: string | null;
      dup_title: string | null;
    }>(
      `SELECT s.name AS source_name, st.id AS story_id, st.title AS story_title, d.id AS dup_id, d.title AS dup_title
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN stories st ON st.id = a.story_id
       LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id = $1`,
      [id],
    ),
  ]);
  return {
    article,
    indicators,
    markers,
    sourceName: links?.source_name ?? null,
    story: links?.story_id ? { id: links.story_id, title: links.story_title ?? links.story_id } : null,
    duplicateOf: links?.dup_id ? { id: links.dup_id, title: links.dup_title } : null,
  };
}
