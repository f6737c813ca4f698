import { foldForSearch } from "./index.ts";

/**
 * Folded text with a map back to the input: `offsets[i]` is the index in the input of the
 * character that produced folded[i], and `offsets[folded.length]` is the input's length. Lets a
 * matcher search the folded key ("ljudi" from "људи") and report spans of the original text.
 */
export interface FoldedText {
  folded: string;
  offsets: Int32Array;
}

const ASCII = /^[ -~\t\n\r]*$/;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    out = foldForSearch(ch);
    if (cache.size < 4096) cache.set(ch, out);
  }
  return out;
}

/** Same key as foldForSearch, character by character, with offsets into the input. */
export function foldWithOffsets(input: string): FoldedText {
  if (ASCII.test(input)) {
    const offsets = new Int32Array(input.length + 1);
    for (let i = 0; i <= input.length; i++) offsets[i] = i;
    return { folded: foldForSearch(input), offsets };
  }
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    // Keep a surrogate pair together so an astral character folds as one.
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length;
    const ch = wide ? input.slice(i, i + 2) : input.charAt(i);
    const out = foldChar(ch);
    parts.push(out);
    for (let k = 0; k < out.length; k++) map.push(i);
    if (wide) i++;
  }
  map.push(input.length);
  return { folded: parts.join(""), offsets: Int32Array.from(map) };
}

/** The input span [start, end) behind the folded span [from, to). */
export function originalSpan(text: FoldedText, from: number, to: number): { start: number; end: number } {
  const start = text.offsets[from] ?? 0;
  // The end maps to the character after the last folded one, so "lj" from "љ" covers all of "љ".
  const last = to > from ? (text.offsets[to - 1] ?? start) : start;
  let end = to > from ? last + 1 : start;
  const next = text.offsets[to];
  if (next !== undefined && next > end) end = next;
  return { start, end };
}
