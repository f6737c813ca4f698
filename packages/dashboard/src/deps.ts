import type { Store } from "@seismo/store";

export interface DashboardDeps {
  store: Store;
  /** When given, an `update` event on it pushes a refresh to open pages over SSE (else they poll). */
  events?: EventTarget | undefined;
}

/** The event name the dashboard listens for on `deps.events`. */
export const DASHBOARD_UPDATE_EVENT = "update";
