import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, waitFor } from "../e2e/harness.ts";
import { type BrowserStack, startBrowserStack } from "./harness.ts";

const RULE = "Browser: story growth anywhere";

/** A loopback webhook receiver that answers its first request 503, then 200. */
async function startReceiver() {
  let seen = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      seen++;
      if (seen === 1) res.writeHead(503).end("down for maintenance");
      else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/seismo`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

/** Alert rules, alerts and webhooks in a real browser over the whole stack. */
describe("alerts and webhooks in a browser", () => {
  let run: BrowserStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let operator: Page;
  let analyst: Page;
  let viewerToken: string;
  let subscriptionId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    run = await startBrowserStack({
      alerts: {
        webhookAllowHosts: ["127.0.0.1"],
        delivery: { baseDelayMs: 300, maxDelayMs: 1500, maxAgeMs: 10 * 60_000 },
      },
    });
    operator = await run.openAs(API_TOKEN);
    analyst = await run.openAs((await run.stack.store.tokens.create("browser analyst", "analyst")).token);
    viewerToken = (await run.stack.store.tokens.create("browser viewer", "viewer")).token;
  });

  afterAll(async () => {
    await run?.close();
    await receiver?.close();
  });

  it("lets an operator subscribe an endpoint and shows the signing secret once", async () => {
    await operator.goto(`${run.base}/operator/webhooks`);
    await operator.fill("#w-name", "Ops receiver");
    await operator.fill("#w-url", receiver.url);
    await operator.selectOption("#w-format", "standard");
    await operator.click("button:has-text('Subscribe')");
    const secret = (await operator.textContent("[data-testid=new-secret]"))?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    const row = operator.locator("tr[data-webhook]", { hasText: "Ops receiver" });
    expect(await row.textContent()).toContain("Active");
    subscriptionId = (await row.getAttribute("data-webhook")) ?? "";
    await run.shot("11-webhooks", operator);
  });

  it("shows an analyst the recent alerts with their numbers and evidence", async () => {
    await analyst.goto(`${run.base}/`);
    await analyst.click("nav >> text=Alerts");
    await analyst.waitForURL(`${run.base}/alerts`);
    expect(await analyst.locator("li.alert-item").count()).toBeGreaterThan(0);
    expect(await analyst.locator("li.alert-item .numbers").first().textContent()).toMatch(/\d/);
    await run.shot("12-alerts", analyst);
  });

  it("lets an analyst create an alert rule, with field errors first, and lists it", async () => {
    await analyst.click(".tabs >> text=Rules");
    await analyst.click("text=New rule");
    await analyst.waitForURL(`${run.base}/alerts/rules/new`);
    await analyst.selectOption("#r-kind", "story-growth");
    // Only the picked type's parameters show (app.js); the others are hidden, not removed.
    expect(await analyst.isVisible("#r-minOutlets")).toBe(true);
    expect(await analyst.isVisible("#r-windowHours")).toBe(false);
    await analyst.fill("#r-minConfidence", "5");
    await Promise.all([analyst.waitForLoadState("load"), analyst.press("#r-minConfidence", "Enter")]);
    expect(await analyst.textContent("[role=alert]")).toContain("Name: give the rule a name");
    expect(await analyst.textContent("#err-minConfidence")).toBe("must be at most 1");
    await run.shot("13-rule-form-errors", analyst);
    // Keyboard only from here: type the name, fix the confidence, submit with Enter.
    await analyst.focus("#r-name");
    await analyst.keyboard.type(RULE);
    await analyst.fill("#r-minConfidence", "0.5");
    await analyst.fill("#r-minOutlets", "2");
    await analyst.fill("#r-intensityLevel", "1");
    await Promise.all([analyst.waitForURL(/done=created/), analyst.press("#r-intensityLevel", "Enter")]);
    const row = analyst.locator("tr[data-rule]", { hasText: RULE });
    expect(await row.textContent()).toContain("Growth");
    expect(await row.textContent()).toContain("you");
    expect(await analyst.textContent("[role=status]")).toContain(`Created “${RULE}”`);
    await run.shot("14-alert-rules", analyst);
  });

  it("shows the operator each delivery attempt of the new rule's alerts and replays one", async () => {
    await waitFor(
      async () => {
        const [row] = await run.stack.store.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id
           JOIN alert_rules r ON r.id = a.rule_id WHERE d.subscription_id = $1 AND d.status = 'delivered' AND r.name = $2`,
          [subscriptionId, RULE],
        );
        return (row?.n ?? 0) > 0 ? true : null;
      },
      90_000,
      "a delivered webhook for the new rule",
    );
    await operator.goto(`${run.base}/operator/webhooks`);
    await operator.click("text=Delivery log");
    await operator.waitForURL(`${run.base}/operator/webhooks/${subscriptionId}`);
    const text = (await operator.textContent("main")) ?? "";
    expect(text).toContain("down for maintenance");
    expect(text).toContain("delivered");
    expect(text).toMatch(/\d+ ms/);
    await run.shot("15-webhook-delivery-log", operator);
    await Promise.all([
      operator.waitForURL(/replayed=/),
      operator.locator("button:has-text('Replay')").first().click(),
    ]);
    expect(await operator.textContent("[role=status]")).toContain("queued again with the same webhook-id");
  });

  it("keeps a viewer out of the alert pages and an analyst out of webhooks", async () => {
    const viewer = await run.openAs(viewerToken);
    expect(await viewer.locator("nav a", { hasText: "Alerts" }).count()).toBe(0);
    for (const path of ["/alerts", "/alerts/rules", "/alerts/rules/new", "/operator/webhooks"]) {
      const res = await viewer.goto(`${run.base}${path}`);
      expect(res?.status(), path).toBe(403);
    }
    expect(await viewer.textContent("main")).toContain("needs the operator role");
    await run.shot("16-viewer-webhooks-forbidden", viewer);
    const res = await analyst.goto(`${run.base}/operator/webhooks`);
    expect(res?.status()).toBe(403);
    await viewer.context().close();
  });
});
