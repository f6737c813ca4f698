import type { SqlClient } from "../client/index.ts";

/**
 * The statements of story clustering (one article at a time): each step is one round trip, so a
 * cluster-article job costs three — read the article, read its neighbours, write the outcome.
 */

/** What clustering reads of an article. */
export interface ClusterArticle {
  id: string;
  title: string | null;
  text: string;
  publishedAt: string | null;
  fetchedAt: string;
  eventDay: string;
  storyId: string | null;
}

/** The names an indicator of the article mentions (what story features take from the tagger). */
export interface ClusterNames {
  places: string[];
  actors: string[];
}

export interface ArticleFingerprint {
  simhash: string;
  minhash: number[];
  shingles: number;
}

/** An earlier article that may be copied, with the story of the original it stands for. */
export interface NearArticle {
  id: string;
  duplicateOf: string | null;
  /** The story of `duplicateOf ?? id` (the article a copy of this one would copy). */
  originalStoryId: string | null;
  print: ArticleFingerprint;
}

/**
 * A story an article may join, with its clustering features as stored (JSON text, opaque here): the
 * clusterer validates each story's features once per content, not once per article in its window.
 */
export interface CandidateStory {
  id: string;
  title: string;
  featuresJson: string;
}

export interface NeighbourQuery {
  /** The article's event day and how many days either side a copy may be. */
  day: string;
  days: number;
  excludeId: string;
  /** LSH band keys of the article: only articles sharing one are read (all of the window when empty). */
  lshKeys: string[];
  /** The article's time and how far outside a story's span it may fall. */
  at: Date;
  windowMs: number;
}

const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : null);

/** The article and the places and actors of its indicators, in one statement. */
export async function clusterInput(
  sql: SqlClient,
  articleId: string,
): Promise<{ article: ClusterArticle; indicators: ClusterNames[] } | null> {
  const [row] = await sql.query<{
    id: string;
    title: string | null;
    text: string;
    published_at: Date | null;
    fetched_at: Date;
    event_day: string;
    story_id: string | null;
    names: ClusterNames[];
  }>(
    `SELECT a.id, a.title, a.text, a.published_at, a.fetched_at, a.event_day::text AS event_day, a.story_id,
       coalesce((SELECT json_agg(json_build_object('places', i.places, 'actors', i.actors) ORDER BY i.evidence_start)
                 FROM indicators i WHERE i.article_id = a.id), '[]'::json) AS names
     FROM articles a WHERE a.id = $1`,
    [articleId],
  );
  if (!row) return null;
  return {
    article: {
      id: row.id,
      title: row.title,
      text: row.text,
      publishedAt: iso(row.published_at),
      fetchedAt: new Date(row.fetched_at).toISOString(),
      eventDay: row.event_day,
      storyId: row.story_id,
    },
    indicators: row.names,
  };
}

/**
 * Near-duplicate candidates (other fingerprinted articles within `days` of the day that share an
 * LSH band key, oldest first, plus fingerprinted rows that predate band keys; without keys every
 * fingerprint of the window, capped), each with the story of the original it stands for, and the
 * stories the article may join (whose span, widened by `windowMs`, holds `at`), in one statement.
 */
export async function clusterNeighbours(
  sql: SqlClient,
  q: NeighbourQuery,
): Promise<{ near: NearArticle[]; stories: CandidateStory[] }> {
  const [row] = await sql.query<{
    near: Array<{
      id: string;
      simhash: string;
      minhash: { m: number[]; s: number };
      duplicate_of: string | null;
      original_story_id: string | null;
    }>;
    stories: Array<{ id: string; title: string; features_json: string }>;
  }>(
    `SELECT
       (SELECT coalesce(json_agg(n ORDER BY n.at, n.id), '[]'::json) FROM (
          SELECT a.id, a.simhash, a.minhash, a.duplicate_of, o.story_id AS original_story_id,
                 coalesce(a.published_at, a.fetched_at) AS at
          FROM articles a LEFT JOIN articles o ON o.id = coalesce(a.duplicate_of, a.id)
          WHERE a.minhash IS NOT NULL AND a.id <> $3
            AND a.event_day BETWEEN $1::date - $2::int AND $1::date + $2::int
            AND (cardinality($4::text[]) = 0 OR a.lsh_keys && $4::text[] OR a.lsh_keys IS NULL)
          ORDER BY coalesce(a.published_at, a.fetched_at), a.id LIMIT 2000) n) AS near,
       (SELECT coalesce(json_agg(s ORDER BY s.last_seen DESC, s.id), '[]'::json) FROM (
          SELECT id, title, last_seen, features::text AS features_json FROM stories
          WHERE first_seen <= $5::timestamptz + make_interval(secs => $6)
            AND last_seen >= $5::timestamptz - make_interval(secs => $6)
          ORDER BY last_seen DESC LIMIT 500) s) AS stories`,
    [q.day, q.days, q.excludeId, q.lshKeys, q.at.toISOString(), q.windowMs / 1000],
  );
  return {
    near: (row?.near ?? []).map((r) => ({
      id: r.id,
      duplicateOf: r.duplicate_of,
      originalStoryId: r.original_story_id,
      print: { simhash: r.simhash, minhash: r.minhash.m, shingles: r.minhash.s },
    })),
    stories: (row?.stories ?? []).map((s) => ({ id: s.id, title: s.title, featuresJson: s.features_json })),
  };
}

export interface ClusterOutcome {
  articleId: string;
  print: ArticleFingerprint;
  duplicateOf: string | null;
  lshKeys: string[];
  story: { id: string; title: string; firstSeen: string; lastSeen: string; features: unknown };
}

/**
 * Stores the article's fingerprint and copy link, creates or updates its story, links the article
 * to it and recounts the articles of the story and of the one it left, in one statement (atomic
 * without a transaction). Every part of a statement sees the rows as they were before it, so the
 * counts are taken over the other articles, plus this one where it now belongs.
 */
export async function saveClusterOutcome(sql: SqlClient, o: ClusterOutcome): Promise<void> {
  await sql.query(
    `WITH prev AS (SELECT story_id FROM articles WHERE id = $1),
     story AS (
       INSERT INTO stories (id, title, first_seen, last_seen, features, article_count)
       VALUES ($6, $7, $8, $9, $10::jsonb,
               (SELECT count(*) FROM articles WHERE (story_id = $6 AND id <> $1) OR id = $1))
       ON CONFLICT (id) DO UPDATE SET first_seen = least(stories.first_seen, EXCLUDED.first_seen),
         last_seen = greatest(stories.last_seen, EXCLUDED.last_seen), features = EXCLUDED.features,
         article_count = EXCLUDED.article_count, updated_at = now()
       RETURNING id),
     linked AS (
       UPDATE articles SET simhash = $2, minhash = $3::jsonb, duplicate_of = $4, lsh_keys = $5::text[], story_id = $6
       WHERE id = $1 AND EXISTS (SELECT 1 FROM story) RETURNING id),
     left_story AS (
       UPDATE stories SET article_count = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id AND a.id <> $1)
       WHERE id = (SELECT story_id FROM prev) AND id <> $6 RETURNING id)
     SELECT (SELECT count(*) FROM linked)::int AS linked, (SELECT count(*) FROM left_story)::int AS left_story`,
    [
      o.articleId,
      o.print.simhash,
      JSON.stringify({ m: o.print.minhash, s: o.print.shingles }),
      o.duplicateOf,
      o.lshKeys,
      o.story.id,
      o.story.title,
      o.story.firstSeen,
      o.story.lastSeen,
      JSON.stringify(o.story.features),
    ],
  );
}
