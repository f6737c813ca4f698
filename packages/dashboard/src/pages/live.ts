import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { type DashEnv, guard } from "../auth/index.ts";
import { DASHBOARD_UPDATE_EVENT, type DashboardDeps } from "../deps.ts";
import { forbidden } from "./signin.tsx";

/**
 * Server-sent events for live pages, only when the host gives an EventTarget: each `update` event
 * becomes one SSE message (bursts within a second coalesce), and the page re-fetches its live part.
 */
export function registerLive(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const events = deps.events;
  if (!events) return;
  app.get("/ui/events", guard(deps.store, "viewer", forbidden), (c) =>
    streamSSE(c, async (stream) => {
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onUpdate = () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          void stream.writeSSE({ event: "update", data: new Date().toISOString() });
        }, 1000);
      };
      events.addEventListener(DASHBOARD_UPDATE_EVENT, onUpdate);
      const keepAlive = setInterval(() => void stream.writeSSE({ event: "ping", data: "" }), 25_000);
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      events.removeEventListener(DASHBOARD_UPDATE_EVENT, onUpdate);
      clearInterval(keepAlive);
      if (pending) clearTimeout(pending);
    }),
  );
}
