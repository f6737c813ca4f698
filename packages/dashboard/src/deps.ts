import type { AlertsDeps } from "@seismo/alerts";
import type { Store } from "@seismo/store";

export interface DashboardDeps {
  store: Store;
  /** When given, an `update` event on it pushes a refresh to open pages over SSE (else they poll). */
  events?: EventTarget | undefined;
  /**
   * The job queues, for what the pages hand to the workers: re-running an edited alert rule against
   * recent stories and replaying a webhook delivery. Without them a new rule waits for the next
   * article and the replay button explains that this process cannot send.
   */
  queues?: AlertsDeps["queues"] | undefined;
}

/** The event name the dashboard listens for on `deps.events`. */
export const DASHBOARD_UPDATE_EVENT = "update";
