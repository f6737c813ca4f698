/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  type Attempt,
  attemptsOf,
  type Delivery,
  getDelivery,
  getSubscription,
  listDeliveries,
  listRules,
  replayDelivery,
  type Subscription,
} from "@seismo/alerts";
import { errorMessage } from "@seismo/core";
import type { Context, Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import type { DashboardDeps } from "../deps.ts";
import { Flash, type Messages } from "../ui/flash.tsx";
import { fmtStamp } from "../ui/format.ts";
import { Empty, Layout, PageHead } from "../ui/layout.tsx";
import { PostButton } from "../ui/post-button.tsx";
import { DataTable } from "../ui/table.tsx";
import { forbidden } from "./signin.tsx";
import { rulesText, SubscriptionStatus } from "./webhooks.tsx";

const LOG_LIMIT = 50;
const EXCERPT_SHOWN = 160;

const STATUS_CLASS: Record<Delivery["status"], string> = {
  delivered: "ok",
  pending: "idle",
  retrying: "idle",
  failed: "bad",
  cancelled: "paused",
};

function Attempts(p: { attempts: Attempt[] }) {
  if (p.attempts.length === 0) return <span class="muted">no attempt yet</span>;
  return (
    <table class="attempts">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col" class="num">
            HTTP
          </th>
          <th scope="col" class="num">
            Latency
          </th>
          <th scope="col">Response</th>
        </tr>
      </thead>
      <tbody>
        {p.attempts.map((a) => (
          <tr>
            <td>{a.attempt}</td>
            <td>{fmtStamp(a.at)}</td>
            <td class="num">
              <span class={`status ${a.httpStatus !== null && a.httpStatus < 300 ? "ok" : "bad"}`}>
                {a.httpStatus ?? "—"}
              </span>
            </td>
            <td class="num">{a.latencyMs} ms</td>
            <td>
              {a.error && a.error !== `HTTP ${a.httpStatus}` ? <div class="error small">{a.error}</div> : null}
              {a.responseExcerpt ? (
                <code class="excerpt" title={a.responseExcerpt}>
                  {a.responseExcerpt.slice(0, EXCERPT_SHOWN)}
                  {a.responseExcerpt.length > EXCERPT_SHOWN ? "…" : ""}
                </code>
              ) : a.error ? null : (
                <span class="muted">empty</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeliveryRow(p: { d: Delivery; attempts: Attempt[]; alert: string; canReplay: string | null }) {
  const { d } = p;
  return (
    <tr data-delivery={d.id}>
      <td>
        <span class="item-title">{p.alert}</span>
        <div class="meta">
          <span class="mono">{d.id}</span>
          <span>version {d.alertVersion}</span>
          <span>{fmtStamp(d.createdAt)}</span>
        </div>
      </td>
      <td>
        <span class={`status ${STATUS_CLASS[d.status]}`}>{d.status}</span>
        {d.nextAttemptAt && d.status === "retrying" ? <div class="meta">next {fmtStamp(d.nextAttemptAt)}</div> : null}
      </td>
      <td>
        <Attempts attempts={p.attempts} />
      </td>
      <td>
        <PostButton
          action={`/operator/webhook-deliveries/${d.id}/replay`}
          disabled={p.canReplay !== null}
          title={p.canReplay ?? "Send again now with the same webhook-id"}
          label={`Replay delivery ${d.id}`}
        >
          Replay
        </PostButton>
      </td>
    </tr>
  );
}

async function render(
  c: Context<DashEnv>,
  deps: DashboardDeps,
  sub: Subscription,
  msg: Messages,
  status: 200 | 409 | 503 = 200,
) {
  const sql = deps.store.sql;
  const [deliveries, rules] = await Promise.all([listDeliveries(sql, sub.id, LOG_LIMIT), listRules(sql)]);
  const attempts = await attemptsOf(
    sql,
    deliveries.map((d) => d.id),
  );
  const alertIds = [...new Set(deliveries.map((d) => d.alertId))];
  const alerts = alertIds.length
    ? await sql.query<{ id: string; title: string }>("SELECT id, title FROM alerts WHERE id = ANY($1::text[])", [
        alertIds,
      ])
    : [];
  const titles = new Map(alerts.map((a) => [a.id, a.title]));
  const canReplay = !deps.queues
    ? "Replay needs the job queue, which this process does not have"
    : sub.enabled
      ? null
      : "Enable the subscription first";
  return c.html(
    <Layout title={`Webhook ${sub.name}`} user={c.get("user")} active="webhooks">
      <PageHead title={sub.name} sub={<span class="mono">{sub.url}</span>}>
        <a class="btn ghost" href="/operator/webhooks">
          All webhooks
        </a>
      </PageHead>
      <div class="stack">
        <Flash msg={msg} />
        <section class="card" aria-labelledby="sub-h">
          <h2 id="sub-h" class="sr-only">
            Subscription
          </h2>
          <dl class="facts wide-facts">
            <dt>Status</dt>
            <dd>
              <SubscriptionStatus sub={sub} />
            </dd>
            <dt>Payload</dt>
            <dd>{sub.format}</dd>
            <dt>Rules</dt>
            <dd>{rulesText(sub, new Map(rules.map((r) => [r.id, r.name])))}</dd>
            <dt>Secret</dt>
            <dd class="mono">whsec_…{sub.secret.slice(-4)}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="log-h">
          <h2 id="log-h">Delivery log (latest {LOG_LIMIT})</h2>
          <DataTable
            columns={["Alert", "Status", "Attempts"]}
            actions
            items={deliveries}
            empty={
              <Empty title="Nothing delivered yet">
                Deliveries appear here when a matching alert is raised or updated.
              </Empty>
            }
            row={(d) => (
              <DeliveryRow
                d={d}
                attempts={attempts.get(d.id) ?? []}
                alert={titles.get(d.alertId) ?? d.alertId}
                canReplay={canReplay}
              />
            )}
          />
        </section>
      </div>
    </Layout>,
    status,
  );
}

export function registerWebhookLog(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const op = guard(deps.store, "operator", forbidden);
  const sql = deps.store.sql;
  app.get("/operator/webhooks/:id", op, async (c) => {
    const sub = await getSubscription(sql, c.req.param("id"));
    if (!sub) return c.redirect("/operator/webhooks", 303);
    const replayed = await getDelivery(sql, c.req.query("replayed") ?? "");
    const ok = replayed?.subscriptionId === sub.id;
    return render(c, deps, sub, ok ? { ok: `Delivery ${replayed.id} queued again with the same webhook-id.` } : {});
  });
  app.post("/operator/webhook-deliveries/:id/replay", op, async (c) => {
    const delivery = await getDelivery(sql, c.req.param("id"));
    const sub = delivery ? await getSubscription(sql, delivery.subscriptionId) : null;
    if (!delivery || !sub) return c.redirect("/operator/webhooks", 303);
    if (!deps.queues) {
      return render(c, deps, sub, { error: "This process has no job queue, so it cannot send the delivery." }, 503);
    }
    try {
      await replayDelivery({ store: deps.store, queues: deps.queues }, delivery.id);
    } catch (error) {
      return render(c, deps, sub, { error: `Could not replay: ${errorMessage(error)}` }, 409);
    }
    return c.redirect(`/operator/webhooks/${sub.id}?replayed=${encodeURIComponent(delivery.id)}`, 303);
  });
}
