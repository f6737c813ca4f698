import { describe, expect, it } from "vitest";
import { HostLimiter } from "./index.ts";

describe("HostLimiter", () => {
  it("hands a slot to the next waiter when an aborted waiter gives up", async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 0 });
    const first = await limiter.acquire("a.example");
    const controller = new AbortController();
    const aborted = limiter.acquire("a.example", controller.signal);
    const next = limiter.acquire("a.example");
    controller.abort(new Error("caller gave up"));
    await expect(aborted).rejects.toThrow("caller gave up");
    first();
    const release = await next;
    release();
    release(); // twice is harmless
    expect(limiter.size).toBe(0);
  });

  it("keeps hosts independent and matches them case-insensitively", async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 10_000 });
    const a = await limiter.acquire("A.example");
    const started = performance.now();
    const b = await limiter.acquire("b.example");
    expect(performance.now() - started).toBeLessThan(50);
    const controller = new AbortController();
    const again = limiter.acquire("a.EXAMPLE", controller.signal);
    a();
    setTimeout(() => controller.abort(new Error("waited for the spacing")), 20);
    await expect(again).rejects.toThrow("waited for the spacing");
    b();
  });
});
