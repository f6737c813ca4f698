import type { RunningStack } from "@seismo/stack";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN } from "../e2e/harness.ts";
import { type BrowserStack, chartsDrawn, startBrowserStack } from "./harness.ts";

const NEGATED_SENTENCE = "no visible movement or increased presence of Serbian armed forces has been observed";

/**
 * The dashboard in a real browser over a real stack (pipeline on PGlite and Redis), served by the
 * browser harness on the stack's store and queues.
 */
describe("dashboard in a browser", () => {
  let run: BrowserStack;
  let stack: RunningStack;
  let base: string;
  let browser: Browser;
  let page: Page;

  const shot = (name: string, p: Page = page) => run.shot(name, p);
  const signIn = (p: Page, token: string) => run.signIn(p, token);

  beforeAll(async () => {
    run = await startBrowserStack();
    ({ stack, base, browser } = run);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  afterAll(async () => {
    await run?.close();
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
    await chartsDrawn(page);
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
    await chartsDrawn(phone);
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

  it("picks the 24 h range and a region on the overview", async () => {
    await page.goto(`${base}/`);
    await page.click("label[for=range-24h]");
    await page.selectOption("#scope", "region:Mitrovica");
    await Promise.all([
      page.waitForURL(/range=24h.*scope=region%3AMitrovica/),
      page.click("form.filters button[type=submit]"),
    ]);
    expect(await page.textContent("[data-testid=resolution]")).toBe("Per hour");
    expect(await page.textContent(".scope-pill")).toBe("Region: Mitrovica");
    // The sample is from 2023, so "24 h" ends at the latest data and says so.
    expect(await page.textContent("main")).toContain("up to the latest data");
    expect(await page.textContent("[data-testid=baseline-note]")).toContain("previous 24 hours");
    await chartsDrawn(page);
    await shot("17-overview-24h-region");
    // A week of the region per day, where the sample has its callouts.
    await page.click("label[for=range-7d]");
    await Promise.all([page.waitForURL(/range=7d/), page.click("form.filters button[type=submit]")]);
    expect(await page.textContent("[data-testid=resolution]")).toBe("Per day");
    await chartsDrawn(page);
    await shot("18-overview-7d-region");
  });

  it("explains a link that combines two scopes", async () => {
    await page.goto(`${base}/?range=all&region=Mitrovica&language=sr`);
    expect(await page.textContent("[data-testid=scope-conflict]")).toContain("combines Region: Mitrovica and Language");
    await shot("19-overview-scope-conflict");
  });

  it("opens a place page from the article view of seed 001", async () => {
    const [seed] = await stack.store.sql.query<{ id: string }>(
      "SELECT id FROM articles WHERE url LIKE '%/articles/seed-001'",
    );
    await page.goto(`${base}/articles/${seed?.id}`);
    const places = page.locator("[data-testid=article-places] a.entity");
    expect(await places.count()).toBeGreaterThan(0);
    const names = await places.allTextContents();
    const pick = ["Banjska", "Zvečan", "Mitrovica"].find((n) => names.includes(n)) ?? names[0] ?? "";
    await shot("20-article-seed-001");
    await page.locator("[data-testid=article-places]").scrollIntoViewIfNeeded();
    await run.shot("20-article-seed-001-context", page, false);
    await Promise.all([page.waitForURL(/\/places\/[a-z-]+/), places.filter({ hasText: pick }).first().click()]);
    expect(await page.textContent("h1")).toBe(pick);
    await chartsDrawn(page);
    // Its evidence links back to the article it came from.
    expect(await page.locator(`.ind-list a[href="/articles/${seed?.id}"]`).count()).toBeGreaterThan(0);
    await shot("21-place");
    await page.goto(`${base}/places?region=Mitrovica`);
    expect(await page.locator("table[aria-label=Places] tbody tr").count()).toBeGreaterThan(0);
    await shot("22-places-mitrovica");
    await page.goto(`${base}/actors`);
    await Promise.all([page.waitForURL(/\/actors\/.+/), page.locator("table[aria-label=Actors] a").first().click()]);
    await chartsDrawn(page);
    await shot("23-actor");
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
