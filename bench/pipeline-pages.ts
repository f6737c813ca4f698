import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { newsCorpus } from "./news-corpus.ts";

export type PipelineCorpus = "generated" | "web";

/** The pages a pipeline bench serves: article i is served at /a/i. */
export function pipelinePages(corpus: PipelineCorpus, shared: string, n: number): Buffer[] {
  return corpus === "generated" ? newsCorpus(n).map((a) => Buffer.from(a.html)) : webPages(shared, n);
}

/**
 * The extraction dev set's pages, cycled to `n`. Canonical links and og:url are dropped so every
 * copy is an article of its own (articles are keyed by canonical URL), and pages that still name
 * another URL (in JSON-LD) are left out, as are pages the extractor finds no article text in: the
 * pipeline would record those as failures, not articles.
 */
export function webPages(shared: string, n: number): Buffer[] {
  const manifest = join(shared, "data/extraction/manifest.jsonl");
  if (!existsSync(manifest)) return [];
  const pages = readFileSync(manifest, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string })
    .map((e) => readFileSync(join(dirname(manifest), e.file)))
    .map((bytes) =>
      Buffer.from(
        decodeHtml(bytes, null)
          .replace(/<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi, "")
          .replace(/<meta\b[^>]*\bog:url\b[^>]*>/gi, ""),
      ),
    )
    .filter((page) => {
      const url = "http://127.0.0.1/a/0";
      const extracted = extractArticle(decodeHtml(page, "text/html; charset=utf-8"), { url });
      return extracted.text.length >= 80 && (extracted.canonicalUrl ?? url) === url;
    });
  return Array.from({ length: n }, (_, i) => pages[i % pages.length] as Buffer);
}
