import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readability } from "@mozilla/readability";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { JSDOM, VirtualConsole } from "jsdom";
import { type Figure, timeIt } from "./figures.ts";

/** Seismo's extractor and Mozilla Readability (on jsdom) over the same dev pages, one core each. */
export function benchExtraction(shared: string): Figure[] {
  const manifest = join(shared, "data/extraction/manifest.jsonl");
  if (!existsSync(manifest)) return [];
  const pages = readFileSync(manifest, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; url: string })
    .map((e) => ({ url: e.url, html: decodeHtml(readFileSync(join(dirname(manifest), e.file)), null) }));
  const mb = +(pages.reduce((n, p) => n + p.html.length, 0) / 1e6).toFixed(1);
  const ours = timeIt(() => {
    for (const p of pages) extractArticle(p.html, { url: p.url });
  }, 3000);
  const oursRate = (ours.runs * pages.length) / (ours.ms / 1000);
  // Pathological markup: 25k never-closed inline runs (100k open tags); was ~8 s before the depth bound.
  const hostile = `<html><body>${"<p><b><i><span>word, ".repeat(25_000)}</body></html>`;
  const hostileRun = timeIt(() => extractArticle(hostile), 1000);
  const virtualConsole = new VirtualConsole();
  const theirs = timeIt(() => {
    for (const p of pages) {
      const dom = new JSDOM(p.html, { url: p.url, virtualConsole });
      new Readability(dom.window.document).parse();
      dom.window.close();
    }
  }, 1);
  const theirRate = (theirs.runs * pages.length) / (theirs.ms / 1000);
  return [
    {
      name: "extract.seismo.pages_per_s",
      value: +oursRate.toFixed(1),
      unit: "pages/s",
      detail: { pages: pages.length, mb },
    },
    {
      name: "extract.readability_jsdom.pages_per_s",
      value: +theirRate.toFixed(1),
      unit: "pages/s",
      detail: { pages: pages.length },
    },
    { name: "extract.speedup_vs_readability", value: +(oursRate / theirRate).toFixed(1), unit: "x" },
    {
      name: "extract.hostile_unclosed_25k.ms",
      value: +(hostileRun.ms / hostileRun.runs).toFixed(0),
      unit: "ms",
      detail: { mb: +(hostile.length / 1e6).toFixed(1) },
    },
  ];
}
