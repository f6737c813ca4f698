import type { DeliveryOptions } from "@seismo/alerts";
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
  /** Failed polls in a row after which a source is paused (default 8). */
  pauseAfterFailures?: number;
  /** Alert delivery: the SSRF-guarded webhook POST, the API origin for links, the retry schedule. */
  alerts?: {
    poster?: Poster;
    publicUrl?: () => string | null;
    delivery?: Partial<DeliveryOptions>;
  };
}
