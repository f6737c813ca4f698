import { ActivityRepo } from "./activity/index.ts";
import { ArticleRepo } from "./articles/index.ts";
import { openSqlClient, type SqlClient, type StoreTarget } from "./client/index.ts";
import { FramingRepo } from "./framing/index.ts";
import { IndicatorRepo } from "./indicators/index.ts";
import { migrate } from "./migrate/index.ts";
import { type PurgeOptions, type PurgeResult, purgeRawHtml } from "./retention/index.ts";
import { SourceRepo } from "./sources/index.ts";
import { StoryRepo } from "./stories/index.ts";
import { TokenRepo } from "./tokens/index.ts";
import { TrendRepo } from "./trends/index.ts";

export type { ActivityDim, ActivityTotal, ActivityWindow } from "./activity/index.ts";
export type { ArticleInput, StoredArticle } from "./articles/index.ts";
export type { ArticleSearch } from "./articles/search.ts";
export type { SqlClient, StoreTarget } from "./client/index.ts";
export type { FramingMarkInput, FramingUsage } from "./framing/index.ts";
export { articleIdFor, sha256Hex, sourceIdFor } from "./ids/index.ts";
export type { StoredIndicator } from "./indicators/index.ts";
export type { IndicatorHit, IndicatorSearch } from "./indicators/search.ts";
export { actorKey, findPlace, languageKey, placeKey, regionKey, regionKeysOf, slugOf } from "./keys/index.ts";
export { rebuildDimensionRollups } from "./migrate/backfill.ts";
export type { PurgeOptions, PurgeResult } from "./retention/index.ts";
export {
  type FetchLogEntry,
  type Source,
  type SourceInput,
  SourceInputSchema,
  type SourcePatch,
  SourcePatchSchema,
} from "./sources/index.ts";
export type {
  ArticleFingerprint,
  CandidateStory,
  ClusterArticle,
  ClusterNames,
  ClusterOutcome,
  NearArticle,
  NeighbourQuery,
} from "./stories/clustering.ts";
export type { StoryDbRow, StoryOutlet, StoryRow } from "./stories/index.ts";
export { toStory } from "./stories/index.ts";
export { type ApiRole, type ApiToken, ROLES as API_ROLES } from "./tokens/index.ts";
export {
  type Resolution,
  TrendFilterError,
  type TrendPoint,
  type TrendQuery,
  trendDimension,
} from "./trends/index.ts";
export { addDays, buildSeries, periods, type SeriesPoint, warmUpFrom } from "./trends/series.ts";

/** The store: one SQL client (PostgreSQL or PGlite, same migrations) and a repository per table group. */
export class Store {
  readonly sources: SourceRepo;
  readonly articles: ArticleRepo;
  readonly indicators: IndicatorRepo;
  readonly trends: TrendRepo;
  readonly tokens: TokenRepo;
  readonly stories: StoryRepo;
  readonly framing: FramingRepo;
  /** Recent activity of places and actors. */
  readonly activity: ActivityRepo;
  #closing: Promise<void> | undefined;

  private constructor(readonly sql: SqlClient) {
    this.sources = new SourceRepo(sql);
    this.articles = new ArticleRepo(sql);
    this.indicators = new IndicatorRepo(sql);
    this.trends = new TrendRepo(sql);
    this.tokens = new TokenRepo(sql);
    this.stories = new StoryRepo(sql);
    this.framing = new FramingRepo(sql);
    this.activity = new ActivityRepo(sql);
  }

  /** Opens the database and brings its schema up to date. */
  static async open(target: StoreTarget): Promise<Store> {
    const sql = await openSqlClient(target);
    try {
      await migrate(sql);
    } catch (error) {
      await sql.close();
      throw error;
    }
    return new Store(sql);
  }

  /** Clears raw HTML older than the retention period; text, indicators and rollups stay. */
  purgeRawHtml(options: PurgeOptions): Promise<PurgeResult> {
    return purgeRawHtml(this.sql, options);
  }

  async ping(): Promise<boolean> {
    try {
      await this.sql.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    this.#closing ??= this.sql.close();
    return this.#closing;
  }
}
