export { type BackoffOptions, backoffDelay, parseRetryAfter } from "./backoff/index.ts";
export {
  type CharsetSource,
  charsetFromContentType,
  type DecodedText,
  decodeBody,
  guessSingleByteCharset,
} from "./decode/index.ts";
export type { ResolvedAddress, Resolver } from "./dns-guard/index.ts";
export { createFetcher, type Fetcher } from "./fetcher/index.ts";
export {
  type FetchEvent,
  type FetcherOptions,
  FetcherOptionsSchema,
  type FetchOptions,
  type FetchResult,
} from "./fetcher/options.ts";
export { type AddressVerdict, classifyAddress, HostAllowlist, parseIp } from "./ip-guard/index.ts";
export { createPoster, type Poster, type PosterOptions, type PostResult } from "./poster/index.ts";
