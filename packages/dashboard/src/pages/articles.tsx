/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { INDICATOR_TYPES, type IndicatorType } from "@seismo/core";
import type { Hono } from "hono";
import { type DashEnv, guard } from "../auth/index.ts";
import { type ArticleListItem, listArticles, loadArticle } from "../data/articles.ts";
import type { DashboardDeps } from "../deps.ts";
import { fmtDay } from "../ui/format.ts";
import { Empty, Layout, PageHead, TypeChip } from "../ui/layout.tsx";
import { SelectField } from "../ui/select-field.tsx";
import { isIndicatorType } from "../ui/theme.ts";
import { ArticleView } from "./article.tsx";
import { forbidden } from "./signin.tsx";

const PAGE_SIZE = 50;

export function ArticleList(props: { items: ArticleListItem[] }) {
  if (props.items.length === 0) return <Empty title="No articles match" />;
  return (
    <ul class="list" aria-label="Articles">
      {props.items.map((a) => (
        <li>
          <a class="item-title" href={`/articles/${a.id}`}>
            {a.title ?? a.url}
          </a>
          <div class="meta">
            <span>{fmtDay(a.day)}</span>
            <span>{a.sourceName ?? "unknown source"}</span>
            {a.duplicateOf ? <span>copy of an earlier report</span> : null}
            {a.muted > 0 ? <span>{a.muted} negated or speculative</span> : null}
          </div>
          <div class="chips">
            {(Object.entries(a.claims) as Array<[IndicatorType, number]>).map(([type, n]) => (
              <TypeChip type={type} count={n} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function registerArticles(app: Hono<DashEnv>, deps: DashboardDeps): void {
  app.get("/articles", guard(deps.store, "analyst", forbidden), async (c) => {
    const typeParam = c.req.query("type") ?? "";
    const type = isIndicatorType(typeParam) ? typeParam : null;
    const sourceId = c.req.query("source") || null;
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const page = Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1);
    const [items, sources] = await Promise.all([
      listArticles(deps.store, { type, sourceId, q, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
      deps.store.sources.list(),
    ]);
    const more = items.length > PAGE_SIZE;
    const params = (p: number) => {
      const u = new URLSearchParams({ ...(type ? { type } : {}), ...(sourceId ? { source: sourceId } : {}), q });
      u.set("page", String(p));
      return `/articles?${u}`;
    };
    return c.html(
      <Layout title="Articles" user={c.get("user")} active="articles">
        <PageHead title="Articles" sub="Every stored article, newest first, with the claims found in it." />
        <form method="get" action="/articles" class="card filters" aria-label="Filter articles">
          <div class="field">
            <label for="q">Search</label>
            <input id="q" name="q" type="search" value={q} placeholder="Title or text" />
          </div>
          <SelectField id="type" name="type" label="Type" none="Any type" options={INDICATOR_TYPES} value={type} />
          <SelectField
            id="source"
            name="source"
            label="Source"
            none="All sources"
            options={sources.map((s) => ({ value: s.id, label: s.name }))}
            value={sourceId}
          />
          <button type="submit" class="btn">
            Filter
          </button>
        </form>
        <section class="card" style="margin-top:1rem" aria-label="Article list">
          <ArticleList items={items.slice(0, PAGE_SIZE)} />
          <nav class="row" aria-label="Pages">
            {page > 1 ? <a href={params(page - 1)}>← Newer</a> : null}
            {more ? <a href={params(page + 1)}>Older →</a> : null}
          </nav>
        </section>
      </Layout>,
    );
  });

  app.get("/articles/:id", guard(deps.store, "analyst", forbidden), async (c) => {
    const detail = await loadArticle(deps.store, c.req.param("id"));
    const user = c.get("user");
    if (!detail) {
      return c.html(
        <Layout title="Not found" user={user} active="articles">
          <div class="card">
            <Empty title="No such article">
              It may have been removed. <a href="/articles">Back to the articles</a>
            </Empty>
          </div>
        </Layout>,
        404,
      );
    }
    return c.html(
      <Layout title={detail.article.title ?? "Article"} user={user} active="articles">
        <ArticleView detail={detail} />
      </Layout>,
    );
  });
}
