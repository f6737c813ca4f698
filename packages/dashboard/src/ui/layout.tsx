/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { IndicatorType, Modality } from "@seismo/core";
import type { ApiRole, ApiToken } from "@seismo/store";
import type { Child, PropsWithChildren } from "hono/jsx";
import { ASSET_VERSION } from "../assets/index.ts";
import { canSee } from "../auth/index.ts";

const NAV: Array<{ href: string; label: string; role: ApiRole; key: string }> = [
  { href: "/", label: "Overview", role: "viewer", key: "overview" },
  { href: "/stories", label: "Stories", role: "analyst", key: "stories" },
  { href: "/articles", label: "Articles", role: "analyst", key: "articles" },
  { href: "/map", label: "Map", role: "analyst", key: "map" },
  { href: "/places", label: "Places", role: "analyst", key: "places" },
  { href: "/actors", label: "Actors", role: "analyst", key: "actors" },
  { href: "/alerts", label: "Alerts", role: "analyst", key: "alerts" },
  { href: "/operator/sources", label: "Sources", role: "operator", key: "sources" },
  { href: "/operator/tokens", label: "Tokens", role: "operator", key: "tokens" },
  { href: "/operator/webhooks", label: "Webhooks", role: "operator", key: "webhooks" },
];

const asset = (name: string) => `/ui/assets/${name}?v=${ASSET_VERSION}`;

export function Layout(
  props: PropsWithChildren<{ title: string; user: ApiToken | null; active?: string; sse?: string | null }>,
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>{`${props.title} · Seismo`}</title>
        <link rel="icon" href={asset("favicon.svg")} type="image/svg+xml" />
        <link rel="stylesheet" href={asset("uPlot.min.css")} />
        <link rel="stylesheet" href={asset("app.css")} />
        <script src={asset("htmx.min.js")} defer />
        <script src={asset("uPlot.iife.min.js")} defer />
        <script src={asset("app.js")} defer />
      </head>
      <body data-sse={props.sse ?? undefined}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/" aria-label="Seismo home">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path d="M1 12h5l2-6 4 12 3-9 2 3h6" fill="none" stroke="currentColor" stroke-width="2.2" />
            </svg>
            Seismo
          </a>
          {props.user ? (
            <nav aria-label="Main">
              <ul>
                {NAV.filter((n) => props.user && canSee(props.user, n.role)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={props.active === n.key ? "page" : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {props.user ? (
            <form method="post" action="/signout" class="who">
              <span class="who-name" title={props.user.name}>
                {props.user.name}
              </span>
              <span class={`role role-${props.user.role}`}>{props.user.role}</span>
              <button type="submit" class="btn ghost small">
                Sign out
              </button>
            </form>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export const TypeChip = (p: { type: IndicatorType; count?: number | undefined; muted?: boolean }) => (
  <span class={`chip t-${p.type}${p.muted ? " muted" : ""}`}>
    <span class="dot" aria-hidden="true" />
    {p.type}
    {p.count !== undefined ? <b>{p.count}</b> : null}
  </span>
);

export const ModalityBadge = (p: { modality: Modality }) => <span class={`mod mod-${p.modality}`}>{p.modality}</span>;

export const Empty = (p: { title: string; children?: Child }) => (
  <div class="empty" role="status">
    <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true">
      <path d="M4 26h10l4-10 6 20 5-14 3 4h12" fill="none" stroke="currentColor" stroke-width="2.5" />
    </svg>
    <h2>{p.title}</h2>
    {p.children ? <p>{p.children}</p> : null}
  </div>
);

export const PageHead = (p: { title: string; sub?: Child; children?: Child }) => (
  <div class="page-head">
    <div>
      <h1>{p.title}</h1>
      {p.sub ? <p class="sub">{p.sub}</p> : null}
    </div>
    {p.children ? <div class="actions">{p.children}</div> : null}
  </div>
);
