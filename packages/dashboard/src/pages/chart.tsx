/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Resolution } from "@seismo/store";
import { raw } from "hono/html";
import { periodSeconds } from "../ui/format.ts";

export interface ChartSpec {
  periods: string[];
  resolution: Resolution;
  counts: number[];
  /** Baseline band (mean ± sd per period); null where there is none, left out when absent. */
  mean?: Array<number | null>;
  sd?: Array<number | null>;
  colour: string;
}

/** JSON for app.js inside <script type="application/json">: it must not be able to close the tag. */
const specJson = (s: ChartSpec) =>
  JSON.stringify({
    xs: s.periods.map(periodSeconds),
    resolution: s.resolution,
    counts: s.counts,
    mean: s.mean ?? null,
    sd: s.sd ?? null,
    colour: s.colour,
  })
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e");

/** A uPlot chart drawn by app.js (figure[data-chart]); the figure's caption and label are the text fallback. */
export function Chart(props: { spec: ChartSpec; title: string; total: string; label: string; class?: string }) {
  return (
    <figure class={`chart ${props.class ?? ""}`} data-chart aria-label={props.label}>
      <figcaption>
        <h3>{props.title}</h3>
        <span class="readout" aria-hidden="true" />
        <span class="muted">{props.total}</span>
      </figcaption>
      <script type="application/json">{raw(specJson(props.spec))}</script>
      <div class="plot" role="img" aria-label={props.label} />
    </figure>
  );
}
