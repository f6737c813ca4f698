import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";

const require = createRequire(import.meta.url);
const ASSETS = new Set([
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-32x32.png",
]);
const TYPES: Record<string, string> = { css: "text/css", js: "text/javascript", png: "image/png" };

const page = (specUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seismo API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: "#ui", persistAuthorization: true });</script>
</body></html>`;

/** Swagger UI served from the installed package: the docs work offline (no CDN). */
// biome-ignore lint/suspicious/noExplicitAny: mounts on any app env
export function registerDocs(app: Hono<any>, specUrl = "/openapi.json") {
  const dir = dirname(require.resolve("swagger-ui-dist/package.json"));
  app.get("/docs", (c) => c.html(page(specUrl)));
  app.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    if (!ASSETS.has(file)) return c.notFound();
    const body = await readFile(join(dir, file));
    return c.body(body, 200, {
      "content-type": TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream",
      "cache-control": "public, max-age=86400",
    });
  });
}
