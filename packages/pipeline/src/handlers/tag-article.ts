import { type JobHandler, SeismoError } from "@seismo/core";
import { tagStoredArticle } from "../tagging/index.ts";
import type { PipelineDeps } from "./deps.ts";

/** Tags an article's text and replaces its indicators (and the rollup rows they feed). */
export function tagArticleHandler(deps: PipelineDeps): JobHandler<"tag-article"> {
  return async ({ articleId }) => {
    const article = await deps.store.articles.get(articleId);
    if (!article) throw new SeismoError("not_found", `article ${articleId} does not exist`);
    return tagStoredArticle(deps, article);
  };
}
