import { isClaim } from "@seismo/core";
import type { StoredArticle } from "@seismo/store";
import { analyzeText } from "@seismo/tagger";
import type { PipelineDeps } from "../handlers/deps.ts";

export interface TagOutcome {
  indicators: number;
  claims: number;
}

/**
 * Tags a stored article, replaces its indicators (and the rollup rows they feed) and its framing
 * markers in one transaction, then queues clustering. Shared by the tag-article job and by fetch-article when one
 * process runs both roles, so a new article costs one job less on the single-machine setup.
 */
export async function tagStoredArticle(
  deps: Pick<PipelineDeps, "store" | "queues" | "metrics">,
  article: StoredArticle,
): Promise<TagOutcome> {
  const analysis = analyzeText(article.text);
  const indicators = analysis.indicators.map(({ weight: _w, ...indicator }) => indicator);
  await deps.store.indicators.replaceForArticle(article, indicators, analysis.framing);
  for (const ind of indicators) deps.metrics?.indicatorsTotal.inc({ type: ind.type, modality: ind.modality });
  await deps.queues.add(
    "cluster-article",
    { articleId: article.id },
    { dedupeKey: `ca-${article.id}-${article.contentHash.slice(0, 12)}` },
  );
  return { indicators: indicators.length, claims: indicators.filter(isClaim).length };
}
