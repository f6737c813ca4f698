import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const TSX = new URL("../../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("./main.ts", import.meta.url).pathname;

describe("API process", () => {
  it("serves health on the embedded store and exits cleanly on SIGTERM", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "seismo-api-"));
    const child = spawn(TSX, [MAIN], {
      env: {
        ...process.env,
        SEISMO_DATA_DIR: dataDir,
        SEISMO_QUEUE_PREFIX: `{seismo-api-test-${process.pid}}`,
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
        DATABASE_URL: "",
        SEISMO_API_TOKEN: "worker-test-token-0123456789",
        PORT: "0",
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
    while (!output.includes("API listening") && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain("API listening");
    const url = /"url":"([^"]+)"/.exec(output)?.[1] ?? "";
    const health = await fetch(new URL("/api/v1/health", url));
    expect(health.status).toBe(200);
    const signin = await fetch(new URL("/signin", url));
    expect(signin.status).toBe(200);
    expect(await signin.text()).toMatch(/<title>[^<]*Seismo<\/title>/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("shutting down");
    await rm(dataDir, { recursive: true, force: true });
  });
});
