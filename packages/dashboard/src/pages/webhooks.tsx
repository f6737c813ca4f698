/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  generateSecret,
  getSubscription,
  insertSubscription,
  listRules,
  listSubscriptions,
  newId,
  type Rule,
  type Subscription,
  updateSubscription,
  WEBHOOK_FORMATS,
} from "@seismo/alerts";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { type DashEnv, guard } from "../auth/index.ts";
import type { DashboardDeps } from "../deps.ts";
import { Flash, type Messages } from "../ui/flash.tsx";
import { fmtStamp } from "../ui/format.ts";
import { Empty, Layout, PageHead } from "../ui/layout.tsx";
import { ToggleButton } from "../ui/post-button.tsx";
import { SecretOnce } from "../ui/secret-once.tsx";
import { DataTable } from "../ui/table.tsx";
import { forbidden } from "./signin.tsx";

const FORMAT_LABELS: Record<(typeof WEBHOOK_FORMATS)[number], string> = {
  standard: "Standard Webhooks JSON",
  slack: "Slack (text + blocks)",
  teams: "Microsoft Teams (Adaptive Card)",
};

/** The same checks as the API's subscription input, with messages written for the form. */
const WebhookFormSchema = z.object({
  name: z.string().trim().min(1, "give the subscription a name").max(200, "keep the name under 200 characters"),
  url: z
    .string()
    .trim()
    .pipe(z.url("enter a full URL, such as https://hooks.example.org/seismo"))
    .refine((u) => /^https?:\/\//i.test(u), "must be an http:// or https:// URL"),
  format: z.enum(WEBHOOK_FORMATS, "pick standard, slack or teams"),
  ruleIds: z.array(z.string()).max(100, "pick at most 100 rules"),
});

export function SubscriptionStatus(p: { sub: Subscription }) {
  if (p.sub.enabled) return <span class="status ok">Active</span>;
  return (
    <div>
      <span class="status bad">Disabled</span>
      {p.sub.disabledReason ? (
        <div class="error small" data-testid="disabled-reason">
          {p.sub.disabledReason}
        </div>
      ) : (
        <div class="meta">turned off by an operator</div>
      )}
    </div>
  );
}

export const rulesText = (sub: Subscription, names: Map<string, string>): string =>
  sub.ruleIds.length === 0 ? "every rule" : sub.ruleIds.map((id) => names.get(id) ?? id).join(", ");

function SubscriptionsTable(p: { subs: Subscription[]; names: Map<string, string> }) {
  return (
    <DataTable
      columns={["Subscription", "Rules", "Payload", "Status"]}
      actions
      items={p.subs}
      empty={<Empty title="No webhooks yet">Subscribe an endpoint below to receive alerts.</Empty>}
      row={(s) => (
        <tr data-webhook={s.id}>
          <td>
            <a class="item-title" href={`/operator/webhooks/${s.id}`}>
              {s.name}
            </a>
            <div class="meta">
              <span class="mono">{s.url}</span>
              <span>secret whsec_…{s.secret.slice(-4)}</span>
              <span>since {fmtStamp(s.createdAt)}</span>
            </div>
          </td>
          <td>{rulesText(s, p.names)}</td>
          <td>{s.format}</td>
          <td>
            <SubscriptionStatus sub={s} />
          </td>
          <td>
            <div class="actions-cell">
              <a class="btn small ghost" href={`/operator/webhooks/${s.id}`} aria-label={`Delivery log of ${s.name}`}>
                Delivery log
              </a>
              <ToggleButton action={`/operator/webhooks/${s.id}/toggle`} enabled={s.enabled} name={s.name} />
            </div>
          </td>
        </tr>
      )}
    />
  );
}

function CreateForm(p: { rules: Rule[]; errors: Record<string, string>; values: Record<string, unknown> }) {
  const err = (f: string) =>
    p.errors[f] ? (
      <span id={`err-w-${f}`} class="field-error">
        {p.errors[f]}
      </span>
    ) : null;
  const aria = (f: string) =>
    p.errors[f] ? { "aria-invalid": "true" as const, "aria-describedby": `err-w-${f}` } : {};
  const picked = new Set((p.values.ruleIds as string[] | undefined) ?? []);
  return (
    <form method="post" action="/operator/webhooks" class="stack" novalidate>
      <div class="form-grid">
        <div class="field">
          <label for="w-name">Name</label>
          <input
            id="w-name"
            name="name"
            required
            maxlength={200}
            value={String(p.values.name ?? "")}
            {...aria("name")}
          />
          {err("name")}
        </div>
        <div class="field wide">
          <label for="w-url">Endpoint URL</label>
          <input
            id="w-url"
            name="url"
            type="url"
            required
            placeholder="https://…"
            value={String(p.values.url ?? "")}
            {...aria("url")}
          />
          {err("url")}
        </div>
        <div class="field">
          <label for="w-format">Payload shape</label>
          <select id="w-format" name="format" {...aria("format")}>
            {WEBHOOK_FORMATS.map((f) => (
              <option value={f} selected={(p.values.format ?? "standard") === f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          {err("format")}
        </div>
      </div>
      <fieldset {...aria("ruleIds")}>
        <legend>Rules (none picked: every rule)</legend>
        <div class="checks">
          {p.rules.map((r) => (
            <label>
              <input type="checkbox" name="ruleIds" value={r.id} checked={picked.has(r.id)} />
              {r.name}
            </label>
          ))}
        </div>
        {err("ruleIds")}
      </fieldset>
      <p class="muted small">A signing secret is generated and shown once, after you subscribe.</p>
      <div>
        <button class="btn" type="submit">
          Subscribe
        </button>
      </div>
    </form>
  );
}

type FormState = { errors: Record<string, string>; values: Record<string, unknown> };

async function render(
  c: Context<DashEnv>,
  deps: DashboardDeps,
  msg: Messages & { created?: { name: string; secret: string } } = {},
  form: FormState = { errors: {}, values: {} },
  status: 200 | 400 | 404 = 200,
) {
  const [subs, rules] = await Promise.all([listSubscriptions(deps.store.sql), listRules(deps.store.sql)]);
  const names = new Map(rules.map((r) => [r.id, r.name]));
  return c.html(
    <Layout title="Webhooks" user={c.get("user")} active="webhooks">
      <PageHead title="Webhooks" sub="Endpoints that receive alerts, signed under the Standard Webhooks spec." />
      <div class="stack">
        {msg.created ? (
          <SecretOnce
            id="secret-h"
            title={`Signing secret for ${msg.created.name}`}
            note="Copy it now: it is shown only once. Receivers verify the webhook-signature header with it."
            secret={msg.created.secret}
            testId="new-secret"
          />
        ) : null}
        <Flash msg={msg} />
        <section class="card" aria-labelledby="subs-h">
          <h2 id="subs-h">Subscriptions ({subs.length})</h2>
          <SubscriptionsTable subs={subs} names={names} />
        </section>
        <section class="card stack" aria-labelledby="new-h">
          <h2 id="new-h">Subscribe an endpoint</h2>
          <CreateForm rules={rules} errors={form.errors} values={form.values} />
        </section>
      </div>
    </Layout>,
    status,
  );
}

export function registerWebhooks(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const op = guard(deps.store, "operator", forbidden);
  const sql = deps.store.sql;
  app.get("/operator/webhooks", op, async (c) => {
    const sub = c.req.query("toggled") ? await getSubscription(sql, c.req.query("toggled") ?? "") : null;
    return render(c, deps, sub ? { ok: `${sub.enabled ? "Enabled" : "Disabled"} ${sub.name}.` } : {});
  });
  app.post("/operator/webhooks", op, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values = { ...body, ruleIds: [body.ruleIds ?? []].flat().filter((x) => typeof x === "string") };
    const parsed = WebhookFormSchema.safeParse(values);
    const errors: Record<string, string> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    if (parsed.success && parsed.data.ruleIds.length > 0) {
      const known = new Set((await listRules(sql, { ids: parsed.data.ruleIds })).map((r) => r.id));
      const missing = parsed.data.ruleIds.filter((id) => !known.has(id));
      if (missing.length > 0) errors.ruleIds = `no such rule: ${missing.join(", ")}`;
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      const summary = Object.entries(errors)
        .map(([f, m]) => `${f}: ${m}`)
        .join("; ");
      return render(c, deps, { error: `Could not subscribe. ${summary}` }, { errors, values }, 400);
    }
    const secret = generateSecret();
    const sub = await insertSubscription(sql, newId("whk"), { ...parsed.data, secret, enabled: true });
    c.header("cache-control", "no-store");
    return render(c, deps, { created: { name: sub.name, secret } });
  });
  app.post("/operator/webhooks/:id/toggle", op, async (c) => {
    const sub = await getSubscription(sql, c.req.param("id"));
    if (!sub) return render(c, deps, { error: "No such subscription." }, undefined, 404);
    // Enabling again clears the reason it was disabled (the data layer does that).
    await updateSubscription(sql, sub.id, { ...sub, enabled: !sub.enabled });
    return c.redirect(`/operator/webhooks?toggled=${encodeURIComponent(sub.id)}`, 303);
  });
}
