// What `pnpm audit --prod --json` printed, judged: fail on a high or critical advisory; say plainly
// when the advisory service could not be asked (an offline machine), rather than pass in silence.

/** Error codes that mean the advisory service was not reachable, not that something is wrong. */
const UNREACHABLE = new Set([
  "ERR_PNPM_AUDIT_BAD_RESPONSE",
  "ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS",
  "ERR_PNPM_FETCH_404",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
]);
const BLOCKING = new Set(["high", "critical"]);

/**
 * @param {string} stdout what pnpm audit printed on stdout (JSON)
 * @returns {{ outcome: "pass" | "fail" | "unreachable", lines: string[] }}
 */
export function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { outcome: "fail", lines: [`dependency audit: pnpm audit printed no JSON: ${stdout.slice(0, 300)}`] };
  }
  if (report.error) {
    const code = String(report.error.code ?? "");
    const message = String(report.error.message ?? "").slice(0, 300);
    if (UNREACHABLE.has(code)) {
      return {
        outcome: "unreachable",
        lines: [`dependency audit NOT RUN: advisory service unreachable (${code}): ${message}`],
      };
    }
    return { outcome: "fail", lines: [`dependency audit failed (${code || "unknown error"}): ${message}`] };
  }
  const advisories = Object.values(report.advisories ?? {});
  const blocking = advisories.filter((a) => BLOCKING.has(a.severity));
  const counts = report.metadata?.vulnerabilities ?? {};
  const summary = `dependency audit: ${advisories.length} advisories (${["critical", "high", "moderate", "low"]
    .map((s) => `${counts[s] ?? 0} ${s}`)
    .join(", ")}) in production dependencies`;
  const lines = [
    summary,
    ...blocking.map(
      (a) => `  ${a.severity}: ${a.module_name} ${a.vulnerable_versions ?? ""} — ${a.title} (${a.url ?? "no link"})`,
    ),
  ];
  return { outcome: blocking.length > 0 ? "fail" : "pass", lines };
}
