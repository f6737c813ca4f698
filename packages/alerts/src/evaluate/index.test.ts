import { createPoster } from "@seismo/fetcher";
import { silentLogger } from "@seismo/observability";
import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAlerts } from "../data/alerts.ts";
import { insertRule, updateRule } from "../data/rules.ts";
import type { AlertsDeps } from "../deps.ts";
import { RuleInputSchema } from "../rules/schema.ts";
import { addArticle, recordingQueues, subscribeAll } from "../testing/store.ts";
import { evaluateStory } from "./index.ts";

let store: Store;
let sourceId: string;
const queues = recordingQueues();
const poster = createPoster();
let clock = Date.parse("2024-01-01T00:00:00Z");
let deps: AlertsDeps;

const NEGATED = "Despite the warning, no visible movement of Serbian armed forces has been observed near the border.";

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  sourceId = (await store.sources.upsert({ name: "S", url: "https://news.example/feed" })).id;
  deps = {
    store,
    queues,
    logger: silentLogger(),
    poster,
    publicUrl: () => "http://127.0.0.1:3000/",
    now: () => clock,
  };
  await subscribeAll(store.sql);
});
afterAll(async () => {
  await poster.close();
  await store.close();
});

const deploymentRule = (over: object = {}) =>
  RuleInputSchema.parse({
    name: "Deployment near Kosovo",
    kind: "deployment",
    params: { actors: ["Serbian armed forces", "Serbia"], near: ["Kosovo"] },
    cooldownMinutes: 30,
    ...over,
  });

describe("alert evaluation", () => {
  it("does not raise a deployment alert from a negated deployment", async () => {
    await insertRule(store.sql, deploymentRule(), null, "rule_dep");
    await addArticle(store, {
      slug: "negated",
      at: "2023-09-29T16:20:00Z",
      storyId: "sty_neg",
      sourceId,
      indicators: [
        {
          type: "deployment",
          modality: "negated",
          actors: ["Serbian armed forces"],
          places: ["Kosovo"],
          evidence: { text: "movement", start: 0, end: 8, sentence: NEGATED },
        },
      ],
    });
    expect((await evaluateStory(deps, "sty_neg")).alerts).toEqual([]);
  });

  it("raises one alert per story and updates it as the story grows, with links and numbers", async () => {
    const deployment = { type: "deployment" as const, actors: ["Serbia"], places: ["Kosovo"] };
    await addArticle(store, {
      slug: "d1",
      at: "2023-09-29T20:30:00Z",
      storyId: "sty_dep",
      sourceId,
      indicators: [deployment],
    });
    const first = await evaluateStory(deps, "sty_dep");
    expect(first.alerts).toHaveLength(1);
    expect(first.alerts[0]).toMatchObject({ ruleId: "rule_dep", version: 1, notified: true });
    const again = await evaluateStory(deps, "sty_dep");
    expect(again.alerts[0]?.version).toBe(1); // nothing changed: no new version

    const deliveries = queues.jobs.filter((j) => j.name === "deliver-webhook");
    expect(deliveries).toHaveLength(1); // one subscription, one delivery of version 1
    expect(deliveries[0]?.dedupeKey).toMatch(/^dw-dlv_.+-1$/);

    await addArticle(store, {
      slug: "d2",
      at: "2023-09-30T09:00:00Z",
      storyId: "sty_dep",
      sourceId,
      indicators: [deployment],
    });
    const grown = await evaluateStory(deps, "sty_dep");
    expect(grown.alerts[0]).toMatchObject({ alertId: first.alerts[0]?.alertId, version: 2, notified: false });
    const [alert] = await listAlerts(store.sql, { limit: 10, storyId: "sty_dep" });
    expect(alert?.numbers).toMatchObject({ claims: 2, articles: 2, actors: ["Serbia"] });
    expect(alert?.evidence[0]?.url).toMatch(/^https:\/\/news\.example\/d/);
    expect(alert?.title).toBe("Deployment near Kosovo: Story sty_dep");

    // Inside the 30-minute cooldown: version 2 waits, and a re-evaluation is queued for the end of it.
    const later = queues.jobs.at(-1);
    expect(later).toMatchObject({ name: "evaluate-alerts", payload: { storyId: "sty_dep", ruleIds: ["rule_dep"] } });
    expect(later?.delayMs).toBeGreaterThan(29 * 60_000);
    clock += 31 * 60_000;
    const after = await evaluateStory(deps, "sty_dep", { ruleIds: ["rule_dep"] });
    expect(after.alerts[0]).toMatchObject({ version: 2, notified: true });
  });

  it("stores the signed body with the dashboard link and one message id per version", async () => {
    const rows = await store.sql.query<{ message_id: string; body: string; event_type: string }>(
      "SELECT message_id, body, event_type FROM webhook_deliveries ORDER BY alert_version",
    );
    expect(rows.map((r) => r.event_type)).toEqual(["alert.created", "alert.updated"]);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(2);
    const body = JSON.parse(rows[0]?.body ?? "{}");
    expect(body.data.dashboardUrl).toBe("http://127.0.0.1:3000/stories/sty_dep");
    expect(body.data.story.id).toBe("sty_dep");
  });

  it("applies a rule edit at the next evaluation", async () => {
    await addArticle(store, {
      slug: "nato",
      at: "2023-09-28T17:00:00Z",
      storyId: "sty_nato",
      sourceId,
      indicators: [{ type: "deployment", modality: "intent", actors: ["NATO"], places: ["Kosovo"] }],
    });
    expect((await evaluateStory(deps, "sty_nato")).alerts).toEqual([]);
    await updateRule(store.sql, "rule_dep", deploymentRule({ params: { actors: ["NATO"], near: ["Kosovo"] } }));
    expect((await evaluateStory(deps, "sty_nato")).alerts).toHaveLength(1);
    await updateRule(store.sql, "rule_dep", deploymentRule({ enabled: false }));
    await addArticle(store, {
      slug: "nato2",
      at: "2023-09-28T18:00:00Z",
      storyId: "sty_nato2",
      sourceId,
      indicators: [{ type: "deployment", modality: "intent", actors: ["NATO"], places: ["Kosovo"] }],
    });
    expect((await evaluateStory(deps, "sty_nato2")).alerts).toEqual([]);
  });

  it("raises a clash spike for the story inside a burst", async () => {
    await insertRule(
      store.sql,
      RuleInputSchema.parse({ name: "Clash spike", kind: "spike", filters: { types: ["clash"] } }),
      null,
      "rule_spike",
    );
    const clash = [{ type: "clash" as const, places: ["Banjska"] }];
    await addArticle(store, { slug: "c0", at: "2023-09-01T09:00:00Z", storyId: "sty_c0", sourceId, indicators: clash });
    for (const [i, at] of [
      "2023-09-24T09:00:00Z",
      "2023-09-25T12:00:00Z",
      "2023-09-25T15:00:00Z",
      "2023-09-26T10:00:00Z",
    ].entries()) {
      await addArticle(store, {
        slug: `burst${i}`,
        at,
        storyId: i === 0 ? "sty_burst" : `sty_b${i}`,
        sourceId,
        indicators: clash,
      });
    }
    const result = await evaluateStory(deps, "sty_burst", { ruleIds: ["rule_spike"] });
    expect(result.alerts).toHaveLength(1);
    const [alert] = await listAlerts(store.sql, { limit: 1, ruleId: "rule_spike", storyId: "sty_burst" });
    expect(alert?.numbers).toMatchObject({ count: 4, baseline: 0.11 });
    expect((await evaluateStory(deps, "sty_c0", { ruleIds: ["rule_spike"] })).alerts).toEqual([]);
  });

  it("gives the other stories of the burst the same spike alert, not one each", async () => {
    for (const id of ["sty_b1", "sty_b2", "sty_b3"]) await evaluateStory(deps, id, { ruleIds: ["rule_spike"] });
    const alerts = await listAlerts(store.sql, { limit: 10, ruleId: "rule_spike" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.numbers).toMatchObject({ storyCount: 4 });
    expect(alerts[0]?.numbers.stories).toEqual(["sty_burst", "sty_b1", "sty_b2", "sty_b3"]);
  });

  it("updates one alert while ten outlets report one shootout, under that story", async () => {
    const clash = [{ type: "clash" as const, places: ["Zvečan"] }];
    for (let i = 0; i < 10; i++) {
      const outlet = (await store.sources.upsert({ name: `O${i}`, url: `https://o${i}.example/feed` })).id;
      const at = new Date(Date.parse("2024-03-10T08:00:00Z") + i * 600_000).toISOString();
      await addArticle(store, { slug: `zv${i}`, at, storyId: "sty_zv", sourceId: outlet, indicators: clash });
      await evaluateStory(deps, "sty_zv", { ruleIds: ["rule_spike"] });
    }
    await addArticle(store, {
      slug: "zv-other",
      at: "2024-03-10T12:00:00Z",
      storyId: "sty_zv_other",
      sourceId,
      indicators: clash,
    });
    await evaluateStory(deps, "sty_zv_other", { ruleIds: ["rule_spike"] });
    const alerts = (await listAlerts(store.sql, { limit: 10, ruleId: "rule_spike" })).filter(
      (a) => a.numbers.episodeStart === "2024-03-07T08:30:00.000Z",
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ storyId: "sty_zv", numbers: { count: 11, storyCount: 2 } });
    expect(alerts[0]?.version).toBe(8); // counts 4…10, then a second story
    // Updates inside the cooldown wait for one re-evaluation of the alert, not one per version.
    const cooling = queues.jobs.filter((j) => j.dedupeKey?.startsWith(`ea-cool-${alerts[0]?.id}`));
    expect(new Set(cooling.map((j) => j.dedupeKey))).toEqual(new Set([`ea-cool-${alerts[0]?.id}`]));
  });

  it("keeps one spike alert when earlier reports of the burst arrive after later ones", async () => {
    const clash = [{ type: "clash" as const, places: ["Leposavić"] }];
    const burst = ["2024-05-03T08:00:00Z", "2024-05-03T12:00:00Z", "2024-05-04T09:00:00Z", "2024-05-04T15:00:00Z"];
    // The last four reports first (a slow feed brings the first ones later)…
    for (const [i, at] of burst.entries()) {
      await addArticle(store, { slug: `lp${i}`, at, storyId: "sty_lp", sourceId, indicators: clash });
    }
    await evaluateStory(deps, "sty_lp", { ruleIds: ["rule_spike"] });
    const before = await listAlerts(store.sql, { limit: 10, ruleId: "rule_spike", storyId: "sty_lp" });
    expect(before).toHaveLength(1);
    // …then two earlier ones, which move the first firing window, and so the episode's start.
    for (const [i, at] of ["2024-05-01T20:00:00Z", "2024-05-02T06:00:00Z"].entries()) {
      await addArticle(store, { slug: `lp-early${i}`, at, storyId: "sty_lp_early", sourceId, indicators: clash });
    }
    await evaluateStory(deps, "sty_lp_early", { ruleIds: ["rule_spike"] });
    await evaluateStory(deps, "sty_lp", { ruleIds: ["rule_spike"] });
    const after = (await listAlerts(store.sql, { limit: 20, ruleId: "rule_spike" })).filter(
      (a) => Date.parse(String(a.numbers.episodeEnd)) >= Date.parse("2024-05-01T00:00:00Z"),
    );
    expect(after.map((a) => a.id)).toEqual([before[0]?.id]);
    expect(after[0]?.version).toBeGreaterThan(1);
    expect(after[0]?.numbers).toMatchObject({ storyCount: 2 });
  });
});
