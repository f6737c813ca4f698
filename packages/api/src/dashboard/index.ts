import { readFileSync } from "node:fs";
import type { Hono } from "hono";

const PAGE = readFileSync(new URL("./page.html", import.meta.url), "utf8");

/** The first dashboard page: latest articles with their tags; it signs in with an API token. */
// biome-ignore lint/suspicious/noExplicitAny: mounts on any app env
export function registerDashboard(app: Hono<any>) {
  app.get("/", (c) => c.html(PAGE));
}
