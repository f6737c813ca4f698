export { findActors } from "./actors/index.ts";
export { DataError, LANGS, type Lang } from "./data/index.ts";
export { DOMAINS, suppressedTypes } from "./domain/index.ts";
export { detectLang } from "./lang/index.ts";
export { LEXICONS, loadLexicons, type Trigger, type TypeLexicon } from "./lexicon/index.ts";
export { type ModalityReading, readModality } from "./modality/index.ts";
export { findPlaces } from "./places/index.ts";
export { findTriggers, type TriggerMatch, tagSentence, tagText } from "./tag/index.ts";
