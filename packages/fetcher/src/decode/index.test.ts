import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeSingleByte } from "../testing/encode.ts";
import { charsetFromContentType, decodeBody } from "./index.ts";

const CYRILLIC =
  "<!doctype html><html><head><title>Политика</title></head><body>" +
  "<h1>Војска у приправности на северу Косова</h1><p>Министар одбране је изјавио да ђаци, њива и џемпер " +
  "немају везе са овом вешћу, али љубав према отаџбини има.</p></body></html>";
const LATIN =
  "<!doctype html><html><head><title>Politika</title></head><body>" +
  "<h1>Vojska u pripravnosti na severu Kosova</h1><p>Ministar odbrane je izjavio da đaci, njiva i džemper " +
  "nemaju veze sa ovom vešću, ali ljubav prema otadžbini ima. Čačak, Šabac, Žabalj.</p></body></html>";

describe("decodeBody", () => {
  it("detects a windows-1251 Serbian Cyrillic page that declares no charset", () => {
    const decoded = decodeBody(encodeSingleByte(CYRILLIC, "windows-1251"), "text/html");
    expect(decoded).toEqual({ text: CYRILLIC, charset: "windows-1251", source: "detected" });
  });

  it("detects a windows-1250 Serbian Latin page that declares no charset", () => {
    const decoded = decodeBody(encodeSingleByte(LATIN, "windows-1250"), null);
    expect(decoded).toEqual({ text: LATIN, charset: "windows-1250", source: "detected" });
  });

  it("tells ISO-8859-2 from windows-1250 by where š and ž sit", () => {
    const decoded = decodeBody(encodeSingleByte(LATIN, "iso-8859-2"), null);
    expect(decoded).toEqual({ text: LATIN, charset: "iso-8859-2", source: "detected" });
  });

  it("prefers valid UTF-8 when nothing is declared", () => {
    const decoded = decodeBody(new TextEncoder().encode(CYRILLIC), null);
    expect(decoded).toEqual({ text: CYRILLIC, charset: "utf-8", source: "utf-8" });
  });

  it("uses the Content-Type charset", () => {
    const decoded = decodeBody(encodeSingleByte(CYRILLIC, "windows-1251"), 'text/html; charset="CP1251"');
    expect(decoded).toMatchObject({ text: CYRILLIC, charset: "windows-1251", source: "header" });
  });

  it("uses <meta charset> and <meta http-equiv> when the header has none", () => {
    const page = `<html><head><meta charset="windows-1250"></head><body>${LATIN}</body></html>`;
    expect(decodeBody(encodeSingleByte(page, "windows-1250"), "text/html")).toMatchObject({
      text: page,
      source: "meta",
    });
    const legacy = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>${CYRILLIC}`;
    expect(decodeBody(encodeSingleByte(legacy, "windows-1251"), null)).toMatchObject({
      text: legacy,
      charset: "windows-1251",
      source: "meta",
    });
  });

  it("uses the XML declaration of a feed", () => {
    const feed = `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Вести</title></channel></rss>`;
    expect(decodeBody(encodeSingleByte(feed, "windows-1251"), "application/rss+xml")).toMatchObject({
      text: feed,
      charset: "windows-1251",
      source: "xml",
    });
  });

  it("lets a byte-order mark win over a wrong header", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Ђорђе")]);
    expect(decodeBody(bytes, "text/html; charset=iso-8859-1")).toEqual({
      text: "Ђорђе",
      charset: "utf-8",
      source: "bom",
    });
  });

  it("ignores an unknown declared charset and falls through", () => {
    expect(charsetFromContentType("text/html; charset=klingon")).toBeNull();
    expect(decodeBody(new TextEncoder().encode("ok"), "text/html; charset=klingon").source).toBe("utf-8");
  });

  it("never throws, whatever the bytes and header", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.option(fc.string()), (bytes, contentType) => {
        const decoded = decodeBody(bytes, contentType);
        expect(typeof decoded.text).toBe("string");
      }),
    );
  });
});
