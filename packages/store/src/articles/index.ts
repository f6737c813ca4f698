import { foldForSearch } from "@seismo/text";
import type { SqlClient } from "../client/index.ts";
import { articleIdFor, sha256Hex } from "../ids/index.ts";
import { type ArticleSearch, searchArticleIds } from "./search.ts";

export interface ArticleInput {
  sourceId: string | null;
  url: string;
  canonicalUrl: string;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  text: string;
  /**
   * The page as fetched, kept for re-extraction and audit until the retention purge clears it
   * (SEISMO_RETAIN_RAW_HTML_DAYS); omit it to keep none.
   */
  rawHtml?: string | null;
}

export interface StoredArticle {
  id: string;
  sourceId: string | null;
  url: string;
  canonicalUrl: string;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  text: string;
  contentHash: string;
  fetchedAt: string;
  taggedAt: string | null;
  eventDay: string;
  storyId: string | null;
  duplicateOf: string | null;
}

interface ArticleRow {
  id: string;
  source_id: string | null;
  url: string;
  canonical_url: string;
  title: string | null;
  byline: string | null;
  published_at: Date | null;
  language: string | null;
  text: string;
  content_hash: string;
  fetched_at: Date;
  tagged_at: Date | null;
  event_day: string;
  story_id: string | null;
  duplicate_of: string | null;
}

/** Dates come back as text so PostgreSQL and PGlite agree on them whatever the time zone. */
const COLUMNS = `id, source_id, url, canonical_url, title, byline, published_at, language, text, content_hash,
  fetched_at, tagged_at, event_day::text AS event_day, story_id, duplicate_of`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
export const toArticle = (r: ArticleRow): StoredArticle => ({
  id: r.id,
  sourceId: r.source_id,
  url: r.url,
  canonicalUrl: r.canonical_url,
  title: r.title,
  byline: r.byline,
  publishedAt: iso(r.published_at),
  language: r.language,
  text: r.text,
  contentHash: r.content_hash,
  fetchedAt: new Date(r.fetched_at).toISOString(),
  taggedAt: iso(r.tagged_at),
  eventDay: r.event_day,
  storyId: r.story_id,
  duplicateOf: r.duplicate_of,
});

export class ArticleRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Upserts by canonical URL. `changed` is false when the stored text is identical, so the
   * caller can skip re-tagging (a job that runs twice does the work once).
   */
  async upsert(input: ArticleInput): Promise<{ article: StoredArticle; changed: boolean }> {
    const id = articleIdFor(input.canonicalUrl);
    const contentHash = sha256Hex(input.text);
    const eventDay = (input.publishedAt ?? new Date().toISOString()).slice(0, 10);
    // One round trip: the stored hash before the write (a CTE sees the table as it was), the
    // upsert, and the raw HTML when it is kept.
    const rawHtml = input.rawHtml || null;
    const [row] = await this.sql.query<ArticleRow & { previous_hash: string | null }>(
      `WITH before AS (SELECT content_hash FROM articles WHERE id = $1),
       up AS (
         INSERT INTO articles (id, source_id, url, canonical_url, title, byline, published_at, language, text,
           content_hash, event_day, search_folded, search_vector)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, to_tsvector('simple', $12))
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, byline = EXCLUDED.byline,
           published_at = EXCLUDED.published_at, language = EXCLUDED.language, text = EXCLUDED.text,
           content_hash = EXCLUDED.content_hash, event_day = EXCLUDED.event_day, fetched_at = now(),
           search_folded = EXCLUDED.search_folded, search_vector = EXCLUDED.search_vector
         RETURNING ${COLUMNS})${
           rawHtml !== null
             ? `,
       raw AS (
         INSERT INTO article_raw (article_id, html, bytes) VALUES ($1, $13, $14)
         ON CONFLICT (article_id) DO UPDATE SET html = EXCLUDED.html, bytes = EXCLUDED.bytes, fetched_at = now())`
             : ""
         }
       SELECT up.*, (SELECT content_hash FROM before) AS previous_hash FROM up`,
      [
        id,
        input.sourceId,
        input.url,
        input.canonicalUrl,
        input.title,
        input.byline,
        input.publishedAt,
        input.language,
        input.text,
        contentHash,
        eventDay,
        foldForSearch(`${input.title ?? ""}\n${input.text}`),
        ...(rawHtml !== null ? [rawHtml, Buffer.byteLength(rawHtml)] : []),
      ],
    );
    if (!row) throw new Error("article upsert returned no row");
    return { article: toArticle(row), changed: row.previous_hash !== contentHash };
  }

  async get(id: string): Promise<StoredArticle | null> {
    const [row] = await this.sql.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE id = $1`, [id]);
    return row ? toArticle(row) : null;
  }

  /** Full-text and filtered search; returns whole articles in order plus the next page's cursor. */
  async search(q: ArticleSearch): Promise<{ articles: StoredArticle[]; next: string | null }> {
    const { ids, next } = await searchArticleIds(this.sql, q);
    if (ids.length === 0) return { articles: [], next };
    const rows = await this.sql.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
    return { articles: ids.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined), next };
  }

  /** The raw HTML kept for an article, or null once purged (or never kept). */
  async rawHtml(id: string): Promise<{ html: string; fetchedAt: string } | null> {
    const [row] = await this.sql.query<{ html: string; fetched_at: Date }>(
      "SELECT html, fetched_at FROM article_raw WHERE article_id = $1",
      [id],
    );
    return row ? { html: row.html, fetchedAt: new Date(row.fetched_at).toISOString() } : null;
  }

  /** Which of these canonical URLs are stored already, in one query (a feed's items at once). */
  async knownUrls(canonicalUrls: string[]): Promise<Set<string>> {
    if (canonicalUrls.length === 0) return new Set();
    const byId = new Map(canonicalUrls.map((url) => [articleIdFor(url), url]));
    const rows = await this.sql.query<{ id: string }>("SELECT id FROM articles WHERE id = ANY($1::text[])", [
      [...byId.keys()],
    ]);
    return new Set(rows.map((r) => byId.get(r.id)).filter((url): url is string => url !== undefined));
  }

  /** Newest first by publication (or fetch) time; `before` is the cursor of the previous page. */
  async latest(options: { limit: number; sourceId?: string }): Promise<StoredArticle[]> {
    const rows = await this.sql.query<ArticleRow>(
      `SELECT ${COLUMNS} FROM articles WHERE ($1::text IS NULL OR source_id = $1)
       ORDER BY coalesce(published_at, fetched_at) DESC, id DESC LIMIT $2`,
      [options.sourceId ?? null, options.limit],
    );
    return rows.map(toArticle);
  }

  async count(): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    return row?.n ?? 0;
  }

  async recordFailure(failure: { sourceId: string | null; url: string; stage: string; reason: string }) {
    await this.sql.query("INSERT INTO ingest_failures (source_id, url, stage, reason) VALUES ($1, $2, $3, $4)", [
      failure.sourceId,
      failure.url,
      failure.stage,
      failure.reason,
    ]);
  }

  async failures(limit = 100) {
    return this.sql.query<{ source_id: string | null; url: string; stage: string; reason: string; at: Date }>(
      "SELECT source_id, url, stage, reason, at FROM ingest_failures ORDER BY at DESC, id DESC LIMIT $1",
      [limit],
    );
  }
}
