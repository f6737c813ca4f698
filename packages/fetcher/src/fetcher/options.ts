import { describeZodError, SeismoError } from "@seismo/core";
import { z } from "zod";
import type { Resolver } from "../dns-guard/index.ts";

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

/** Every option of `createFetcher`; defaults are the polite production values. */
export const FetcherOptionsSchema = z.object({
  /** Where a site owner can reach us: a URL or mailto: put into the User-Agent. */
  contact: z.string().min(1),
  /** robots.txt product token and User-Agent product name. */
  botName: z
    .string()
    .regex(/^[A-Za-z][\w-]*$/)
    .default("SeismoBot"),
  botVersion: z
    .string()
    .regex(/^[\w.-]+$/)
    .default("0.1"),
  concurrencyPerHost: positiveInt.default(2),
  minDelayMs: nonNegativeInt.default(1_000),
  connectTimeoutMs: positiveInt.default(10_000),
  /** Budget for all hops of one fetch, from the first request sent to the last body byte. */
  timeoutMs: positiveInt.default(30_000),
  maxBytes: positiveInt.default(10 * 1024 * 1024),
  maxDecompressedBytes: positiveInt.default(30 * 1024 * 1024),
  maxRedirects: nonNegativeInt.default(5),
  robotsTtlMs: positiveInt.default(60 * 60_000),
  robotsUnavailableTtlMs: positiveInt.default(10 * 60_000),
  /** A robots.txt Crawl-delay raises the host's spacing, up to this much. */
  maxCrawlDelayMs: nonNegativeInt.default(30_000),
  /** Hostnames, IPs and CIDRs the SSRF guard lets through ("127.0.0.1", "::1", "10.0.0.0/8"). */
  allowHosts: z.array(z.string()).default([]),
  /** DNS resolver; tests inject one so they never depend on real DNS. */
  resolve: z.custom<Resolver>((v) => typeof v === "function").optional(),
  onEvent: z.custom<(event: FetchEvent) => void>((v) => typeof v === "function").optional(),
});

export type FetcherOptions = z.input<typeof FetcherOptionsSchema>;
export type ResolvedFetcherOptions = z.output<typeof FetcherOptionsSchema>;

export function parseFetcherOptions(options: FetcherOptions): ResolvedFetcherOptions {
  const parsed = FetcherOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new SeismoError("bad_request", `invalid fetcher options: ${describeZodError(parsed.error)}`, {
      retryable: false,
    });
  }
  return parsed.data;
}

export interface FetchOptions {
  /** Sends If-None-Match; a 304 then returns `notModified: true`. */
  etag?: string | null;
  /** Sends If-Modified-Since. */
  lastModified?: string | null;
  accept?: string;
  /** Overrides the fetcher's total timeout for this call. */
  timeoutMs?: number;
  maxBytes?: number;
  maxDecompressedBytes?: number;
  /** For sources whose owners allow us although their robots.txt does not. */
  ignoreRobots?: boolean;
  signal?: AbortSignal;
}

export interface FetchResult {
  status: number;
  /** Final URL after redirects. */
  url: string;
  contentType: string | null;
  /** The response's validators; on a 304 without them, the ones that were sent. */
  etag: string | null;
  lastModified: string | null;
  /** Decompressed body; empty on 304. */
  body: Uint8Array;
  /** Body bytes on the wire (before content decoding). */
  bytes: number;
  durationMs: number;
  /** Every Location followed, in order. */
  redirects: string[];
  notModified: boolean;
}

/** For logs and metrics; the fetcher itself does not log. */
export type FetchEvent =
  | { type: "fetched"; url: string; status: number; bytes: number; durationMs: number; redirects: number }
  | { type: "failed"; url: string; code: string; message: string; retryable: boolean; durationMs: number }
  | { type: "robots"; origin: string; outcome: "ok" | "missing" | "unavailable"; detail?: string };
