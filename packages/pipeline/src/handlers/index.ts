import { createAlertHandlers } from "@seismo/alerts";
import type { JobHandlers } from "@seismo/core";
import { createPoster } from "@seismo/fetcher";
import { clusterArticleHandler } from "./cluster-article.ts";
import type { PipelineDeps } from "./deps.ts";
import { fetchArticleHandler } from "./fetch-article.ts";
import { pollSourceHandler } from "./poll-source.ts";
import { tagArticleHandler } from "./tag-article.ts";

export type { PipelineDeps } from "./deps.ts";

/** The handler for every job in the catalog; the type makes a missing one a compile error. */
export function createHandlers(deps: PipelineDeps): JobHandlers {
  return {
    "poll-source": pollSourceHandler(deps),
    "fetch-article": fetchArticleHandler(deps),
    "tag-article": tagArticleHandler(deps),
    "cluster-article": clusterArticleHandler(deps),
    ...createAlertHandlers({
      store: deps.store,
      queues: deps.queues,
      logger: deps.logger,
      metrics: deps.metrics,
      // Without one from the caller: the guard's defaults (public addresses only).
      poster: deps.alerts?.poster ?? createPoster(),
      publicUrl: deps.alerts?.publicUrl,
      mailer: deps.alerts?.mailer,
      delivery: deps.alerts?.delivery,
    }),
  };
}
