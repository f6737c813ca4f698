import { describe, expect, it } from "vitest";
import { FirstParamsSchema } from "../rules/schema.ts";
import { claim } from "../testing/claims.ts";
import { detectFirst } from "./first.ts";

const params = FirstParamsSchema.parse({ quietDays: 14 });

describe("first-in-place detector", () => {
  it("fires for the first clash in a place after a quiet fortnight", () => {
    const story = [claim({ places: ["Banjska"], at: "2023-09-24T09:00:00Z" })];
    const others = [claim({ storyId: "old", places: ["Banjska"], at: "2023-09-01T09:00:00Z" })];
    const found = detectFirst(story, others, params, [], "clash");
    expect(found.fired).toBe(true);
    expect(found.numbers.place).toBe("Banjska");
    expect(found.summary).toBe("first clash in Banjska for 14 days");
  });

  it("does not fire when another story had one there within the quiet period", () => {
    const story = [claim({ places: ["Zvečan"], at: "2023-09-24T09:00:00Z" })];
    const others = [claim({ storyId: "old", places: ["Zvecan"], at: "2023-09-20T09:00:00Z" })];
    expect(detectFirst(story, others, params, [], "clash").fired).toBe(false);
  });

  it("ignores later claims elsewhere and claims without a place", () => {
    const story = [claim({ places: [] }), claim({ places: ["Jarinje"], at: "2023-10-04T07:00:00Z" })];
    const others = [claim({ storyId: "later", places: ["Jarinje"], at: "2023-10-05T07:00:00Z" })];
    expect(detectFirst(story, others, params, [], "clash").numbers.place).toBe("Jarinje");
  });

  it("only counts the rule's places when it names some", () => {
    const story = [claim({ places: ["Belgrade"], sentence: "Shots in Belgrade." })];
    expect(detectFirst(story, [], params, ["Mitrovica"], "clash").fired).toBe(false);
    expect(detectFirst(story, [], params, ["Beograd", "Belgrade"], "clash").fired).toBe(true);
  });
});
