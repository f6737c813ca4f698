import { errorMessage, type FeedKind, SeismoError } from "@seismo/core";
import { discoverFeeds, FeedParseError, parseFeed, parseHtmlListing, sitemapsFromRobots } from "@seismo/feeds";

/** Fetches a URL and returns its bytes; the pipeline's polite fetcher in production. */
export type PageFetcher = (
  url: string,
) => Promise<{ status: number; url: string; contentType: string | null; body: Uint8Array }>;

export interface SourceInspection {
  /** The URL to poll: the feed found, or the page itself. */
  url: string;
  kind: FeedKind;
  title: string | null;
  itemCount: number;
  newest: string | null;
  /** Problems met on the way (candidates that failed, parse warnings). */
  errors: string[];
  /** Every feed the page advertised or we guessed, for the operator to choose from. */
  candidates: Array<{ url: string; source: string; title: string | null }>;
}

const MAX_CANDIDATES_TRIED = 6;
const decoder = new TextDecoder();

/**
 * Fetches a URL once and says what it is: a feed (RSS, Atom, JSON Feed, sitemap) is read
 * directly; a homepage is searched for feeds (<link rel=alternate>, common paths, robots.txt
 * Sitemap lines) and the first readable one is chosen; failing that, a section page is read as an
 * HTML listing of article links. Throws a SeismoError (bad_request) when nothing is readable.
 */
export async function inspectSource(url: string, fetchPage: PageFetcher): Promise<SourceInspection> {
  const errors: string[] = [];
  const page = await fetchPage(url);
  try {
    return describe(page.url, parseFeed(page.body, { url: page.url, contentType: page.contentType }), errors, []);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    errors.push(`${page.url}: ${error.message}`);
  }
  const html = decoder.decode(page.body);
  const candidates = await gatherCandidates(html, page.url, fetchPage);
  for (const candidate of candidates.slice(0, MAX_CANDIDATES_TRIED)) {
    try {
      const res = await fetchPage(candidate.url);
      const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
      if (feed.items.length > 0 || candidate.source === "link") return describe(res.url, feed, errors, candidates);
      errors.push(`${candidate.url}: no items`);
    } catch (error) {
      errors.push(`${candidate.url}: ${errorMessage(error)}`);
    }
  }
  const listing = parseHtmlListing(html, { url: page.url });
  if (listing.items.length > 0) return describe(page.url, listing, errors, candidates);
  throw new SeismoError("bad_request", `no feed, sitemap or article links found at ${url}`, {
    details: { errors, candidates },
  });
}

async function gatherCandidates(html: string, pageUrl: string, fetchPage: PageFetcher) {
  const found: SourceInspection["candidates"] = discoverFeeds(html, pageUrl).map((c) => ({
    url: c.url,
    source: c.source as string,
    title: c.title ?? null,
  }));
  try {
    const robotsUrl = new URL("/robots.txt", pageUrl).toString();
    const robots = await fetchPage(robotsUrl);
    for (const sitemap of sitemapsFromRobots(decoder.decode(robots.body), robotsUrl)) {
      found.push({ url: sitemap, source: "robots", title: null });
    }
  } catch {
    // no robots.txt: nothing to add
  }
  const rank = (s: string) => (s === "link" ? 0 : s === "robots" ? 1 : 2);
  const seen = new Set<string>();
  return found.sort((a, b) => rank(a.source) - rank(b.source)).filter((c) => !seen.has(c.url) && seen.add(c.url));
}

function describe(
  url: string,
  feed: ReturnType<typeof parseFeed>,
  errors: string[],
  candidates: SourceInspection["candidates"],
): SourceInspection {
  const dates = feed.items.map((i) => i.published ?? i.updated).filter((d): d is string => d !== null);
  return {
    url,
    kind: feed.kind,
    title: feed.title,
    itemCount: feed.items.length,
    newest: dates.sort().at(-1) ?? null,
    errors: [...errors, ...feed.warnings],
    candidates,
  };
}
