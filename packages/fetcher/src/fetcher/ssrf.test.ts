import { SeismoError } from "@seismo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedAddress, Resolver } from "../dns-guard/index.ts";
import { startServer, type TestServer } from "../testing/server.ts";
import { createFetcher } from "./index.ts";

// Every refused target below is refused before any socket opens: no packet leaves loopback.
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/redirect") {
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
    } else {
      res.end(`host=${req.headers.host}`);
    }
  });
});

afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<SeismoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeismoError);
  return error as SeismoError;
}

function fixedResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

describe("SSRF guard", () => {
  it.each([
    ["http://10.0.0.5/internal", "10.0.0.5, a private address"],
    ["http://172.16.3.4/", "172.16.3.4, a private address"],
    ["http://192.168.1.1/admin", "192.168.1.1, a private address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254, a link-local address"],
    ["http://100.64.0.1/", "100.64.0.1, a carrier-grade NAT address"],
    ["http://[::ffff:10.0.0.1]/", "::ffff:a00:1, a private address"],
    ["http://[fd00::1]/", "fd00::1, a unique-local address"],
    ["http://[fe80::1]/", "fe80::1, a link-local address"],
    ["http://0.0.0.0/", "0.0.0.0, a unspecified address"],
  ])("refuses a redirect to %s when it is not allowlisted", async (target, reason) => {
    const fetcher = createFetcher({ contact: "ops@seismo.example", allowHosts: ["127.0.0.1"], minDelayMs: 0 });
    try {
      const error = await failure(
        fetcher.fetch(`${server.origin}/redirect?to=${encodeURIComponent(target)}`, { ignoreRobots: true }),
      );
      expect(error.code).toBe("forbidden");
      expect(error.retryable).toBe(false);
      expect(error.message).toContain(reason);
    } finally {
      await fetcher.close();
    }
  });

  it.each([
    ["127.0.0.1", "127.0.0.1, a loopback address"],
    ["2130706433", "127.0.0.1, a loopback address"],
    ["0177.0.0.1", "127.0.0.1, a loopback address"],
    ["0x7f.1", "127.0.0.1, a loopback address"],
    ["127.1", "127.0.0.1, a loopback address"],
    ["[::1]", "::1, a loopback address"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1, a loopback address"],
  ])("refuses loopback spelled %s without an allowlist, before connecting", async (host, reason) => {
    const fetcher = createFetcher({ contact: "ops@seismo.example", minDelayMs: 0 });
    const before = server.hits.length;
    try {
      const error = await failure(fetcher.fetch(`http://${host}:${server.port}/secret`));
      expect(error.code).toBe("forbidden");
      expect(error.message).toContain(reason);
      expect(server.hits.length).toBe(before);
    } finally {
      await fetcher.close();
    }
  });

  it("refuses a hostname when any of its addresses is private", async () => {
    const resolve = fixedResolver({ "intranet.test": ["93.184.216.34", "192.168.1.10"] });
    const fetcher = createFetcher({ contact: "ops@seismo.example", resolve, minDelayMs: 0 });
    try {
      const error = await failure(fetcher.fetch("http://intranet.test/"));
      expect(error.code).toBe("forbidden");
      expect(error.message).toContain("intranet.test resolves to 192.168.1.10, a private address");
    } finally {
      await fetcher.close();
    }
  });

  it("connects to the address it checked, so DNS rebinding cannot swap it", async () => {
    let answers = 0;
    const resolve: Resolver = async () => {
      answers += 1;
      // First answer passes the guard; any later one would be an internal address.
      return [{ address: answers === 1 ? "127.0.0.1" : "10.0.0.1", family: 4 }];
    };
    const fetcher = createFetcher({ contact: "ops@seismo.example", resolve, allowHosts: ["127.0.0.1"], minDelayMs: 0 });
    try {
      const ok = await fetcher.fetch(`http://rebind.test:${server.port}/`, { ignoreRobots: true });
      expect(new TextDecoder().decode(ok.body)).toBe(`host=rebind.test:${server.port}`);
      expect(answers).toBe(1);
      // The next fetch resolves again, sees the internal address and refuses.
      const error = await failure(fetcher.fetch(`http://rebind.test:${server.port}/`, { ignoreRobots: true }));
      expect(error.message).toContain("rebind.test resolves to 10.0.0.1, a private address");
    } finally {
      await fetcher.close();
    }
  });

  it("lets an allowlisted hostname through whatever it resolves to", async () => {
    const resolve = fixedResolver({ "wire.test": ["127.0.0.1"] });
    const fetcher = createFetcher({ contact: "ops@seismo.example", resolve, allowHosts: ["wire.test"], minDelayMs: 0 });
    try {
      const result = await fetcher.fetch(`http://wire.test:${server.port}/`);
      expect(result.status).toBe(200);
    } finally {
      await fetcher.close();
    }
  });

  it("lets a CIDR allowlist through", async () => {
    const fetcher = createFetcher({ contact: "ops@seismo.example", allowHosts: ["127.0.0.0/8"], minDelayMs: 0 });
    try {
      await expect(fetcher.fetch(`http://127.0.0.1:${server.port}/`)).resolves.toMatchObject({ status: 200 });
    } finally {
      await fetcher.close();
    }
  });

  it("fetches from an allowlisted IPv6 loopback server", async () => {
    const v6 = await startServer((_req, res) => res.end("six"), "::1").catch(() => null);
    if (!v6) return; // no IPv6 loopback on this machine
    const fetcher = createFetcher({ contact: "ops@seismo.example", allowHosts: ["::1"], minDelayMs: 0 });
    try {
      const result = await fetcher.fetch(`${v6.origin}/`, { ignoreRobots: true });
      expect(new TextDecoder().decode(result.body)).toBe("six");
    } finally {
      await fetcher.close();
      await v6.close();
    }
  });

  it("reports a DNS failure as retryable fetch_failed", async () => {
    const fetcher = createFetcher({ contact: "ops@seismo.example", resolve: fixedResolver({}), minDelayMs: 0 });
    try {
      const error = await failure(fetcher.fetch("http://nowhere.test/"));
      expect(error).toMatchObject({ code: "fetch_failed", retryable: true, details: { code: "ENOTFOUND" } });
    } finally {
      await fetcher.close();
    }
  });

  it("refuses a redirect to another scheme", async () => {
    const fetcher = createFetcher({ contact: "ops@seismo.example", allowHosts: ["127.0.0.1"], minDelayMs: 0 });
    try {
      const error = await failure(
        fetcher.fetch(`${server.origin}/redirect?to=${encodeURIComponent("file:///etc/passwd")}`, {
          ignoreRobots: true,
        }),
      );
      expect(error.code).toBe("forbidden");
    } finally {
      await fetcher.close();
    }
  });
});
