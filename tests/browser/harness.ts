import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { registerDashboard } from "@seismo/dashboard";
import type { RunningStack, StackOptions } from "@seismo/stack";
import { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Backend, startTestStack, waitFor } from "../e2e/harness.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
/** Articles in the offline sample source. */
export const SAMPLE_ARTICLES = 33;

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/** Waits until the whole offline sample has been fetched, extracted and tagged. */
export const waitForSample = (stack: RunningStack, timeoutMs = 150_000) =>
  waitFor(
    async () => {
      const [row] = await stack.store.sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL",
      );
      return (row?.n ?? 0) >= SAMPLE_ARTICLES ? true : null;
    },
    timeoutMs,
    `the ${SAMPLE_ARTICLES} sample articles to be tagged`,
  );

/** Waits until app.js has drawn the page's uPlot charts. */
export const chartsDrawn = (page: Page) => page.waitForSelector("figure[data-chart] canvas");

export interface BrowserStack {
  stack: RunningStack;
  /** Origin of the dashboard, e.g. http://127.0.0.1:41234 */
  base: string;
  browser: Browser;
  /** A screenshot into tests/browser/artifacts/<name>.png: the full page, or only the viewport. */
  shot: (name: string, page: Page, fullPage?: boolean) => Promise<Buffer>;
  /** Signs `page` in with `token` through the sign-in form. */
  signIn: (page: Page, token: string) => Promise<void>;
  /** A page in a fresh browser context (own cookies), signed in with `token` when given. */
  openAs: (token?: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * The whole stack on the offline sample source, with the dashboard served on the stack's store and
 * queues (so pages that hand work to the workers, such as webhook replay, work), and a Chromium.
 */
export async function startBrowserStack(
  options: { backend?: Backend } & Pick<StackOptions, "alerts"> = {},
): Promise<BrowserStack> {
  await mkdir(ARTIFACTS, { recursive: true });
  const { stack, stop } = await startTestStack(
    options.backend ?? "pglite",
    options.alerts ? { alerts: options.alerts } : {},
  );
  let server: ReturnType<typeof serve> | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await stop();
  };
  try {
    await waitForSample(stack);
    const app = new Hono();
    registerDashboard(app, { store: stack.store, queues: stack.queues });
    const listening = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    server = listening;
    await new Promise<void>((resolve) => listening.once("listening", () => resolve()));
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const chrome = await launchChromium();
    browser = chrome;
    const signIn = async (page: Page, token: string) => {
      await page.goto(`${base}/signin`);
      await page.fill("#token", token);
      await Promise.all([page.waitForURL(`${base}/`), page.click("button[type=submit]")]);
    };
    return {
      stack,
      base,
      browser: chrome,
      shot: (name, page, fullPage = true) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage }),
      signIn,
      openAs: async (token) => {
        const context = await chrome.newContext({ viewport: { width: 1360, height: 900 } });
        const page = await context.newPage();
        if (token) await signIn(page, token);
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
