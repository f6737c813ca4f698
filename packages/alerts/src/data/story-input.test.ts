import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RuleInputSchema } from "../rules/schema.ts";
import { addArticle } from "../testing/store.ts";
import { alertByKey, markNotified, upsertAlert } from "./alerts.ts";
import { ENABLED_RULES_TTL_MS, enabledRules, insertRule, listRules, updateRule } from "./rules.ts";
import { readStoryInput } from "./story-input.ts";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `alerts_input_${process.pid}_${Date.now().toString(36)}`;

let store: Store;
let sourceId: string;
beforeAll(async () => {
  store = await Store.open({ kind: "postgres", url: DATABASE_URL, schema });
  sourceId = (await store.sources.upsert({ name: "S", url: "https://news.example/feed" })).id;
  await insertRule(store.sql, RuleInputSchema.parse({ name: "Spike", kind: "spike" }), null, "rule_a");
  await insertRule(store.sql, RuleInputSchema.parse({ name: "Growth", kind: "story-growth" }), null, "rule_b");
});
afterAll(async () => {
  await store.sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await store.close();
});

const content = (stateKey: string, numbers: Record<string, unknown> = {}) => ({
  title: "T",
  summary: "S",
  numbers,
  evidence: [],
  stateKey,
});

describe("readStoryInput", () => {
  it("reads what the per-part queries read, in one statement", async () => {
    const one = await addArticle(store, {
      slug: "one",
      at: "2024-02-01T10:00:00Z",
      storyId: "sty_in",
      sourceId,
      indicators: [{ places: ["Zvečan"], confidence: 0.7 }, { modality: "negated" }, { modality: "intent" }],
    });
    const other = (await store.sources.upsert({ name: "O", url: "https://other.example/feed" })).id;
    const two = await addArticle(store, {
      slug: "two",
      at: "2024-02-01T09:00:00Z",
      storyId: "sty_in",
      sourceId: other,
      indicators: [{ actors: ["Kosovo police"], intensity: 0.25 }],
    });
    const owedA = await upsertAlert(
      store.sql,
      "alr_a",
      { dedupeKey: "rule_a|sty_in", ruleId: "rule_a", storyId: "sty_in", kind: "spike" },
      content("1"),
    );
    const sentB = await upsertAlert(
      store.sql,
      "alr_b",
      { dedupeKey: "rule_b|sty_in", ruleId: "rule_b", storyId: "sty_in", kind: "story-growth" },
      content("1"),
    );
    await markNotified(store.sql, sentB.id, sentB.version, "2024-02-01T11:00:00.000Z");

    const input = await readStoryInput(store.sql, "sty_in");
    expect(input?.story).toEqual(await store.stories.get("sty_in"));
    // Asserted and intent claims only, oldest first, with their evidence and source.
    expect(input?.claims).toEqual([
      expect.objectContaining({
        articleId: two,
        storyId: "sty_in",
        modality: "asserted",
        actors: ["Kosovo police"],
        intensity: 0.25,
        sentence: "two sentence 0.",
        url: "https://news.example/two",
        sourceId: other,
      }),
      expect.objectContaining({
        articleId: one,
        modality: "asserted",
        places: ["Zvečan"],
        confidence: 0.7,
        sentence: "one sentence 0.",
        sourceId,
      }),
      expect.objectContaining({ articleId: one, modality: "intent", sentence: "one sentence 2." }),
    ]);
    expect(input?.reach).toEqual({ articles: 2, outlets: 2 });
    // Owed: rule_a's alert (never sent); rule_b's was sent at its version.
    expect(input?.owed).toEqual([await alertByKey(store.sql, "rule_a|sty_in")]);
    expect(input?.owed.map((a) => a.id)).toEqual([owedA.id]);
    expect(await readStoryInput(store.sql, "sty_missing")).toBeNull();
  });
});

describe("upsertAlert", () => {
  it("returns the stored alert, unchanged, when the finding did not change", async () => {
    const key = { dedupeKey: "rule_b|sty_same", ruleId: "rule_b", storyId: "sty_in", kind: "story-growth" };
    const first = await upsertAlert(store.sql, "alr_same", key, content("x"));
    const again = await upsertAlert(store.sql, "alr_other", key, content("x"));
    expect(again).toEqual(first);
    const next = await upsertAlert(store.sql, "alr_other", key, content("y"));
    expect(next).toMatchObject({ id: "alr_same", version: 2, stateKey: "y" });
  });

  it("updates the alert of an overlapping spike episode instead of raising another", async () => {
    const key = (subject: string) => ({
      dedupeKey: `rule_a|${subject}`,
      ruleId: "rule_a",
      storyId: "sty_in",
      kind: "spike",
    });
    const episode = { start: "2024-03-01T00:00:00.000Z", end: "2024-03-03T00:00:00.000Z" };
    const first = await upsertAlert(
      store.sql,
      "alr_ep1",
      key("spike@2024-03-01"),
      content("count=4", { episodeStart: episode.start, episodeEnd: episode.end }),
      { episode },
    );
    const later = { start: "2024-02-28T00:00:00.000Z", end: "2024-03-02T00:00:00.000Z" };
    const overlapping = await upsertAlert(
      store.sql,
      "alr_ep2",
      key("spike@2024-02-28"),
      content("count=6", { episodeStart: later.start, episodeEnd: later.end }),
      { episode: later },
    );
    expect(overlapping).toMatchObject({ id: first.id, dedupeKey: "rule_a|spike@2024-03-01", version: 2 });
    expect(await alertByKey(store.sql, "rule_a|spike@2024-02-28")).toBeNull();
    // A separate episode gets its own alert.
    const apart = { start: "2024-04-01T00:00:00.000Z", end: "2024-04-02T00:00:00.000Z" };
    const own = await upsertAlert(store.sql, "alr_ep3", key("spike@2024-04-01"), content("count=4"), {
      episode: apart,
    });
    expect(own).toMatchObject({ id: "alr_ep3", dedupeKey: "rule_a|spike@2024-04-01", version: 1 });
  });
});

describe("enabledRules", () => {
  it("reuses the enabled rules for a few seconds and drops them at a rule write", async () => {
    const t0 = 1_000_000;
    const first = await enabledRules(store.sql, t0);
    expect(first).toEqual(await listRules(store.sql, { enabledOnly: true }));
    // A write behind this module's back is seen once the cache expires.
    await store.sql.query("UPDATE alert_rules SET enabled = false WHERE id = 'rule_b'");
    expect(await enabledRules(store.sql, t0 + 1)).toBe(first);
    const expired = await enabledRules(store.sql, t0 + ENABLED_RULES_TTL_MS);
    expect(expired.map((r) => r.id)).toEqual(["rule_a"]);
    // A write through this module is seen at once.
    const rule = first.find((r) => r.id === "rule_b");
    if (!rule) throw new Error("rule_b missing");
    await updateRule(store.sql, "rule_b", { ...rule, enabled: true });
    const now = t0 + ENABLED_RULES_TTL_MS + 1;
    expect((await enabledRules(store.sql, now)).map((r) => r.id)).toEqual(["rule_a", "rule_b"]);
  });
});
