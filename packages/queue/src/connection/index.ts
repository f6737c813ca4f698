import { Redis } from "ioredis";

export type { Redis };

/** A connection BullMQ can block on: workers need maxRetriesPerRequest null. */
export function createRedis(url: string, options: { lazy?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: options.lazy ?? false,
  });
}

/** Answers whether a Redis server replies to PING at the URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Deletes every key under a queue prefix (jobs, events, deduplication keys), on a connection of its
 * own so it works after the stack has closed its own. For tests and benches that use a prefix each;
 * returns how many keys went.
 */
export async function deleteQueueKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  client.on("error", () => undefined);
  let deleted = 0;
  try {
    await client.connect();
    // SCAN's MATCH is a glob: the hash-tag braces of a prefix must be escaped.
    const match = `${prefix.replace(/[[\]{}*?\\]/g, "\\$&")}:*`;
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", match, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
  return deleted;
}
