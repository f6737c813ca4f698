#!/usr/bin/env node
// Adds up the JSON reports every package's vitest run wrote and prints one closing line:
// "Tests: N passed, N failed" (plus skipped). Exits non-zero when a report is missing or failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["apps", "packages"].flatMap((d) => readdirSync(d).map((p) => join(d, p))).concat(["tests"]);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of roots) {
  if (!existsSync(join(dir, "package.json"))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (!pkg.scripts?.test) continue;
  const report = join(dir, ".vitest", "report.json");
  if (!existsSync(report)) {
    missing.push(dir);
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`${dir.padEnd(28)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
if (missing.length) console.log(`no test report from: ${missing.join(", ")}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
