import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../testing/fixture.ts";

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.store.close());

const total = (html: string, type: string) => Number(new RegExp(`data-testid="total-${type}">(\\d+)<`).exec(html)?.[1]);

describe("overview scope", () => {
  it("offers regions, source tags, languages and places in one scope selector", async () => {
    const html = await f.html("/", "viewer");
    expect(html).toContain('<select id="scope" name="scope"');
    expect(html).toContain('value="region:Mitrovica"');
    expect(html).toContain('value="tag:perspective=kosovar"');
    expect(html).toContain('value="language:sq"');
    expect(html).toContain('value="place:Zvečan"');
  });

  it("counts a region's places for a viewer, with its biggest change", async () => {
    const html = await f.html("/?range=all&scope=region:Mitrovica", "viewer");
    expect(total(html, "clash")).toBe(2);
    expect(total(html, "protest")).toBe(0);
    expect(total(html, "deployment")).toBe(0);
    expect(html).toContain("Region: Mitrovica");
    expect(html).toMatch(/class="change t-clash"/);
  });

  it("counts a source tag and a language, the latter in any spelling of the API's parameter", async () => {
    const tag = await f.html("/overview/live?range=all&scope=tag:perspective=kosovar", "viewer");
    expect([total(tag, "clash"), total(tag, "protest"), total(tag, "deployment")]).toEqual([1, 1, 0]);
    const sr = await f.html("/overview/live?range=all&language=sr-Latn", "viewer");
    expect([total(sr, "clash"), total(sr, "protest"), total(sr, "deployment")]).toEqual([1, 0, 1]);
  });

  it("explains a link that combines a region and a language instead of failing", async () => {
    const res = await f.app.request("/?range=all&region=Mitrovica&language=sr", f.as("viewer"));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="scope-conflict"');
    expect(html).toContain("This link combines Region: Mitrovica and Language: Serbian");
    expect(html).toContain('href="/?range=all&amp;scope=region%3AMitrovica"');
    expect(html).toContain('href="/?range=all&amp;scope=language%3Asr"');
    expect(total(html, "clash")).toBe(2);
  });

  it("says so when a region is not in the gazetteer", async () => {
    const html = await f.html("/?range=all&scope=region:Atlantis", "viewer");
    expect(html).toContain("No region “Atlantis” in the gazetteer");
  });
});

describe("overview resolution", () => {
  it("shows the 24 h per hour up to the latest data, with a baseline of the 24 hours before", async () => {
    const html = await f.html("/?range=24h", "viewer");
    expect(html).toContain('data-testid="resolution">Per hour<');
    expect(html).toContain("Nothing in the last 24 hours");
    expect(html).toContain("previous 24 hours");
    // The latest data is the protest at 14:00 on 30 Sep; the clash at 08:00 on 29 Sep is older than 24 hours.
    expect([total(html, "protest"), total(html, "clash")]).toEqual([1, 0]);
    expect(html).toMatch(/<strong>protest<\/strong> <span class="muted">at 30 Sept?, 14:00 UTC/);
  });

  it("keeps the hourly baseline callouts per scope", async () => {
    const html = await f.html("/overview/live?range=24h&scope=place:Pristina", "viewer");
    expect(total(html, "protest")).toBe(1);
    expect(html).toMatch(/class="change t-protest"/);
  });

  it("draws 7 days per day and a long custom range per week", async () => {
    expect(await f.html("/?range=7d", "viewer")).toContain('data-testid="resolution">Per day<');
    const year = await f.html("/?range=custom&from=2023-01-01&to=2023-12-31", "viewer");
    expect(year).toContain('data-testid="resolution">Per week<');
    expect(year).toContain("previous 8 weeks");
    expect(total(year, "clash")).toBe(2);
  });
});
