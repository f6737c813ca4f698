import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { getRule, listRules } from "@seismo/alerts";
import { describe, expect, it } from "vitest";
import { commandTest, DATABASE_URL } from "../testing/index.ts";
import { runAlerts } from "./alerts.ts";
import { UsageError } from "./connect.ts";

const run = promisify(execFile);
const MAIN = new URL("../main.ts", import.meta.url).pathname;
const TSX = new URL("../../../../node_modules/.bin/tsx", import.meta.url).pathname;
const t = commandTest("alerts");

/** Runs `seismo alerts …` in-process on the test schema; returns what it printed. */
const alerts = (args: string[], options: Record<string, unknown> = {}, withQueues = true) =>
  t.run(runAlerts, args, options, withQueues);

describe("seismo alerts", () => {
  it("adds a rule with filters and params, and queues a run against recent stories", async () => {
    const { code, out } = await alerts(["rules", "add"], {
      name: "North clashes",
      kind: "spike",
      type: ["clash"],
      modality: ["asserted"],
      region: "north-kosovo",
      place: ["Raška"],
      language: ["en"],
      "source-tag": ["country=RS"],
      "min-confidence": "0.7",
      cooldown: "15",
      param: ["windowHours=48", "minCount=3"],
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^rule_\S+ {2}spike +enabled +North clashes/);
    expect(out).toContain("queued a run against recent stories");
    const [rule] = await listRules(t.store.sql);
    expect(rule?.params).toMatchObject({ windowHours: 48, minCount: 3, baselineDays: 28 });
    expect(rule?.filters).toMatchObject({ types: ["clash"], sourceTags: { country: "RS" }, minConfidence: 0.7 });
    expect(rule?.filters.places).toEqual(expect.arrayContaining(["Zvečan", "Raška"]));
    const jobs = await t.queues.queue("evaluate-alerts").getJobs(["waiting", "delayed"]);
    expect(jobs.map((j) => j.data)).toContainEqual({ ruleIds: [rule?.id] });
  });

  it("refuses a bad rule with the reason and writes nothing", async () => {
    const bad = alerts(["rules", "add"], { name: "x", kind: "spike", type: ["riot"], param: ["windowHours=9999"] });
    await expect(bad).rejects.toThrow(UsageError);
    await expect(bad).rejects.toThrow(/filters\.types\.0: Invalid option.*params\.windowHours: Too big/);
    await expect(alerts(["rules", "add"], { name: "y", kind: "sometimes" })).rejects.toThrow(/kind/);
    await expect(alerts(["rules", "add"], { name: "z", kind: "first", "min-confidence": "high" })).rejects.toThrow(
      "--min-confidence must be a number",
    );
    expect(await listRules(t.store.sql)).toHaveLength(1);
  });

  it("updates only what is given, keeps the kind, and checks params against it", async () => {
    const [rule] = await listRules(t.store.sql);
    const id = rule?.id ?? "";
    await alerts(["rules", "update", id], { param: ["windowHours=24"], language: ["sr", "en"] });
    const after = await getRule(t.store.sql, id);
    expect(after?.params).toMatchObject({ windowHours: 24, minCount: 3 });
    expect(after?.filters).toMatchObject({ languages: ["sr", "en"], types: ["clash"], minConfidence: 0.7 });
    expect(after?.name).toBe("North clashes");
    await expect(alerts(["rules", "update", id], { param: ["quietDays=3"] })).rejects.toThrow(/params:/);
    await expect(alerts(["rules", "update", "rule_nope"], {})).rejects.toThrow("no alert rule rule_nope");
  });

  it("disables and enables a rule, and says when Redis is not there to run it", async () => {
    const [rule] = await listRules(t.store.sql);
    const off = await alerts(["rules", "disable", rule?.id ?? ""]);
    expect(off.out).toContain("disabled");
    expect((await getRule(t.store.sql, rule?.id ?? ""))?.enabled).toBe(false);
    const on = await alerts(["rules", "enable", rule?.id ?? ""], {}, false);
    expect(on.out).toContain(" enabled ");
    expect(on.out).toContain("note: Redis does not answer");
  });

  it("lists recent alerts with their numbers", async () => {
    const [rule] = await listRules(t.store.sql);
    await t.store.sql.query(
      "INSERT INTO stories (id, title, first_seen, last_seen) VALUES ('sty_1', 'Banjska', now(), now())",
    );
    await t.store.sql.query(
      `INSERT INTO alerts (id, dedupe_key, rule_id, story_id, kind, title, summary, numbers, state_key)
       VALUES ('alt_1', 'k1', $1, 'sty_1', 'spike', 'Clash spike near Banjska', 's', '{"count":7,"expected":0.5}', 's1')`,
      [rule?.id],
    );
    const { out } = await alerts(["list"], { kind: "spike" });
    expect(out).toContain('Clash spike near Banjska  (rule North clashes, story sty_1) {"count":7,"expected":0.5}');
    expect((await alerts(["list"], { kind: "first" })).out).toBe("no alerts");
  });
});

describe("seismo alerts from the command line", () => {
  const env = { DATABASE_URL: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}` };
  const seismo = (args: string[]) => run(TSX, [MAIN, ...args], { env: { ...process.env, ...env } });

  it("lists the rules of the configured database", async () => {
    const { stdout } = await seismo(["alerts", "rules", "list"]);
    expect(stdout).toContain("North clashes");
  });

  it("exits 2 with the reason and the usage on bad input", async () => {
    const failed = await seismo(["alerts", "rules", "add", "--name", "x"]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/cannot add the rule: kind/);
    const usage = await seismo(["alerts", "frobnicate", "--bogus"]).catch((e) => e);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: seismo alerts");
  });
});
