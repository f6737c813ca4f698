import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const TSX = new URL("../../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("./main.ts", import.meta.url).pathname;

describe("worker process", () => {
  it("starts on the embedded store and exits cleanly on SIGTERM", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "seismo-worker-"));
    const child = spawn(TSX, [MAIN], {
      env: {
        ...process.env,
        SEISMO_DATA_DIR: dataDir,
        SEISMO_QUEUE_PREFIX: `{seismo-worker-test-${process.pid}}`,
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
        DATABASE_URL: "",
        SEISMO_API_TOKEN: "worker-test-token-0123456789",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!output.includes("worker started") && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain("worker started");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("shutting down");
    await rm(dataDir, { recursive: true, force: true });
  });
});
