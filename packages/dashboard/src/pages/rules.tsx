/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { getRule, insertRule, listRules, type Rule, type RuleValues, updateRule } from "@seismo/alerts";
import type { ApiToken } from "@seismo/store";
import type { Context, Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { blankRuleForm, type FormBody, formOfRule, parseRuleForm, type RuleForm } from "../data/rule-form.ts";
import type { DashboardDeps } from "../deps.ts";
import { AlertTabs, Flash, type Messages } from "../ui/flash.tsx";
import { fmtStamp } from "../ui/format.ts";
import { Empty, Layout, PageHead, TypeChip } from "../ui/layout.tsx";
import { ToggleButton } from "../ui/post-button.tsx";
import { DataTable } from "../ui/table.tsx";
import { RuleFormView } from "./rule-form.tsx";
import { forbidden } from "./signin.tsx";

/** The API's policy: analysts change their own rules, operators any (the default set included). */
export const mayEdit = (rule: Rule, user: ApiToken): boolean =>
  user.role === "operator" || rule.ownerTokenId === user.id;

const KIND_SHORT: Record<Rule["kind"], string> = {
  spike: "Spike",
  first: "First",
  deployment: "Deployment",
  "story-growth": "Growth",
};

const paramText = (rule: Rule): string =>
  Object.entries(rule.params)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(", ") || "any" : v}`)
    .join(" · ");

function Filters(p: { rule: Rule }) {
  const f = p.rule.filters;
  return (
    <div>
      <div class="chips">
        {f.types.length ? f.types.map((t) => <TypeChip type={t} />) : <span class="chip muted">any type</span>}
      </div>
      <div class="meta">
        <span>{f.modalities.join(" + ")}</span>
        {f.places.length ? <span title={f.places.join(", ")}>{f.places.length} places</span> : <span>anywhere</span>}
        {f.languages.length ? <span>lang {f.languages.join(", ")}</span> : null}
        {Object.keys(f.sourceTags).length ? (
          <span>
            tags{" "}
            {Object.entries(f.sourceTags)
              .map(([k, v]) => `${k}=${v}`)
              .join(", ")}
          </span>
        ) : null}
        {f.minConfidence > 0 ? <span>confidence ≥ {f.minConfidence}</span> : null}
      </div>
    </div>
  );
}

function RulesTable(p: { rules: Rule[]; user: ApiToken; owners: Map<string, string> }) {
  return (
    <DataTable
      columns={["Rule", "Type", "What counts", "Owner", "State"]}
      actions
      items={p.rules}
      empty={<Empty title="No alert rules yet">Create one to get alerts.</Empty>}
      row={(r) => (
        <tr data-rule={r.id}>
          <td>
            <span class="item-title">{r.name}</span>
            <div class="meta">
              <span class="mono">{r.id}</span>
              <span>{paramText(r)}</span>
              <span>cooldown {r.cooldownMinutes} min</span>
            </div>
          </td>
          <td>{KIND_SHORT[r.kind]}</td>
          <td>
            <Filters rule={r} />
          </td>
          <td>
            {r.ownerTokenId === null
              ? "default"
              : r.ownerTokenId === p.user.id
                ? "you"
                : (p.owners.get(r.ownerTokenId) ?? "someone else")}
          </td>
          <td title={`updated ${fmtStamp(r.updatedAt)}`}>
            {r.enabled ? <span class="status ok">Enabled</span> : <span class="status paused">Disabled</span>}
          </td>
          <td>
            {mayEdit(r, p.user) ? (
              <div class="actions-cell">
                <a class="btn small ghost" href={`/alerts/rules/${r.id}/edit`} aria-label={`Edit ${r.name}`}>
                  Edit
                </a>
                <ToggleButton action={`/alerts/rules/${r.id}/toggle`} enabled={r.enabled} name={r.name} />
              </div>
            ) : (
              <span class="muted small">read only</span>
            )}
          </td>
        </tr>
      )}
    />
  );
}

async function renderList(c: Context<DashEnv>, deps: DashboardDeps, msg: Messages = {}, status: 200 | 403 | 404 = 200) {
  const user = c.get("user");
  const [rules, tokens] = await Promise.all([listRules(deps.store.sql), deps.store.tokens.list()]);
  const owners = new Map(tokens.map((t) => [t.id, t.name]));
  return c.html(
    <Layout title="Alert rules" user={user} active="alerts">
      <PageHead title="Alerts" sub="Rules run against every story as articles join it; one alert per rule and story.">
        <a class="btn" href="/alerts/rules/new">
          New rule
        </a>
      </PageHead>
      <AlertTabs current="rules" />
      <div class="stack">
        <Flash msg={msg} />
        <section class="card" aria-labelledby="rules-h">
          <h2 id="rules-h">Rules ({rules.length})</h2>
          <RulesTable rules={rules} user={user} owners={owners} />
        </section>
      </div>
    </Layout>,
    status,
  );
}

function renderForm(
  c: Context<DashEnv>,
  p: { form: RuleForm; errors?: Record<string, string>; message?: string; rule?: Rule },
  status: 200 | 400 = 200,
) {
  const title = p.rule ? `Edit ${p.rule.name}` : "New alert rule";
  return c.html(
    <Layout title={title} user={c.get("user")} active="alerts">
      <PageHead
        title={title}
        sub={
          p.rule
            ? `${p.rule.id} · changes apply to the next evaluation, no restart needed`
            : "Pick what to watch and when to fire."
        }
      />
      <div class="stack">
        <Flash msg={{ error: p.message ? `Could not save the rule. ${p.message}` : undefined }} />
        <RuleFormView
          action={p.rule ? `/alerts/rules/${p.rule.id}` : "/alerts/rules"}
          form={p.form}
          errors={p.errors ?? {}}
          editing={p.rule !== undefined}
          submit={p.rule ? "Save changes" : "Create rule"}
        />
      </div>
    </Layout>,
    status,
  );
}

type Done = "created" | "saved" | "enabled" | "disabled";
type Run = "now" | "later" | "none";
// Outcomes travel as codes in the redirect, never as text, so a link cannot put words on this page.
const DONE: Record<Done, string> = { created: "Created", saved: "Saved", enabled: "Enabled", disabled: "Disabled" };
const RUN: Record<Run, string> = {
  now: " It is running against recent stories now.",
  later: " The queue is unavailable, so it applies from the next article on.",
  none: "",
};

export function registerRules(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const analyst = guard(deps.store, "analyst", forbidden);
  const sql = deps.store.sql;
  // A new or edited rule runs against recent stories now, as through the API; a queue outage only delays that.
  const reevaluate = async (ruleId: string): Promise<Run> => {
    if (!deps.queues) return "none";
    try {
      await deps.queues.add("evaluate-alerts", { ruleIds: [ruleId] }, { dedupeKey: `ea-rule-${ruleId}-${Date.now()}` });
      return "now";
    } catch {
      return "later";
    }
  };
  const done = (c: Context<DashEnv>, what: Done, ruleId: string, run: Run = "none") =>
    c.redirect(`/alerts/rules?done=${what}&rule=${encodeURIComponent(ruleId)}&run=${run}`, 303);
  const editable = async (c: Context<DashEnv>): Promise<Rule | Response> => {
    const rule = await getRule(sql, c.req.param("id") ?? "");
    if (!rule) return renderList(c, deps, { error: "No such rule." }, 404);
    if (!mayEdit(rule, c.get("user"))) {
      return renderList(
        c,
        deps,
        { error: `“${rule.name}” belongs to someone else; only its owner or an operator may change it.` },
        403,
      );
    }
    return rule;
  };

  app.get("/alerts/rules", analyst, async (c) => {
    const what = DONE[c.req.query("done") as Done];
    const rule = what ? await getRule(sql, c.req.query("rule") ?? "") : null;
    if (!what || !rule) return renderList(c, deps);
    return renderList(c, deps, { ok: `${what} “${rule.name}”.${RUN[c.req.query("run") as Run] ?? ""}` });
  });
  app.get("/alerts/rules/new", analyst, (c) => renderForm(c, { form: blankRuleForm() }));
  app.post("/alerts/rules", analyst, async (c) => {
    const parsed = parseRuleForm((await c.req.parseBody({ all: true })) as FormBody);
    if (!parsed.ok) return renderForm(c, parsed, 400);
    const rule = await insertRule(sql, parsed.values, c.get("user").id);
    if (!rule) return renderForm(c, { form: blankRuleForm(), message: "Rule id collision; try again." }, 400);
    return done(c, "created", rule.id, await reevaluate(rule.id));
  });
  app.get("/alerts/rules/:id/edit", analyst, async (c) => {
    const rule = await editable(c);
    return rule instanceof Response ? rule : renderForm(c, { form: formOfRule(rule), rule });
  });
  app.post("/alerts/rules/:id", analyst, async (c) => {
    const rule = await editable(c);
    if (rule instanceof Response) return rule;
    const parsed = parseRuleForm((await c.req.parseBody({ all: true })) as FormBody, rule.kind);
    if (!parsed.ok) return renderForm(c, { ...parsed, rule }, 400);
    const values = { ...parsed.values, enabled: rule.enabled } as RuleValues;
    const updated = await updateRule(sql, rule.id, values);
    if (!updated) return renderList(c, deps, { error: "No such rule." }, 404);
    return done(c, "saved", rule.id, await reevaluate(rule.id));
  });
  app.post("/alerts/rules/:id/toggle", analyst, async (c) => {
    const rule = await editable(c);
    if (rule instanceof Response) return rule;
    await updateRule(sql, rule.id, { ...rule, enabled: !rule.enabled });
    if (rule.enabled) return done(c, "disabled", rule.id);
    return done(c, "enabled", rule.id, await reevaluate(rule.id));
  });
}
