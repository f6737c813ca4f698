/**
 * Dev-set runner until the CLI calls the extractor: prints one prediction line per manifest entry.
 * Usage: npx tsx packages/extract/scripts/eval.ts MANIFEST.jsonl [--bench]
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeHtml, extractArticle } from "../src/index.ts";

const [manifestPath, flag] = process.argv.slice(2);
if (!manifestPath) {
  console.error("usage: eval.ts MANIFEST.jsonl [--bench]");
  process.exit(2);
}
const dir = dirname(manifestPath);
const entries = readFileSync(manifestPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; file: string; url?: string });

const pages = entries.map((e) => {
  const raw = readFileSync(join(dir, e.file));
  const bytes = e.file.endsWith(".gz") ? gunzipSync(raw) : raw;
  return { ...e, html: decodeHtml(new Uint8Array(bytes)) };
});

const rounds = flag === "--bench" ? 5 : 1;
const start = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    const opts = p.url ? { url: p.url } : {};
    const a = extractArticle(p.html, opts);
    if (r === 0 && flag !== "--bench") {
      const { title, byline, published, language, text } = a;
      process.stdout.write(`${JSON.stringify({ id: p.id, title, byline, published, language, text })}\n`);
    }
  }
}
const secs = (performance.now() - start) / 1000;
const bytes = pages.reduce((n, p) => n + p.html.length, 0);
console.error(
  `${pages.length * rounds} pages in ${secs.toFixed(2)} s: ${((pages.length * rounds) / secs).toFixed(1)} pages/s, ` +
    `${((bytes * rounds) / 1e6 / secs).toFixed(1)} MB/s`,
);
