// One process of the parallel extract-only measure (see extractRateInProcesses): loads the bench's
// pages, says "ready", extracts its share (every k-th page from its index) on "go", reports the ms.
import { decodeHtml, extractArticle } from "@seismo/extract";
import { type PipelineCorpus, pipelinePages } from "./pipeline-pages.ts";

const [corpus, shared, n, index, k] = process.argv.slice(2);
const pages = pipelinePages(corpus as PipelineCorpus, shared ?? "", Number(n));
process.send?.("ready");
process.once("message", () => {
  const t0 = performance.now();
  for (let i = Number(index); i < pages.length; i += Number(k)) {
    extractArticle(decodeHtml(pages[i] ?? Buffer.alloc(0), "text/html; charset=utf-8"), {
      url: `http://127.0.0.1/a/${i}`,
    });
  }
  process.send?.(performance.now() - t0, () => process.exit(0));
});
