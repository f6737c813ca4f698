import { SeismoError } from "@seismo/core";

/** The only error parseFeed throws: the body holds nothing that can be read as a feed. */
export class FeedParseError extends SeismoError {
  constructor(reason: string, options: { cause?: unknown; details?: unknown } = {}) {
    super("parse_failed", reason, options);
    this.name = "FeedParseError";
  }
}
