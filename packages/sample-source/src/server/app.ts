import { Hono } from "hono";
import { renderFeed } from "../feed/index.ts";
import type { SampleArticle } from "../fixtures/index.ts";
import { renderArticlePage, renderHomePage, renderNotFoundPage } from "../page/index.ts";
import { isNotModified, type Validators, validatorsFor } from "./conditional.ts";

export interface SampleAppOptions {
  articles: readonly SampleArticle[];
  /**
   * Origin written into absolute links (feed items, canonical URLs). Defaults to the request's
   * own origin, which is what `app.request()` in tests wants; the server pins it to its address.
   */
  origin?: () => string;
}

const RELATED_COUNT = 4;
const CACHE_CONTROL = "public, max-age=60";

interface Rendered extends Validators {
  body: string;
}

/** The hono app behind the sample source; exported for in-process tests through `app.request()`. */
export function createSampleApp({ articles, origin }: SampleAppOptions): Hono {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const newest = articles.reduce((max, a) => Math.max(max, Date.parse(a.published)), 0);
  // Rendered bodies are cached per origin and path: fixtures never change while the server runs.
  const cache = new Map<string, Rendered>();
  const rendered = (key: string, lastModified: number, render: () => string): Rendered => {
    let hit = cache.get(key);
    if (hit === undefined) {
      const body = render();
      hit = { body, ...validatorsFor(body, new Date(lastModified)) };
      cache.set(key, hit);
    }
    return hit;
  };

  const app = new Hono();
  const originOf = (requestUrl: string) => origin?.() ?? new URL(requestUrl).origin;

  const respond = (
    c: { req: { header(name: string): string | undefined } },
    page: Rendered,
    contentType: string,
    status: 200 | 404 = 200,
  ): Response => {
    const headers = {
      ETag: page.etag,
      "Last-Modified": page.lastModified,
      "Cache-Control": CACHE_CONTROL,
    };
    const conditional = {
      ifNoneMatch: c.req.header("if-none-match"),
      ifModifiedSince: c.req.header("if-modified-since"),
    };
    if (status === 200 && isNotModified(conditional, page)) return new Response(null, { status: 304, headers });
    return new Response(page.body, { status, headers: { ...headers, "Content-Type": contentType } });
  };

  app.get("/", (c) => {
    const o = originOf(c.req.url);
    return respond(
      c,
      rendered(`${o} /`, newest, () => renderHomePage(articles, o)),
      "text/html; charset=utf-8",
    );
  });

  app.get("/feed.xml", (c) => {
    const o = originOf(c.req.url);
    const page = rendered(`${o} /feed.xml`, newest, () => renderFeed({ origin: o, articles }));
    return respond(c, page, "application/rss+xml; charset=utf-8");
  });

  app.get("/articles/:slug", (c) => {
    const article = bySlug.get(c.req.param("slug"));
    if (article === undefined) return c.html(renderNotFoundPage(), 404);
    const o = originOf(c.req.url);
    const page = rendered(`${o} ${article.path}`, Date.parse(article.published), () =>
      renderArticlePage(article, { origin: o, related: relatedTo(article, articles) }),
    );
    return respond(c, page, "text/html; charset=utf-8");
  });

  app.get("/robots.txt", (c) => c.text("User-agent: *\nAllow: /\n"));

  app.notFound((c) => c.text("Not found\n", 404));

  return app;
}

/** The articles nearest in time, so "Related stories" looks like a real site's. */
function relatedTo(article: SampleArticle, articles: readonly SampleArticle[]): SampleArticle[] {
  const t = Date.parse(article.published);
  return articles
    .filter((a) => a.slug !== article.slug)
    .map((a) => ({ a, distance: Math.abs(Date.parse(a.published) - t) }))
    .sort((x, y) => x.distance - y.distance || x.a.slug.localeCompare(y.a.slug))
    .slice(0, RELATED_COUNT)
    .map(({ a }) => a);
}
