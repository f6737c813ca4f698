import type { OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { requireRole } from "../auth/index.ts";

/**
 * Server-Sent Events of pipeline news: each "update" dispatched on `events` (a story assignment,
 * an alert) is forwarded as an SSE message with its detail; a comment line every 15 s keeps
 * proxies from closing the connection.
 */
// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerStream(app: OpenAPIHono<any>, deps: { events?: EventTarget | undefined }) {
  app.get("/api/v1/stream", requireRole("viewer"), (c) =>
    streamSSE(c, async (stream) => {
      let id = 0;
      const queue: unknown[] = [];
      let wake: (() => void) | null = null;
      const onUpdate = (event: Event) => {
        queue.push((event as CustomEvent).detail ?? {});
        wake?.();
      };
      deps.events?.addEventListener("update", onUpdate);
      stream.onAbort(() => {
        deps.events?.removeEventListener("update", onUpdate);
        wake?.();
      });
      await stream.writeSSE({ event: "ready", data: "{}", id: String(id++) });
      while (!stream.aborted) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 15_000);
          });
          wake = null;
          if (queue.length === 0 && !stream.aborted) await stream.write(": keep-alive\n\n");
          continue;
        }
        const detail = queue.shift();
        const kind = (detail as { kind?: string }).kind ?? "update";
        await stream.writeSSE({ event: kind, data: JSON.stringify(detail), id: String(id++) });
      }
    }),
  );
}
