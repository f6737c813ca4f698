export type CharsetSource = "bom" | "header" | "meta" | "xml" | "utf-8" | "detected";

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used ("utf-8", "windows-1251", …). */
  charset: string;
  /** Where the charset came from. */
  source: CharsetSource;
}

/** How far into the document we look for <meta charset> or an XML declaration. */
const PRESCAN_BYTES = 4096;

/** The WHATWG canonical name for a charset label, or null when TextDecoder does not know it. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return normaliseCharset(match?.[1]);
}

/**
 * Turns a body into text. Order: byte-order mark, the Content-Type charset, <meta charset> or
 * <meta http-equiv="Content-Type">, the XML declaration; when nothing declares a charset, UTF-8
 * if the bytes are valid UTF-8, else a guess between windows-1251 (Serbian Cyrillic),
 * windows-1250 and ISO-8859-2 (Serbian Latin). The BOM goes first, as in the HTML standard:
 * it cannot be there by accident, while a server's default charset header often is wrong.
 * Never throws.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomCharset(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.charset, "bom");
  const header = charsetFromContentType(contentType);
  if (header) return decodeWith(bytes, header, "header");
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const meta = metaCharset(head);
  // A page cannot declare itself UTF-16 from inside (it would not be readable as ASCII), so per
  // the HTML standard such a meta means UTF-8.
  if (meta) return decodeWith(bytes, meta.startsWith("utf-16") ? "utf-8" : meta, "meta");
  const xml = xmlCharset(head);
  if (xml) return decodeWith(bytes, xml, "xml");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8", source: "utf-8" };
  } catch {
    return decodeWith(bytes, guessSingleByteCharset(bytes), "detected");
  }
}

function decodeWith(bytes: Uint8Array, charset: string, source: CharsetSource): DecodedText {
  const decoder = new TextDecoder(charset);
  return { text: decoder.decode(bytes), charset: decoder.encoding, source };
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

/** Declarations are ASCII, so reading the head as latin1 is safe whatever the real charset. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function metaCharset(head: string): string | null {
  // Matches <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  for (const match of head.matchAll(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/gi)) {
    const charset = normaliseCharset(match[1]);
    if (charset) return charset;
  }
  return null;
}

function xmlCharset(head: string): string | null {
  const match = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return normaliseCharset(match?.[1]);
}

/**
 * A deliberately small guess for Serbian pages that declare nothing and are not UTF-8.
 * Outside of markup, Cyrillic text in windows-1251 is almost all high bytes (every letter is
 * one), while Latin text in windows-1250 or ISO-8859-2 is mostly ASCII letters with a few
 * diacritics (č ć đ š ž). Between those two, bytes 0x80–0x9F are control codes in ISO-8859-2
 * but letters (š ž Š Ž) in windows-1250; ISO-8859-2 puts š ž Š Ž at 0xB9 0xBE 0xA9 0xAE.
 */
export function guessSingleByteCharset(bytes: Uint8Array): "windows-1251" | "windows-1250" | "iso-8859-2" {
  let inTag = false;
  let high = 0;
  let ascii = 0;
  let c1 = 0;
  let isoOnly = 0;
  for (const byte of bytes) {
    if (byte === 0x3c) inTag = true;
    else if (byte === 0x3e) inTag = false;
    if (inTag) continue;
    if (byte >= 0x80) {
      high += 1;
      if (byte <= 0x9f) c1 += 1;
      if (byte === 0xa9 || byte === 0xb9 || byte === 0xae || byte === 0xbe) isoOnly += 1;
    } else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      ascii += 1;
    }
  }
  if (high > 0 && high / (high + ascii) > 0.3) return "windows-1251";
  if (c1 === 0 && isoOnly > 0) return "iso-8859-2";
  return "windows-1250";
}
