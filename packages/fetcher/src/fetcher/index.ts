import { SeismoError } from "@seismo/core";
import { Agent, type Dispatcher, request } from "undici";
import { ACCEPT_ENCODING, readBody } from "../decompress/index.ts";
import { DnsGuard } from "../dns-guard/index.ts";
import { HostAllowlist } from "../ip-guard/index.ts";
import { HostLimiter } from "../limiter/index.ts";
import { RobotsCache, type RobotsResponse } from "../robots/index.ts";
import { asSeismoError, statusError, statusOf } from "./errors.ts";
import {
  type FetchEvent,
  type FetcherOptions,
  type FetchOptions,
  type FetchResult,
  parseFetcherOptions,
  type ResolvedFetcherOptions,
} from "./options.ts";
import { parseHttpUrl, resolveLocation } from "./urls.ts";

export interface Fetcher {
  /** GET one URL politely and safely; throws SeismoError (fetch_failed, forbidden, bad_request). */
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Closes pooled connections; safe to call twice. */
  close(): Promise<void>;
  readonly userAgent: string;
}

const DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;
/** A redirect's own body is never wanted; read a little of it so the connection can be reused. */
const DRAIN_LIMIT = 64 * 1024;

/**
 * Creates the fetcher. Why undici.request and not fetch(): fetch decompresses on its own,
 * with no cap on the output, and follows redirects out of our sight. request() hands us the raw
 * bytes and every 3xx, so each hop passes the SSRF guard, robots.txt and the limiter, and
 * decompression runs under a byte cap (see ../decompress).
 */
export function createFetcher(input: FetcherOptions): Fetcher {
  const options = parseFetcherOptions(input);
  const userAgent = `${options.botName}/${options.botVersion} (+${options.contact})`;
  const emit = (event: FetchEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken metrics hook must not fail a fetch.
    }
  };
  const guard = new DnsGuard(new HostAllowlist(options.allowHosts), options.resolve);
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs, lookup: guard.lookup },
    connections: options.concurrencyPerHost,
  });
  const limiter = new HostLimiter({ concurrency: options.concurrencyPerHost, minDelayMs: options.minDelayMs });
  let closing: Promise<void> | null = null;

  const context: Context = { options, userAgent, guard, agent, limiter, emit, robots: null };
  context.robots = new RobotsCache({
    userAgentToken: options.botName,
    ttlMs: options.robotsTtlMs,
    unavailableTtlMs: options.robotsUnavailableTtlMs,
    fetchRobots: (robotsUrl) => fetchRobots(context, robotsUrl),
    onFetched: (origin, response) =>
      emit({ type: "robots", origin, outcome: response.kind, ...robotsDetail(response) }),
  });

  return {
    userAgent,
    async fetch(url, fetchOptions = {}) {
      if (closing) throw new SeismoError("unavailable", `GET ${url}: fetcher is closed`, { retryable: false });
      const started = performance.now();
      try {
        const result = await fetchWithHops(context, url, fetchOptions, started);
        emit({
          type: "fetched",
          url: result.url,
          status: result.status,
          bytes: result.bytes,
          durationMs: result.durationMs,
          redirects: result.redirects.length,
        });
        return result;
      } catch (error) {
        const failure = asSeismoError(error, url);
        emit({
          type: "failed",
          url,
          code: failure.code,
          message: failure.message,
          retryable: failure.retryable,
          durationMs: performance.now() - started,
        });
        throw failure;
      }
    },
    close() {
      closing ??= agent.close();
      return closing;
    },
  };
}

interface Context {
  options: ResolvedFetcherOptions;
  userAgent: string;
  guard: DnsGuard;
  agent: Dispatcher;
  limiter: HostLimiter;
  robots: RobotsCache | null;
  emit: (event: FetchEvent) => void;
}

async function fetchWithHops(
  ctx: Context,
  url: string,
  fetchOptions: FetchOptions,
  started: number,
): Promise<FetchResult> {
  const { options } = ctx;
  let current = parseHttpUrl(url);
  const redirects: string[] = [];
  const timeoutMs = fetchOptions.timeoutMs ?? options.timeoutMs;
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const signal = fetchOptions.signal ? AbortSignal.any([deadline.signal, fetchOptions.signal]) : deadline.signal;
  const headers: Record<string, string> = {
    "user-agent": ctx.userAgent,
    accept: fetchOptions.accept ?? DEFAULT_ACCEPT,
    "accept-encoding": ACCEPT_ENCODING,
  };
  if (fetchOptions.etag) headers["if-none-match"] = fetchOptions.etag;
  if (fetchOptions.lastModified) headers["if-modified-since"] = fetchOptions.lastModified;

  try {
    for (;;) {
      await ctx.guard.check(current);
      if (!fetchOptions.ignoreRobots) await checkRobots(ctx, current);
      // Once the clock runs (later hops), a fired deadline also ends the wait for a slot.
      const release = await ctx.limiter.acquire(current.hostname, timer ? signal : fetchOptions.signal);
      // The clock starts at the first request sent, not while we politely wait in the host queue.
      timer ??= setTimeout(
        () =>
          deadline.abort(
            new SeismoError("fetch_failed", `GET ${url}: timed out after ${timeoutMs} ms`, {
              details: { reason: "timeout" },
            }),
          ),
        timeoutMs,
      );
      try {
        const response = await request(current, {
          method: "GET",
          headers,
          dispatcher: ctx.agent,
          signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const status = response.statusCode;
        const header = (name: string) => firstHeader(response.headers[name]);
        const location = header("location");
        if (REDIRECT_STATUSES.has(status) && location) {
          await response.body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
          const next = resolveLocation(location, current);
          redirects.push(next.href);
          if (redirects.length > options.maxRedirects) {
            throw new SeismoError("fetch_failed", `GET ${url}: more than ${options.maxRedirects} redirects`, {
              retryable: false,
              details: { reason: "too_many_redirects", redirects },
            });
          }
          current = next;
          continue;
        }
        const meta = {
          status,
          url: current.href,
          contentType: header("content-type"),
          etag: header("etag"),
          lastModified: header("last-modified"),
          redirects,
        };
        if (status === 304) {
          await response.body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
          return {
            ...meta,
            etag: meta.etag ?? fetchOptions.etag ?? null,
            lastModified: meta.lastModified ?? fetchOptions.lastModified ?? null,
            body: new Uint8Array(),
            bytes: 0,
            durationMs: performance.now() - started,
            notModified: true,
          };
        }
        if (status < 200 || status >= 300) {
          await response.body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
          throw statusError(current.href, status, header("retry-after"));
        }
        const maxBytes = fetchOptions.maxBytes ?? options.maxBytes;
        const declared = Number(header("content-length"));
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.body.destroy();
          throw new SeismoError("fetch_failed", `GET ${current.href}: body of ${declared} bytes exceeds ${maxBytes}`, {
            retryable: false,
            details: { reason: "body_too_large", status },
          });
        }
        const { body, bytes } = await readBody(response.body, {
          contentEncoding: header("content-encoding"),
          maxBytes,
          maxDecompressedBytes: fetchOptions.maxDecompressedBytes ?? options.maxDecompressedBytes,
          signal,
          url: current.href,
        });
        return { ...meta, body, bytes, durationMs: performance.now() - started, notModified: false };
      } finally {
        release();
      }
    }
  } catch (error) {
    // Whatever surfaced (undici's abort error, a stream error), a fired deadline is the cause.
    if (deadline.signal.aborted) throw deadline.signal.reason;
    if (fetchOptions.signal?.aborted) {
      throw new SeismoError("fetch_failed", `GET ${url}: aborted`, { cause: fetchOptions.signal.reason });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function checkRobots(ctx: Context, url: URL): Promise<void> {
  if (!ctx.robots) return;
  const verdict = await ctx.robots.check(url);
  if (verdict.crawlDelayMs !== null) {
    ctx.limiter.setMinDelay(url.hostname, Math.min(verdict.crawlDelayMs, ctx.options.maxCrawlDelayMs));
  }
  if (!verdict.allowed) {
    throw new SeismoError("forbidden", `GET ${url.href}: disallowed by robots.txt for ${ctx.options.botName}`, {
      retryable: false,
      details: { reason: "robots", url: url.href },
    });
  }
}

async function fetchRobots(ctx: Context, robotsUrl: string): Promise<RobotsResponse> {
  const ownOptions: FetchOptions = {
    ignoreRobots: true,
    accept: "text/plain,*/*;q=0.5",
    maxBytes: ROBOTS_MAX_BYTES,
    maxDecompressedBytes: ROBOTS_MAX_BYTES,
    timeoutMs: Math.min(ctx.options.timeoutMs, 15_000),
  };
  try {
    const result = await fetchWithHops(ctx, robotsUrl, ownOptions, performance.now());
    return { kind: "ok", text: new TextDecoder().decode(result.body) };
  } catch (error) {
    const status = statusOf(error);
    if (status !== null && status >= 400 && status < 500) return { kind: "missing", status };
    return { kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
}

function robotsDetail(response: RobotsResponse): { detail?: string } {
  if (response.kind === "missing") return { detail: `HTTP ${response.status}` };
  if (response.kind === "unavailable") return { detail: response.reason };
  return {};
}

function firstHeader(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
