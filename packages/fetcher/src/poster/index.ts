import { SeismoError } from "@seismo/core";
import { Agent, request } from "undici";
import { DnsGuard, type Resolver } from "../dns-guard/index.ts";
import { asSeismoError } from "../fetcher/errors.ts";
import { parseHttpUrl } from "../fetcher/urls.ts";
import { HostAllowlist } from "../ip-guard/index.ts";

export interface PosterOptions {
  /** Hosts/IPs/CIDRs let through the SSRF guard (the same guard as `createFetcher`). */
  allowHosts?: readonly string[];
  resolve?: Resolver;
  userAgent?: string;
  connectTimeoutMs?: number;
  /** From the request sent to the last byte of the response read (default 15 s). */
  timeoutMs?: number;
  /** How much of the response body is kept (default 4 KiB); the rest is discarded. */
  maxResponseBytes?: number;
}

export interface PostResult {
  /** Any status: a 4xx or 5xx is an answer for the caller to judge, not an exception. */
  status: number;
  /** The first `maxResponseBytes` of the response body, as UTF-8. */
  body: string;
  durationMs: number;
}

export interface Poster {
  /**
   * POSTs a body to a URL that passes the SSRF guard. Redirects are not followed (a webhook
   * endpoint that redirects answers with its 3xx). Throws SeismoError: "forbidden" for a refused
   * address or scheme, "fetch_failed" (retryable) for network errors and timeouts.
   */
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  /** Runs only the guard (resolve and check every address) without sending anything. */
  check(url: string): Promise<void>;
  /** Closes pooled connections; safe to call twice. */
  close(): Promise<void>;
}

/** A guarded HTTP POST for outgoing webhooks, with the fetcher's SSRF guard and DNS pinning. */
export function createPoster(options: PosterOptions = {}): Poster {
  const guard = new DnsGuard(new HostAllowlist(options.allowHosts ?? []), options.resolve);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxResponseBytes ?? 4096;
  const agent = new Agent({ connect: { timeout: connectTimeoutMs, lookup: guard.lookup } });
  let closing: Promise<void> | null = null;

  return {
    async check(url) {
      await guard.check(parseHttpUrl(url));
    },
    async post(url, body, headers) {
      if (closing) throw new SeismoError("unavailable", `POST ${url}: poster is closed`, { retryable: false });
      const target = parseHttpUrl(url);
      await guard.check(target);
      const started = performance.now();
      try {
        const response = await request(target, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            ...(options.userAgent ? { "user-agent": options.userAgent } : {}),
            ...headers,
          },
          dispatcher: agent,
          signal: AbortSignal.timeout(timeoutMs),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const chunks: Buffer[] = [];
        let kept = 0;
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          if (kept < maxBytes) {
            chunks.push(chunk.subarray(0, maxBytes - kept));
            kept += Math.min(chunk.length, maxBytes - kept);
          }
          if (kept >= maxBytes) {
            response.body.destroy();
            break;
          }
        }
        return {
          status: response.statusCode,
          body: Buffer.concat(chunks).toString("utf8"),
          durationMs: performance.now() - started,
        };
      } catch (error) {
        const failure = asSeismoError(error, url);
        throw new SeismoError(failure.code, failure.message.replace(/^GET /, "POST "), {
          cause: error,
          retryable: failure.retryable,
          details: failure.details,
        });
      }
    },
    close() {
      closing ??= agent.close();
      return closing;
    },
  };
}
