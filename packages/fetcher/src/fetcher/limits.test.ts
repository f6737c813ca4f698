import zlib from "node:zlib";
import { SeismoError } from "@seismo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBody } from "../decode/index.ts";
import { encodeSingleByte } from "../testing/encode.ts";
import { startServer, type TestServer } from "../testing/server.ts";
import { createFetcher, type Fetcher } from "./index.ts";

const MB = 1024 * 1024;
const GZIP_BOMB = zlib.gzipSync(Buffer.alloc(50 * MB), { level: 9 });
const TEXT = "Vesti dana: ".repeat(200);

const CYRILLIC_PAGE =
  "<html><head><title>Вести</title></head><body><h1>Србија и Косово: напетост расте</h1>" +
  "<p>Влада је саопштила да ће војска остати у приправности. Ђаци, љубав, његош, ћерка, џеп.</p></body></html>";

let server: TestServer;
let fetcher: Fetcher;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/robots.txt") {
      res.statusCode = 404;
      res.end();
    } else if (path === "/slow") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first bytes ");
      const timer = setInterval(() => res.write("."), 100);
      res.on("close", () => clearInterval(timer));
    } else if (path === "/slow-headers") {
      setTimeout(() => res.end("late"), 2_000).unref();
    } else if (path === "/huge-declared") {
      res.writeHead(200, { "content-length": String(2 * MB) });
      res.end(Buffer.alloc(2 * MB, 0x61));
    } else if (path === "/huge-chunked") {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
      res.end();
    } else if (path === "/bomb") {
      res.writeHead(200, { "content-encoding": "gzip", "content-type": "text/html" });
      res.end(GZIP_BOMB);
    } else if (path === "/gzip") {
      res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(TEXT));
    } else if (path === "/deflate") {
      res.writeHead(200, { "content-encoding": "deflate" }).end(zlib.deflateSync(TEXT));
    } else if (path === "/raw-deflate") {
      res.writeHead(200, { "content-encoding": "deflate" }).end(zlib.deflateRawSync(TEXT));
    } else if (path === "/br") {
      res.writeHead(200, { "content-encoding": "br" }).end(zlib.brotliCompressSync(TEXT));
    } else if (path === "/corrupt-gzip") {
      res.writeHead(200, { "content-encoding": "gzip" }).end(Buffer.from("definitely not gzip"));
    } else if (path === "/unknown-coding") {
      res.writeHead(200, { "content-encoding": "zstd-ish" }).end("x");
    } else if (path === "/cyrillic") {
      res.writeHead(200, { "content-type": "text/html" }).end(encodeSingleByte(CYRILLIC_PAGE, "windows-1251"));
    } else {
      res.end("ok");
    }
  });
  fetcher = createFetcher({
    contact: "ops@seismo.example",
    allowHosts: ["127.0.0.1"],
    minDelayMs: 0,
    timeoutMs: 400,
    maxBytes: 1 * MB,
    maxDecompressedBytes: 5 * MB,
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<SeismoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeismoError);
  return error as SeismoError;
}

describe("limits", () => {
  it("times out a body that trickles in, as a retryable error", async () => {
    const started = performance.now();
    const error = await failure(fetcher.fetch(`${server.origin}/slow`));
    expect(error).toMatchObject({ code: "fetch_failed", retryable: true, details: { reason: "timeout" } });
    expect(error.message).toMatch(/timed out after 400 ms/);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("times out a server that never sends headers", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/slow-headers`, { timeoutMs: 200 }));
    expect(error.message).toMatch(/timed out after 200 ms/);
  });

  it("refuses a body whose Content-Length is over maxBytes without reading it", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/huge-declared`));
    expect(error).toMatchObject({ code: "fetch_failed", retryable: false, details: { reason: "body_too_large" } });
  });

  it("stops reading a chunked body once it passes maxBytes", async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/huge-chunked`));
    expect(error).toMatchObject({ retryable: false, details: { reason: "body_too_large" } });
  });

  it("stops a gzip bomb at maxDecompressedBytes", async () => {
    expect(GZIP_BOMB.byteLength).toBeLessThan(1 * MB);
    const before = process.memoryUsage().rss;
    const error = await failure(fetcher.fetch(`${server.origin}/bomb`));
    expect(error).toMatchObject({ retryable: false, details: { reason: "decompressed_too_large" } });
    // 50 MB never materialised (generous bound: GC timing makes RSS noisy).
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * MB);
  });

  it.each(["gzip", "deflate", "raw-deflate", "br"])("decodes %s bodies and reports wire bytes", async (coding) => {
    const result = await fetcher.fetch(`${server.origin}/${coding}`);
    expect(new TextDecoder().decode(result.body)).toBe(TEXT);
    expect(result.bytes).toBeLessThan(TEXT.length);
  });

  it("reports a corrupt or unknown content coding as a non-retryable failure", async () => {
    const corrupt = await failure(fetcher.fetch(`${server.origin}/corrupt-gzip`));
    expect(corrupt).toMatchObject({ retryable: false, details: { reason: "bad_encoding" } });
    const unknown = await failure(fetcher.fetch(`${server.origin}/unknown-coding`));
    expect(unknown.message).toMatch(/unsupported Content-Encoding "zstd-ish"/);
  });

  it("fetches a windows-1251 page without charset that decodeBody reads correctly", async () => {
    const result = await fetcher.fetch(`${server.origin}/cyrillic`);
    const decoded = decodeBody(result.body, result.contentType);
    expect(decoded).toMatchObject({ charset: "windows-1251", source: "detected" });
    expect(decoded.text).toBe(CYRILLIC_PAGE);
  });
});
