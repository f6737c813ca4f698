export { normalizeDate } from "./dates/index.ts";
export { COMMON_FEED_PATHS, discoverFeeds, type FeedCandidate, sitemapsFromRobots } from "./discover/index.ts";
export { FeedParseError } from "./errors/index.ts";
export { type HtmlListingOptions, parseHtmlListing } from "./html-listing/index.ts";
export { type ParseFeedOptions, parseFeed } from "./parse-feed/index.ts";
