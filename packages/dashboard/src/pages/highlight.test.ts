import { describe, expect, it } from "vitest";
import { segmentText } from "./highlight.ts";

const text = "Troops clashed. No movement of forces has been observed. Talks resumed.";

describe("segmentText", () => {
  it("puts every character in exactly one segment", () => {
    const segs = segmentText(text, [
      { id: "a", type: "clash", modality: "asserted", start: 7, end: 14, sentence: "Troops clashed." },
      {
        id: "b",
        type: "deployment",
        modality: "negated",
        start: 19,
        end: 27,
        sentence: "No movement of forces has been observed.",
      },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    const clash = segs.find((s) => s.marks.some((m) => m.id === "a"));
    expect(clash?.text).toBe("clashed");
    const negated = segs.find((s) => s.marks.some((m) => m.id === "b"));
    expect(negated?.text).toBe("movement");
    expect(negated?.sentence).toBe("negated");
    expect(negated?.endsHere.map((m) => m.id)).toEqual(["b"]);
  });

  it("splits overlapping evidence into flat segments", () => {
    const segs = segmentText(text, [
      { id: "a", type: "clash", modality: "asserted", start: 0, end: 14, sentence: "" },
      { id: "b", type: "deployment", modality: "asserted", start: 0, end: 6, sentence: "" },
    ]);
    expect(segs[0]).toMatchObject({ text: "Troops" });
    expect(segs[0]?.marks.map((m) => m.id)).toEqual(["b", "a"]);
    expect(segs[1]?.marks.map((m) => m.id)).toEqual(["a"]);
  });

  it("ignores offsets that fall outside the text", () => {
    const segs = segmentText("short", [
      { id: "x", type: "talks", modality: "asserted", start: 3, end: 99, sentence: "" },
    ]);
    expect(segs).toEqual([{ text: "short", start: 0, marks: [], endsHere: [], sentence: null }]);
  });
});
