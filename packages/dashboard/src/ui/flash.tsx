/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

export interface Messages {
  ok?: string | undefined;
  error?: string | undefined;
}

/** The outcome of the last action: green for done, red (announced at once) for what went wrong. */
export const Flash = (p: { msg: Messages }) => (
  <>
    {p.msg.ok ? (
      <p class="flash" role="status">
        {p.msg.ok}
      </p>
    ) : null}
    {p.msg.error ? (
      <p class="error" role="alert">
        {p.msg.error}
      </p>
    ) : null}
  </>
);

/** A note on what the page shows (a range moved to where the data is, a filter ignored); nothing without one. */
export const Note = (p: { children?: Child }) =>
  p.children ? (
    <p class="note" role="status">
      {p.children}
    </p>
  ) : null;

/** Tabs between sibling pages (alerts and their rules); plain links, so they work without JS. */
export const Tabs = (p: { items: Array<{ href: string; label: Child; current: boolean }> }) => (
  <nav class="tabs" aria-label="Section">
    {p.items.map((t) => (
      <a href={t.href} aria-current={t.current ? "page" : undefined}>
        {t.label}
      </a>
    ))}
  </nav>
);

/** The alert section's two tabs. */
export const AlertTabs = (p: { current: "alerts" | "rules" }) => (
  <Tabs
    items={[
      { href: "/alerts", label: "Recent alerts", current: p.current === "alerts" },
      { href: "/alerts/rules", label: "Rules", current: p.current === "rules" },
    ]}
  />
);
