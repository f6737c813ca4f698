import { createRedis, QueueSet } from "@seismo/queue";
import { Store } from "@seismo/store";
import { afterAll, beforeAll } from "vitest";
import type { CommandDeps } from "../commands/connect.ts";

export const DATABASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A command's entry point, as `runAlerts` and `runWebhooks` are. */
type Command = (
  args: string[],
  options: Record<string, unknown>,
  deps: CommandDeps,
  out: (line: string) => void,
) => Promise<number>;

export interface CommandTest {
  /** The PostgreSQL schema the store lives in, so a child process can be pointed at it. */
  schema: string;
  store: Store;
  queues: QueueSet;
  /** Runs a command in-process on the test store (and its queues unless `withQueues` is false); returns what it printed. */
  run: (
    command: Command,
    args: string[],
    options?: Record<string, unknown>,
    withQueues?: boolean,
  ) => Promise<{ code: number; out: string }>;
}

/**
 * A store in a fresh PostgreSQL schema and queues under their own prefix for one test file: opened
 * before its tests, obliterated and dropped after them. Fields are set once `beforeAll` has run.
 */
export function commandTest(name: string): CommandTest {
  const schema = `cli_${name}_${process.pid}_${Date.now().toString(36)}`;
  let connection: ReturnType<typeof createRedis>;
  const t = {
    schema,
    run: async (command, args, options = {}, withQueues = true) => {
      const lines: string[] = [];
      const code = await command(args, options, { store: t.store, queues: withQueues ? t.queues : undefined }, (l) =>
        lines.push(l),
      );
      return { code, out: lines.join("\n") };
    },
  } as CommandTest;
  beforeAll(async () => {
    t.store = await Store.open({ kind: "postgres", url: DATABASE_URL, schema });
    connection = createRedis(REDIS_URL);
    t.queues = new QueueSet({ connection, prefix: `{seismo-cli-test-${schema}}` });
  });
  afterAll(async () => {
    for (const q of t.queues.queues.values()) await q.obliterate({ force: true }).catch(() => undefined);
    await t.queues.close();
    connection.disconnect();
    await t.store.sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await t.store.close();
  });
  return t;
}
