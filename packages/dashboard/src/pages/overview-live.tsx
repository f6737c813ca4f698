/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ApiToken, Resolution } from "@seismo/store";
import { canSee } from "../auth/index.ts";
import type { DayRange } from "../data/range.ts";
import type { TrendFilter, Trends } from "../data/trends.ts";
import { fmtNumber, fmtPeriod } from "../ui/format.ts";
import { CLAIM_MODALITIES, TYPE_COLOURS } from "../ui/theme.ts";
import { Chart } from "./chart.tsx";

const UNIT: Record<Resolution, { per: string; window: (n: number) => string }> = {
  hour: { per: "hour", window: (n) => `${n} hours` },
  day: { per: "day", window: (n) => `${n} days` },
  week: { per: "week", window: (n) => `${n} weeks` },
};

function Changes(props: { trends: Trends }) {
  const { trends } = props;
  if (trends.changes.length === 0) {
    return <p class="muted">No {UNIT[trends.resolution].per} in this range rises above its baseline.</p>;
  }
  return (
    <ul class="changes list-reset" aria-label="Biggest changes">
      {trends.changes.map((ch) => (
        <li class={`change t-${ch.type}`}>
          <strong>{ch.type}</strong>{" "}
          <span class="muted">
            {trends.resolution === "hour" ? "at" : trends.resolution === "week" ? "in the" : "on"}{" "}
            {fmtPeriod(ch.t, trends.resolution)}
          </span>
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
  );
}

/** The part of the overview that refreshes live: totals, call-outs and charts. */
export function LiveBody(props: {
  trends: Trends;
  range: DayRange;
  filter: TrendFilter;
  scopeLabel: string;
  query: string;
  user: ApiToken;
  sse: boolean;
}) {
  const { trends, range, filter } = props;
  const analyst = canSee(props.user, "analyst");
  const unit = UNIT[trends.resolution];
  const modalityNote =
    filter.modalities.length === 2 && filter.modalities.every((m) => CLAIM_MODALITIES.includes(m))
      ? "claims"
      : filter.modalities.join(" + ");
  const first = trends.periods[0] ?? range.from;
  const last = trends.periods.at(-1) ?? range.to;
  return (
    <section
      id="live"
      data-live
      aria-label="Indicator trends"
      hx-get={`/overview/live${props.query}`}
      hx-trigger={props.sse ? "seismo:refresh, every 120s" : "every 15s"}
      hx-swap="outerHTML"
    >
      <div class="section-title">
        <h2>
          Counts for the range <span class="scope-pill">{props.scopeLabel}</span>
        </h2>
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
        <span class="muted" data-testid="baseline-note">
          {trends.baselineMissing
            ? "The store returned no baseline for some periods; the band is left out there."
            : `baseline: mean ± 1 sd of the previous ${unit.window(trends.window)}`}
        </span>
      </div>
      <Changes trends={trends} />
      <div class="section-title">
        <h2 data-testid="resolution">Per {unit.per}</h2>
        <span class="muted">
          {fmtPeriod(first, trends.resolution)} – {fmtPeriod(last, trends.resolution)}
        </span>
      </div>
      <div class="multiples">
        {trends.series.map((s) => {
          const peak = Math.max(0, ...s.counts);
          return (
            <Chart
              class={`t-${s.type}`}
              title={s.type}
              total={fmtNumber(s.total)}
              label={`${s.type} per ${unit.per}: ${s.total} in total, peak ${peak} in one ${unit.per}, with the baseline band`}
              spec={{
                periods: trends.periods,
                resolution: trends.resolution,
                counts: s.counts,
                mean: s.mean,
                sd: s.sd,
                colour: TYPE_COLOURS[s.type].fg,
              }}
            />
          );
        })}
      </div>
    </section>
  );
}
