import { describe, expect, it } from "vitest";
import { analyzeText } from "./index.ts";

const ARTICLE =
  "Serb gunmen attacked Kosovo police near the Banjska monastery on Sunday, killing one officer. " +
  "Belgrade spoke of unrest in Kosovo and Metohija and said the men were Serbs defending their homes, " +
  "while Kurti called them terrorists. The EU condemned the violence and said talks would resume.";

describe("analyzeText", () => {
  const analysis = analyzeText(ARTICLE);

  it("weighs conflict negative and cooperation positive, keeping intensity in 0..1", () => {
    const clash = analysis.indicators.find((i) => i.type === "clash");
    expect(clash?.weight).toBe(-10);
    expect(clash?.intensity).toBeGreaterThan(0);
    expect(clash?.intensity).toBeLessThanOrEqual(1);
    expect(analysis.indicators.find((i) => i.type === "talks" && i.modality === "intent")?.weight).toBeGreaterThan(0);
    expect(analysis.score).toBeLessThan(0);
    expect(analysis.tension).toBeGreaterThan(0);
  });

  it("gives actors a kind", () => {
    expect(analysis.actors).toContainEqual({ name: "Serb gunmen", kind: "armed-group" });
    expect(analysis.actors).toContainEqual({ name: "Kosovo police", kind: "police" });
    expect(analysis.actors).toContainEqual({ name: "Kosovo government", kind: "government" });
  });

  it("places sites with coordinates and admin region", () => {
    const banjska = analysis.places.find((p) => p.name === "Banjska");
    expect(banjska).toMatchObject({ kind: "site", admin: "Mitrovica" });
    expect(banjska?.lat).toBeCloseTo(43, 0);
    expect(ARTICLE.slice(banjska?.start, banjska?.end)).toBe("Banjska monastery");
  });

  it("finds framing markers with offsets into the text", () => {
    const variants = analysis.framing.map((f) => `${f.marker}:${f.variant}:${f.text}`);
    expect(variants).toContain("territory-name:serbian-official:Kosovo and Metohija");
    expect(variants).toContain("attackers:kosovo-statehood:terrorists");
    expect(variants).toContain("attackers:neutral:gunmen");
    for (const f of analysis.framing) expect(ARTICLE.slice(f.start, f.end)).toBe(f.text);
  });

  it("reads inflected Serbian and Albanian place names and their framing", () => {
    const sr = analyzeText("Специјалне јединице ушле су у Звечан и Лепосавић, на такозвано Косово.");
    expect(sr.places.map((p) => p.name)).toEqual(["Zvečan", "Leposavić", "Kosovo"]);
    const sq = analyzeText(
      "Policia arrestoi dy serbë në Mitrovicë dhe Leposaviq, pranë Jarinjës në Republikën e Kosovës.",
    );
    expect(sq.places.map((p) => p.name)).toEqual(["Mitrovica", "Leposavić", "Jarinje", "Kosovo"]);
    expect(sq.framing.map((f) => f.variant)).toContain("kosovo-statehood");
  });

  it("scores an agreement positive", () => {
    expect(analyzeText("Belgrade and Pristina signed an agreement on energy.").score).toBeGreaterThan(0);
    expect(analyzeText("The weather was fine.").score).toBe(0);
  });
});
