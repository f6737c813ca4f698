import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedParseError } from "../errors/index.ts";
import { parseFeed } from "./index.ts";

function returnsFeedOrTypedError(body: string | Uint8Array): void {
  try {
    const feed = parseFeed(body, { url: "https://example.org/feed" });
    expect(Array.isArray(feed.items)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
  }
}

// Fragments that steer random input into the parser's interesting paths.
const feedish = fc.constantFrom(
  "<rss>",
  "<channel>",
  "<item>",
  "</item>",
  "<title>",
  "</title>",
  "<link>",
  "<feed xmlns='http://www.w3.org/2005/Atom'>",
  "<entry>",
  "<content type='xhtml'><div>",
  "<content type='image/png'>",
  "<![CDATA[",
  "]]>",
  "&amp;",
  "&nbsp;",
  "&#0;",
  "&#x110000;",
  "<urlset>",
  "<url><loc>",
  "<news:news>",
  "xml:base='::'",
  "<?xml version='1.0' encoding='x-bogus'?>",
  '{"version":"https://jsonfeed.org/version/1.1","items":[',
  "<pubDate>",
  "Tue, 31 Feb 2014 99:99 +9999",
  "<rdf:RDF>",
);

describe("parseFeed on arbitrary input", () => {
  it("returns a feed or throws FeedParseError for any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), returnsFeedOrTypedError), { numRuns: 300 });
  });

  it("returns a feed or throws FeedParseError for any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), returnsFeedOrTypedError), { numRuns: 300 });
  });

  it("returns a feed or throws FeedParseError for feed-like fragments", () => {
    const body = fc.array(fc.oneof(feedish, fc.string()), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(fc.property(body, returnsFeedOrTypedError), { numRuns: 500 });
  });

  it("returns a feed or throws FeedParseError for arbitrary JSON", () => {
    fc.assert(fc.property(fc.json(), returnsFeedOrTypedError), { numRuns: 300 });
  });
});
