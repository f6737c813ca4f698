import { describe, expect, it } from "vitest";
import { activeJobs, jobCounts } from "./support/pipeline-db.ts";
import { useFaultRig } from "./support/rig.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker } from "./support/worker-child.ts";

const COUNT = 40;
/** Every page answers after 3 s, so the jobs are certainly mid-fetch when the signal comes. */
const PAGE_DELAY_MS = 3000;
/** Well under the worker's own 30 s shutdown timeout, which would exit 1. */
const EXIT_BOUND_MS = 15_000;

describe("SIGTERM while article fetches are in flight", () => {
  const rig = useFaultRig("term", { count: COUNT, pageDelayMs: PAGE_DELAY_MS });

  it("finishes the in-flight jobs, leaves none active and exits 0 within the bound", async () => {
    const { store, site, figures } = rig;
    const worker = await startWorker(rig.env({ concurrency: 4 }));
    rig.worker = worker;
    await waitUntil(() => site.pageHits() >= 4, 60_000, "four article fetches in flight");
    const inFlight = site.pageHits();
    figures.pagesRequestedAtSignal = inFlight;
    expect(await store.articles.count()).toBe(0);
    const signalled = Date.now();
    worker.kill("SIGTERM");
    const exit = await worker.exited;
    figures.exitMs = exit.at - signalled;

    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(EXIT_BOUND_MS);
    // Every page that was being fetched when the signal came was stored: nothing was cut off.
    expect(await store.articles.count()).toBeGreaterThanOrEqual(inFlight);
    figures.storedAfterExit = await store.articles.count();
    expect(activeJobs(await jobCounts(rig.redis.url, rig.prefix))).toBe(0);
    expect(worker.output()).toContain("shutting down");
  });
});
