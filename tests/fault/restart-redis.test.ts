import { describe, expect, it } from "vitest";
import { expectExactEnd, useFaultRig, waitForAllTagged } from "./support/rig.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker } from "./support/worker-child.ts";

const COUNT = 400;

// Our own redis-server (AOF, fsync always) on a free port: the shared one must never be restarted.
describe("Redis crashing and coming back during ingestion", () => {
  const rig = useFaultRig("redis", { count: COUNT });

  it("keeps the worker running, reconnects, and ends with exact counts", async () => {
    const { store, figures } = rig;
    const worker = await startWorker(rig.env());
    rig.worker = worker;
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 3, 120_000, `${COUNT / 3} stored articles`);
    figures.storedAtCrash = await store.articles.count();
    figures.redisDownMs = (await rig.redis.restart({ downMs: 2000 })).downMs;
    const back = Date.now();

    await waitForAllTagged(rig, COUNT);
    figures.secondsToFinishAfterRestart = (Date.now() - back) / 1000;

    // The same process did all of it: it reconnected instead of crashing.
    expect(worker.exitedCode()).toBeNull();
    await expectExactEnd(rig, COUNT);
  }, 280_000);
});
