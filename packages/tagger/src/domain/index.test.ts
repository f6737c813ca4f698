import { isClaim } from "@seismo/core";
import { describe, expect, it } from "vitest";
import { tagSentence, tagText } from "../tag/index.ts";

const claimed = (text: string) => [
  ...new Set(
    tagText(text)
      .filter(isClaim)
      .map((i) => i.type),
  ),
];

describe("look-alike domains", () => {
  it.each([
    // sport
    "Partizan and Red Star meet in a derby clash on Saturday.",
    "Sunday's final promises a clash of the titans in Belgrade.",
    "The two clubs meet again in the Champions League next week.",
    "The striker attacked the box and scored twice in the second half.",
    // history and culture
    "The frescoes in the monastery show a battle scene from the 14th century.",
    "Serbian and Ottoman armies fought at Kosovo Polje in 1389.",
    "The film re-enacts the clashes of medieval knights.",
    // economy
    "The central bank stepped up its fight against inflation.",
    "Supermarkets are locked in a price war that has cut prices by ten percent.",
    // software
    "The cloud deployment of the new app went live on Monday.",
    "Engineers deployed the update to all servers overnight.",
  ])("claims nothing in %s", (sentence) => {
    expect(claimed(sentence)).toEqual([]);
  });

  it("keeps a sports sentence that names real violence", () => {
    expect(claimed("Fans clashed with riot police after the derby, and 12 people were injured.")).toContain("clash");
  });

  it("does not count a background mention of the 1998-99 war as a clash", () => {
    expect(
      claimed(
        "Kosovo declared independence in 2008, a decade after the 1998-99 war in which Serbian forces fought ethnic Albanian rebels.",
      ),
    ).toEqual([]);
  });

  it("still counts fighting that happened on a named day", () => {
    expect(claimed("Serbian forces fought ethnic Albanian rebels on Sunday, a year after the 1998 war.")).toContain(
      "clash",
    );
  });

  it("reads a sentence by the article around it: a football report's 'clash' is a match", () => {
    const report = [
      "Red Star beat Partizan 2-1 in the Belgrade derby on Sunday.",
      "The striker scored twice before the goalkeeper saved a late penalty.",
      "The league leaders now face Vojvodina at the stadium in Novi Sad.",
      "The two sides clash again in the cup in March.",
    ].join(" ");
    expect(claimed(report)).toEqual([]);
    expect(tagSentence("The two sides clash again in March.").map((i) => i.type)).toContain("clash");
  });

  it("does not claim a dated earlier event mentioned as background", () => {
    expect(claimed("Residents returned home on Friday, three months after the shelling of the town.")).not.toContain(
      "clash",
    );
    expect(claimed("The mission has stayed since last month's invasion.")).not.toContain("clash");
    expect(claimed("The curfew was imposed after clashes between police and protesters.")).toContain("clash");
  });
});
