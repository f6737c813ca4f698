import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Hono } from "hono";
import { typeCss } from "../ui/theme.ts";

const require = createRequire(import.meta.url);
const own = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url));

/**
 * Everything the browser loads, read once at start-up: htmx and uPlot from their installed npm
 * packages (no CDN, works offline), the rest from this folder.
 */
const FILES: Record<string, { body: Buffer; type: string }> = {
  "htmx.min.js": { body: readFileSync(require.resolve("htmx.org/dist/htmx.min.js")), type: "text/javascript" },
  "uPlot.iife.min.js": { body: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js")), type: "text/javascript" },
  "uPlot.min.css": { body: readFileSync(require.resolve("uplot/dist/uPlot.min.css")), type: "text/css" },
  "app.css": { body: Buffer.concat([own("app.css"), Buffer.from(`\n${typeCss()}\n`)]), type: "text/css" },
  "app.js": { body: own("app.js"), type: "text/javascript" },
  "favicon.svg": { body: own("favicon.svg"), type: "image/svg+xml" },
};

/** Changes whenever any asset changes, so URLs carrying it can be cached for a year. */
export const ASSET_VERSION = createHash("sha256")
  .update(
    Object.values(FILES)
      .map((f) => f.body.toString("latin1"))
      .join("\0"),
  )
  .digest("hex")
  .slice(0, 10);

// biome-ignore lint/suspicious/noExplicitAny: mounts on any app env
export function registerAssets(app: Hono<any>): void {
  app.get("/ui/assets/:name", (c) => {
    const file = FILES[c.req.param("name")];
    if (!file) return c.text("not found", 404);
    const immutable = c.req.query("v") === ASSET_VERSION;
    return c.body(new Uint8Array(file.body), 200, {
      "content-type": `${file.type}; charset=utf-8`,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "x-content-type-options": "nosniff",
    });
  });
}
