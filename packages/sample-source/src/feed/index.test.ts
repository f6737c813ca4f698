import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { SampleArticle } from "../fixtures/index.ts";
import { escapeXml, renderFeed } from "./index.ts";

const article = (over: Partial<SampleArticle>): SampleArticle => ({
  slug: "x",
  title: "Title",
  byline: "Reporter",
  published: "2023-10-01T10:00:00.000Z",
  outlet: "Outlet",
  language: "en",
  section: "Balkans",
  paragraphs: ["One."],
  text: "One.",
  summary: "One.",
  kind: "sample",
  expectedIndicators: [],
  path: "/articles/x",
  ...over,
});

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });

describe("renderFeed", () => {
  it("escapes markup characters in titles, bylines and summaries", () => {
    const xml = renderFeed({
      origin: "http://127.0.0.1:1",
      articles: [article({ title: `Tom & Jerry <b>"clash"</b> 'again'`, byline: "A & B", summary: "x < y > z" })],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parser.parse(xml).rss.channel.item;
    expect(item.title).toBe(`Tom & Jerry <b>"clash"</b> 'again'`);
    expect(item["dc:creator"]).toBe("A & B");
    expect(item.description).toBe("x < y > z");
  });

  it("orders items newest first whatever the input order", () => {
    const xml = renderFeed({
      origin: "http://o",
      articles: [
        article({ slug: "old", path: "/articles/old", published: "2023-09-01T00:00:00.000Z" }),
        article({ slug: "new", path: "/articles/new", published: "2023-10-01T00:00:00.000Z" }),
      ],
    });
    const items = parser.parse(xml).rss.channel.item as { link: string; pubDate: string }[];
    expect(items.map((i) => i.link)).toEqual(["http://o/articles/new", "http://o/articles/old"]);
    expect(items[0]?.pubDate).toBe("Sun, 01 Oct 2023 00:00:00 GMT");
  });

  it("keeps any string well-formed once escaped", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const doc = `<a>${escapeXml(s)}</a>`;
        expect(XMLValidator.validate(doc)).toBe(true);
      }),
    );
  });
});
