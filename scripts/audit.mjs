#!/usr/bin/env node
// Dependency audit of production dependencies, part of `pnpm test`: exits 1 on a high or critical
// advisory. When the advisory service cannot be reached (no network) it says so and exits 0, or 1
// with SEISMO_AUDIT_REQUIRED=1 (set it where the service is reachable, so a broken audit is noticed).
import { spawnSync } from "node:child_process";
import { auditVerdict } from "./audit-verdict.mjs";

// Extra arguments go to pnpm audit (the test points it at a local advisory service with --registry).
const run = spawnSync("pnpm", ["audit", "--prod", "--json", ...process.argv.slice(2)], {
  encoding: "utf8",
  timeout: 120_000,
});
const { outcome, lines } = auditVerdict(run.stdout || run.stderr || "");
for (const line of lines) console.log(line);
const required = process.env.SEISMO_AUDIT_REQUIRED === "1";
process.exit(outcome === "pass" || (outcome === "unreachable" && !required) ? 0 : 1);
