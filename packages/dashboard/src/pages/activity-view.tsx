/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { INDICATOR_TYPES } from "@seismo/core";
import type { IndicatorHit } from "@seismo/store";
import type { Child } from "hono/jsx";
import type { ActivityDetail, ActivityRow } from "../data/activity.ts";
import type { DayRange } from "../data/range.ts";
import { EntityList } from "../ui/entity.tsx";
import { Note } from "../ui/flash.tsx";
import { fmtDay, fmtNumber } from "../ui/format.ts";
import { Empty, ModalityBadge, PageHead, TypeChip } from "../ui/layout.tsx";
import { DataTable } from "../ui/table.tsx";
import { Chart } from "./chart.tsx";

/** The window picker shared by the map, places and actors pages; `children` adds fields (a region filter). */
export function WindowForm(props: { action: string; range: DayRange; children?: Child }) {
  return (
    <form method="get" action={props.action} class="row" aria-label="Range">
      {props.children}
      <div class="seg">
        {(["7d", "30d", "all"] as const).map((k) => (
          <>
            <input type="radio" id={`w-${k}`} name="range" value={k} checked={props.range.key === k} />
            <label for={`w-${k}`}>{k === "all" ? "All" : k.replace("d", " d")}</label>
          </>
        ))}
      </div>
      <button class="btn small" type="submit">
        Show
      </button>
    </form>
  );
}

/** Non-zero counts per type as chips, in the usual type order. */
export const TypeCounts = (props: { counts: ActivityRow["counts"] }) => (
  <span class="chips">
    {INDICATOR_TYPES.filter((t) => (props.counts[t] ?? 0) > 0).map((t) => (
      <TypeChip type={t} count={props.counts[t]} />
    ))}
  </span>
);

/** Places or actors ranked by activity, each linking to its page. */
export function ActivityTable(props: { rows: ActivityRow[]; base: "/places" | "/actors"; label: string }) {
  const max = Math.max(1, ...props.rows.map((r) => r.total));
  const places = props.base === "/places";
  return (
    <DataTable
      label={props.label}
      columns={[places ? "Place" : "Actor", places ? "Region" : "Kind", "By type", { label: "Indicators", num: true }]}
      items={props.rows}
      empty={<Empty title={`No ${places ? "places" : "actors"} named in this range`} />}
      row={(r) => (
        <tr>
          <td>
            <a class="item-title" href={`${props.base}/${r.id}`}>
              {r.name}
            </a>
            {places ? <div class="muted small">{r.kind}</div> : null}
          </td>
          <td>{places ? r.region : r.kind}</td>
          <td>
            <TypeCounts counts={r.counts} />
          </td>
          <td class="num">
            <b>{fmtNumber(r.total)}</b>
            <div class="bar" style={`width:${Math.round((r.total / max) * 100)}%;margin-left:auto`} />
          </td>
        </tr>
      )}
    />
  );
}

/**
 * The places or actors list: the window picker (with `filters` added to it), notes on what is
 * shown, and the ranked table with an optional `footer` under it.
 */
export function ActivityList(props: {
  title: string;
  sub: string;
  base: "/places" | "/actors";
  range: DayRange;
  rows: ActivityRow[];
  filters?: Child;
  notes?: Child;
  footer?: Child;
}) {
  return (
    <>
      <PageHead title={props.title} sub={props.sub}>
        <WindowForm action={props.base} range={props.range}>
          {props.filters}
        </WindowForm>
      </PageHead>
      <div class="stack">
        {props.notes}
        <Note>{props.range.note}</Note>
        <section class="card">
          <ActivityTable rows={props.rows} base={props.base} label={props.title} />
          {props.footer}
        </section>
      </div>
    </>
  );
}

/** Evidence sentences, newest first, each linking to its article. */
export function EvidenceList(props: { hits: IndicatorHit[] }) {
  if (props.hits.length === 0) return <p class="muted">No evidence in this range.</p>;
  return (
    <ul class="ind-list" aria-label="Latest evidence">
      {props.hits.map((h) => {
        const at = h.evidence.sentence.indexOf(h.evidence.text);
        return (
          <li class={h.modality} data-type={h.type}>
            <div class="row" style="align-items:center;gap:0.4rem">
              <TypeChip type={h.type} muted={h.modality === "negated" || h.modality === "speculative"} />
              <ModalityBadge modality={h.modality} />
              <span class="muted">{fmtDay(h.day)}</span>
            </div>
            <q>
              {at >= 0 ? (
                <>
                  {h.evidence.sentence.slice(0, at)}
                  <b>{h.evidence.text}</b>
                  {h.evidence.sentence.slice(at + h.evidence.text.length)}
                </>
              ) : (
                h.evidence.sentence
              )}
            </q>
            <div class="hit-meta">
              <a href={`/articles/${h.article.id}`}>{h.article.title ?? "Untitled article"}</a>
              <EntityList names={h.places} kind="place" empty="" />
              <EntityList names={h.actors} kind="actor" empty="" />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** A place's or actor's page: counts per type, activity per day (uPlot) and the latest evidence. */
export function ActivityPage(props: {
  detail: ActivityDetail;
  range: DayRange;
  sub: string;
  base: "/places" | "/actors";
  overview?: string | undefined;
}) {
  const { detail, range } = props;
  const peak = Math.max(0, ...detail.perDay);
  return (
    <>
      <PageHead title={detail.row.name} sub={props.sub}>
        <WindowForm action={`${props.base}/${detail.row.id}`} range={range} />
      </PageHead>
      <div class="stack">
        <Note>{range.note}</Note>
        <section class="card" aria-labelledby="counts-h">
          <div class="section-head">
            <h2 id="counts-h">
              {fmtNumber(detail.row.total)} indicators, {fmtDay(range.from)} – {fmtDay(range.to)}
            </h2>
            {props.overview ? (
              <a class="btn ghost small" href={props.overview}>
                Trend vs baseline on the overview →
              </a>
            ) : null}
          </div>
          <p class="muted small">Asserted and intent claims, as in the trends.</p>
          <TypeCounts counts={detail.row.counts} />
        </section>
        {detail.row.total === 0 ? (
          <div class="card">
            <Empty title="Nothing in this range">Try a longer range.</Empty>
          </div>
        ) : (
          <Chart
            class="activity-chart"
            title="Activity by day"
            total={`peak ${peak} a day`}
            label={`${detail.row.name}: ${detail.row.total} indicators by day, peak ${peak} a day`}
            spec={{ periods: detail.days, resolution: "day", counts: detail.perDay, colour: "#1d4ed8" }}
          />
        )}
        <section class="card" aria-labelledby="ev-h">
          <div class="section-head">
            <h2 id="ev-h">Latest evidence</h2>
            <span class="muted small">newest first, every modality</span>
          </div>
          <EvidenceList hits={detail.evidence} />
        </section>
      </div>
    </>
  );
}
