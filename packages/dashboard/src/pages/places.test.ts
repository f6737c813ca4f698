import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../testing/fixture.ts";

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.store.close());

describe("places and actors pages", () => {
  it("are for analysts, as the API's places and actors are", async () => {
    for (const path of ["/places", "/places/zvecan", "/actors", "/actors/kosovo-police"]) {
      expect((await f.app.request(path, f.as("viewer"))).status, path).toBe(403);
      expect((await f.app.request(path, f.as("analyst"))).status, path).toBe(200);
    }
    const nav = await f.html("/", "viewer");
    expect(nav).not.toContain('href="/places"');
    expect(await f.html("/", "analyst")).toContain('href="/places"');
  });

  it("ranks places with counts per type and narrows them to a region", async () => {
    const all = await f.html("/places?range=all");
    expect(all).toMatch(/href="\/places\/zvecan">Zvečan</);
    expect(all).toMatch(/href="\/places\/raska">Raška</);
    expect(all).toContain('class="chip t-protest"');
    const raska = await f.html(`/places?range=all&region=${encodeURIComponent("raška district")}`);
    expect(raska).toContain(">Raška<");
    expect(raska).not.toContain(">Zvečan<");
    expect(raska).toMatch(/<option value="Raška District" selected/);
  });

  it("shows a place's activity by day and its evidence, found by id or any spelling", async () => {
    const html = await f.html("/places/zvecan?range=all");
    expect(html).toContain("<h1>Zvečan</h1>");
    expect(html).toContain("municipality in Mitrovica");
    expect(html).toMatch(/<figure class="chart activity-chart" data-chart/);
    expect(html).toContain("<b>clashed</b> with protesters in Zvečan.");
    expect(html).toContain(`href="/articles/${f.articles.north}"`);
    expect(html).toContain("scope=place%3AZve%C4%8Dan");
    expect(await f.html(`/places/${encodeURIComponent("Звечан")}?range=all`)).toContain("<h1>Zvečan</h1>");
    expect((await f.app.request("/places/atlantis", f.as("analyst"))).status).toBe(404);
  });

  it("ranks actors and shows one with its evidence", async () => {
    const list = await f.html("/actors?range=all");
    expect(list).toMatch(/href="\/actors\/kosovo-police">Kosovo Police</);
    const html = await f.html("/actors/kosovo-police?range=all");
    expect(html).toContain("<h1>Kosovo Police</h1>");
    expect(html).toContain("<b>exchanged fire</b>");
    expect(html).toContain(`href="/articles/${f.articles.monastery}"`);
    expect((await f.app.request("/actors/nobody-at-all", f.as("analyst"))).status).toBe(404);
  });

  it("links the article view's actors and places to their pages", async () => {
    const html = await f.html(`/articles/${f.articles.north}`);
    expect(html).toMatch(/data-testid="article-places">.*href="\/places\/zvecan"/s);
    expect(html).toContain('href="/places/raska"');
    expect(html).toContain('href="/actors/kosovo-police"');
    expect(html).toContain('href="/actors/serbian-army"');
  });

  it("links the map's places to the places pages", async () => {
    const html = await f.html("/map?range=all");
    expect(html).toContain('href="/places/pristina"');
    expect(html).toContain('href="/places?range=all"');
  });
});
