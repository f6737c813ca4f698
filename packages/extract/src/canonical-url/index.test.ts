import { describe, expect, it } from "vitest";
import { canonicalize, resolveUrl } from "./index.ts";

describe("canonicalize", () => {
  it("strips utm_*, fbclid and gclid but keeps the parameters that identify the page", () => {
    expect(canonicalize("https://news.example/a?id=7&utm_source=x&utm_campaign=y&fbclid=1&gclid=2#top")).toBe(
      "https://news.example/a?id=7",
    );
  });

  it("resolves relative links against the page URL", () => {
    expect(canonicalize("/story/1?utm_medium=email", "https://news.example/section/")).toBe(
      "https://news.example/story/1",
    );
  });

  it("returns null for links that cannot be made absolute http(s)", () => {
    expect(canonicalize("/story/1")).toBeNull();
    expect(canonicalize("javascript:void(0)", "https://news.example/")).toBeNull();
    expect(resolveUrl("mailto:a@b.c")).toBeNull();
  });
});
