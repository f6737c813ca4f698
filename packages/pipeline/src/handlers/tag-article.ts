import { isClaim, type JobHandler, SeismoError } from "@seismo/core";
import { analyzeText } from "@seismo/tagger";
import type { PipelineDeps } from "./deps.ts";

/** Tags an article's text and replaces its indicators (and the rollup rows they feed). */
export function tagArticleHandler(deps: PipelineDeps): JobHandler<"tag-article"> {
  return async ({ articleId }) => {
    const article = await deps.store.articles.get(articleId);
    if (!article) throw new SeismoError("not_found", `article ${articleId} does not exist`);
    const analysis = analyzeText(article.text);
    const indicators = analysis.indicators.map(({ weight: _w, ...indicator }) => indicator);
    await deps.store.indicators.replaceForArticle(article, indicators);
    await deps.store.framing.replaceForArticle(article.id, analysis.framing);
    for (const ind of indicators) deps.metrics?.indicatorsTotal.inc({ type: ind.type, modality: ind.modality });
    await deps.queues.add(
      "cluster-article",
      { articleId },
      { dedupeKey: `ca-${articleId}-${article.contentHash.slice(0, 12)}` },
    );
    return { indicators: indicators.length, claims: indicators.filter(isClaim).length };
  };
}
