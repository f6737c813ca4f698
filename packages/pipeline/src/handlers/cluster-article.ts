import { type JobHandler, SeismoError } from "@seismo/core";
import { assignStory } from "../stories/index.ts";
import type { PipelineDeps } from "./deps.ts";

/** Links an article to what it copies and to its story (runs one at a time across workers). */
export function clusterArticleHandler(deps: PipelineDeps): JobHandler<"cluster-article"> {
  return async ({ articleId }) => {
    const article = await deps.store.articles.get(articleId);
    if (!article) throw new SeismoError("not_found", `article ${articleId} does not exist`);
    const indicators = (await deps.store.indicators.forArticles([articleId])).get(articleId) ?? [];
    const outcome = await assignStory(deps.store, article, indicators);
    // Alerts are per story: evaluate the story the article joined (one job per article version).
    await deps.queues.add(
      "evaluate-alerts",
      { storyId: outcome.storyId, articleId },
      { dedupeKey: `ea-${outcome.storyId}-${articleId}-${article.contentHash.slice(0, 12)}` },
    );
    return outcome;
  };
}
