import { SeismoError } from "@seismo/core";
import { parseRetryAfter } from "../backoff/index.ts";

/** 5xx, 429 and 408 may work later, other 4xx will not; 429 and 503 carry Retry-After. */
export function statusError(url: string, status: number, retryAfter: string | null): SeismoError {
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter) : null;
  const retryable = status >= 500 || status === 429 || status === 408;
  const wait = retryAfterMs !== null ? ` (retry after ${Math.round(retryAfterMs / 1000)} s)` : "";
  return new SeismoError("fetch_failed", `GET ${url}: HTTP ${status}${wait}`, {
    retryable,
    details: { status, url, ...(retryAfterMs !== null ? { retryAfterMs } : {}) },
  });
}

/** The HTTP status behind a fetch_failed error, if there was one. */
export function statusOf(error: unknown): number | null {
  if (!(error instanceof SeismoError)) return null;
  const status = (error.details as { status?: unknown } | undefined)?.status;
  return typeof status === "number" ? status : null;
}

/** Network errors become retryable fetch_failed with the errno code in the message. */
export function asSeismoError(error: unknown, url: string): SeismoError {
  if (error instanceof SeismoError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new SeismoError("fetch_failed", `GET ${url}: connect timed out`, { cause: error, details: { code } });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SeismoError("fetch_failed", `GET ${url}: ${code ?? message}`, {
    cause: error,
    retryable: true,
    details: { code: code ?? null },
  });
}
