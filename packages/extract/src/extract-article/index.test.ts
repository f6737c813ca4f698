import { ExtractedArticleSchema } from "@seismo/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALBANIAN_PAGE,
  JSON_LD_PAGE,
  NEWS_PAGE,
  NEWS_PARAGRAPHS,
  SERBIAN_CYRILLIC_PAGE,
  SERBIAN_PAGE,
} from "./fixtures.ts";
import { extractArticle } from "./index.ts";

describe("extractArticle body", () => {
  const a = extractArticle(NEWS_PAGE, { url: "https://balkantimes.example/politics/2023/09/29/talks-resume" });

  it("keeps every article paragraph, in order, separated by blank lines", () => {
    expect(a.text.split("\n\n")).toEqual([
      NEWS_PARAGRAPHS[0],
      NEWS_PARAGRAPHS[1],
      "Sticking points",
      NEWS_PARAGRAPHS[2],
    ]);
  });

  it("drops navigation, sidebars, related links, comments, captions, share bars and footers", () => {
    for (const junk of [
      "Politics",
      "Most read",
      "Ohrid",
      "reader comment",
      "Delegations arrive",
      "Share on",
      "rights reserved",
      "Read more",
    ]) {
      expect(a.text).not.toContain(junk);
    }
  });

  it("does not repeat the headline inside the text", () => {
    expect(a.text).not.toContain("Talks resume in Brussels");
  });

  it("falls back to JSON-LD articleBody when the DOM holds no text", () => {
    const ld = extractArticle(JSON_LD_PAGE);
    expect(ld.text).toMatch(/^Građani su se okupili/);
    expect(ld.text.length).toBeGreaterThan(500);
  });

  it("returns empty text, not an error, for a page without content", () => {
    expect(extractArticle("<html><body><nav><a href='/'>Home</a></nav></body></html>").text).toBe("");
  });
});

describe("extractArticle metadata", () => {
  it("reads title, site, byline, image and canonical URL from a plain news page", () => {
    const a = extractArticle(NEWS_PAGE, { url: "https://balkantimes.example/politics/2023/09/29/talks-resume" });
    expect(a.title).toBe("Talks resume in Brussels");
    expect(a.siteName).toBe("The Balkan Times");
    expect(a.byline).toBe("Jana Petrović");
    expect(a.leadImage).toBe("https://balkantimes.example/img/brussels.jpg");
    expect(a.canonicalUrl).toBe("https://balkantimes.example/politics/2023/09/29/talks-resume?id=7");
    expect(a.language).toBe("en");
    expect(a.published).toBe("2023-09-29");
  });

  it("prefers JSON-LD for headline, authors, dates and publisher", () => {
    const a = extractArticle(JSON_LD_PAGE);
    expect(a).toMatchObject({
      title: "Protest u Zvečanu",
      byline: "Marko Marković",
      published: "2023-05-29T14:05:00+02:00",
      modified: "2023-05-30T08:00:00+02:00",
      siteName: "Vesti",
      leadImage: "https://vesti.example/z.jpg",
    });
  });

  it("finds a visible Serbian Latin date and the declared language", () => {
    const a = extractArticle(SERBIAN_PAGE);
    expect(a.published).toBe("2023-09-29");
    expect(a.language).toBe("sr");
  });

  it("finds a visible Serbian Cyrillic date in the genitive", () => {
    expect(extractArticle(SERBIAN_CYRILLIC_PAGE).published).toBe("2023-10-03");
  });

  it("finds a visible Albanian date and detects the language when none is declared", () => {
    const a = extractArticle(ALBANIAN_PAGE);
    expect(a.published).toBe("2023-09-29");
    expect(a.language).toBe("sq");
  });
});

describe("extractArticle robustness", () => {
  it("returns a schema-valid article for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(ExtractedArticleSchema.safeParse(extractArticle(s)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("returns a schema-valid article for random tag soup", () => {
    const tag = fc.constantFrom(
      "<p>",
      "</p>",
      "<div class='content'>",
      "</div>",
      "<script>",
      "<br>",
      "<a href='x'>",
      "<!--",
      "<h2>",
      "<time datetime='2023-02-30'>",
    );
    const soup = fc.array(fc.oneof(tag, fc.string({ maxLength: 40 })), { maxLength: 60 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(soup, fc.option(fc.webUrl(), { nil: undefined }), (html, url) => {
        const a = extractArticle(html, url === undefined ? {} : { url });
        expect(ExtractedArticleSchema.safeParse(a).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
