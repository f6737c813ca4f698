/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { listAlerts, listRules, RULE_KINDS, type RuleKind, type StoredAlert } from "@seismo/alerts";
import type { Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import type { DashboardDeps } from "../deps.ts";
import { AlertTabs } from "../ui/flash.tsx";
import { fmtAgo, fmtStamp } from "../ui/format.ts";
import { Empty, Layout, ModalityBadge, PageHead, TypeChip } from "../ui/layout.tsx";
import { SelectField } from "../ui/select-field.tsx";
import { isIndicatorType, isModality } from "../ui/theme.ts";
import { forbidden } from "./signin.tsx";

const EVIDENCE_SHOWN = 3;

const n = (v: unknown): string => (v === null || v === undefined ? "?" : Array.isArray(v) ? v.join(", ") : String(v));

/** The alert's numbers in one line, the finding against its baseline first. */
export function headline(a: Pick<StoredAlert, "kind" | "numbers">): string {
  const x = a.numbers;
  switch (a.kind) {
    case "spike":
      return `${n(x.count)} reports in ${n(x.windowHours)} h vs ${n(x.expected)} expected (baseline ${n(x.baseline)} over ${n(x.baselineDays)} d), p = ${n(x.pValue)}`;
    case "first":
      return `first claim in ${n(x.place)} after ${n(x.quietDays)} quiet days`;
    case "deployment":
      return `${n(x.claims)} claims (${n(x.asserted)} asserted, ${n(x.intent)} intent) in ${n(x.articles)} articles`;
    case "story-growth":
      return `${n(x.outlets)} outlet${x.outlets === 1 ? "" : "s"} (threshold ${n(x.minOutlets)}), intensity ${n(x.intensity)} vs level ${n(x.intensityLevel)}`;
    default:
      return Object.entries(x)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(", ");
  }
}

function AlertItem(p: { alert: StoredAlert; rule: string; story: string | null }) {
  const a = p.alert;
  return (
    <li class="alert-item" data-alert={a.id}>
      <div class="alert-head">
        <span class={`kind kind-${a.kind}`}>{a.kind === "story-growth" ? "growth" : a.kind}</span>
        <a class="item-title" href={`/stories/${encodeURIComponent(a.storyId)}`}>
          {a.title}
        </a>
      </div>
      <div class="meta">
        <span>rule {p.rule}</span>
        <span>story {p.story ?? a.storyId}</span>
        <span title={fmtStamp(a.updatedAt)}>updated {fmtAgo(a.updatedAt)}</span>
        <span>
          version {a.version}
          {a.notifiedVersion < a.version ? " (notification pending)" : ""}
        </span>
      </div>
      <p class="numbers">{headline(a)}</p>
      {a.summary && a.summary !== a.title ? <p class="muted small">{a.summary}</p> : null}
      {a.evidence.length ? (
        <ul class="ind-list evidence">
          {a.evidence.slice(0, EVIDENCE_SHOWN).map((e) => (
            <li>
              {isIndicatorType(e.type) ? <TypeChip type={e.type} /> : null}{" "}
              {isModality(e.modality) ? <ModalityBadge modality={e.modality} /> : null}{" "}
              <a href={`/articles/${encodeURIComponent(e.articleId)}`}>{e.title ?? "article"}</a>
              <q>{e.sentence}</q>
            </li>
          ))}
        </ul>
      ) : null}
      {a.evidence.length > EVIDENCE_SHOWN ? (
        <p class="muted small">and {a.evidence.length - EVIDENCE_SHOWN} more evidence sentences</p>
      ) : null}
      <a class="btn small ghost" href={`/stories/${encodeURIComponent(a.storyId)}`}>
        Open story
      </a>
    </li>
  );
}

export function registerAlerts(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/alerts", guard(deps.store, "analyst", forbidden), async (c) => {
    const ruleId = c.req.query("rule") || undefined;
    const kindQ = c.req.query("kind") ?? "";
    const kind = (RULE_KINDS as readonly string[]).includes(kindQ) ? (kindQ as RuleKind) : undefined;
    const [alerts, rules] = await Promise.all([
      listAlerts(deps.store.sql, { limit: 50, ruleId, kind }),
      listRules(deps.store.sql),
    ]);
    const ruleNames = new Map(rules.map((r) => [r.id, r.name]));
    const ids = [...new Set(alerts.map((a) => a.storyId))];
    const stories = ids.length
      ? await deps.store.sql.query<{ id: string; title: string }>(
          "SELECT id, title FROM stories WHERE id = ANY($1::text[])",
          [ids],
        )
      : [];
    const storyTitles = new Map(stories.map((s) => [s.id, s.title]));
    return c.html(
      <Layout title="Alerts" user={c.get("user")} active="alerts">
        <PageHead title="Alerts" sub="One alert per rule and story, newest change first, with its evidence." />
        <AlertTabs current="alerts" />
        <div class="stack">
          <form method="get" action="/alerts" class="card filters" aria-label="Filter alerts">
            <SelectField
              id="a-rule"
              name="rule"
              label="Rule"
              none="All rules"
              options={rules.map((r) => ({ value: r.id, label: r.name }))}
              value={ruleId}
            />
            <SelectField id="a-kind" name="kind" label="Type" none="All types" options={RULE_KINDS} value={kind} />
            <button class="btn" type="submit">
              Apply
            </button>
          </form>
          <section class="card" aria-labelledby="alerts-h">
            <h2 id="alerts-h">Recent alerts ({alerts.length})</h2>
            {alerts.length === 0 ? (
              <Empty title="No alerts yet">Rules fire as stories grow; see the Rules tab for what is watched.</Empty>
            ) : (
              <ul class="list" aria-label="Alerts">
                {alerts.map((a) => (
                  <AlertItem
                    alert={a}
                    rule={ruleNames.get(a.ruleId) ?? a.ruleId}
                    story={storyTitles.get(a.storyId) ?? null}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
      </Layout>,
    );
  });
}
