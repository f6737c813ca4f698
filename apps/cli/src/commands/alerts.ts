import { parseArgs } from "node:util";
import {
  getRule,
  insertRule,
  listAlerts,
  listRules,
  NORTH_KOSOVO,
  parseParams,
  RULE_KINDS,
  type Rule,
  RuleFiltersSchema,
  RuleInputSchema,
  RulePatchSchema,
  type RuleValues,
  type StoredAlert,
  updateRule,
} from "@seismo/alerts";
import { describeZodError } from "@seismo/core";
import { z } from "zod";
import { type CommandDeps, UsageError, withDeps } from "./connect.ts";

export const ALERTS_USAGE = `usage: seismo alerts <action>
  rules list                                  every rule: id, type, state, filters, parameters
  rules add --name N --kind K [filters] [--param k=v]… [--cooldown MIN] [--disabled]
  rules update ID [--name N] [filters] [--param k=v]… [--cooldown MIN]   only what is given changes
  rules enable ID | rules disable ID
  list [--rule ID] [--kind K] [--limit N]     recent alerts, newest change first
kinds: spike, first, deployment, story-growth
filters: --type T… --modality asserted|intent… --place P… --region north-kosovo
         --language L… --source-tag k=v… --min-confidence 0..1
params: spike windowHours baselineDays minCount maxPValue minExpected · first quietDays
        deployment actors near (comma lists) · story-growth minOutlets intensityLevel`;

const OPTIONS = {
  name: { type: "string" },
  kind: { type: "string" },
  type: { type: "string", multiple: true },
  modality: { type: "string", multiple: true },
  place: { type: "string", multiple: true },
  region: { type: "string" },
  language: { type: "string", multiple: true },
  "source-tag": { type: "string", multiple: true },
  "min-confidence": { type: "string" },
  cooldown: { type: "string" },
  param: { type: "string", multiple: true },
  disabled: { type: "boolean" },
  rule: { type: "string" },
  limit: { type: "string" },
} as const;

const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });

const REGIONS: Record<string, readonly string[]> = { "north-kosovo": NORTH_KOSOVO };

const pair = (what: string) =>
  z
    .string()
    .regex(/^[^=\s]+=.*$/, `${what} must be key=value`)
    .transform((s) => {
      const i = s.indexOf("=");
      return [s.slice(0, i), s.slice(i + 1)] as const;
    });
/** A param value: a number when it reads as one, else a comma list (actors, near). */
const paramValue = (v: string): unknown =>
  v.trim() !== "" && Number.isFinite(Number(v))
    ? Number(v)
    : v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
const number = (what: string) =>
  z
    .string()
    .refine((s) => s.trim() !== "" && Number.isFinite(Number(s)), `${what} must be a number`)
    .transform(Number);

/** Command-line options checked and shaped like the API's rule input; absent ones stay absent. */
const ArgsSchema = z.object({
  name: z.string().optional(),
  kind: z.string().optional(),
  type: z.array(z.string()).optional(),
  modality: z.array(z.string()).optional(),
  place: z.array(z.string()).optional(),
  region: z
    .string()
    .refine((r) => r in REGIONS, `--region must be one of ${Object.keys(REGIONS).join(", ")}`)
    .optional(),
  language: z.array(z.string()).optional(),
  "source-tag": z.array(pair("--source-tag")).optional(),
  "min-confidence": number("--min-confidence").optional(),
  cooldown: number("--cooldown").optional(),
  param: z.array(pair("--param")).optional(),
  disabled: z.boolean().optional(),
  rule: z.string().optional(),
  limit: number("--limit").pipe(z.number().int().min(1).max(500)).optional(),
});
type Args = z.output<typeof ArgsSchema>;

function filtersOf(a: Args): Record<string, unknown> {
  const places = [...(a.region ? (REGIONS[a.region] ?? []) : []), ...(a.place ?? [])];
  const out: Record<string, unknown> = {
    types: a.type,
    modalities: a.modality,
    places: places.length > 0 ? [...new Set(places)] : undefined,
    languages: a.language,
    sourceTags: a["source-tag"] ? Object.fromEntries(a["source-tag"]) : undefined,
    minConfidence: a["min-confidence"],
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const paramsOf = (a: Args) => Object.fromEntries((a.param ?? []).map(([k, v]) => [k, paramValue(v)]));

function ruleLine(r: Rule): string {
  const f = r.filters;
  const filters = [
    f.types.length ? f.types.join(",") : "any type",
    f.modalities.join("+"),
    f.places.length ? `${f.places.length} places` : "anywhere",
    f.languages.length ? `lang ${f.languages.join(",")}` : null,
    Object.keys(f.sourceTags).length ? `tags ${JSON.stringify(f.sourceTags)}` : null,
    f.minConfidence > 0 ? `confidence>=${f.minConfidence}` : null,
  ].filter(Boolean);
  const params = Object.entries(r.params)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`)
    .join(" ");
  return `${r.id}  ${r.kind.padEnd(12)} ${r.enabled ? "enabled " : "disabled"}  ${r.name}  [${filters.join("; ")}]  ${params}  cooldown=${r.cooldownMinutes}m`;
}

const alertLine = (a: StoredAlert, rules: Map<string, string>) =>
  `${a.id}  ${a.updatedAt}  v${a.version}  ${a.kind.padEnd(12)} ${a.title}  (rule ${rules.get(a.ruleId) ?? a.ruleId}, story ${a.storyId}) ${JSON.stringify(a.numbers)}`;

async function reevaluate(deps: CommandDeps, ruleId: string, out: (line: string) => void) {
  if (!deps.queues) {
    out(`note: Redis does not answer at ${deps.redisUrl ?? "?"}; the rule applies from the next article on`);
    return;
  }
  await deps.queues.add("evaluate-alerts", { ruleIds: [ruleId] }, { dedupeKey: `ea-rule-${ruleId}-${Date.now()}` });
  out("queued a run against recent stories");
}

/** The rules and alerts actions on an open store, the same checks and writes as /api/v1/alert-rules. */
export async function runAlerts(args: string[], raw: unknown, deps: CommandDeps, out: (line: string) => void) {
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(describeZodError(parsed.error));
  const a = parsed.data;
  const sql = deps.store.sql;
  const [group, action, id] = args;
  if (group === "list") {
    const rules = new Map((await listRules(sql)).map((r) => [r.id, r.name]));
    const kind = a.kind === undefined ? undefined : z.enum(RULE_KINDS).safeParse(a.kind);
    if (kind && !kind.success) throw new UsageError(`--kind must be one of ${RULE_KINDS.join(", ")}`);
    const alerts = await listAlerts(sql, { limit: a.limit ?? 50, ruleId: a.rule, kind: kind?.data });
    for (const alert of alerts) out(alertLine(alert, rules));
    if (alerts.length === 0) out("no alerts");
    return 0;
  }
  if (group !== "rules") throw new UsageError(ALERTS_USAGE);
  if (action === "list") {
    for (const r of await listRules(sql)) out(ruleLine(r));
    return 0;
  }
  if (action === "add") {
    const input = RuleInputSchema.safeParse({
      name: a.name,
      kind: a.kind,
      enabled: !a.disabled,
      filters: filtersOf(a),
      params: paramsOf(a),
      ...(a.cooldown === undefined ? {} : { cooldownMinutes: a.cooldown }),
    });
    if (!input.success) throw new UsageError(`cannot add the rule: ${describeZodError(input.error)}`);
    // Rules made here have no owner token, like the default set: operators edit them.
    const rule = await insertRule(sql, input.data, null);
    if (!rule) throw new Error("rule id collision; try again");
    out(ruleLine(rule));
    await reevaluate(deps, rule.id, out);
    return 0;
  }
  if (!id || !["update", "enable", "disable"].includes(action ?? "")) throw new UsageError(ALERTS_USAGE);
  const rule = await getRule(sql, id);
  if (!rule) throw new UsageError(`no alert rule ${id} (see: seismo alerts rules list)`);
  let values: RuleValues = {
    ...rule,
    enabled: action === "enable" ? true : action === "disable" ? false : rule.enabled,
  };
  if (action === "update") {
    const patch = RulePatchSchema.safeParse({
      ...(a.name === undefined ? {} : { name: a.name }),
      ...(a.cooldown === undefined ? {} : { cooldownMinutes: a.cooldown }),
      filters: filtersOf(a),
      params: paramsOf(a),
    });
    if (!patch.success) throw new UsageError(`cannot update ${id}: ${describeZodError(patch.error)}`);
    const filters = RuleFiltersSchema.safeParse({ ...rule.filters, ...patch.data.filters });
    if (!filters.success) throw new UsageError(`cannot update ${id}: filters: ${describeZodError(filters.error)}`);
    let params: RuleValues["params"];
    try {
      params = parseParams(rule.kind, { ...rule.params, ...patch.data.params }).params;
    } catch (error) {
      const why = error instanceof z.ZodError ? describeZodError(error) : String(error);
      throw new UsageError(`cannot update ${id}: params: ${why}`);
    }
    values = {
      ...values,
      name: patch.data.name ?? rule.name,
      cooldownMinutes: patch.data.cooldownMinutes ?? rule.cooldownMinutes,
      filters: filters.data,
      ...({ kind: rule.kind, params } as Pick<RuleValues, "kind" | "params">),
    };
  }
  const updated = await updateRule(sql, rule.id, values);
  if (!updated) throw new UsageError(`no alert rule ${id}`);
  out(ruleLine(updated));
  if (updated.enabled) await reevaluate(deps, updated.id, out);
  return 0;
}

/** `seismo alerts …` on the configured store (and Redis, to run a changed rule at once). */
export async function alerts(argv: string[], out: (line: string) => void, err: (line: string) => void) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n${ALERTS_USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0) {
    err(ALERTS_USAGE);
    return 2;
  }
  const writes = positionals[0] === "rules" && positionals[1] !== "list";
  try {
    return await withDeps(writes, (deps) => runAlerts(positionals, values, deps, out));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message);
    return 2;
  }
}
