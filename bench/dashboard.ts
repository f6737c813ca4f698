import type { Page } from "playwright-core";
import { launchChromium, waitForSample } from "../tests/browser/harness.ts";
import { API_TOKEN, type Backend, startTestStack } from "../tests/e2e/harness.ts";
import { type Figure, percentile } from "./figures.ts";

interface Load {
  /** Navigation start → load event end. */
  loadMs: number;
  /** Navigation start → the overview's charts painted (the `seismo:charts` mark of app.js). */
  chartsMs: number;
  /** Navigation start → first byte of the HTML (server time plus loopback). */
  ttfbMs: number;
}

// A string expression: the bench's tsconfig has no DOM types.
const TIMINGS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const charts = performance.getEntriesByName("seismo:charts")[0];
  return { loadMs: nav.loadEventEnd, chartsMs: charts ? charts.startTime : -1, ttfbMs: nav.responseStart };
})()`;

async function loadOverview(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(`performance.getEntriesByName("seismo:charts").length > 0`, undefined, {
    timeout: 30_000,
  });
  const t = await page.evaluate<Load>(TIMINGS);
  if (t.chartsMs < 0) throw new Error("the overview drew no charts");
  return t;
}

const stat = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)) };
};

/**
 * The overview page in Chromium, served by the API process of the whole stack (its middleware
 * included) on the offline sample once it is ingested: navigation start → load event and → charts
 * painted, over N loads with a warm cache (a returning analyst), plus one cold first load.
 */
export async function benchDashboard(): Promise<Figure[]> {
  const loads = Number(process.env.SEISMO_BENCH_DASHBOARD_LOADS ?? 10);
  const backend = (process.env.SEISMO_BENCH_DASHBOARD_BACKEND ?? "postgres") as Backend;
  const { stack, stop } = await startTestStack(backend);
  const browser = await launchChromium();
  try {
    await waitForSample(stack);
    if (!stack.url) throw new Error("the stack has no API URL");
    const base = stack.url.replace(/\/$/, "");
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.fill("#token", API_TOKEN);
    await Promise.all([page.waitForURL(`${base}/`), page.click("button[type=submit]")]);
    // The sign-in redirect was the cold load; measure one more cold-ish load in a fresh context.
    const coldContext = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    await coldContext.addCookies(await context.cookies());
    const cold = await loadOverview(await coldContext.newPage(), `${base}/`);
    await coldContext.close();
    const runs: Load[] = [];
    for (let i = 0; i < loads; i++) runs.push(await loadOverview(page, `${base}/`));
    const charts = await page.locator("figure[data-chart]").count();
    const load = stat(runs.map((r) => r.loadMs));
    const drawn = stat(runs.map((r) => r.chartsMs));
    const ttfb = stat(runs.map((r) => r.ttfbMs));
    const detail = { loads, backend, charts, articles: 33, goal_ms: 1000 };
    return [
      { name: "dashboard.overview.load.p50_ms", value: load.p50, unit: "ms", detail },
      { name: "dashboard.overview.load.p95_ms", value: load.p95, unit: "ms", detail },
      { name: "dashboard.overview.charts.p50_ms", value: drawn.p50, unit: "ms", detail },
      { name: "dashboard.overview.charts.p95_ms", value: drawn.p95, unit: "ms", detail },
      { name: "dashboard.overview.ttfb.p50_ms", value: ttfb.p50, unit: "ms", detail },
      {
        name: "dashboard.overview.cold_load_ms",
        value: Math.round(cold.loadMs),
        unit: "ms",
        detail: { charts_ms: Math.round(cold.chartsMs), ttfb_ms: Math.round(cold.ttfbMs), backend },
      },
    ];
  } finally {
    await browser.close();
    await stop();
  }
}
