/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { INDICATOR_TYPES, MODALITIES } from "@seismo/core";
import type { ApiToken } from "@seismo/store";
import type { Context, Hono } from "hono";
import { raw } from "hono/html";
import { canSee, type DashEnv, guard } from "../auth/index.ts";
import { type DayRange, resolveRange } from "../data/range.ts";
import { dataSpan, loadTrends, type TrendFilter, type Trends } from "../data/trends.ts";
import type { DashboardDeps } from "../deps.ts";
import { fmtDay, fmtNumber, fmtShortDay } from "../ui/format.ts";
import { Layout, PageHead } from "../ui/layout.tsx";
import { CLAIM_MODALITIES, isIndicatorType, isModality, TYPE_COLOURS } from "../ui/theme.ts";
import { forbidden } from "./signin.tsx";

const RANGES = [
  ["24h", "24 h"],
  ["7d", "7 d"],
  ["30d", "30 d"],
  ["all", "All"],
  ["custom", "Custom"],
] as const;

interface OverviewState {
  range: DayRange;
  filter: TrendFilter;
  trends: Trends;
  sources: Array<{ id: string; name: string }>;
  query: string;
}

async function load(c: Context<DashEnv>, deps: DashboardDeps): Promise<OverviewState> {
  const types = c.req.queries("type")?.filter(isIndicatorType) ?? [];
  const modalities = c.req.queries("modality")?.filter(isModality) ?? [];
  const sourceId = c.req.query("source") || null;
  const range = resolveRange(
    { range: c.req.query("range"), from: c.req.query("from"), to: c.req.query("to") },
    await dataSpan(deps.store),
  );
  const filter: TrendFilter = { types, modalities: modalities.length > 0 ? modalities : CLAIM_MODALITIES, sourceId };
  const [trends, sources] = await Promise.all([loadTrends(deps.store, range, filter), deps.store.sources.list()]);
  return { range, filter, trends, sources, query: new URL(c.req.url).search };
}

const chartSpec = (t: Trends, i: number) => {
  const s = t.series[i];
  if (!s) return "{}";
  // JSON inside <script> must not be able to close the tag.
  return JSON.stringify({ days: t.days, counts: s.counts, mean: s.mean, sd: s.sd, colour: TYPE_COLOURS[s.type].fg })
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e");
};

/** The part of the overview that refreshes live: totals, call-outs and charts. */
function LiveBody(props: { state: OverviewState; user: ApiToken; sse: boolean }) {
  const { trends, range, filter } = props.state;
  const analyst = canSee(props.user, "analyst");
  const modalityNote =
    filter.modalities.length === 2 && filter.modalities.every((m) => CLAIM_MODALITIES.includes(m))
      ? "claims"
      : filter.modalities.join(" + ");
  return (
    <section
      id="live"
      data-live
      aria-label="Indicator trends"
      hx-get={`/overview/live${props.state.query}`}
      hx-trigger={props.sse ? "seismo:refresh, every 120s" : "every 15s"}
      hx-swap="outerHTML"
    >
      <div class="section-title">
        <h2>Counts for the range</h2>
        <span class="live" title="This section refreshes by itself">
          Live · updated {new Date().toISOString().slice(11, 16)} UTC
        </span>
      </div>
      <div class="totals">
        {trends.series.map((s) => {
          const inner = (
            <>
              <span class="k">{s.type}</span>
              <span class="n" data-testid={`total-${s.type}`}>
                {fmtNumber(s.total)}
              </span>
              <span class="d">{modalityNote}</span>
            </>
          );
          return analyst ? (
            <a class={`total t-${s.type}`} href={`/articles?type=${s.type}`} aria-label={`${s.type}: ${s.total}`}>
              {inner}
            </a>
          ) : (
            <div class={`total t-${s.type}`}>{inner}</div>
          );
        })}
      </div>
      <div class="section-title">
        <h2>Biggest changes vs baseline</h2>
        <span class="muted">baseline: mean ± 1 sd of the previous 14 days</span>
      </div>
      {trends.changes.length === 0 ? (
        <p class="muted">No day in this range rises above its baseline.</p>
      ) : (
        <ul class="changes list-reset" aria-label="Biggest changes">
          {trends.changes.map((ch) => (
            <li class={`change t-${ch.type}`}>
              <strong>{ch.type}</strong> <span class="muted">on {fmtDay(ch.day)}</span>
              <div>
                <span class="big">{ch.count}</span>{" "}
                <span class="muted">
                  vs {ch.mean} ± {ch.sd} · {ch.score > 0 ? "+" : ""}
                  {ch.score}σ
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="section-title">
        <h2>Per day</h2>
        <span class="muted">
          {fmtShortDay(range.from)} – {fmtDay(range.to)}
        </span>
      </div>
      <div class="multiples">
        {trends.series.map((s, i) => {
          const peak = Math.max(0, ...s.counts);
          return (
            <figure
              class={`chart t-${s.type}`}
              data-chart
              aria-label={`${s.type} per day: ${s.total} in total, peak ${peak} a day`}
            >
              <figcaption>
                <h3>{s.type}</h3>
                <span class="readout" aria-hidden="true" />
                <span class="muted">{fmtNumber(s.total)}</span>
              </figcaption>
              <script type="application/json">{raw(chartSpec(trends, i))}</script>
              <div class="plot" role="img" aria-label={`Chart of ${s.type} per day with the baseline band`} />
            </figure>
          );
        })}
      </div>
    </section>
  );
}

function Filters(props: { state: OverviewState }) {
  const { range, filter, sources } = props.state;
  return (
    <form method="get" action="/" class="card filters" aria-label="Filters">
      <fieldset>
        <legend>Time range</legend>
        <div class="seg">
          {RANGES.map(([key, label]) => (
            <>
              <input type="radio" id={`range-${key}`} name="range" value={key} checked={range.key === key} />
              <label for={`range-${key}`}>{label}</label>
            </>
          ))}
        </div>
      </fieldset>
      <div class="row">
        <div class="field">
          <label for="from">From</label>
          <input type="date" id="from" name="from" value={range.from} data-custom-date />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input type="date" id="to" name="to" value={range.to} data-custom-date />
        </div>
      </div>
      <div class="field">
        <label for="source">Source</label>
        <select id="source" name="source">
          <option value="">All sources</option>
          {sources.map((s) => (
            <option value={s.id} selected={filter.sourceId === s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Types</legend>
        <div class="checks">
          {INDICATOR_TYPES.map((t) => (
            <label class={`t-${t}`}>
              <input type="checkbox" name="type" value={t} checked={filter.types.includes(t)} />
              {t}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Modality</legend>
        <div class="checks">
          {MODALITIES.map((m) => (
            <label>
              <input type="checkbox" name="modality" value={m} checked={filter.modalities.includes(m)} />
              {m}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" class="btn">
        Apply
      </button>
    </form>
  );
}

export function registerOverview(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const sse = deps.events !== undefined;
  app.get("/", guard(deps.store, "viewer", forbidden), async (c) => {
    const state = await load(c, deps);
    const user = c.get("user");
    return c.html(
      <Layout title="Overview" user={user} active="overview" sse={sse ? "/ui/events" : null}>
        <PageHead
          title="Tension overview"
          sub={`Indicators per day, ${fmtDay(state.range.from)} – ${fmtDay(state.range.to)}. Counts only asserted and intent claims unless the modality filter says otherwise.`}
        />
        <div class="stack">
          <Filters state={state} />
          {state.range.note ? (
            <p class="note" role="status">
              {state.range.note}
            </p>
          ) : null}
        </div>
        <LiveBody state={state} user={user} sse={sse} />
      </Layout>,
    );
  });
  app.get("/overview/live", guard(deps.store, "viewer", forbidden), async (c) => {
    const state = await load(c, deps);
    return c.html(<LiveBody state={state} user={c.get("user")} sse={sse} />);
  });
}
