import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { registerDashboard } from "@seismo/dashboard";
import type { RunningStack } from "@seismo/stack";
import { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, startTestStack, waitFor } from "../e2e/harness.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;
const NEGATED_SENTENCE = "no visible movement or increased presence of Serbian armed forces has been observed";

/**
 * The dashboard in a real browser over a real stack (pipeline on PGlite and Redis). Until the lead
 * mounts the dashboard in the API, this test serves it itself on the stack's store.
 */
describe("dashboard in a browser", () => {
  let stack: RunningStack;
  let stop: () => Promise<void>;
  let server: ReturnType<typeof serve>;
  let base: string;
  let browser: Browser;
  let page: Page;

  const shot = (name: string, p: Page = page) => p.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const signIn = async (p: Page, token: string) => {
    await p.goto(`${base}/`);
    await p.waitForURL(/\/signin/);
    await p.fill("#token", token);
    await Promise.all([p.waitForURL(`${base}/`), p.click("button[type=submit]")]);
  };

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    ({ stack, stop } = await startTestStack("pglite"));
    await waitFor(
      async () => {
        const [row] = await stack.store.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL",
        );
        return (row?.n ?? 0) >= 33 ? true : null;
      },
      150_000,
      "the 33 sample articles to be tagged",
    );
    const app = new Hono();
    registerDashboard(app, { store: stack.store });
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await stop?.();
  });

  it("signs in with an API token and shows clash and deployment counts", async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/signin\?next=/);
    await shot("01-signin");
    await page.fill("#token", API_TOKEN);
    await Promise.all([page.waitForURL(`${base}/`), page.click("button[type=submit]")]);
    const count = async (type: string) => Number(await page.textContent(`[data-testid=total-${type}]`));
    expect(await count("clash")).toBeGreaterThan(0);
    expect(await count("deployment")).toBeGreaterThan(0);
    await page.waitForSelector("figure[data-chart] canvas");
    await shot("02-overview");
    // Keyboard first: the first Tab lands on the skip link, which is visible when focused.
    await page.keyboard.press("Tab");
    // String expressions: this package's tsconfig has no DOM types.
    expect(await page.evaluate<string>("document.activeElement.textContent.trim()")).toBe("Skip to content");
  });

  it("keeps working on a phone-sized screen", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${base}/`);
    await phone.waitForSelector("figure[data-chart] canvas");
    await shot("03-overview-phone", phone);
    await phone.close();
  });

  it("opens the stories and the article list", async () => {
    await page.click("nav >> text=Stories");
    await page.waitForURL(`${base}/stories`);
    await shot("04-stories");
    await page.click("text=Include older stories");
    await page.waitForURL(/older=1/);
    expect(await page.locator("li.story").count()).toBeGreaterThan(0);
    await shot("04-stories-all");
    await page.click("nav >> text=Articles");
    await page.waitForURL(`${base}/articles`);
    expect(await page.locator("ul[aria-label=Articles] > li").count()).toBeGreaterThan(20);
    await shot("05-articles");
  });

  it("shows the unobserved troop movement in seed 000 as negated", async () => {
    const [seed] = await stack.store.sql.query<{ id: string }>(
      "SELECT id FROM articles WHERE url LIKE '%/articles/seed-000'",
    );
    expect(seed).toBeDefined();
    await Promise.all([page.waitForURL(`${base}/articles/${seed?.id}`), page.click(`a[href="/articles/${seed?.id}"]`)]);
    const item = page.locator(".ind-list li", { hasText: NEGATED_SENTENCE });
    await expect.poll(() => item.count()).toBeGreaterThan(0);
    expect(await item.first().getAttribute("data-modality")).toBe("negated");
    expect(await item.first().locator(".mod-negated").textContent()).toBe("negated");
    // In the text, the evidence inside that sentence is struck through and labelled.
    const struck = page.locator(".article-text .s-negated mark.m-negated");
    expect(await struck.count()).toBeGreaterThan(0);
    const decoration =
      "getComputedStyle(document.querySelector('.article-text .s-negated mark.m-negated')).textDecorationLine";
    expect(await page.evaluate<string>(decoration)).toContain("line-through");
    await shot("06-article-seed-000");
  });

  it("draws the map", async () => {
    await page.goto(`${base}/map`);
    expect(await page.locator(".map svg circle").count()).toBeGreaterThan(0);
    await shot("07-map");
  });

  it("lets an operator add a source", async () => {
    await page.goto(`${base}/operator/sources`);
    await page.fill("#name", "Browser Test Feed");
    await page.fill("#url", "http://127.0.0.1:9/browser-feed.xml");
    await page.selectOption("#kind", "rss");
    await Promise.all([page.waitForURL(/added=/), page.click("text=Add source")]);
    expect(await page.textContent("table")).toContain("Browser Test Feed");
    expect((await stack.store.sources.list()).map((s) => s.name)).toContain("Browser Test Feed");
    await shot("08-operator-sources");
    await page.goto(`${base}/operator/tokens`);
    await page.fill("#tname", "browser analyst");
    await page.click("text=Create token");
    const created = (await page.textContent("[data-testid=new-token]"))?.trim() ?? "";
    expect((await stack.store.tokens.verify(created))?.role).toBe("analyst");
    await shot("09-operator-tokens");
  });

  it("keeps a viewer out of operator pages", async () => {
    const { token } = await stack.store.tokens.create("browser viewer", "viewer");
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const viewer = await context.newPage();
    await signIn(viewer, token);
    expect(await viewer.locator("nav a", { hasText: "Sources" }).count()).toBe(0);
    const res = await viewer.goto(`${base}/operator/sources`);
    expect(res?.status()).toBe(403);
    expect(await viewer.textContent("main")).toContain("needs the operator role");
    await shot("10-viewer-forbidden", viewer);
    await context.close();
  });
});
