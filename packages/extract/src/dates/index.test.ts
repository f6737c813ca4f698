import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateFromUrl, findDateInText, normalizeDate } from "./index.ts";

describe("normalizeDate", () => {
  it("keeps the written wall-clock time and offset instead of shifting to UTC", () => {
    expect(normalizeDate("2023-09-29T23:30:00-05:00")).toBe("2023-09-29T23:30:00-05:00");
    expect(normalizeDate("2021-11-01T10:52:50+0100")).toBe("2021-11-01T10:52:50+01:00");
    expect(normalizeDate("2017-11-03 03:01:00.000000")).toBe("2017-11-03T03:01:00");
  });

  it("returns a bare day when no time is given", () => {
    expect(normalizeDate("2024-06-25")).toBe("2024-06-25");
  });

  it("rejects impossible dates", () => {
    expect(normalizeDate("2023-02-30")).toBeNull();
    expect(normalizeDate("not a date")).toBeNull();
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (s) => void normalizeDate(s)));
  });
});

describe("findDateInText", () => {
  it.each([
    ["Objavljeno 29. septembar 2023. u 14:30", "2023-09-29"],
    ["Beograd, 29. septembra 2023.", "2023-09-29"],
    ["Објављено: 3. октобра 2023.", "2023-10-03"],
    ["Публиковано 12. децембар 2022", "2022-12-12"],
    ["Publikuar më 29 shtator 2023", "2023-09-29"],
    ["Prishtinë, 5 nëntor 2022, ora 10:00", "2022-11-05"],
    ["Updated September 29, 2023 at 4:05 pm", "2023-09-29"],
    ["Published 29th Sep 2023", "2023-09-29"],
    ["29.09.2023 u 12:00", "2023-09-29"],
  ])("reads %j", (text, expected) => {
    expect(findDateInText(text)).toBe(expected);
  });

  it("reads an ambiguous slashed date month-first only when asked", () => {
    expect(findDateInText("04/05/2023", true)).toBe("2023-04-05");
    expect(findDateInText("04/05/2023", false)).toBe("2023-05-04");
    expect(findDateInText("29/09/2023", true)).toBe("2023-09-29");
  });

  it("ignores numbers that are not dates", () => {
    expect(findDateInText("Population 1.234.567 in 2023 and 45 members")).toBeNull();
  });
});

describe("dateFromUrl", () => {
  it("reads dates that CMSs put in article paths", () => {
    expect(dateFromUrl("https://example.com/world/2023/09/29/talks-resume")).toBe("2023-09-29");
    expect(dateFromUrl("https://example.com/news/20230929-talks")).toBe("2023-09-29");
    expect(dateFromUrl("https://example.com/2023/09/")).toBeNull();
    expect(dateFromUrl("not a url")).toBeNull();
  });
});
