import { type ParsedFeed, ParsedFeedSchema } from "@seismo/core";
import { parseAtom } from "../atom/index.ts";
import { decodeBody } from "../decode/index.ts";
import { discoverFeeds } from "../discover/index.ts";
import { FeedParseError } from "../errors/index.ts";
import { isJsonFeed, parseJsonFeed } from "../json-feed/index.ts";
import { parseRss } from "../rss/index.ts";
import { parseSitemap, parseSitemapIndex } from "../sitemap/index.ts";
import { elements, NS, parseXml, type XmlElement } from "../xml/index.ts";

export interface ParseFeedOptions {
  /** Where the body came from: the base for relative links. */
  url?: string;
  /** The response's Content-Type header, for its charset and to tell JSON from XML. */
  contentType?: string | null;
}

type Format = "rss" | "rdf" | "atom" | "sitemap" | "sitemap-index";

function formatOf(el: XmlElement): Format | null {
  switch (el.local) {
    case "rss":
    case "channel":
      return "rss";
    case "rdf":
      return el.ns === NS.rdf || el.name.includes(":") || el.name === "RDF" ? "rdf" : null;
    case "feed":
      return "atom";
    case "urlset":
      return "sitemap";
    case "sitemapindex":
      return "sitemap-index";
    default:
      return null;
  }
}

/** The feed element: the root, or one wrapped in something else (an HTML page, a SOAP envelope). */
function findFeedElement(root: XmlElement): { el: XmlElement; format: Format } | null {
  const queue: Array<{ el: XmlElement; depth: number }> = [{ el: root, depth: 0 }];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next) break;
    const format = formatOf(next.el);
    if (format) return { el: next.el, format };
    if (next.depth < 4) for (const c of elements(next.el)) queue.push({ el: c, depth: next.depth + 1 });
  }
  return null;
}

function validUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

function parseJson(text: string, pageUrl: string | null): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`body looks like JSON but is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!isJsonFeed(value)) throw new FeedParseError("JSON body is not a JSON Feed (no jsonfeed.org version, no items)");
  return parseJsonFeed(value, pageUrl);
}

function parseText(text: string, options: ParseFeedOptions, warnings: string[]): ParsedFeed {
  const pageUrl = validUrl(options.url);
  const trimmed = text.trimStart();
  if (trimmed === "") throw new FeedParseError("empty body");
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return parseJson(trimmed, pageUrl);
  if (!trimmed.includes("<")) throw new FeedParseError("body is neither XML nor JSON");

  const doc = parseXml(trimmed);
  warnings.push(...doc.warnings);
  if (!doc.root) throw new FeedParseError("no XML element found in body");
  const found = findFeedElement(doc.root);
  if (!found) {
    if (["html", "head", "body"].includes(doc.root.local) || /^<!doctype html/i.test(trimmed)) {
      const feeds = pageUrl ? discoverFeeds(text, pageUrl) : [];
      throw new FeedParseError("body is an HTML page, not a feed", { details: { feeds } });
    }
    throw new FeedParseError(`unrecognised document: root element <${doc.root.name}> is not RSS, Atom or a sitemap`);
  }
  if (found.el !== doc.root) warnings.push(`feed found inside <${doc.root.name}>`);
  switch (found.format) {
    case "rss":
    case "rdf":
      return parseRss(found.el, pageUrl, found.format);
    case "atom":
      return parseAtom(found.el, pageUrl);
    case "sitemap":
      return parseSitemap(found.el, pageUrl);
    case "sitemap-index":
      return parseSitemapIndex(found.el, pageUrl);
  }
}

/**
 * Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1 and XML sitemaps (plain, index, Google
 * News) from a response body, gzipped or not, in any charset the body declares. Broken feeds are
 * read as far as possible and the problems listed in `warnings`; only a body with nothing
 * feed-like in it throws, and then only a {@link FeedParseError}.
 */
export function parseFeed(body: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  try {
    const decoded = decodeBody(body, options.contentType);
    const warnings = [...decoded.warnings];
    const feed = parseText(decoded.text, options, warnings);
    return ParsedFeedSchema.parse({ ...feed, warnings: [...warnings, ...feed.warnings] });
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    // A bug here must still surface as a readable, typed parse failure, not crash a worker.
    throw new FeedParseError(`feed parser failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}
