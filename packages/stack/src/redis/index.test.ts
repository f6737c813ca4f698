import { silentLogger } from "@seismo/observability";
import { describe, expect, it } from "vitest";
import { RedisUnavailableError, redactUrl, resolveRedis } from "./index.ts";

describe("resolveRedis", () => {
  it("uses REDIS_URL when it answers", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const redis = await resolveRedis({ redisUrl: url, dataDir: "/tmp", logger: silentLogger() });
    expect(redis.url).toBe(url);
    expect(redis.started).toBe(false);
  });

  it("fails clearly, without the password, when REDIS_URL does not answer", async () => {
    const attempt = resolveRedis({ redisUrl: "redis://:secret@127.0.0.1:1", dataDir: "/tmp", logger: silentLogger() });
    await expect(attempt).rejects.toThrow(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/does not answer/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });

  it("redacts passwords in URLs it prints", () => {
    expect(redactUrl("redis://user:pw@host:6379/0")).toBe("redis://user:***@host:6379/0");
  });
});
