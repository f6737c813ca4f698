import robotsParser from "robots-parser";

type Robot = ReturnType<typeof robotsParser>;

/** What fetching /robots.txt gave: its text, a 4xx (no rules), or a failure (5xx, network). */
export type RobotsResponse =
  | { kind: "ok"; text: string }
  | { kind: "missing"; status: number }
  | { kind: "unavailable"; reason: string };

export type RobotsFetch = (robotsUrl: string) => Promise<RobotsResponse>;

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our token, when the file sets one. */
  crawlDelayMs: number | null;
}

export interface RobotsCacheOptions {
  /** The product token robots.txt groups are matched against ("SeismoBot"). */
  userAgentToken: string;
  fetchRobots: RobotsFetch;
  /** How long a fetched robots.txt is trusted. */
  ttlMs: number;
  /** How long an unreachable robots.txt counts as "allow everything" before we ask again. */
  unavailableTtlMs: number;
  maxEntries?: number;
  onFetched?: (origin: string, response: RobotsResponse) => void;
}

interface Entry {
  robot: Robot | null;
  expiresAt: number;
}

/**
 * robots.txt per origin, fetched once and cached for `ttlMs`. A missing file (4xx) or one we
 * cannot reach allows everything (the brief: outlets without robots.txt do not forbid us), but
 * an unreachable one is asked for again sooner. Concurrent checks for one origin share a fetch.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();

  constructor(private readonly options: RobotsCacheOptions) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entry(url.origin);
    if (!entry.robot) return { allowed: true, crawlDelayMs: null };
    const token = this.options.userAgentToken;
    // robots-parser answers undefined for a URL of another origin; ours never is.
    const allowed = entry.robot.isAllowed(url.href, token) ?? true;
    const delay = entry.robot.getCrawlDelay(token);
    return { allowed, crawlDelayMs: typeof delay === "number" && delay > 0 ? delay * 1000 : null };
  }

  private async entry(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = this.inFlight.get(origin);
    if (!pending) {
      pending = this.load(origin).finally(() => this.inFlight.delete(origin));
      this.inFlight.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let response: RobotsResponse;
    try {
      response = await this.options.fetchRobots(robotsUrl);
    } catch (error) {
      response = { kind: "unavailable", reason: error instanceof Error ? error.message : String(error) };
    }
    this.options.onFetched?.(origin, response);
    const now = Date.now();
    const entry: Entry =
      response.kind === "ok"
        ? { robot: robotsParser(robotsUrl, response.text), expiresAt: now + this.options.ttlMs }
        : {
            robot: null,
            expiresAt: now + (response.kind === "missing" ? this.options.ttlMs : this.options.unavailableTtlMs),
          };
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    const max = this.options.maxEntries ?? 10_000;
    if (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}
