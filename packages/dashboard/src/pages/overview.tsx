/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { INDICATOR_TYPES, MODALITIES } from "@seismo/core";
import { type Source, TrendFilterError } from "@seismo/store";
import type { Context, Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { LANGUAGES, PLACE_NAMES, REGIONS } from "../data/gazetteer.ts";
import { type DayRange, resolveRange } from "../data/range.ts";
import { readScope, type Scope, type ScopeChoice, scopeLabel, scopeParam, sourceTags } from "../data/scope.ts";
import { dataSpan, loadTrends, type TrendFilter, type Trends } from "../data/trends.ts";
import type { DashboardDeps } from "../deps.ts";
import { Note } from "../ui/flash.tsx";
import { fmtDay } from "../ui/format.ts";
import { Layout, PageHead } from "../ui/layout.tsx";
import { CLAIM_MODALITIES, isIndicatorType, isModality } from "../ui/theme.ts";
import { LiveBody } from "./overview-live.tsx";
import { forbidden } from "./signin.tsx";

const RANGES = [
  ["24h", "24 h"],
  ["7d", "7 d"],
  ["30d", "30 d"],
  ["all", "All"],
  ["custom", "Custom"],
] as const;

/** Query parameters that pick a scope; a conflict link drops them all and sets one `scope`. */
const SCOPE_PARAMS = ["scope", "source", "sourceTag", "region", "language", "place"];

interface OverviewState {
  range: DayRange;
  filter: TrendFilter;
  choice: ScopeChoice;
  trends: Trends;
  sources: Source[];
  url: URL;
}

async function load(c: Context<DashEnv>, deps: DashboardDeps): Promise<OverviewState> {
  const types = c.req.queries("type")?.filter(isIndicatorType) ?? [];
  const modalities = c.req.queries("modality")?.filter(isModality) ?? [];
  const [sources, span] = await Promise.all([deps.store.sources.list(), dataSpan(deps.store)]);
  const range = resolveRange({ range: c.req.query("range"), from: c.req.query("from"), to: c.req.query("to") }, span);
  const choice = readScope((name) => c.req.query(name), sources);
  const filter: TrendFilter = {
    types,
    modalities: modalities.length > 0 ? modalities : CLAIM_MODALITIES,
    scope: choice.scope,
  };
  let trends: Trends;
  try {
    trends = await loadTrends(deps.store, range, filter);
  } catch (error) {
    // readScope never passes two dimensions; should the store still refuse, show everything and say why.
    if (!(error instanceof TrendFilterError)) throw error;
    choice.note = `${error.message}; showing all coverage.`;
    filter.scope = { kind: "all" };
    trends = await loadTrends(deps.store, range, filter);
  }
  return { range, filter, choice, trends, sources, url: new URL(c.req.url) };
}

/** The same overview with only `scope` as its scope. */
function withScope(url: URL, scope: Scope): string {
  const params = new URLSearchParams(url.search);
  for (const p of SCOPE_PARAMS) params.delete(p);
  if (scope.kind !== "all") params.set("scope", scopeParam(scope));
  return `/?${params.toString()}`;
}

function ScopeSelect(props: { state: OverviewState }) {
  const { sources, filter } = props.state;
  const current = scopeParam(filter.scope);
  const opt = (s: Scope, label: string) => (
    <option value={scopeParam(s)} selected={scopeParam(s) === current}>
      {label}
    </option>
  );
  return (
    <div class="field scope-field">
      <label for="scope">Scope</label>
      <select id="scope" name="scope" aria-describedby="scope-help">
        <option value="" selected={current === ""}>
          All coverage
        </option>
        <optgroup label="Source">
          {sources.map((s) => opt({ kind: "source", value: s.id }, `Source · ${s.name}`))}
        </optgroup>
        <optgroup label="Source tag">
          {sourceTags(sources).map((t) => opt({ kind: "tag", ...t }, `Tag · ${t.key} = ${t.value}`))}
        </optgroup>
        <optgroup label="Region">{REGIONS.map((r) => opt({ kind: "region", value: r }, `Region · ${r}`))}</optgroup>
        <optgroup label="Language">
          {LANGUAGES.map((l) => opt({ kind: "language", value: l.code }, `Language · ${l.label} (${l.code})`))}
        </optgroup>
        <optgroup label="Place">{PLACE_NAMES.map((p) => opt({ kind: "place", value: p }, `Place · ${p}`))}</optgroup>
      </select>
      <span id="scope-help" class="hint">
        One at a time: source, source tag, region, language or place.
      </span>
    </div>
  );
}

function Filters(props: { state: OverviewState }) {
  const { range, filter } = props.state;
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
      <ScopeSelect state={props.state} />
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

/** Why a link that combines scopes shows all coverage, with one link per scope it asked for. */
function Conflict(props: { state: OverviewState }) {
  const conflict = props.state.choice.conflict;
  if (!conflict) return null;
  return (
    <div class="error" role="alert" data-testid="scope-conflict">
      <p>
        <b>This link combines {conflict.asked.join(" and ")}.</b> Counts are kept per source, region, language or place,
        not per combination, so one scope applies at a time. Showing all coverage; pick one:
      </p>
      <ul class="chips list-reset">
        {conflict.options.map((s) => (
          <li>
            <a class="chip link" href={withScope(props.state.url, s)}>
              {scopeLabel(s, props.state.sources)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const live = (state: OverviewState, c: Context<DashEnv>, sse: boolean) => (
  <LiveBody
    trends={state.trends}
    range={state.range}
    filter={state.filter}
    scopeLabel={scopeLabel(state.filter.scope, state.sources)}
    query={state.url.search}
    user={c.get("user")}
    sse={sse}
  />
);

export function registerOverview(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const sse = deps.events !== undefined;
  app.get("/", guard(deps.store, "viewer", forbidden), async (c) => {
    const state = await load(c, deps);
    const notes = [state.range.note, state.choice.note].filter((n): n is string => n !== null);
    return c.html(
      <Layout title="Overview" user={c.get("user")} active="overview" sse={sse ? "/ui/events" : null}>
        <PageHead
          title="Tension overview"
          sub={`Indicators per ${state.range.resolution}, ${fmtDay(state.range.from)} – ${fmtDay(state.range.to)}. Counts only asserted and intent claims unless the modality filter says otherwise.`}
        />
        <div class="stack">
          <Filters state={state} />
          <Conflict state={state} />
          {notes.map((n) => (
            <Note>{n}</Note>
          ))}
        </div>
        {live(state, c, sse)}
      </Layout>,
    );
  });
  app.get("/overview/live", guard(deps.store, "viewer", forbidden), async (c) => {
    const state = await load(c, deps);
    return c.html(live(state, c, sse));
  });
}
