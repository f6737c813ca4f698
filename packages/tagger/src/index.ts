export { findActors } from "./actors/index.ts";
export { LEXICONS, type Trigger, type TypeLexicon } from "./lexicon/index.ts";
export { type ModalityReading, readModality } from "./modality/index.ts";
export { findPlaces } from "./places/index.ts";
export { findTriggers, type TriggerMatch, tagSentence, tagText } from "./tag/index.ts";
