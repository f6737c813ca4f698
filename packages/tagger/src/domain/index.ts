import { join } from "node:path";
import { type IndicatorType, IndicatorTypeSchema } from "@seismo/core";
import { z } from "zod";
import { compile, DATA_DIR, parseFile, parseList } from "../data/index.ts";
import { AnchorIndex } from "../prefilter/index.ts";

/** A look-alike domain (sport, history, economy, software), compiled from data/domains.yaml. */
export interface Domain {
  id: string;
  vocab: RegExp;
  override?: RegExp;
  suppress: ReadonlySet<IndicatorType>;
  /** Security vocabulary does not override this domain. */
  strict: boolean;
  articleMin?: number;
  articleShare?: number;
}

const DomainSchema = z.strictObject({
  id: z.string().min(1),
  vocab: z.string().min(1),
  override: z.string().optional(),
  strict: z.boolean().optional(),
  suppress: z.array(IndicatorTypeSchema).min(1),
  articleMin: z.number().int().positive().optional(),
  articleShare: z.number().positive().optional(),
});
const PastEventSchema = z.strictObject({
  types: z.array(IndicatorTypeSchema).min(1),
  window: z.number().int().positive(),
  lead: z.string().min(1),
  time: z.string().min(1),
});
const FileSchema = z.strictObject({
  security: z.string().min(1),
  domains: z.array(z.unknown()),
  pastEvent: PastEventSchema,
});

/** Background mentions of a dated earlier event, from data/domains.yaml `pastEvent`. */
export interface PastEvent {
  types: ReadonlySet<IndicatorType>;
  window: number;
  lead: RegExp;
  time: RegExp;
}

export function loadDomains(file: string = join(DATA_DIR, "domains.yaml")): {
  security: RegExp;
  domains: Domain[];
  pastEvent: PastEvent;
} {
  const doc = parseFile(file, FileSchema);
  const pastEvent: PastEvent = {
    types: new Set(doc.pastEvent.types),
    window: doc.pastEvent.window,
    lead: compile(doc.pastEvent.lead, "i", file, "pastEvent.lead"),
    time: compile(doc.pastEvent.time, "i", file, "pastEvent.time"),
  };
  const domains = parseList(file, "domains", doc.domains, DomainSchema).map((d, i): Domain => {
    const where = `domains[${i}] (${d.id})`;
    const domain: Domain = {
      id: d.id,
      vocab: compile(d.vocab, "gi", file, where),
      suppress: new Set(d.suppress),
      strict: d.strict ?? false,
    };
    if (d.override) domain.override = compile(d.override, "i", file, where);
    if (d.articleMin !== undefined) domain.articleMin = d.articleMin;
    if (d.articleShare !== undefined) domain.articleShare = d.articleShare;
    return domain;
  });
  return { security: compile(doc.security, "i", file, "security"), domains, pastEvent };
}

const { security: SECURITY, domains: DOMAINS, pastEvent: PAST_EVENT } = loadDomains();
// suppressedTypes keeps one bit per domain.
if (DOMAINS.length > 31) throw new Error("domains.yaml: at most 31 domains");

export { DOMAINS };

// Which domains' vocabulary may occur at all, from one scan for their literal anchors (most news
// has none).
const VOCAB_INDEX = new AnchorIndex(DOMAINS.map((d) => d.vocab));

function hits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Off-topic domains of an article: enough vocabulary hits per sentence (football reports…). */
export function articleDomains(folded: string, sentences: number): Set<string> {
  const found = new Set<string>();
  const bounds = VOCAB_INDEX.bounds(folded);
  for (const [i, d] of DOMAINS.entries()) {
    if (d.articleMin === undefined || d.articleShare === undefined) continue;
    // Too few anchors for enough hits: the count cannot reach the thresholds.
    const most = bounds[i] ?? 0;
    if (most < d.articleMin || most / Math.max(1, sentences) < d.articleShare) continue;
    const n = hits(d.vocab, folded);
    if (n >= d.articleMin && n / Math.max(1, sentences) >= d.articleShare) found.add(d.id);
  }
  return found;
}

/**
 * Types a sentence may not claim: those of every domain whose vocabulary it uses (or that
 * dominates its article) unless it also speaks of police, troops, casualties and the like.
 * `folded` is the sentence's foldForSearch key.
 */
export function suppressedTypes(folded: string, article: ReadonlySet<string> = new Set()): Set<IndicatorType> {
  const out = new Set<IndicatorType>();
  VOCAB_INDEX.scan(folded);
  let inSentence = 0;
  for (const [i, d] of DOMAINS.entries()) {
    if (!VOCAB_INDEX.candidate(i)) continue;
    d.vocab.lastIndex = 0;
    if (d.vocab.exec(folded) !== null) inSentence |= 1 << i;
  }
  if (article.size === 0 && inSentence === 0) return out;
  let secure: boolean | undefined;
  for (const [i, d] of DOMAINS.entries()) {
    if ((inSentence & (1 << i)) === 0 && !article.has(d.id)) continue;
    if (d.override?.test(folded)) continue;
    secure ??= SECURITY.test(folded);
    // A sentence that is itself about the domain but names real violence stays on topic; so does
    // any sentence in an off-topic article that names it.
    if (secure && !d.strict) continue;
    for (const t of d.suppress) out.add(t);
  }
  return out;
}

/**
 * Whether the trigger view[start, end) names a dated earlier event as background: "after two
 * days of fierce fighting", "since last month's invasion". Undated mentions ("after the killing
 * of an officer") stay claims: without a date the event may be the news itself.
 */
export function isPastEvent(type: IndicatorType, view: string, start: number, end: number): boolean {
  if (!PAST_EVENT.types.has(type)) return false;
  if (!PAST_EVENT.lead.test(view.slice(Math.max(0, start - 60), start))) return false;
  return PAST_EVENT.time.test(view.slice(Math.max(0, start - PAST_EVENT.window), end + PAST_EVENT.window));
}
