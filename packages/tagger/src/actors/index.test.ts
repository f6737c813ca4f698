import { describe, expect, it } from "vitest";
import { findActors } from "./index.ts";

describe("findActors", () => {
  it("names gazetteer actors canonically", () => {
    expect(findActors("The White House said Belgrade and Pristina must talk.")).toEqual([
      "US",
      "Serbia",
      "Kosovo government",
    ]);
  });

  it("matches US and UN only as capitals", () => {
    expect(findActors("Let us see the UN and US response.")).toEqual(["UN", "US"]);
  });

  it("finds unknown organisations by their shape", () => {
    expect(findActors("The Nigerian Union of Teachers called off a strike.")).toEqual(["Nigerian Union of Teachers"]);
    expect(findActors("Leaders of the PLO met.")).toEqual(["PLO"]);
  });

  it("does not run an organisation's name across the end of a sentence", () => {
    const actors = findActors("Serbs gathered in Kosovo and Metohija. Police later cleared the road.");
    expect(actors.some((a) => a.includes("Metohija. Police"))).toBe(false);
    expect(findActors("The U.S. Army moved a battalion.")).toEqual(["US"]);
  });
});
