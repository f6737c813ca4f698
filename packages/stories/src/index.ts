export {
  cosine,
  type StoryFeatures,
  StoryFeaturesSchema,
  type StoryInput,
  StoryInputSchema,
  stem,
  storyFeatures,
  termVector,
} from "./features/index.ts";
export {
  EMPTY_SLOT,
  type Fingerprint,
  FingerprintSchema,
  fingerprint,
  hammingDistance,
  lshKeys,
  PERMUTATIONS,
  SHINGLE_SIZE,
} from "./fingerprint/index.ts";
export {
  DEFAULT_MATCH,
  type MatchBreakdown,
  type MatchOptions,
  type MatchResult,
  matchStory,
  mergeIntoStory,
  newStory,
  type StoryCandidate,
  StoryCandidateSchema,
  scoreStory,
  WEIGHTS,
} from "./match/index.ts";
export {
  DUPLICATE_CONTAINMENT,
  DUPLICATE_HAMMING,
  DUPLICATE_JACCARD,
  estimateJaccard,
  type NearDuplicate,
  nearDuplicate,
} from "./near-duplicate/index.ts";
export { type StoryAssignment, StoryIndex, type StoryIndexOptions } from "./story-index/index.ts";
export { contentHash, normalizeForHash } from "./tokens/index.ts";
