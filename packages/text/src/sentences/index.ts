import { BEFORE_NUMBERS, SENTENCE_STARTERS, TITLES } from "./abbreviations.ts";

export interface SentenceSpan {
  text: string;
  /** Offset of the first character (JS string index into the input). */
  start: number;
  /** Offset just past the last character; text === input.slice(start, end). */
  end: number;
}

// Terminal punctuation, then any closing quotes or brackets, then a space or the end of line.
// Closing quotes include Serbian “ (opened by „) and Albanian ».
const TERMINATOR = /[.!?…]+["'”“’»«)\]]*(?=[\s]|$)/g;
const CLOSERS = /["'”“’»«)\]]+$/;
const TOKEN_CHAR = /[\p{L}\p{N}.'’-]/u;
// TOKEN_CHAR for ASCII, read from a table: tokenBefore tests every character it passes.
const ASCII_TOKEN_CHAR = Uint8Array.from({ length: 128 }, (_, code) =>
  TOKEN_CHAR.test(String.fromCharCode(code)) ? 1 : 0,
);
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const NEXT_WORD = /^\s*["'“‘«„»([]?([\p{L}\p{N}]+)/u;

/**
 * Splits text into sentences with offsets. Line breaks always end a sentence (headlines and
 * captions rarely carry a full stop); within a line a terminator ends one unless it closes an
 * abbreviation, an initial or is followed by a lower-case word.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    splitLine(text, lineStart, lineEnd, spans);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function splitLine(text: string, from: number, to: number, out: SentenceSpan[]): void {
  const line = text.slice(from, to);
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(line); m !== null; m = TERMINATOR.exec(line)) {
    const end = m.index + m[0].length;
    if (end >= line.length) break;
    if (endsSentence(line, m.index, m[0], end)) {
      push(text, from + start, from + end, out);
      start = end;
    }
  }
  push(text, from + start, to, out);
}

function endsSentence(line: string, at: number, terminator: string, end: number): boolean {
  const rest = line.slice(end);
  const next = NEXT_WORD.exec(rest);
  const nextWord = next?.[1] ?? "";
  const first = nextWord.charAt(0);
  const nextIsLower = first !== "" && first === first.toLowerCase() && first !== first.toUpperCase();
  if (nextIsLower) return false;
  // Anything other than a single full stop ("?", "!", "...") ends the sentence here.
  if (terminator.replace(CLOSERS, "") !== ".") return true;
  // A full stop followed by a closing quote ends the quoted sentence.
  if (terminator !== ".") return true;

  const token = tokenBefore(line, at).replace(/^['’-]+/, "");
  const lower = token.toLowerCase();
  const nextIsNumber = /^\p{N}/u.test(nextWord);
  const nextIsStarter = SENTENCE_STARTERS.has(nextWord.toLowerCase());
  if (token === "") return true;
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBERS.has(lower)) return !nextIsNumber;
  // A single capital letter is an initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(token)) return false;
  // "U.S.", "F.W.", "a.m.": end a sentence only before a typical sentence opener.
  if (INITIALISM.test(token)) return nextIsStarter;
  if (lower === "etc" || lower === "inc" || lower === "ltd" || lower === "co" || lower === "corp") {
    return nextIsStarter;
  }
  if (lower === "jr" || lower === "sr") return nextIsStarter;
  return true;
}

function push(text: string, rawStart: number, rawEnd: number, out: SentenceSpan[]): void {
  let start = rawStart;
  let end = rawEnd;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/** The run of letters, digits, dots, apostrophes and hyphens that ends at `at` (scanned backwards). */
function tokenBefore(line: string, at: number): string {
  let start = at;
  while (start > 0) {
    const code = line.charCodeAt(start - 1);
    // A low surrogate belongs to an astral letter: test the pair.
    const width = code >= 0xdc00 && code <= 0xdfff && start > 1 ? 2 : 1;
    if (!(code < 128 ? ASCII_TOKEN_CHAR[code] === 1 : TOKEN_CHAR.test(line.slice(start - width, start)))) break;
    start -= width;
  }
  return line.slice(start, at);
}
