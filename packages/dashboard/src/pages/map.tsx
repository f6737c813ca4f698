import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { z } from "zod";
import { type DashEnv, guard } from "../auth/index.ts";
import { type PlaceCount, placeCounts } from "../data/places.ts";
import { resolveRange } from "../data/range.ts";
import { dataSpan } from "../data/trends.ts";
import type { DashboardDeps } from "../deps.ts";
import { fmtDay } from "../ui/format.ts";
import { Empty, Layout, PageHead } from "../ui/layout.tsx";
import { CLAIM_MODALITIES } from "../ui/theme.ts";
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

const POINTS = new Map(
  GEO.features.flatMap((f) =>
    f.geometry.type === "Point"
      ? [[f.properties.name, { at: project(f.geometry.coordinates), kind: f.properties.kind }]]
      : [],
  ),
);

function MapSvg(props: { counts: PlaceCount[] }) {
  const onMap = props.counts.filter((c) => POINTS.has(c.place));
  const max = Math.max(1, ...onMap.map((c) => c.count));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title">
      <title id="map-title">Indicators per place on an outline of Serbia and Kosovo</title>
      {GEO.features.map((f) =>
        f.geometry.type === "Polygon" ? (
          <path
            class={`land ${f.properties.name.toLowerCase()}`}
            d={f.geometry.coordinates.map((ring) => `M${ring.map((p) => project(p).join(",")).join("L")}Z`).join("")}
          />
        ) : null,
      )}
      <text class="country" x={project([20.3, 44.35])[0]} y={project([20.3, 44.35])[1]}>
        Serbia
      </text>
      <text class="country" x={project([20.2, 42.45])[0]} y={project([20.2, 42.45])[1]}>
        Kosovo
      </text>
      {[...onMap].reverse().map((c) => {
        const p = POINTS.get(c.place);
        if (!p) return null;
        const r = 4 + 22 * Math.sqrt(c.count / max);
        return (
          <g>
            <circle class="bubble" cx={p.at[0]} cy={p.at[1]} r={r}>
              <title>{`${c.place}: ${c.count}`}</title>
            </circle>
            <text x={p.at[0] + r + 3} y={p.at[1] + 4}>{`${c.place} ${c.count}`}</text>
          </g>
        );
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
          <form method="get" action="/map" class="row" aria-label="Range">
            <div class="seg">
              {(["7d", "30d", "all"] as const).map((k) => (
                <>
                  <input type="radio" id={`m-${k}`} name="range" value={k} checked={range.key === k} />
                  <label for={`m-${k}`}>{k === "all" ? "All" : k.replace("d", " d")}</label>
                </>
              ))}
            </div>
            <button class="btn small" type="submit">
              Show
            </button>
          </form>
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
              <h2 id="places-h">Places ranked</h2>
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
                        {x.place}
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
