/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { z } from "zod";
import { type DashEnv, guard } from "../auth/index.ts";
import { type PlaceCount, placeCounts } from "../data/places.ts";
import { resolveRange } from "../data/range.ts";
import { dataSpan } from "../data/trends.ts";
import type { DashboardDeps } from "../deps.ts";
import { PlaceChip } from "../ui/entity.tsx";
import { fmtDay } from "../ui/format.ts";
import { Empty, Layout, PageHead } from "../ui/layout.tsx";
import { CLAIM_MODALITIES } from "../ui/theme.ts";
import { WindowForm } from "./activity-view.tsx";
import { forbidden } from "./signin.tsx";

const Position = z.tuple([z.number(), z.number()]);
const GeoSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ name: z.string(), kind: z.enum(["outline", "region", "town"]) }),
      geometry: z.discriminatedUnion("type", [
        z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(Position)) }),
        z.object({ type: z.literal("Point"), coordinates: Position }),
      ]),
    }),
  ),
});

/** Approximate Kosovo and Serbia outlines and the gazetteer's places, bundled: no tile server. */
const GEO = GeoSchema.parse(JSON.parse(readFileSync(new URL("../geo/balkans.json", import.meta.url), "utf8")));
const [W, H] = [560, 700];
const BOX = { west: 18.2, east: 23.3, south: 41.75, north: 46.3 };
const KX = Math.cos((44 * Math.PI) / 180);

/** Equirectangular projection squeezed by cos(44°), fitted to the box. */
function project([lon, lat]: [number, number]): [number, number] {
  const sx = W / ((BOX.east - BOX.west) * KX);
  const sy = H / (BOX.north - BOX.south);
  const s = Math.min(sx, sy);
  return [Math.round((lon - BOX.west) * KX * s * 10) / 10, Math.round((BOX.north - lat) * s * 10) / 10];
}

const OUTLINES = new Set(GEO.features.filter((f) => f.geometry.type === "Polygon").map((f) => f.properties.name));
const POINTS = new Map(
  GEO.features.flatMap((f) =>
    f.geometry.type === "Point"
      ? [[f.properties.name, { at: project(f.geometry.coordinates), kind: f.properties.kind }]]
      : [],
  ),
);

interface Label {
  x: number;
  y: number;
  w: number;
  anchor: "start" | "end";
}

/** Greedy label placement: right of the bubble, else left, else a line lower; skipped if all collide. */
function placeLabels(items: Array<{ at: [number, number]; r: number; text: string }>): Array<Label | null> {
  const taken: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
  const hits = (b: { x0: number; x1: number; y0: number; y1: number }) =>
    taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1);
  return items.map(({ at, r, text }) => {
    const w = text.length * 6.4;
    for (const dy of [0, 13, -13, 26]) {
      for (const side of ["start", "end"] as const) {
        const x = side === "start" ? at[0] + r + 3 : at[0] - r - 3;
        const box = {
          x0: side === "start" ? x : x - w,
          x1: side === "start" ? x + w : x,
          y0: at[1] + dy - 8,
          y1: at[1] + dy + 5,
        };
        if (!hits(box)) {
          taken.push(box);
          return { x, y: at[1] + dy + 4, w, anchor: side };
        }
      }
    }
    return null;
  });
}

function MapSvg(props: { counts: PlaceCount[] }) {
  const outlines = new Map(props.counts.filter((c) => OUTLINES.has(c.place)).map((c) => [c.place, c.count]));
  const onMap = props.counts.filter((c) => POINTS.has(c.place) && !OUTLINES.has(c.place));
  const max = Math.max(1, ...props.counts.map((c) => c.count));
  const bubbles = onMap.map((c) => ({
    place: c.place,
    count: c.count,
    at: POINTS.get(c.place)?.at ?? ([0, 0] as [number, number]),
    r: 4 + 20 * Math.sqrt(c.count / max),
  }));
  const labels = placeLabels(bubbles.map((b) => ({ at: b.at, r: b.r, text: `${b.place} ${b.count}` })));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title">
      <title id="map-title">Indicators per place on an outline of Serbia and Kosovo</title>
      {GEO.features.map((f) => {
        if (f.geometry.type !== "Polygon") return null;
        const n = outlines.get(f.properties.name) ?? 0;
        return (
          <path
            class={`land ${f.properties.name.toLowerCase()}`}
            style={n > 0 ? `fill:rgba(198,40,40,${(0.06 + 0.3 * (n / max)).toFixed(2)})` : undefined}
            d={f.geometry.coordinates.map((ring) => `M${ring.map((p) => project(p).join(",")).join("L")}Z`).join("")}
          >
            <title>{`${f.properties.name}${n > 0 ? `: ${n} naming the country as a whole` : ""}`}</title>
          </path>
        );
      })}
      {[
        ["Serbia", [20.3, 44.35]],
        ["Kosovo", [20.05, 42.3]],
      ].map(([name, at]) => {
        const [x, y] = project(at as [number, number]);
        const n = outlines.get(name as string);
        return (
          <text class="country" x={x} y={y}>
            {n ? `${name} · ${n}` : name}
          </text>
        );
      })}
      {[...bubbles].reverse().map((b) => (
        <circle class="bubble" cx={b.at[0]} cy={b.at[1]} r={b.r}>
          <title>{`${b.place}: ${b.count}`}</title>
        </circle>
      ))}
      {bubbles.map((b, i) => {
        const l = labels[i];
        return l ? <text x={l.x} y={l.y} text-anchor={l.anchor}>{`${b.place} ${b.count}`}</text> : null;
      })}
    </svg>
  );
}

export function registerMap(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/map", guard(deps.store, "analyst", forbidden), async (c) => {
    const range = resolveRange(
      { range: c.req.query("range"), from: c.req.query("from"), to: c.req.query("to") },
      await dataSpan(deps.store),
    );
    const counts = await placeCounts(deps.store, { from: range.from, to: range.to, modalities: CLAIM_MODALITIES });
    const max = Math.max(1, ...counts.map((x) => x.count));
    return c.html(
      <Layout title="Map" user={c.get("user")} active="map">
        <PageHead
          title="Where it happens"
          sub={`Asserted and intent indicators per place named in the evidence, ${fmtDay(range.from)} – ${fmtDay(range.to)}.`}
        >
          <WindowForm action="/map" range={range} />
        </PageHead>
        {counts.length === 0 ? (
          <div class="card">
            <Empty title="No places named in this range" />
          </div>
        ) : (
          <div class="map-layout">
            <div class="card map">
              <MapSvg counts={counts} />
              <p class="muted">Outlines are approximate and drawn for orientation only.</p>
            </div>
            <section class="card" aria-labelledby="places-h">
              <div class="section-head">
                <h2 id="places-h">Places ranked</h2>
                <a href={`/places?range=${range.key}`}>All places, by type →</a>
              </div>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Place</th>
                    <th scope="col" class="num">
                      Indicators
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {counts.map((x) => (
                    <tr>
                      <td>
                        <PlaceChip name={x.place} />
                        <div class="bar" style={`width:${Math.round((x.count / max) * 100)}%`} />
                      </td>
                      <td class="num">{x.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        )}
      </Layout>,
    );
  });
}
