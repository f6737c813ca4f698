import { describe, it } from "vitest";
import { findPgBin } from "./support/pg-cluster.ts";
import { expectExactEnd, useFaultRig, waitForAllTagged } from "./support/rig.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker } from "./support/worker-child.ts";

const COUNT = 300;
const PG_BIN = await findPgBin();

// Needs the PostgreSQL server binaries (initdb, pg_ctl) to run a cluster of our own.
describe.skipIf(!PG_BIN)("PostgreSQL crashing and coming back during ingestion", () => {
  const rig = useFaultRig("pg", { count: COUNT, ownPostgres: PG_BIN ?? "" });

  it("ends with exact counts, restarting the worker as a supervisor would if it exits", async () => {
    const { store, figures } = rig;
    rig.worker = await startWorker(rig.env());
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 3, 120_000, `${COUNT / 3} stored articles`);
    figures.storedAtCrash = await store.articles.count();
    if (!rig.pg) throw new Error("the rig has no PostgreSQL cluster of its own");
    figures.postgresDownMs = (await rig.pg.restart()).downMs;
    const back = Date.now();
    let workerExits = 0;
    let crashOutput = "";

    // If the worker process dies on the restart, a supervisor (compose restart policy, Kubernetes)
    // starts it again; at-least-once delivery must then still give exact counts.
    await waitForAllTagged(rig, COUNT, async () => {
      if (rig.worker && rig.worker.exitedCode() !== null) {
        workerExits++;
        crashOutput = rig.worker.output().slice(-1500);
        rig.worker = await startWorker(rig.env());
      }
    });
    figures.secondsToFinishAfterRestart = (Date.now() - back) / 1000;
    figures.workerExits = workerExits;
    if (workerExits > 0) console.warn(`[fault] the worker exited on the PostgreSQL restart:\n${crashOutput}`);
    await expectExactEnd(rig, COUNT);
  }, 280_000);
});
