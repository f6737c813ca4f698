import { SeismoError } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import { z } from "zod";
import { STOPWORDS } from "./stopwords.ts";

/** Salient terms kept per article: enough to describe an event, few enough to store in a row. */
export const ARTICLE_TERMS = 40;
/** Leading letters a term keeps: conflates English and South Slavic inflections (Kosovo/Kosova/Kosovu). */
export const STEM_LENGTH = 5;
// Prefixes after which five letters would merge unrelated words (international/interior).
const LONG_PREFIX = /^(inter|under|counter|trans|over|super|multi|parlia)/;
const NAME_BOOST = 1.5;
const TITLE_BOOST = 1.5;

export const StoryInputSchema = z.object({
  title: z.string().nullish(),
  text: z.string(),
  publishedAt: z.union([z.date(), z.string(), z.number()]),
  places: z.array(z.string()).default([]),
  actors: z.array(z.string()).default([]),
});
export type StoryInput = z.input<typeof StoryInputSchema>;

export const StoryFeaturesSchema = z.object({
  /** Salient stemmed terms → weight; the vector has unit length. */
  terms: z.record(z.string(), z.number()),
  /** Folded, de-duplicated place and actor names (from the tagger's indicators). */
  places: z.array(z.string()),
  actors: z.array(z.string()),
  /** Epoch milliseconds. */
  publishedAt: z.number(),
});
export type StoryFeatures = z.infer<typeof StoryFeaturesSchema>;

const TOKEN = /[\p{L}\p{N}]+/gu;

/** The stem a folded word is stored under. */
export function stem(word: string): string {
  // English plurals first, so "serbs" and "serb" meet even though both are shorter than the cut.
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  const m = LONG_PREFIX.exec(word);
  const keep = m ? m[0].length + 3 : STEM_LENGTH;
  return word.length > keep ? word.slice(0, keep) : word;
}

function isSalient(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** Folded words, and the subset that looks like names: written capitalised and never in lower case. */
function analyse(text: string): { folded: string[]; names: Set<string> } {
  const tokens = text.match(TOKEN) ?? [];
  const upper: string[] = [];
  const lower: string[] = [];
  for (const t of tokens) (/^\p{Lu}/u.test(t) ? upper : lower).push(t);
  const fold = (ts: string[]) => (ts.length === 0 ? [] : foldForSearch(ts.join(" ")).split(" "));
  const lowerSet = new Set(fold(lower));
  const names = new Set(fold(upper).filter((w) => !lowerSet.has(w)));
  return { folded: fold(tokens), names };
}

/** Unit-length vector of an article's salient terms: log term frequency, names and title words boosted. */
export function termVector(title: string, text: string, limit = ARTICLE_TERMS): Record<string, number> {
  const body = analyse(`${title}\n${text}`);
  const titleWords = new Set(analyse(title).folded);
  const tf = new Map<string, { n: number; boost: number }>();
  for (const w of body.folded) {
    if (!isSalient(w)) continue;
    const key = stem(w);
    const boost = (body.names.has(w) ? NAME_BOOST : 1) * (titleWords.has(w) ? TITLE_BOOST : 1);
    const cur = tf.get(key);
    if (cur) {
      cur.n++;
      cur.boost = Math.max(cur.boost, boost);
    } else tf.set(key, { n: 1, boost });
  }
  const weighted = [...tf].map(([k, { n, boost }]) => [k, (1 + Math.log(n)) * boost] as const);
  return normalise(topTerms(weighted, limit));
}

/** Highest weights first, ties by term so the same text always gives the same vector. */
export function topTerms(entries: Iterable<readonly [string, number]>, limit: number): [string, number][] {
  return [...entries]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([k, v]) => [k, v]);
}

export function normalise(entries: readonly (readonly [string, number])[]): Record<string, number> {
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0));
  const out: Record<string, number> = {};
  for (const [k, v] of entries) out[k] = norm > 0 ? v / norm : 0;
  return out;
}

/** Cosine of two sparse vectors, 0…1 for non-negative weights; 0 when either is empty. */
export function cosine(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a)) {
    na += v * v;
    const w = b[k];
    if (w !== undefined) dot += v * w;
  }
  for (const v of Object.values(b)) nb += v * v;
  if (na === 0 || nb === 0) return 0;
  return Math.min(1, Math.max(0, dot / Math.sqrt(na * nb)));
}

/** Folded, trimmed, de-duplicated names: "Zvečan" and "Звечан" are one place. */
export function foldNames(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const f = foldForSearch(n).replace(/\s+/gu, " ").trim();
    if (f) out.add(f);
  }
  return [...out].sort();
}

export function toEpochMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new SeismoError("invalid_payload", `publishedAt is not a date: ${String(value)}`);
  return ms;
}

/** What story matching needs from one article. Throws SeismoError("invalid_payload") on a bad date. */
export function storyFeatures(input: StoryInput): StoryFeatures {
  const parsed = StoryInputSchema.safeParse(input);
  if (!parsed.success) throw new SeismoError("invalid_payload", "story input is malformed", { details: parsed.error });
  const { title, text, publishedAt, places, actors } = parsed.data;
  return {
    terms: termVector(title ?? "", text),
    places: foldNames(places),
    actors: foldNames(actors),
    publishedAt: toEpochMs(publishedAt),
  };
}
