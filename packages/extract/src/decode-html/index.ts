import { TextDecoder } from "node:util";

const HEAD_BYTES = 2048;

function decoderFor(label: string | null | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(
      label
        .trim()
        .replace(/^["']|["']$/g, "")
        .toLowerCase(),
    );
  } catch {
    return null;
  }
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

/** <meta charset> or <meta http-equiv="Content-Type" content="...charset=..."> near the top. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, HEAD_BYTES));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes fetched HTML bytes. Precedence follows the HTML spec's sniffing order: BOM, then the
 * Content-Type header, then a <meta> declaration in the first 2 KB, else UTF-8. Unknown labels
 * fall through to the next source. One deliberate deviation: bytes that are valid UTF-8 with
 * non-ASCII text are read as UTF-8 whatever a legacy label says, because mislabelled re-encoded
 * pages are common and legacy text is almost never valid UTF-8 by accident.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const bom = decoderFor(charsetFromBom(bytes));
  if (bom) return bom.decode(bytes);
  let decoder = decoderFor(charsetFromContentType(contentType)) ?? decoderFor(charsetFromMeta(bytes));
  // A declared UTF-16 in an ASCII-compatible document (no BOM) is always wrong (HTML spec).
  if (decoder?.encoding.startsWith("utf-16")) decoder = null;
  if (!decoder || decoder.encoding === "utf-8" || isUtf8WithNonAscii(bytes)) return new TextDecoder().decode(bytes);
  return decoder.decode(bytes);
}
