import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Logger } from "@seismo/observability";
import { redisAnswers } from "@seismo/queue";

export interface ResolvedRedis {
  url: string;
  /** Stops the redis-server we started, if we started one. */
  stop(): Promise<void>;
  started: boolean;
}

const LOCAL_DEFAULT = "redis://127.0.0.1:6379";

export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * REDIS_URL if given; else a Redis already answering on 127.0.0.1:6379; else a redis-server child
 * with append-only persistence under the data folder; else a clear error saying how to get one.
 */
export async function resolveRedis(options: {
  redisUrl?: string;
  dataDir: string;
  logger: Logger;
}): Promise<ResolvedRedis> {
  const none = async () => undefined;
  if (options.redisUrl) {
    if (!(await redisAnswers(options.redisUrl, 3000))) {
      throw new RedisUnavailableError(`Redis at REDIS_URL=${redactUrl(options.redisUrl)} does not answer`);
    }
    return { url: options.redisUrl, stop: none, started: false };
  }
  if (await redisAnswers(LOCAL_DEFAULT, 500)) return { url: LOCAL_DEFAULT, stop: none, started: false };
  return startRedisServer(options.dataDir, options.logger);
}

async function startRedisServer(dataDir: string, logger: Logger): Promise<ResolvedRedis> {
  const dir = join(dataDir, "redis");
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
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
      "--save",
      "",
      "--protected-mode",
      "yes",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const spawnError = await new Promise<Error | null>((resolve) => {
    child.once("error", resolve);
    child.once("spawn", () => resolve(null));
  });
  if (spawnError) {
    throw new RedisUnavailableError(
      "No Redis is running on 127.0.0.1:6379 and `redis-server` is not installed. Install it " +
        "(Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_URL.",
    );
  }
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisAnswers(url, 200)); i++) await sleep(100);
  if (!(await redisAnswers(url, 500))) {
    child.kill("SIGTERM");
    throw new RedisUnavailableError(`redis-server did not answer on ${url}`);
  }
  logger.info({ url, dir }, "started redis-server (append-only file under the data folder)");
  return { url, stop: () => stopChild(child), started: true };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
