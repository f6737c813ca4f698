/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SourceInputSchema } from "@seismo/store";
import type { Context, Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { type FetchRow, recentFetches, type SourceHealth, sourceHealth } from "../data/operator.ts";
import type { DashboardDeps } from "../deps.ts";
import { Flash, type Messages } from "../ui/flash.tsx";
import { fmtAgo, fmtStamp } from "../ui/format.ts";
import { Empty, Layout, PageHead } from "../ui/layout.tsx";
import { PostButton } from "../ui/post-button.tsx";
import { DataTable } from "../ui/table.tsx";
import { forbidden } from "./signin.tsx";

const KINDS = ["auto", "rss", "rdf", "atom", "json", "sitemap", "sitemap-index", "html"] as const;

function Status(props: { s: SourceHealth }) {
  const { s } = props;
  if (!s.enabled) return <span class="status paused">Paused</span>;
  if (s.lastError) return <span class="status bad">Failing</span>;
  if (!s.lastPolledAt) return <span class="status idle">Not polled yet</span>;
  return <span class="status ok">Healthy</span>;
}

function SourcesTable(props: { sources: SourceHealth[] }) {
  return (
    <DataTable
      columns={[
        "Source",
        "Health",
        "Last poll",
        { label: "Articles", num: true },
        { label: "Last poll items", num: true },
        { label: "Polls (failed)", num: true },
      ]}
      actions
      items={props.sources}
      empty={<Empty title="No sources yet">Add one below.</Empty>}
      row={(s) => (
        <tr data-source={s.id}>
          <td>
            <a class="item-title" href={`/operator/sources?log=${s.id}#log`}>
              {s.name}
            </a>
            <div class="meta">
              <span class="mono">{s.url}</span>
              <span>
                {s.kind}, every {Math.round(s.intervalSeconds / 60)} min
              </span>
            </div>
            {s.lastError ? <div class="error small">{s.lastError}</div> : null}
          </td>
          <td>
            <Status s={s} />
          </td>
          <td title={fmtStamp(s.lastPolledAt)}>
            {fmtAgo(s.lastPolledAt)}
            {s.lastStatus ? <div class="meta">HTTP {s.lastStatus}</div> : null}
          </td>
          <td class="num">{s.articles}</td>
          <td class="num">{s.lastItemsSeen === null ? "—" : `${s.lastItemsNew} new / ${s.lastItemsSeen}`}</td>
          <td class="num">
            {s.polls} ({s.failedPolls})
          </td>
          <td>
            <PostButton
              action={`/operator/sources/${s.id}/toggle`}
              class={`btn small ${s.enabled ? "ghost" : ""}`}
              label={`${s.enabled ? "Pause" : "Resume"} ${s.name}`}
            >
              {s.enabled ? "Pause" : "Resume"}
            </PostButton>
          </td>
        </tr>
      )}
    />
  );
}

function FetchLog(props: { rows: FetchRow[] }) {
  return (
    <DataTable
      columns={[
        "When",
        "Source",
        { label: "HTTP", num: true },
        { label: "New / seen", num: true },
        { label: "Time", num: true },
        "Error",
      ]}
      items={props.rows}
      empty={<p class="muted">No polls recorded yet.</p>}
      row={(r) => (
        <tr>
          <td>{fmtStamp(r.startedAt)}</td>
          <td>{r.sourceName}</td>
          <td class="num">{r.httpStatus ?? "—"}</td>
          <td class="num">
            {r.itemsNew} / {r.itemsSeen}
          </td>
          <td class="num">{r.durationMs} ms</td>
          <td>{r.error ? <span class="status bad">{r.error}</span> : <span class="muted">—</span>}</td>
        </tr>
      )}
    />
  );
}

async function render(c: Context<DashEnv>, deps: DashboardDeps, msg: Messages = {}) {
  const logFor = c.req.query("log") || null;
  const [sources, log] = await Promise.all([sourceHealth(deps.store), recentFetches(deps.store, logFor)]);
  const logName = logFor ? sources.find((s) => s.id === logFor)?.name : null;
  return c.html(
    <Layout title="Sources" user={c.get("user")} active="sources">
      <PageHead title="Sources" sub="Feeds Seismo polls, their health and the fetch log." />
      <div class="stack">
        <Flash msg={msg} />
        <section class="card" aria-labelledby="src-h">
          <h2 id="src-h">Sources ({sources.length})</h2>
          <SourcesTable sources={sources} />
        </section>
        <section class="card stack" aria-labelledby="add-h">
          <h2 id="add-h">Add a source</h2>
          <form method="post" action="/operator/sources" class="row">
            <div class="field">
              <label for="name">Name</label>
              <input id="name" name="name" required maxlength={200} />
            </div>
            <div class="field" style="flex:1;min-width:260px">
              <label for="url">Feed or site URL</label>
              <input id="url" name="url" type="url" required placeholder="https://…" />
            </div>
            <div class="field">
              <label for="kind">Kind</label>
              <select id="kind" name="kind">
                {KINDS.map((k) => (
                  <option value={k}>{k}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="interval">Poll every (min)</label>
              <input id="interval" name="interval" type="number" min={1} max={10080} value="15" />
            </div>
            <button class="btn" type="submit">
              Add source
            </button>
          </form>
        </section>
        <section class="card" id="log" aria-labelledby="log-h">
          <h2 id="log-h">Fetch log{logName ? ` · ${logName}` : ""}</h2>
          {logName ? <a href="/operator/sources#log">Show all sources</a> : null}
          <FetchLog rows={log} />
        </section>
      </div>
    </Layout>,
  );
}

export function registerOperator(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const op = guard(deps.store, "operator", forbidden);
  app.get("/operator/sources", op, (c) =>
    render(c, deps, c.req.query("added") ? { ok: `Added ${c.req.query("added")}.` } : {}),
  );
  app.post("/operator/sources", op, async (c) => {
    const form = await c.req.parseBody();
    const minutes = Number(form.interval ?? 15);
    const parsed = SourceInputSchema.safeParse({
      name: String(form.name ?? "").trim(),
      url: String(form.url ?? "").trim(),
      kind: String(form.kind ?? "auto"),
      intervalSeconds: Math.round((Number.isFinite(minutes) ? minutes : 15) * 60),
    });
    if (!parsed.success) {
      const error = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return render(c, deps, { error: `Could not add the source: ${error}` });
    }
    const source = await deps.store.sources.upsert(parsed.data);
    return c.redirect(`/operator/sources?added=${encodeURIComponent(source.name)}`, 303);
  });
  app.post("/operator/sources/:id/toggle", op, async (c) => {
    const source = await deps.store.sources.get(c.req.param("id"));
    if (!source || source.removed) return render(c, deps, { error: "No such source." });
    const kind = SourceInputSchema.shape.kind.safeParse(source.kind);
    await deps.store.sources.upsert({
      name: source.name,
      url: source.url,
      kind: kind.success ? kind.data : "auto",
      intervalSeconds: source.intervalSeconds,
      tags: source.tags,
      enabled: !source.enabled,
    });
    return c.redirect("/operator/sources", 303);
  });
}
