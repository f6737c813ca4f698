import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "../index.ts";

describe("embedded database lock", () => {
  it("refuses a second opener of the same folder while the first holds it", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "seismo-lock-")), "pglite");
    const first = await Store.open({ kind: "pglite", dataDir: dir });
    // Simulate another live process owning the lock (our parent is alive).
    writeFileSync(`${dir}.lock`, String(process.ppid));
    await expect(Store.open({ kind: "pglite", dataDir: dir })).rejects.toThrow(/in use by process/);
    writeFileSync(`${dir}.lock`, String(process.pid));
    await first.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "seismo-lock-")), "pglite");
    writeFileSync(`${dir}.lock`, "999999999");
    const store = await Store.open({ kind: "pglite", dataDir: dir });
    expect(await store.ping()).toBe(true);
    await store.close();
  });
});
