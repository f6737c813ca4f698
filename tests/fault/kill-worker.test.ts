import { describe, expect, it } from "vitest";
import { activeJobs, jobCounts, tally } from "./support/pipeline-db.ts";
import { expectExactEnd, useFaultRig, waitForAllTagged } from "./support/rig.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker } from "./support/worker-child.ts";

/** Articles in the fixture feed; SEISMO_FAULT_ARTICLES changes it. */
const COUNT = Number(process.env.SEISMO_FAULT_ARTICLES ?? 600);

describe("a worker killed with SIGKILL in the middle of a batch", () => {
  const rig = useFaultRig("kill", { count: COUNT });

  it("stores and tags every article exactly once after a restart, with no job left active", async () => {
    const { store, figures } = rig;
    const started = Date.now();
    rig.worker = await startWorker(rig.env());
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 2, 150_000, `${COUNT / 2} stored articles`);
    rig.worker.kill("SIGKILL");
    const killed = await rig.worker.exited;
    expect(killed.signal).toBe("SIGKILL");
    figures.storedAtKill = await store.articles.count();
    figures.secondsToHalf = (killed.at - started) / 1000;
    figures.activeAtKill = activeJobs(await jobCounts(rig.redis.url, rig.prefix));

    const restarted = Date.now();
    rig.worker = await startWorker(rig.env());
    await waitForAllTagged(rig, COUNT);
    figures.recoverySeconds = (Date.now() - restarted) / 1000;

    await expectExactEnd(rig, COUNT);
    expect((await tally(store)).indicators).toBeGreaterThanOrEqual(COUNT);
  }, 280_000);
});
