import type { DeliveryOptions, Mailer } from "@seismo/alerts";
import type { Fetcher, Poster } from "@seismo/fetcher";
import type { Logger, Metrics } from "@seismo/observability";
import type { QueueSet } from "@seismo/queue";
import type { Store } from "@seismo/store";

export interface PipelineDeps {
  store: Store;
  queues: QueueSet;
  /** The polite, SSRF-guarded HTTP client (robots.txt, per-host limits, size caps). */
  fetcher: Fetcher;
  logger: Logger;
  metrics?: Metrics;
  /**
   * Tag a new article inside its fetch job instead of queueing tag-article: right when one process
   * runs every role (one job and one article read less per article); a role-split deployment
   * leaves it off so taggers scale on their own queue.
   */
  inlineTagging?: boolean;
  /** Keep each fetched page's HTML (for re-extraction and audit) until the retention purge. */
  keepRawHtml?: boolean;
  /** Failed polls in a row after which a source is paused (default 8). */
  pauseAfterFailures?: number;
  /** Alert delivery: the SSRF-guarded webhook POST, the API origin for links, the retry schedule. */
  alerts?: {
    poster?: Poster;
    /** Sends `mailto:` subscriptions; without it they fail with a readable reason. */
    mailer?: Mailer;
    publicUrl?: () => string | null;
    delivery?: Partial<DeliveryOptions>;
  };
}
