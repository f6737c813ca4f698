export { foldForSearch } from "./fold/index.ts";
export { type FoldedText, foldWithOffsets, originalSpan } from "./fold/offsets.ts";
export { normalizeText, simplifyPunctuation } from "./normalize/index.ts";
export { type SentenceSpan, splitSentences } from "./sentences/index.ts";
