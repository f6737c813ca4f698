import type { Poster } from "@seismo/fetcher";
import type { Logger, Metrics } from "@seismo/observability";
import type { QueueSet } from "@seismo/queue";
import type { Store } from "@seismo/store";
import type { Mailer } from "./email/index.ts";

/** Retry schedule of webhook deliveries: exponential from `baseDelayMs`, capped, for `maxAgeMs`. */
export interface DeliveryOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a delivery is retried before it fails and its subscription is disabled (24 h). */
  maxAgeMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  maxAgeMs: 24 * 3_600_000,
};

export interface AlertsDeps {
  store: Store;
  /** Where delivery jobs and cooldown re-evaluations go. */
  queues: Pick<QueueSet, "add">;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** The SSRF-guarded POST (`createPoster` of @seismo/fetcher). */
  poster: Poster;
  /** Sends `mailto:` subscriptions (`createMailer` on SEISMO_SMTP_URL); without one they retry, then fail. */
  mailer?: Mailer | undefined;
  /** The API origin, for dashboard links (`/stories/{id}`); null while unknown. */
  publicUrl?: (() => string | null) | undefined;
  delivery?: Partial<DeliveryOptions> | undefined;
  now?: (() => number) | undefined;
}

export const nowOf = (deps: Pick<AlertsDeps, "now">): number => deps.now?.() ?? Date.now();

/** `/stories/{id}` on the API origin, or the bare path while the origin is unknown. */
export function dashboardUrl(deps: Pick<AlertsDeps, "publicUrl">, storyId: string): string {
  const base = deps.publicUrl?.();
  const path = `stories/${encodeURIComponent(storyId)}`;
  return base ? new URL(path, base.endsWith("/") ? base : `${base}/`).href : `/${path}`;
}
