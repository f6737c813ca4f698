import { errorMessage, type JobHandler, SeismoError } from "@seismo/core";
import { parseFeed } from "@seismo/feeds";
import { canonicalizeUrl } from "../urls/index.ts";
import type { PipelineDeps } from "./deps.ts";

const ENQUEUE_CHUNK = 500;

/**
 * Polls one source: conditional GET, parse, enqueue a fetch-article job per item not stored yet.
 * Every poll, failed or not, leaves a line in the source's fetch log.
 */
export function pollSourceHandler(deps: PipelineDeps): JobHandler<"poll-source"> {
  return async ({ sourceId }) => {
    const source = await deps.store.sources.get(sourceId);
    if (!source) throw new SeismoError("not_found", `source ${sourceId} does not exist`);
    if (source.removed) return { skipped: "removed" };
    const log = deps.logger.child({ component: "poll-source", sourceId });
    const started = Date.now();
    let status: number | null = null;
    let bytes = 0;
    try {
      const res = await deps.fetcher.fetch(source.url, {
        etag: source.etag,
        lastModified: source.lastModified,
        ignoreRobots: source.ignoreRobots,
        accept: "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5",
      });
      status = res.status;
      bytes = res.bytes;
      if (res.notModified) {
        await deps.store.sources.recordPoll(
          {
            sourceId,
            httpStatus: 304,
            itemsNew: 0,
            itemsSeen: 0,
            bytes: 0,
            durationMs: Date.now() - started,
            error: null,
          },
          { etag: res.etag, lastModified: res.lastModified },
        );
        deps.metrics?.fetchesTotal.inc({ kind: "feed", outcome: "not_modified" });
        return { itemsNew: 0, notModified: true };
      }
      const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
      const items = feed.items.flatMap((item) => {
        const url = item.url ? canonicalizeUrl(item.url, res.url) : null;
        return url ? [{ url, item }] : [];
      });
      const unique = [...new Map(items.map((i) => [i.url, i])).values()];
      let itemsNew = 0;
      // Per chunk of items, one query for what is stored already and one Redis round trip for the rest.
      for (let at = 0; at < unique.length; at += ENQUEUE_CHUNK) {
        const chunk = unique.slice(at, at + ENQUEUE_CHUNK);
        const known = await deps.store.articles.knownUrls(chunk.map((i) => i.url));
        const fresh = chunk.filter((i) => !known.has(i.url));
        await deps.queues.addMany(
          "fetch-article",
          fresh.map(({ url, item }) => ({
            payload: { sourceId, url, feedTitle: item.title, feedPublished: item.published },
            dedupeKey: `fa-${sourceId}-${hashKey(url)}`,
          })),
        );
        itemsNew += fresh.length;
      }
      await deps.store.sources.recordPoll(
        {
          sourceId,
          httpStatus: status,
          itemsNew,
          itemsSeen: feed.items.length,
          bytes,
          durationMs: Date.now() - started,
          error: feed.warnings.length > 0 ? `parsed with warnings: ${feed.warnings.slice(0, 3).join("; ")}` : null,
        },
        { etag: res.etag, lastModified: res.lastModified },
        { failed: false },
      );
      deps.metrics?.fetchesTotal.inc({ kind: "feed", outcome: "ok" });
      log.info({ itemsNew, itemsSeen: feed.items.length }, "polled source");
      return { itemsNew, itemsSeen: feed.items.length };
    } catch (error) {
      // A failed poll is data for the operator, not a crash: the next scheduled poll tries again.
      await deps.store.sources.recordPoll(
        {
          sourceId,
          httpStatus: status,
          itemsNew: 0,
          itemsSeen: 0,
          bytes,
          durationMs: Date.now() - started,
          error: errorMessage(error),
        },
        { etag: null, lastModified: null },
        { failed: true, pauseAfter: deps.pauseAfterFailures ?? 8 },
      );
      deps.metrics?.fetchesTotal.inc({ kind: "feed", outcome: "error" });
      log.warn({ err: errorMessage(error) }, "poll failed");
      return { itemsNew: 0, error: errorMessage(error) };
    }
  };
}

export function hashKey(value: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 + c, 2246822519);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}
