/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { listArticles } from "../data/articles.ts";
import { activeStories, type StorySummary } from "../data/stories.ts";
import type { DashboardDeps } from "../deps.ts";
import { fmtShortDay, fmtStamp } from "../ui/format.ts";
import { Empty, Layout, ModalityBadge, PageHead, TypeChip } from "../ui/layout.tsx";
import { ArticleList } from "./articles.tsx";
import { forbidden } from "./signin.tsx";

/** Articles per day as little bars; the label carries the same numbers for screen readers. */
function Timeline(props: { points: StorySummary["timeline"] }) {
  const max = Math.max(1, ...props.points.map((p) => p.count));
  const w = 200;
  const bw = Math.max(2, Math.min(24, w / Math.max(1, props.points.length) - 2));
  const label = props.points.map((p) => `${fmtShortDay(p.day)}: ${p.count}`).join(", ");
  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${w} 44`}
      width={w}
      height={44}
      role="img"
      aria-label={`Articles per day: ${label}`}
    >
      {props.points.map((p, i) => {
        const h = Math.max(2, (p.count / max) * 36);
        return p.count > 0 ? <rect x={i * (bw + 2)} y={40 - h} width={bw} height={h} rx={1.5} /> : null;
      })}
      <line x1="0" y1="40.5" x2={w} y2="40.5" stroke="#cbd5e1" />
    </svg>
  );
}

function StoryCard(props: { story: StorySummary; rank: number }) {
  const s = props.story;
  const claimed = s.indicators.filter((i) => i.modality === "asserted");
  const muted = s.indicators.filter((i) => i.modality === "negated" || i.modality === "speculative");
  return (
    <li class="card story" aria-labelledby={`story-${s.id}`}>
      <div class="stack">
        <div>
          <span class="rank">#{props.rank}</span>
          <h2 id={`story-${s.id}`}>{s.title}</h2>
          <div class="meta">
            <span>
              {fmtStamp(s.firstSeen)} → {fmtStamp(s.lastSeen)}
            </span>
            <span>{s.outlets.length > 0 ? s.outlets.join(", ") : "no outlet recorded"}</span>
          </div>
        </div>
        <div class="chips">
          <span class="sr-only">Merged indicators:</span>
          {claimed.map((i) => (
            <TypeChip type={i.type} count={i.count} />
          ))}
          {muted.map((i) => (
            <span class="chip muted">
              {i.type} <ModalityBadge modality={i.modality} /> <b>{i.count}</b>
            </span>
          ))}
        </div>
        <details>
          <summary>{s.articleCount === 1 ? "1 article" : `${s.articleCount} articles`}</summary>
          <ul class="list">
            {s.articles.map((a) => (
              <li>
                <a href={`/articles/${a.id}`}>{a.title ?? a.id}</a>
                <div class="meta">
                  <span>{fmtShortDay(a.day)}</span>
                  <span>{a.source ?? "unknown source"}</span>
                </div>
              </li>
            ))}
          </ul>
        </details>
      </div>
      <div class="stack">
        <div class="kpis">
          <span>
            <b>{s.intensity}</b>intensity
          </span>
          <span>
            <b>{s.articleCount > 1 ? `${Math.round(s.growth * 100)}%` : "—"}</b>in last 24 h
          </span>
          <span>
            <b>{s.articleCount}</b>articles
          </span>
        </div>
        <Timeline points={s.timeline} />
      </div>
    </li>
  );
}

export function registerStories(app: Hono<DashEnv>, deps: DashboardDeps): void {
  // Alert links point at one story: show it within the full list (older stories included).
  app.get("/stories/:id", guard(deps.store, "analyst", forbidden), (c) =>
    c.redirect(`/stories?older=1#story-${encodeURIComponent(c.req.param("id"))}`, 302),
  );
  app.get("/stories", guard(deps.store, "analyst", forbidden), async (c) => {
    const includeOlder = c.req.query("older") === "1";
    const stories = await activeStories(deps.store, { includeOlder });
    const latest = stories.length === 0 ? await listArticles(deps.store, { limit: 15 }) : [];
    return c.html(
      <Layout title="Stories" user={c.get("user")} active="stories">
        <PageHead
          title="Active stories"
          sub="Clusters of reports about one event, ranked by the intensity of their claims and how fast they grow."
        >
          <a class="btn ghost small" href={includeOlder ? "/stories" : "/stories?older=1"}>
            {includeOlder ? "Active only" : "Include older stories"}
          </a>
        </PageHead>
        {stories.length === 0 ? (
          <div class="stack">
            <div class="card">
              <Empty title="No stories yet">
                Stories appear once the clustering job links articles about the same event. Until then, here are the
                latest articles.
              </Empty>
            </div>
            <section class="card" aria-labelledby="latest-h">
              <h2 id="latest-h">Latest articles</h2>
              <ArticleList items={latest} />
            </section>
          </div>
        ) : (
          <ol class="grid list-reset" aria-label="Stories">
            {stories.map((s, i) => (
              <StoryCard story={s} rank={i + 1} />
            ))}
          </ol>
        )}
      </Layout>,
    );
  });
}
