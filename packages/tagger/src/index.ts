export { actorKind, findActors } from "./actors/index.ts";
export {
  type Analysis,
  type AnalyzedActor,
  type AnalyzedPlace,
  analyzeText,
  type WeightedIndicator,
} from "./analyze/index.ts";
export { DataError, LANGS, type Lang } from "./data/index.ts";
export { DOMAINS, suppressedTypes } from "./domain/index.ts";
export { type FramingMark, findFraming } from "./framing/index.ts";
export { ACTOR_KINDS, ACTORS, type ActorEntry, type ActorKind } from "./gazetteer/actors.ts";
export { PLACES, type PlaceEntry } from "./gazetteer/places.ts";
export { detectLang } from "./lang/index.ts";
export { LEXICONS, loadLexicons, type Trigger, type TypeLexicon } from "./lexicon/index.ts";
export { type ModalityReading, readModality } from "./modality/index.ts";
export { findPlaces } from "./places/index.ts";
export { findTriggers, type TriggerMatch, tagSentence, tagText } from "./tag/index.ts";
export { goldsteinWeight, WEIGHTS } from "./weights/index.ts";
