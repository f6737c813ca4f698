import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redisAnswers } from "@seismo/queue";
import { freePort, waitUntil } from "./wait.ts";

export interface RedisChild {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: a crash, not a clean shutdown) and starts it again on the same port and AOF. */
  restart(options?: { downMs?: number }): Promise<{ downMs: number }>;
  stop(): Promise<void>;
}

/**
 * A redis-server of our own, on a free port, with AOF fsynced on every write: the shared Redis
 * on 6379 is used by other test runs and must never be restarted.
 */
export async function startRedisChild(): Promise<RedisChild> {
  const dir = await mkdtemp(join(tmpdir(), "seismo-fault-redis-"));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const launch = async () => {
    const proc = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
        "--save",
        "",
        "--maxmemory-policy",
        "noeviction",
      ],
      { stdio: "ignore" },
    );
    child = proc;
    await waitUntil(() => redisAnswers(url, 300), 10_000, `redis-server on port ${port}`);
  };
  const kill = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGKILL");
    await exited;
  };
  await launch();
  return {
    url,
    port,
    async restart(options = {}) {
      const started = Date.now();
      await kill();
      await new Promise((r) => setTimeout(r, options.downMs ?? 1000));
      await launch();
      return { downMs: Date.now() - started };
    },
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
