import { SeismoError } from "@seismo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../testing/server.ts";
import { createPoster } from "./index.ts";

let server: TestServer;
const bodies: string[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      bodies.push(body);
      if (req.url === "/redirect") res.writeHead(302, { location: "http://10.0.0.1/" }).end();
      else if (req.url === "/big") res.end("x".repeat(100_000));
      else if (req.url === "/fail") res.writeHead(503).end("try later");
      else res.end(`ok ${req.headers["webhook-id"]}`);
    });
  });
});
afterAll(() => server.close());

describe("guarded POST", () => {
  it("posts to an allowlisted loopback receiver and returns status, excerpt and latency", async () => {
    const poster = createPoster({ allowHosts: ["127.0.0.1"] });
    try {
      const res = await poster.post(`${server.origin}/hook`, '{"a":1}', { "webhook-id": "msg_1" });
      expect(res.status).toBe(200);
      expect(res.body).toBe("ok msg_1");
      expect(res.durationMs).toBeGreaterThan(0);
      expect(bodies.at(-1)).toBe('{"a":1}');
    } finally {
      await poster.close();
    }
  });

  it("refuses loopback and private addresses without an allowlist, before a socket opens", async () => {
    const poster = createPoster();
    const before = server.hits.length;
    for (const url of [`${server.origin}/hook`, "http://10.0.0.5/", "http://169.254.169.254/", "ftp://x.example/"]) {
      const error = await poster.post(url, "{}", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeismoError);
      expect((error as SeismoError).code).toBe("forbidden");
    }
    expect(server.hits.length).toBe(before);
    await poster.close();
    await poster.close();
  });

  it("does not follow a redirect, and reports non-2xx answers as results", async () => {
    const poster = createPoster({ allowHosts: ["127.0.0.1"] });
    try {
      expect((await poster.post(`${server.origin}/redirect`, "{}", {})).status).toBe(302);
      const failed = await poster.post(`${server.origin}/fail`, "{}", {});
      expect([failed.status, failed.body]).toEqual([503, "try later"]);
    } finally {
      await poster.close();
    }
  });

  it("keeps only the first bytes of a large answer", async () => {
    const poster = createPoster({ allowHosts: ["127.0.0.1"], maxResponseBytes: 100 });
    try {
      expect((await poster.post(`${server.origin}/big`, "{}", {})).body).toHaveLength(100);
    } finally {
      await poster.close();
    }
  });

  it("fails retryably when nothing listens", async () => {
    const poster = createPoster({ allowHosts: ["127.0.0.1"] });
    const error = (await poster.post("http://127.0.0.1:1/", "{}", {}).catch((e: unknown) => e)) as SeismoError;
    expect(error.code).toBe("fetch_failed");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^POST /);
    await poster.close();
  });
});
