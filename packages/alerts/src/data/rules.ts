import { randomBytes } from "node:crypto";
import type { SqlClient } from "@seismo/store";
import { parseParams, type Rule, RuleFiltersSchema, type RuleKind } from "../rules/schema.ts";

interface RuleRow {
  id: string;
  name: string;
  kind: RuleKind;
  enabled: boolean;
  filters: unknown;
  params: unknown;
  cooldown_minutes: number;
  owner_token_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  // Stored rows are parsed again so defaults added later apply to old rules.
  filters: RuleFiltersSchema.parse(r.filters ?? {}),
  cooldownMinutes: r.cooldown_minutes,
  ownerTokenId: r.owner_token_id,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  ...parseParams(r.kind, r.params),
});

export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString("base64url")}`;

export type RuleValues = Pick<Rule, "name" | "enabled" | "filters" | "cooldownMinutes" | "kind" | "params">;

/**
 * How long an evaluator reuses the enabled rules it read (rules are read once per few seconds,
 * not once per story). A write through this module (API, dashboard, CLI, defaults) drops the
 * cache of its own process at once; another process sees the change within this time. A run
 * for given rule ids (what an edit queues) always reads them fresh.
 */
export const ENABLED_RULES_TTL_MS = 5_000;

/** Bumped by every rule write in this process: a cached list read before it is stale. */
let rulesGeneration = 0;
const enabledCache = new WeakMap<SqlClient, { readAt: number; generation: number; rules: Promise<Rule[]> }>();

/** The enabled rules, cached per SQL client for `ENABLED_RULES_TTL_MS` (see there). */
export function enabledRules(sql: SqlClient, now: number = performance.now()): Promise<Rule[]> {
  const hit = enabledCache.get(sql);
  if (hit && hit.generation === rulesGeneration && now - hit.readAt < ENABLED_RULES_TTL_MS) return hit.rules;
  const entry = { readAt: now, generation: rulesGeneration, rules: listRules(sql, { enabledOnly: true }) };
  enabledCache.set(sql, entry);
  // A failed read is not cached.
  entry.rules.catch(() => {
    if (enabledCache.get(sql) === entry) enabledCache.delete(sql);
  });
  return entry.rules;
}

export async function listRules(sql: SqlClient, options: { enabledOnly?: boolean; ids?: string[] } = {}) {
  const rows = await sql.query<RuleRow>(
    `SELECT * FROM alert_rules WHERE deleted_at IS NULL AND ($1::boolean = false OR enabled)
       AND ($2::text[] IS NULL OR id = ANY($2::text[]))
     ORDER BY created_at, id`,
    [options.enabledOnly ?? false, options.ids ?? null],
  );
  return rows.map(toRule);
}

export async function getRule(sql: SqlClient, id: string): Promise<Rule | null> {
  const [row] = await sql.query<RuleRow>("SELECT * FROM alert_rules WHERE id = $1 AND deleted_at IS NULL", [id]);
  return row ? toRule(row) : null;
}

export async function insertRule(
  sql: SqlClient,
  values: RuleValues,
  owner: string | null,
  id: string = newId("rule"),
): Promise<Rule | null> {
  const [row] = await sql.query<RuleRow>(
    `INSERT INTO alert_rules (id, name, kind, enabled, filters, params, cooldown_minutes, owner_token_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING *`,
    [
      id,
      values.name,
      values.kind,
      values.enabled,
      JSON.stringify(values.filters),
      JSON.stringify(values.params),
      values.cooldownMinutes,
      owner,
    ],
  );
  rulesGeneration++; // after the write, so a read racing with it is not kept
  return row ? toRule(row) : null;
}

export async function updateRule(sql: SqlClient, id: string, values: RuleValues): Promise<Rule | null> {
  const [row] = await sql.query<RuleRow>(
    `UPDATE alert_rules SET name = $2, enabled = $3, filters = $4::jsonb, params = $5::jsonb, cooldown_minutes = $6,
       updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
    [
      id,
      values.name,
      values.enabled,
      JSON.stringify(values.filters),
      JSON.stringify(values.params),
      values.cooldownMinutes,
    ],
  );
  rulesGeneration++;
  return row ? toRule(row) : null;
}

export async function deleteRule(sql: SqlClient, id: string): Promise<boolean> {
  const rows = await sql.query(
    "UPDATE alert_rules SET deleted_at = now(), enabled = false WHERE id = $1 AND deleted_at IS NULL RETURNING id",
    [id],
  );
  rulesGeneration++;
  return rows.length > 0;
}

/** Rules ever created, deleted ones included (the default set is made only when this is 0). */
export async function countRulesEver(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM alert_rules");
  return row?.n ?? 0;
}
