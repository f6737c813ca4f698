import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRedis, QueueSet } from "@seismo/queue";
import { afterEach, describe, expect, it } from "vitest";

const TSX = new URL("../../../node_modules/.bin/tsx", import.meta.url).pathname;
const MAIN = new URL("./main.ts", import.meta.url).pathname;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

interface RunningWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  prefix: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  const dataDir = await mkdtemp(join(tmpdir(), "seismo-worker-"));
  const prefix = `{seismo-worker-test-${process.pid}-${Date.now()}}`;
  const child = spawn(TSX, [MAIN], {
    env: {
      ...process.env,
      SEISMO_DATA_DIR: dataDir,
      SEISMO_QUEUE_PREFIX: prefix,
      REDIS_URL,
      DATABASE_URL: "",
      SEISMO_API_TOKEN: "worker-test-token-0123456789",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });
  await waitFor(() => output.includes("worker started") || child.exitCode !== null, 60_000);
  expect(output).toContain("worker started");
  return { child, output: () => output, exited, prefix };
}

async function waitFor(done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

describe("worker process", () => {
  it("starts on the embedded store, without probes when their port is taken, and exits cleanly on SIGTERM", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const worker = await startWorker({ SEISMO_METRICS_PORT: String(port), HOST: "127.0.0.1" });
    expect(worker.output()).toContain("metrics port in use");
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("shutting down");
  });

  it("serves /healthz, /readyz and the metrics its job handlers record on SEISMO_METRICS_PORT", async () => {
    const port = await freePort();
    const worker = await startWorker({ SEISMO_METRICS_PORT: String(port), HOST: "127.0.0.1" });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // A job for an article that does not exist: the handler runs (and fails), which is recorded.
    const connection = createRedis(REDIS_URL);
    const queues = new QueueSet({ connection, prefix: worker.prefix });
    cleanups.push(async () => {
      for (const q of queues.queues.values()) await q.obliterate({ force: true });
      await queues.close();
      connection.disconnect();
    });
    await queues.add("tag-article", { articleId: "no-such-article" });
    let text = "";
    await waitFor(async () => {
      text = await (await fetch(`${base}/metrics`)).text();
      return text.includes('seismo_job_duration_seconds_count{queue="tag-article"}');
    }, 30_000);
    expect(text).toMatch(/seismo_job_duration_seconds_count\{queue="tag-article"\} [1-9]/);
    expect(text).toContain("# TYPE seismo_fetches_total counter");
    expect(text).toContain("# TYPE seismo_indicators_total counter");
    expect(text).toContain("seismo_process_process_resident_memory_bytes");

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
