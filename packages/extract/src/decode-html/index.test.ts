import { describe, expect, it } from "vitest";
import { decodeHtml } from "./index.ts";

/** "Čačak, šećer, žuti đak" in windows-1250. */
const CP1250_TEXT = [
  0xc8, 0x61, 0xe8, 0x61, 0x6b, 0x2c, 0x20, 0x9a, 0x65, 0xe6, 0x65, 0x72, 0x2c, 0x20, 0x9e, 0x75, 0x74, 0x69, 0x20,
  0xf0, 0x61, 0x6b,
];
const EXPECTED = "Čačak, šećer, žuti đak";

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const page = (head: string) =>
  new Uint8Array([...ascii(`<html><head>${head}</head><body><p>`), ...CP1250_TEXT, ...ascii("</p></body></html>")]);

describe("decodeHtml", () => {
  it("uses the charset from the Content-Type header", () => {
    expect(decodeHtml(page(""), "text/html; charset=windows-1250")).toContain(EXPECTED);
  });

  it("uses <meta charset> when there is no header", () => {
    expect(decodeHtml(page('<meta charset="windows-1250">'))).toContain(EXPECTED);
  });

  it("uses <meta http-equiv> with a legacy alias", () => {
    expect(decodeHtml(page('<meta http-equiv="Content-Type" content="text/html; charset=cp1250">'))).toContain(
      EXPECTED,
    );
  });

  it("reads UTF-8 that is mislabelled as a legacy charset as UTF-8", () => {
    const bytes = new TextEncoder().encode(`<meta charset="gb2312"><p>${EXPECTED}</p>`);
    expect(decodeHtml(bytes)).toContain(EXPECTED);
  });

  it("honours a byte order mark over the header", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(EXPECTED)]);
    expect(decodeHtml(bytes, "text/html; charset=iso-8859-1")).toBe(EXPECTED);
  });

  it("falls back to UTF-8 for unknown labels and empty input", () => {
    expect(decodeHtml(new TextEncoder().encode("<p>ok ✓</p>"), "text/html; charset=x-nonsense")).toBe("<p>ok ✓</p>");
    expect(decodeHtml(new Uint8Array())).toBe("");
  });
});
