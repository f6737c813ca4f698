/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { listPlaces, placeDetail } from "../data/activity.ts";
import { findRegion, REGIONS } from "../data/gazetteer.ts";
import { type DayRange, resolveRange } from "../data/range.ts";
import { dataSpan } from "../data/trends.ts";
import type { DashboardDeps } from "../deps.ts";
import { Note } from "../ui/flash.tsx";
import { fmtDay } from "../ui/format.ts";
import { Empty, Layout } from "../ui/layout.tsx";
import { SelectField } from "../ui/select-field.tsx";
import { ActivityList, ActivityPage } from "./activity-view.tsx";
import { forbidden } from "./signin.tsx";

/** The window of the places and actors pages: 7 d, 30 d or all, falling back to the data as the map does. */
export async function windowOf(c: Context<DashEnv>, deps: DashboardDeps): Promise<DayRange> {
  const key = c.req.query("range");
  return resolveRange(
    { range: key === "24h" ? "7d" : key, from: c.req.query("from"), to: c.req.query("to") },
    await dataSpan(deps.store),
  );
}

const notFound = (c: Context<DashEnv>, what: string, back: string) =>
  c.html(
    <Layout title="Not found" user={c.get("user")} active={back.slice(1)}>
      <div class="card">
        <Empty title={`No ${what}`}>
          <a href={back}>Back to the list</a>
        </Empty>
      </div>
    </Layout>,
    404,
  );

const aka = (variants: readonly string[], name: string) => {
  const other = variants.filter((v) => v !== name).slice(0, 3);
  return other.length > 0 ? ` · also ${other.join(", ")}` : "";
};

/** Places (analyst, as the API's /api/v1/places): a ranked table with a region filter, and one page per place. */
export function registerPlaces(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/places", guard(deps.store, "analyst", forbidden), async (c) => {
    const range = await windowOf(c, deps);
    const asked = c.req.query("region") || undefined;
    const region = asked ? findRegion(asked) : undefined;
    const rows = await listPlaces(deps.store, range, region);
    return c.html(
      <Layout title="Places" user={c.get("user")} active="places">
        <ActivityList
          title="Places"
          sub={`Gazetteer places named in asserted and intent indicators, ${fmtDay(range.from)} – ${fmtDay(range.to)}${region ? `, ${region} region` : ""}.`}
          base="/places"
          range={range}
          rows={rows}
          filters={
            <SelectField id="region" name="region" label="Region" none="All regions" options={REGIONS} value={region} />
          }
          notes={asked && !region ? <Note>No region “{asked}” in the gazetteer; showing every region.</Note> : null}
          footer={
            <p class="muted small">
              See them on the <a href="/map">map</a>.
            </p>
          }
        />
      </Layout>,
    );
  });

  app.get("/places/:id", guard(deps.store, "analyst", forbidden), async (c) => {
    const range = await windowOf(c, deps);
    const detail = await placeDetail(deps.store, c.req.param("id"), range);
    if (!detail?.place) return notFound(c, "such place in the gazetteer", "/places");
    const p = detail.place;
    const overview = `/?range=custom&from=${range.from}&to=${range.to}&scope=${encodeURIComponent(`place:${p.name}`)}`;
    return c.html(
      <Layout title={p.name} user={c.get("user")} active="places">
        <ActivityPage
          detail={detail}
          range={range}
          base="/places"
          overview={overview}
          sub={`${p.kind} in ${p.admin} · ${p.lat.toFixed(2)}° N, ${p.lon.toFixed(2)}° E${aka(p.variants, p.name)}`}
        />
        <p class="muted small">
          <a href={`/places?region=${encodeURIComponent(p.admin)}`}>Other places in {p.admin}</a> ·{" "}
          <a href="/map">Map</a>
        </p>
      </Layout>,
    );
  });
}

export { notFound };
