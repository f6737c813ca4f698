import { describe, expect, it } from "vitest";
import { findPlace } from "./index.ts";

describe("findPlace", () => {
  it("finds a gazetteer place by id or by any spelling of its name", () => {
    for (const asked of ["zubin-potok", "Zubin Potok", "Зубин Поток", "ZUBIN POTOK"])
      expect(findPlace(asked)?.name).toBe("Zubin Potok");
    expect(findPlace("Zvecan")?.name).toBe("Zvečan");
  });

  it("returns undefined for a place the gazetteer does not know", () => {
    expect(findPlace("Atlantis")).toBeUndefined();
  });
});
