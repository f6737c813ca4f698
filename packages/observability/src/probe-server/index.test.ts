import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logger/index.ts";
import { createMetrics } from "../metrics/index.ts";
import { type ProbeServer, startProbeServer } from "./index.ts";

let server: ProbeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = async (path: string) => {
  const res = await fetch(`http://127.0.0.1:${server?.port}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
};

describe("probe server", () => {
  it("serves the registry's metrics in Prometheus text format", async () => {
    const metrics = createMetrics();
    metrics.jobDuration.observe({ queue: "tag-article" }, 0.2);
    metrics.fetchesTotal.inc({ kind: "feed", outcome: "ok" });
    server = await startProbeServer({
      port: 0,
      host: "127.0.0.1",
      registry: () => metrics.registry,
      ready: () => true,
      logger: silentLogger(),
    });
    const res = await get("/metrics");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/plain");
    expect(res.body).toContain('seismo_job_duration_seconds_count{queue="tag-article"} 1');
    expect(res.body).toContain('seismo_fetches_total{kind="feed",outcome="ok"} 1');
    expect(res.body).toContain("seismo_process_process_resident_memory_bytes");
  });

  it("answers /healthz always and /readyz only while ready", async () => {
    let ready = false;
    server = await startProbeServer({
      port: 0,
      host: "127.0.0.1",
      registry: () => undefined,
      ready: () => ready,
      logger: silentLogger(),
    });
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/readyz")).status).toBe(503);
    ready = true;
    expect((await get("/readyz")).status).toBe(200);
    expect(await get("/metrics")).toMatchObject({ status: 200, body: "" });
    expect((await get("/nope")).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" })).status).toBe(405);
  });

  it("closes twice without error and frees the port", async () => {
    server = await startProbeServer({
      port: 0,
      host: "127.0.0.1",
      registry: () => undefined,
      ready: () => true,
      logger: silentLogger(),
    });
    await Promise.all([server.close(), server.close()]);
    await expect(get("/healthz")).rejects.toThrow();
  });
});
