import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { SeismoError } from "@seismo/core";

export const ACCEPT_ENCODING = "gzip, deflate, br";

export interface ReadBodyOptions {
  /** Content-Encoding header value (may list several codings, applied in order). */
  contentEncoding: string | null;
  /** Cap on bytes read from the socket. */
  maxBytes: number;
  /** Cap on bytes after decompression: stops compression bombs. */
  maxDecompressedBytes: number;
  signal?: AbortSignal;
  /** For error messages. */
  url: string;
}

export interface ReadBody {
  body: Uint8Array;
  /** Bytes on the wire (after transfer decoding, before content decoding). */
  bytes: number;
}

/** The content codings of a Content-Encoding header, in the order the server applied them. */
export function parseContentEncoding(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
}

/**
 * Reads a response body with two byte caps: one on what comes off the wire and one on what
 * decompression produces. Both are enforced while streaming, so neither a huge body nor a
 * 50 MB-of-zeros gzip bomb is ever held in memory beyond the cap.
 */
export async function readBody(source: Readable, options: ReadBodyOptions): Promise<ReadBody> {
  const codings = parseContentEncoding(options.contentEncoding);
  const decoders = codings.reverse().map((coding) => decoderFor(coding, options.url));
  let raw = 0;
  let decoded = 0;
  const chunks: Buffer[] = [];
  const countRaw = async function* (input: AsyncIterable<Buffer>) {
    for await (const chunk of input) {
      raw += chunk.byteLength;
      if (raw > options.maxBytes) {
        throw tooLarge(options.url, `body larger than ${options.maxBytes} bytes`, "body_too_large");
      }
      yield chunk;
    }
  };
  const collect = async (input: AsyncIterable<Buffer>) => {
    for await (const chunk of input) {
      decoded += chunk.byteLength;
      if (decoded > options.maxDecompressedBytes) {
        throw tooLarge(
          options.url,
          `decompressed body larger than ${options.maxDecompressedBytes} bytes (compression bomb?)`,
          "decompressed_too_large",
        );
      }
      chunks.push(chunk);
    }
  };
  try {
    // pipeline's overloads do not cover a variable number of middle stages, hence the cast.
    const stages = [source, countRaw, ...decoders, collect] as unknown as Parameters<typeof pipeline>;
    await (pipeline as (...args: unknown[]) => Promise<void>)(
      ...stages,
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
  } catch (error) {
    if (error instanceof SeismoError) throw error;
    if (isZlibError(error)) {
      throw new SeismoError("fetch_failed", `GET ${options.url}: cannot decode ${codings.join(", ")} body`, {
        cause: error,
        retryable: false,
        details: { reason: "bad_encoding" },
      });
    }
    throw error;
  }
  return { body: Buffer.concat(chunks), bytes: raw };
}

function tooLarge(url: string, what: string, reason: string): SeismoError {
  return new SeismoError("fetch_failed", `GET ${url}: ${what}`, { retryable: false, details: { reason } });
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

function decoderFor(coding: string, url: string): Transform {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      // Lenient about a truncated trailer, as browsers are; the byte caps still hold.
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case "deflate":
      return new AutoInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      throw new SeismoError("fetch_failed", `GET ${url}: unsupported Content-Encoding "${coding}"`, {
        retryable: false,
        details: { reason: "bad_encoding" },
      });
  }
}

/**
 * HTTP "deflate" is meant to be zlib-wrapped, but some servers send raw deflate. The first two
 * bytes tell which: a zlib header has compression method 8 and a checksum divisible by 31.
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;
  private head: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) {
        callback();
        return;
      }
      const b0 = this.head[0] ?? 0;
      const b1 = this.head[1] ?? 0;
      const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
      this.inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.inner.on("data", (data: Buffer) => this.push(data));
      this.inner.on("error", (error) => this.destroy(error));
      chunk = this.head;
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) {
      const truncated = Object.assign(new Error("truncated deflate body"), { code: "Z_BUF_ERROR" });
      callback(this.head.length ? truncated : null);
      return;
    }
    this.inner.once("end", () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}
