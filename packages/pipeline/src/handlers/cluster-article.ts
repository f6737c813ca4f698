import { queueStoryEvaluation } from "@seismo/alerts";
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
    // Alerts are per story: at most one evaluation waits per story (one more if it is running).
    await queueStoryEvaluation(deps.queues, { storyId: outcome.storyId, articleId });
    return outcome;
  };
}
