import { join } from "node:path";
import { type IndicatorType, IndicatorTypeSchema } from "@seismo/core";
import { z } from "zod";
import { compile, DATA_DIR, parseFile, parseList } from "../data/index.ts";

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
const FileSchema = z.strictObject({ security: z.string().min(1), domains: z.array(z.unknown()) });

export function loadDomains(file: string = join(DATA_DIR, "domains.yaml")): { security: RegExp; domains: Domain[] } {
  const doc = parseFile(file, FileSchema);
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
  return { security: compile(doc.security, "i", file, "security"), domains };
}

const { security: SECURITY, domains: DOMAINS } = loadDomains();

export { DOMAINS };

function hits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Off-topic domains of an article: enough vocabulary hits per sentence (football reports…). */
export function articleDomains(folded: string, sentences: number): Set<string> {
  const found = new Set<string>();
  for (const d of DOMAINS) {
    if (d.articleMin === undefined || d.articleShare === undefined) continue;
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
  let secure: boolean | undefined;
  for (const d of DOMAINS) {
    const inSentence = hits(d.vocab, folded) > 0;
    if (!inSentence && !article.has(d.id)) continue;
    if (d.override?.test(folded)) continue;
    secure ??= SECURITY.test(folded);
    // A sentence that is itself about the domain but names real violence stays on topic; so does
    // any sentence in an off-topic article that names it.
    if (secure && !d.strict) continue;
    for (const t of d.suppress) out.add(t);
  }
  return out;
}
