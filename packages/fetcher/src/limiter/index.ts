export interface HostLimiterOptions {
  /** Requests in flight at once to one host. */
  concurrency: number;
  /** Minimum time between the starts of two requests to one host. */
  minDelayMs: number;
}

interface HostState {
  active: number;
  /** Resolves to the moment the latest request in line actually started. */
  lastStart: Promise<number>;
  lastStartAt: number;
  /** Minimum delay for this host when it is larger than the default (robots Crawl-delay). */
  minDelayMs: number;
  waiters: Array<() => void>;
}

/** Releases the slot; calling it twice is harmless. */
export type Release = () => void;

/**
 * In-process politeness limiter keyed by hostname: at most `concurrency` requests in flight per
 * host, and request starts spaced at least `minDelayMs` apart. Hosts are independent, so a slow
 * outlet never holds up another. It does not coordinate across processes: run one fetcher per
 * worker and size worker counts with that in mind.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly options: HostLimiterOptions) {}

  /** Raises (never lowers) the minimum delay for one host, e.g. from robots.txt Crawl-delay. */
  setMinDelay(host: string, minDelayMs: number): void {
    const state = this.state(host);
    state.minDelayMs = Math.max(this.options.minDelayMs, minDelayMs);
  }

  /** Waits for a slot on `host` and for the spacing delay; resolves to the slot's release. */
  async acquire(host: string, signal?: AbortSignal): Promise<Release> {
    const state = this.state(host);
    if (state.active >= this.options.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = () => {
          state.waiters = state.waiters.filter((w) => w !== wake);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        state.waiters.push(wake);
      });
      // The releasing request handed its slot to us (active was not decremented).
    } else {
      state.active += 1;
    }
    const release = this.releaser(host, state);
    // Each request waits for the one before it to really start and then minDelayMs more, so a
    // timer that fires late (busy event loop) never squeezes two requests together.
    const previous = state.lastStart;
    let markStarted: (at: number) => void = () => {};
    state.lastStart = new Promise<number>((resolve) => {
      markStarted = resolve;
    });
    const previousStart = await previous;
    try {
      // A loop, because a timer may fire a fraction of a millisecond early.
      for (let wait = previousStart + state.minDelayMs - performance.now(); wait > 0; ) {
        await sleep(Math.ceil(wait), signal);
        wait = previousStart + state.minDelayMs - performance.now();
      }
    } catch (error) {
      markStarted(previousStart);
      release();
      throw error;
    }
    state.lastStartAt = performance.now();
    markStarted(state.lastStartAt);
    return release;
  }

  /** Hosts with any state (for tests and metrics). */
  get size(): number {
    return this.hosts.size;
  }

  private state(host: string): HostState {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      state = {
        active: 0,
        lastStart: Promise.resolve(Number.NEGATIVE_INFINITY),
        lastStartAt: Number.NEGATIVE_INFINITY,
        minDelayMs: this.options.minDelayMs,
        waiters: [],
      };
      this.hosts.set(key, state);
    }
    return state;
  }

  private releaser(host: string, state: HostState): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiters.shift();
      if (next) {
        next();
        return;
      }
      state.active -= 1;
      // Forget idle hosts once their spacing has passed, so the map does not grow forever.
      if (state.active === 0 && state.minDelayMs === this.options.minDelayMs) {
        const key = host.toLowerCase();
        const forget = () => {
          if (state.active === 0 && this.hosts.get(key) === state) this.hosts.delete(key);
        };
        const idleFor = state.lastStartAt + state.minDelayMs - performance.now();
        if (idleFor <= 0) forget();
        else setTimeout(forget, idleFor).unref();
      }
    };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
