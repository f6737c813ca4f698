import type { FeedItem, ParsedFeed } from "@seismo/core";
import { normalizeDate } from "../dates/index.ts";
import { resolveUrl } from "../urls/index.ts";
import { child, elements, firstValue, NS, type XmlElement } from "../xml/index.ts";

const NEWS: readonly string[] = [NS.news];

/** Sitemap elements are matched by local name: old Google and unnamespaced sitemaps abound. */
function local(el: XmlElement | null | undefined, name: string): XmlElement | null {
  return elements(el).find((c) => c.local === name && !NEWS.includes(c.ns)) ?? null;
}

function locOf(el: XmlElement, pageUrl: string | null): string | null {
  return resolveUrl(firstValue(local(el, "loc")), el.base, pageUrl);
}

/** `<urlset>`, including Google News sitemaps (news:publication_date, news:title). */
export function parseSitemap(root: XmlElement, pageUrl: string | null): ParsedFeed {
  const items: FeedItem[] = [];
  for (const entry of elements(root).filter((c) => c.local === "url")) {
    const url = locOf(entry, pageUrl);
    if (!url) continue;
    const news = child(entry, "news", NEWS);
    items.push({
      id: url,
      url,
      title: firstValue(child(news, "title", NEWS)),
      // lastmod says when the page changed, not when it was published: it stays in `updated`.
      published: normalizeDate(firstValue(child(news, "publication_date", NEWS))),
      updated: normalizeDate(firstValue(local(entry, "lastmod"))),
      author: null,
      summary: null,
      content: null,
    });
  }
  return { kind: "sitemap", title: null, link: pageUrl, items, warnings: [] };
}

/** `<sitemapindex>`: each item is a child sitemap. */
export function parseSitemapIndex(root: XmlElement, pageUrl: string | null): ParsedFeed {
  const items: FeedItem[] = [];
  for (const entry of elements(root).filter((c) => c.local === "sitemap")) {
    const url = locOf(entry, pageUrl);
    if (!url) continue;
    const updated = normalizeDate(firstValue(local(entry, "lastmod")));
    items.push({ id: url, url, title: null, published: null, updated, author: null, summary: null, content: null });
  }
  return { kind: "sitemap-index", title: null, link: pageUrl, items, warnings: [] };
}
