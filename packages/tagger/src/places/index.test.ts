import { describe, expect, it } from "vitest";
import { findPlaces } from "./index.ts";

describe("findPlaces", () => {
  it("finds Latin, diacritic-free, Albanian and Cyrillic spellings", () => {
    expect(findPlaces("Zvečan, Zvecan, Zveçan and Звечан")).toEqual(["Zvečan"]);
    expect(findPlaces("Prishtina and Приштина")).toEqual(["Pristina"]);
  });

  it("prefers the longer name", () => {
    expect(findPlaces("Clashes in North Mitrovica")).toEqual(["North Mitrovica"]);
  });

  it("treats Kosovo and Metohija as Kosovo and the administrative line as the boundary", () => {
    expect(findPlaces("along the administrative line in Kosovo and Metohija")).toEqual([
      "Kosovo–Serbia boundary",
      "Kosovo",
    ]);
  });

  it("matches whole words only", () => {
    expect(findPlaces("Serbian officials and Kosovar police")).toEqual([]);
  });
});
