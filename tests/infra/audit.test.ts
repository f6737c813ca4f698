import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// scripts/audit.mjs (run by `pnpm test`) against a local advisory service: pnpm audit posts the
// real lockfile's production tree to it with --registry, and the script judges what comes back.

const ROOT = new URL("../../", import.meta.url).pathname;

type Answer = { status: number; body: unknown };
let answer: Answer = { status: 200, body: {} };
let posted = "";
let server: Server;
let registry = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      posted = `${req.method} ${req.url} ${body}`;
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function audit(env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/audit.mjs", "--registry", registry], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    child.stderr.on("data", (c) => {
      out += c;
    });
    child.on("close", (code) => resolve({ code, out }));
  });
}

const advisory = (id: number, severity: string, module_name: string) => ({
  id,
  module_name,
  severity,
  title: `${severity} advisory in ${module_name}`,
  url: `https://example.org/advisories/${id}`,
  vulnerable_versions: "<999.0.0",
  patched_versions: ">=999.0.0",
  findings: [{ version: "1.0.0", paths: [module_name] }],
  cves: [],
  cwe: [],
  github_advisory_id: `GHSA-test-${id}`,
  overview: "",
  recommendation: "",
  references: "",
  access: "public",
  severity_source: "",
  updated: "",
  created: "",
  deleted: null,
  metadata: null,
  found_by: null,
  reported_by: null,
});

function report(advisories: ReturnType<typeof advisory>[]) {
  const count = (s: string) => advisories.filter((a) => a.severity === s).length;
  return {
    actions: [],
    muted: [],
    advisories: Object.fromEntries(advisories.map((a) => [String(a.id), a])),
    metadata: {
      vulnerabilities: { info: 0, low: count("low"), moderate: count("moderate"), high: count("high"), critical: 0 },
      dependencies: 100,
      devDependencies: 0,
      optionalDependencies: 0,
      totalDependencies: 100,
    },
  };
}

describe("dependency audit (pnpm audit --prod)", () => {
  it("fails on a high-severity advisory and names it", async () => {
    answer = { status: 200, body: report([advisory(1, "high", "hono"), advisory(2, "low", "zod")]) };
    const { code, out } = await audit();
    expect(code).toBe(1);
    expect(out).toContain("high: hono <999.0.0 — high advisory in hono (https://example.org/advisories/1)");
    expect(out).not.toContain("low: zod");
    // What was audited is the lockfile's production tree: a runtime dependency, no dev-only tool.
    expect(posted).toMatch(/^POST \/-\/npm\/v1\/security\/audits/);
    expect(posted).toContain('"bullmq"');
    expect(posted).not.toContain('"vitest"');
  });

  it("passes with only moderate and low advisories, and says how many there are", async () => {
    answer = { status: 200, body: report([advisory(3, "moderate", "cheerio"), advisory(4, "low", "zod")]) };
    const { code, out } = await audit();
    expect(code).toBe(0);
    expect(out).toContain("2 advisories (0 critical, 0 high, 1 moderate, 1 low)");
  });

  it("says plainly when the advisory service cannot answer, and fails then only if an audit is required", async () => {
    answer = { status: 405, body: {} };
    const relaxed = await audit();
    expect(relaxed.code).toBe(0);
    expect(relaxed.out).toContain("dependency audit NOT RUN");
    const required = await audit({ SEISMO_AUDIT_REQUIRED: "1" });
    expect(required.code).toBe(1);
    expect(required.out).toContain("dependency audit NOT RUN");
  });
});
