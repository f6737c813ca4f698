/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { actorDetail, listActors } from "../data/activity.ts";
import type { DashboardDeps } from "../deps.ts";
import { fmtDay } from "../ui/format.ts";
import { Layout } from "../ui/layout.tsx";
import { ActivityList, ActivityPage } from "./activity-view.tsx";
import { notFound, windowOf } from "./places.tsx";
import { forbidden } from "./signin.tsx";

/** Actors (analyst, as the API's /api/v1/actors): a ranked table and one page per actor. */
export function registerActors(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/actors", guard(deps.store, "analyst", forbidden), async (c) => {
    const range = await windowOf(c, deps);
    const rows = await listActors(deps.store, range);
    return c.html(
      <Layout title="Actors" user={c.get("user")} active="actors">
        <ActivityList
          title="Actors"
          sub={`Who is named in asserted and intent indicators, ${fmtDay(range.from)} – ${fmtDay(range.to)}.`}
          base="/actors"
          range={range}
          rows={rows}
        />
      </Layout>,
    );
  });

  app.get("/actors/:id", guard(deps.store, "analyst", forbidden), async (c) => {
    const range = await windowOf(c, deps);
    const detail = await actorDetail(deps.store, c.req.param("id"), range);
    if (!detail) return notFound(c, "actor by that name", "/actors");
    return c.html(
      <Layout title={detail.row.name} user={c.get("user")} active="actors">
        <ActivityPage detail={detail} range={range} base="/actors" sub={`Actor · ${detail.row.kind}`} />
      </Layout>,
    );
  });
}
