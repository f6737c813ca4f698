import { describe, expect, it } from "vitest";
import { matchesFilters } from "../filters/index.ts";
import { DeploymentParamsSchema, RuleFiltersSchema } from "../rules/schema.ts";
import { claim } from "../testing/claims.ts";
import { detectDeployment } from "./deployment.ts";

const params = DeploymentParamsSchema.parse({
  actors: ["Serbian armed forces", "Serbia"],
  near: ["Kosovo", "Kosovo–Serbia boundary"],
});
const NEGATED =
  "Despite the warning, no visible movement or increased presence of Serbian armed forces has been observed near the border.";

describe("deployment detector", () => {
  it("fires on a deployment by a named actor near a named place", () => {
    const c = claim({
      type: "deployment",
      actors: ["US", "Serbia"],
      places: ["Kosovo–Serbia boundary"],
      sentence: "Serbia had deployed tanks and artillery on the frontier.",
    });
    const found = detectDeployment([c], params);
    expect(found.fired).toBe(true);
    expect(found.numbers.actors).toEqual(["Serbia"]);
    expect(found.summary).toBe("deployment by Serbia near Kosovo–Serbia boundary");
  });

  it("fires on a deployment intent", () => {
    const c = claim({ type: "deployment", modality: "intent", actors: ["Serbia"], places: ["Kosovo"] });
    expect(detectDeployment([c], params).summary).toMatch(/^deployment intent by Serbia/);
  });

  it("does not count a negated deployment", () => {
    const negated = claim({ type: "deployment", modality: "negated", actors: ["Serbian armed forces"], places: [] });
    const withNear = { ...negated, sentence: NEGATED, places: ["Kosovo"] };
    expect(detectDeployment([withNear], params).fired).toBe(false);
    const filters = RuleFiltersSchema.parse({});
    expect([withNear].filter((c) => matchesFilters(c, filters))).toEqual([]);
  });

  it("does not count a speculative deployment", () => {
    const c = claim({ type: "deployment", modality: "speculative", actors: ["Serbia"], places: ["Kosovo"] });
    expect(detectDeployment([c], params).fired).toBe(false);
  });

  it("ignores other actors, far places and other types", () => {
    expect(detectDeployment([claim({ type: "deployment", actors: ["NATO"], places: ["Kosovo"] })], params).fired).toBe(
      false,
    );
    expect(
      detectDeployment([claim({ type: "deployment", actors: ["Serbia"], places: ["Bosnia"] })], params).fired,
    ).toBe(false);
    expect(detectDeployment([claim({ type: "clash", actors: ["Serbia"], places: ["Kosovo"] })], params).fired).toBe(
      false,
    );
  });

  it("with no actors named, needs some named actor", () => {
    const any = DeploymentParamsSchema.parse({});
    expect(detectDeployment([claim({ type: "deployment", actors: [] })], any).fired).toBe(false);
    expect(detectDeployment([claim({ type: "deployment", actors: ["KFOR"] })], any).fired).toBe(true);
  });
});
