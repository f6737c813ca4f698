import { SeismoError } from "@seismo/core";
import { createFetcher, type Resolver } from "@seismo/fetcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HostileServer, startHostileServer } from "./support/hostile-server.ts";

/** Test DNS: never the real resolver, so these names mean exactly what the table says. */
const DNS: Record<string, string[]> = {
  "loopback.test": ["127.0.0.1"],
  "mixed.test": ["93.184.216.34", "127.0.0.1"],
  "metadata.test": ["169.254.169.254"],
  "private.test": ["10.1.2.3"],
  "v6-loopback.test": ["::1"],
  "mapped.test": ["::ffff:127.0.0.1"],
  // Allowed by name in the redirect tests; it is where the hostile server listens.
  "redirector.test": ["127.0.0.1"],
};
const resolve: Resolver = async (hostname) => {
  const addresses = DNS[hostname];
  if (!addresses) throw Object.assign(new Error(`no such host ${hostname}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

async function refused(fetching: Promise<unknown>): Promise<SeismoError> {
  try {
    await fetching;
  } catch (error) {
    if (error instanceof SeismoError) return error;
    throw new Error(`expected a SeismoError, got ${String(error)}`);
  }
  throw new Error("expected the fetch to be refused, it succeeded");
}

describe("SSRF attempts against the fetcher", () => {
  let server: HostileServer;
  const guarded = createFetcher({ contact: "hostile-tests", minDelayMs: 0, timeoutMs: 3000, resolve });
  const viaRedirector = createFetcher({
    contact: "hostile-tests",
    minDelayMs: 0,
    timeoutMs: 3000,
    resolve,
    allowHosts: ["redirector.test"],
  });

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await guarded.close();
    await viaRedirector.close();
    await server?.close();
  });

  const port = () => server.port;
  const targets: Array<[string, () => string]> = [
    ["IPv4 loopback", () => `http://127.0.0.1:${port()}/ok`],
    ["IPv6 loopback", () => `http://[::1]:${port()}/ok`],
    ["cloud metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["hex loopback 0x7f000001", () => `http://0x7f000001:${port()}/ok`],
    ["decimal loopback 2130706433", () => `http://2130706433:${port()}/ok`],
    ["octal loopback 0177.0.0.1", () => `http://0177.0.0.1:${port()}/ok`],
    ["short loopback 127.1", () => `http://127.1:${port()}/ok`],
    ["IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${port()}/ok`],
    ["IPv4-mapped IPv6 loopback, hex form", () => `http://[::ffff:7f00:1]:${port()}/ok`],
    ["unspecified 0.0.0.0", () => `http://0.0.0.0:${port()}/ok`],
    ["private 10/8", () => "http://10.0.0.1/"],
    ["a hostname resolving to loopback", () => `http://loopback.test:${port()}/ok`],
    ["a hostname with one public and one loopback address", () => `http://mixed.test:${port()}/ok`],
    ["a hostname resolving to the metadata address", () => "http://metadata.test/latest/meta-data/"],
    ["a hostname resolving to a private address", () => "http://private.test/"],
    ["a hostname resolving to IPv6 loopback", () => `http://v6-loopback.test:${port()}/ok`],
    ["a hostname resolving to IPv4-mapped loopback", () => `http://mapped.test:${port()}/ok`],
  ];

  it.each(targets)("refuses %s before opening a socket, naming the address", async (_name, url) => {
    const before = server.connections();
    const error = await refused(guarded.fetch(url(), { ignoreRobots: true }));
    expect(error.code).toBe("forbidden");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/refused/);
    expect(server.connections()).toBe(before);
  });

  it.each([
    ["IPv4 loopback", () => `http://127.0.0.1:${port()}/ok`],
    ["IPv6 loopback", () => `http://[::1]:${port()}/ok`],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["decimal loopback", () => `http://2130706433:${port()}/ok`],
    ["a hostname resolving to loopback", () => `http://loopback.test:${port()}/ok`],
  ])("refuses a redirect from an allowed host to %s", async (_name, target) => {
    const url = `http://redirector.test:${port()}/redirect-to?to=${encodeURIComponent(target())}`;
    const okBefore = server.hits.get("/ok") ?? 0;
    const error = await refused(viaRedirector.fetch(url, { ignoreRobots: true }));
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/refused/);
    expect(server.hits.get("/ok") ?? 0).toBe(okBefore);
    expect(server.hits.get("/redirect-to") ?? 0).toBeGreaterThan(0);
  });

  it("refuses schemes other than http and https", async () => {
    for (const url of ["file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "ftp://example.com/"]) {
      const error = await refused(guarded.fetch(url, { ignoreRobots: true }));
      expect(["forbidden", "bad_request"]).toContain(error.code);
      expect(error.retryable).toBe(false);
    }
  });

  it("still lets an allowed host through (the guard is not simply closed)", async () => {
    const res = await viaRedirector.fetch(`http://redirector.test:${port()}/ok`, { ignoreRobots: true });
    expect(res.status).toBe(200);
  });
});
