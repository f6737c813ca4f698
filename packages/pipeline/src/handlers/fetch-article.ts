import { errorMessage, type JobHandler, SeismoError } from "@seismo/core";
import { decodeHtml, extractArticle } from "@seismo/extract";
import { tagStoredArticle } from "../tagging/index.ts";
import { canonicalizeUrl } from "../urls/index.ts";
import type { PipelineDeps } from "./deps.ts";
import { hashKey } from "./poll-source.ts";

const MIN_TEXT_CHARS = 80;
const SOURCE_CACHE_MS = 5_000;

/**
 * Fetches and extracts one article, stores it, and — when its text is new — tags it in the same
 * job if this process also runs the process role (`deps.inlineTagging`), else queues tagging.
 */
export function fetchArticleHandler(deps: PipelineDeps): JobHandler<"fetch-article"> {
  // A source's robots setting, read at most every few seconds: a feed's items are fetched in bursts.
  const robots = new Map<string, { ignore: boolean; until: number }>();
  const ignoresRobots = async (sourceId: string) => {
    const known = robots.get(sourceId);
    if (known && known.until > Date.now()) return known.ignore;
    const ignore = (await deps.store.sources.get(sourceId))?.ignoreRobots ?? false;
    robots.set(sourceId, { ignore, until: Date.now() + SOURCE_CACHE_MS });
    return ignore;
  };
  return async (payload, ctx) => {
    const log = deps.logger.child({ component: "fetch-article", sourceId: payload.sourceId, jobId: ctx.jobId });
    try {
      const res = await deps.fetcher.fetch(payload.url, { ignoreRobots: await ignoresRobots(payload.sourceId) });
      deps.metrics?.fetchesTotal.inc({ kind: "article", outcome: "ok" });
      const html = decodeHtml(res.body, res.contentType);
      const extracted = extractArticle(html, { url: res.url });
      if (extracted.text.length < MIN_TEXT_CHARS) {
        throw new SeismoError("parse_failed", `no article text found (${extracted.text.length} characters)`);
      }
      const canonical =
        (extracted.canonicalUrl && canonicalizeUrl(extracted.canonicalUrl, res.url)) ??
        canonicalizeUrl(res.url) ??
        payload.url;
      const { article, changed } = await deps.store.articles.upsert({
        sourceId: payload.sourceId,
        url: payload.url,
        canonicalUrl: canonical,
        title: extracted.title ?? payload.feedTitle,
        byline: extracted.byline,
        publishedAt: toIso(extracted.published) ?? toIso(payload.feedPublished),
        language: extracted.language,
        text: extracted.text,
        rawHtml: deps.keepRawHtml ? html : null,
      });
      if (changed || article.taggedAt === null) {
        if (deps.inlineTagging) await tagStoredArticle(deps, article);
        else {
          await deps.queues.add(
            "tag-article",
            { articleId: article.id },
            { dedupeKey: `ta-${article.id}-${hashKey(article.contentHash)}` },
          );
        }
      }
      log.debug({ articleId: article.id, changed }, "stored article");
      return { articleId: article.id, changed };
    } catch (error) {
      const retryable = error instanceof SeismoError ? error.retryable : true;
      deps.metrics?.fetchesTotal.inc({ kind: "article", outcome: "error" });
      if (!retryable || ctx.attempt >= 5) {
        await deps.store.articles.recordFailure({
          sourceId: payload.sourceId,
          url: payload.url,
          stage: "fetch-article",
          reason: errorMessage(error),
        });
      }
      throw error;
    }
  };
}

function toIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
