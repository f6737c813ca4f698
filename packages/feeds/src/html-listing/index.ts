import type { FeedItem, ParsedFeed } from "@seismo/core";
import * as cheerio from "cheerio";
import { normalizeDate } from "../dates/index.ts";
import { FeedParseError } from "../errors/index.ts";
import { resolveUrl } from "../urls/index.ts";

export interface HtmlListingOptions {
  /** The page's URL: base for relative links and the site links must stay on. */
  url: string;
  /** CSS selector for the links (or their containers) to take; default: every link. */
  selector?: string;
  /** Only paths (with query) matching this are kept; replaces the default article heuristic. */
  pattern?: RegExp | string;
}

const NOT_ARTICLE =
  /\/(tags?|topics?|category|categories|authors?|search|login|signin|signup|register|subscribe|account|about|contact|privacy|terms|cookies?|help|faq|newsletters?|feeds?|rss|page)(\/|$)/i;
const FILE = /\.(jpe?g|png|gif|webp|svg|pdf|zip|mp3|mp4|css|js|xml|json|ico)$/i;

/** Article pages have a date in the path, a long slug or a long numeric id; section fronts do not. */
export function looksLikeArticlePath(pathname: string): boolean {
  if (NOT_ARTICLE.test(pathname) || FILE.test(pathname)) return false;
  const segments = pathname.split("/").filter(Boolean);
  if (segments.length === 0) return false;
  if (/\/(19|20)\d{2}\/[01]?\d\//.test(pathname) || /\/(19|20)\d{2}-[01]\d-[0-3]\d/.test(pathname)) return true;
  return segments.some((s) => s.split(/[-_]/).filter((w) => /[a-z]/i.test(w)).length >= 3 || /\d{5,}/.test(s));
}

function sameSite(a: URL, b: URL): boolean {
  const strip = (host: string) => host.replace(/^www\./i, "").toLowerCase();
  return strip(a.hostname) === strip(b.hostname);
}

/** Article links on a section front page, as a feed of kind "html" (titles from the link text). */
export function parseHtmlListing(html: string, options: HtmlListingOptions): ParsedFeed {
  let page: URL;
  try {
    page = new URL(options.url);
  } catch (error) {
    throw new FeedParseError(`listing page URL is not a valid URL: ${options.url}`, { cause: error });
  }
  const $ = cheerio.load(html);
  const base = resolveUrl($("base[href]").attr("href"), page.href) ?? page.href;
  const pattern = typeof options.pattern === "string" ? new RegExp(options.pattern) : options.pattern;
  const found = new Map<string, FeedItem>();

  const anchors = options.selector
    ? $(options.selector)
        .map((_, el) => ($(el).is("a[href]") ? [el] : $(el).find("a[href]").toArray()))
        .get()
    : $("a[href]").toArray();

  for (const a of anchors) {
    const href = resolveUrl($(a).attr("href"), base);
    if (!href) continue;
    let target: URL;
    try {
      target = new URL(href);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(target.protocol) || !sameSite(target, page)) continue;
    target.hash = "";
    const path = target.pathname + target.search;
    if (pattern ? !pattern.test(path) : !looksLikeArticlePath(target.pathname)) continue;
    if (target.href === page.href) continue;
    const text =
      $(a).text().replace(/\s+/g, " ").trim() ||
      $(a).attr("title")?.trim() ||
      $(a).find("img[alt]").attr("alt")?.trim() ||
      null;
    const container = $(a).closest("article, li, [class*=story], [class*=card], [class*=item]");
    const published = normalizeDate(container.find("time[datetime]").first().attr("datetime") ?? null);
    const existing = found.get(target.href);
    // The same article is often linked from its image and its headline: keep the longer text.
    if (existing && (existing.title?.length ?? 0) >= (text?.length ?? 0)) continue;
    found.set(target.href, {
      id: target.href,
      url: target.href,
      title: text,
      published: published ?? existing?.published ?? null,
      updated: null,
      author: null,
      summary: null,
      content: null,
    });
  }
  const title = $("meta[property='og:site_name']").attr("content")?.trim() || $("title").first().text().trim() || null;
  return { kind: "html", title, link: page.href, items: [...found.values()], warnings: [] };
}
