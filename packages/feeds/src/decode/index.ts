import { gunzipSync } from "node:zlib";

export interface DecodedBody {
  text: string;
  /** The charset actually used. */
  charset: string;
  warnings: string[];
}

/** A gzip bomb would otherwise turn a small body into gigabytes. */
const MAX_GUNZIP_BYTES = 64 * 1024 * 1024;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

/** UTF-16 without a BOM still starts with `<` and a zero byte. */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return "utf-16be";
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return "utf-16le";
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration is ASCII by definition, so latin1 is a safe way to read it.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset, { fatal: false });
  } catch {
    return null;
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Valid UTF-8 with multi-byte sequences is almost never a legacy single-byte text by chance. */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80) && isValidUtf8(bytes);
}

/**
 * Turns a response body into text. Order of trust: BOM, then the document's own declaration, then
 * the Content-Type header, then UTF-8. A body that claims UTF-8 but is not is read as Windows-1252,
 * the usual culprit.
 */
export function decodeBody(body: string | Uint8Array, contentType?: string | null): DecodedBody {
  const warnings: string[] = [];
  if (typeof body === "string") return { text: body.replace(/^\uFEFF/, ""), charset: "utf-16", warnings };
  let bytes = body;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIP_BYTES });
    } catch (error) {
      warnings.push(`gzip body could not be fully inflated: ${(error as Error).message}`);
      return { text: "", charset: "utf-8", warnings };
    }
  }
  const bom = bomCharset(bytes);
  if (bom) {
    const decoder = decoderFor(bom.charset);
    if (decoder) return { text: decoder.decode(bytes.subarray(bom.length)), charset: bom.charset, warnings };
  }
  const utf16 = sniffUtf16(bytes);
  const candidates = [utf16, declaredCharset(bytes), charsetFromContentType(contentType), "utf-8"];
  for (const charset of candidates) {
    if (!charset) continue;
    const decoder = decoderFor(charset);
    if (!decoder) {
      warnings.push(`unknown charset "${charset}"`);
      continue;
    }
    if (decoder.encoding !== "utf-8" && !decoder.encoding.startsWith("utf-16") && looksLikeUtf8(bytes)) {
      warnings.push(`body declared as ${charset} is valid UTF-8; read as UTF-8`);
      return { text: new TextDecoder("utf-8").decode(bytes), charset: "utf-8", warnings };
    }
    if (decoder.encoding === "utf-8" && !isValidUtf8(bytes)) {
      warnings.push("body is not valid UTF-8; read as windows-1252");
      return { text: new TextDecoder("windows-1252").decode(bytes), charset: "windows-1252", warnings };
    }
    return { text: decoder.decode(bytes), charset: decoder.encoding, warnings };
  }
  return { text: new TextDecoder("utf-8").decode(bytes), charset: "utf-8", warnings };
}
