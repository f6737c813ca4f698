import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createFetcher } from "@seismo/fetcher";
import { createRedis, QueueSet, redisAnswers } from "@seismo/queue";
import { SourceService } from "@seismo/sources";
import { storeTargetFor } from "@seismo/stack";
import { type Source, Store } from "@seismo/store";
import { loadConfig } from "../env.ts";

export const SOURCES_USAGE = `usage: seismo sources <action>
  add URL [--name N] [--interval SECONDS] [--tag k=v]…   fetch once, detect the kind, store, poll
  list                                                 sources with health
  show ID                                              one source and its fetch log
  pause ID | resume ID | remove ID                     stop / restart polling; remove keeps articles
  fetch ID                                             queue a poll now (needs Redis)
  import FILE.opml|.yaml|.json                         add every source of a list
  export                                               print all sources as OPML`;

export interface SourcesOptions {
  name?: string | undefined;
  interval?: string | undefined;
  tag?: string[] | undefined;
}

function parseTags(tags: string[] = []): Record<string, string> {
  return Object.fromEntries(
    tags.map((t) => {
      const i = t.indexOf("=");
      if (i <= 0) throw new Error(`--tag must be key=value, got "${t}"`);
      return [t.slice(0, i), t.slice(i + 1)];
    }),
  );
}

const health = (s: Source) =>
  s.pausedReason
    ? `paused: ${s.pausedReason}`
    : !s.enabled
      ? "paused"
      : s.lastError
        ? `failing: ${s.lastError}`
        : s.lastPolledAt
          ? "ok"
          : "never polled";

/** `seismo sources …`: the same operations as /api/v1/sources, on the configured store. */
export async function sources(args: string[], options: SourcesOptions, write: (line: string) => void): Promise<number> {
  const [action, arg] = args;
  const config = loadConfig();
  const redisUrl = config.redisUrl ?? "redis://127.0.0.1:6379";
  const needsQueue = action === "fetch" || action === "add";
  const connection = needsQueue && (await redisAnswers(redisUrl, 1000)) ? createRedis(redisUrl) : null;
  const queues = connection ? new QueueSet({ connection, prefix: config.queuePrefix }) : undefined;
  const store = await Store.open(storeTargetFor(config));
  const fetcher = createFetcher({
    contact: config.fetch.contact,
    allowHosts: config.fetch.allowHosts,
    minDelayMs: config.fetch.minDelayMs,
  });
  const service = new SourceService({ store, queues, fetchPage: (url) => fetcher.fetch(url) });
  try {
    switch (action) {
      case "add": {
        if (!arg) break;
        const { source, inspection } = await service.add({
          url: arg,
          name: options.name,
          intervalSeconds: options.interval ? Number.parseInt(options.interval, 10) : undefined,
          tags: parseTags(options.tag),
        });
        write(JSON.stringify({ source, found: inspection }, null, 2));
        if (!queues) write("note: Redis is not reachable, so the first poll waits for the scheduler");
        return 0;
      }
      case "list":
        for (const s of await service.list())
          write(`${s.id}  ${s.kind.padEnd(7)} ${s.name} <${s.url}>  [${health(s)}]`);
        return 0;
      case "show":
        if (!arg) break;
        write(JSON.stringify({ ...(await service.get(arg)), fetches: await service.fetchLog(arg, 20) }, null, 2));
        return 0;
      case "pause":
      case "resume":
        if (!arg) break;
        write(`${arg}: ${health(await service.update(arg, { enabled: action === "resume" }))}`);
        return 0;
      case "remove":
        if (!arg) break;
        await service.remove(arg);
        write(`removed ${arg} (its articles stay)`);
        return 0;
      case "fetch":
        if (!arg) break;
        if (!queues) throw new Error(`Redis does not answer at ${redisUrl}: start it or set REDIS_URL`);
        write(`queued poll job ${await service.pollNow(arg)}`);
        return 0;
      case "import": {
        if (!arg) break;
        const result = await service.import(await readFile(arg, "utf8"), basename(arg));
        for (const s of result.added) write(`added ${s.id} ${s.name} <${s.url}>`);
        for (const f of result.failed) write(`failed ${f.url}: ${f.reason}`);
        write(`${result.added.length} added, ${result.failed.length} failed`);
        return result.failed.length > 0 ? 1 : 0;
      }
      case "export":
        write((await service.exportOpml()).trimEnd());
        return 0;
    }
    write(SOURCES_USAGE);
    return 2;
  } finally {
    await store.close();
    await fetcher.close();
    await queues?.close();
    connection?.disconnect();
  }
}
