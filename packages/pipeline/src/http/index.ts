import { SeismoError } from "@seismo/core";

export interface FetchResult {
  status: number;
  url: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export const USER_AGENT = "SeismoBot/0.1 (+https://github.com/seismo; news tension monitor)";

/**
 * GET with a timeout, a size cap and conditional headers. A 304 returns an empty body.
 * Network failures and 5xx/429 are retryable fetch_failed errors; other 4xx are not.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: options.accept ?? "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      redirect: "follow",
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
  } catch (error) {
    throw new SeismoError("fetch_failed", `GET ${url}: ${describeNetworkError(error)}`, { cause: error });
  }
  const meta = {
    status: response.status,
    url: response.url || url,
    contentType: response.headers.get("content-type"),
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
  };
  if (response.status === 304) return { ...meta, body: new Uint8Array() };
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new SeismoError("fetch_failed", `GET ${url}: HTTP ${response.status}`, {
      retryable,
      details: { status: response.status },
    });
  }
  return { ...meta, body: await readCapped(response, options.maxBytes ?? 10 * 1024 * 1024, url) };
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new SeismoError("fetch_failed", `GET ${url}: body larger than ${maxBytes} bytes`, { retryable: false });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
