// Test-only: loads packages/stories/fixtures (seed reports, wire copies, unrelated articles).
import { readFileSync } from "node:fs";
import type { StoryInput } from "../features/index.ts";

const root = new URL("../../fixtures/", import.meta.url);

export function fixtureText(path: string): string {
  return readFileSync(new URL(path, root), "utf8");
}

type Meta = { file: string; title: string; publishedAt: string; places: string[]; actors: string[] };
const meta = JSON.parse(fixtureText("articles.json")) as Record<string, Meta | string>;

export type FixtureName = "seed-000" | "seed-001" | "seed-002" | "football" | "bosnia" | "montenegro" | "economy";
export const NEGATIVES = ["football", "bosnia", "montenegro", "economy"] as const;

/** A fixture article as the pipeline would hand it to storyFeatures. */
export function fixtureArticle(name: FixtureName, overrides: Partial<StoryInput> = {}): StoryInput {
  const m = meta[name];
  if (typeof m !== "object") throw new Error(`no fixture ${name}`);
  return {
    title: m.title,
    text: fixtureText(m.file),
    publishedAt: m.publishedAt,
    places: m.places,
    actors: m.actors,
    ...overrides,
  };
}
