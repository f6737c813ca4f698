import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalizeUrl } from "./index.ts";

describe("canonicalizeUrl", () => {
  it("drops tracking parameters and fragments but keeps real ones, sorted", () => {
    expect(canonicalizeUrl("https://News.example.org/a?utm_source=x&id=2&b=1#top")).toBe(
      "https://news.example.org/a?b=1&id=2",
    );
  });

  it("resolves a relative link against its page", () => {
    expect(canonicalizeUrl("../b", "https://example.org/x/y")).toBe("https://example.org/b");
  });

  it("refuses non-web schemes", () => {
    expect(canonicalizeUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalizeUrl("mailto:a@b.c")).toBeNull();
  });

  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (s) => {
        const once = canonicalizeUrl(s);
        if (once !== null) expect(canonicalizeUrl(once)).toBe(once);
      }),
    );
  });
});
