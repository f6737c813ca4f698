import { type StoryFeatures, type StoryInput, storyFeatures } from "../features/index.ts";
import {
  type MatchOptions,
  type MatchResult,
  matchStory,
  mergeIntoStory,
  newStory,
  type StoryCandidate,
} from "../match/index.ts";

export type StoryAssignment = MatchResult & { storyId: string; created: boolean };

export type StoryIndexOptions = MatchOptions & {
  /** Id for a new story; defaults to "story-1", "story-2", … */
  newId?: (n: number) => string;
};

/**
 * Reference in-memory clustering: each article joins its best-matching story or starts one.
 * The SQL version does the same with candidates fetched by time window (first_seen - window ≤
 * published_at ≤ last_seen + window) and the story row updated with mergeIntoStory.
 */
export class StoryIndex {
  readonly #stories = new Map<string, StoryCandidate>();
  readonly #options: StoryIndexOptions;

  constructor(options: StoryIndexOptions = {}) {
    this.#options = options;
  }

  /** Assign an article (raw input or precomputed features) to a story and return the story's id. */
  add(article: StoryInput | StoryFeatures): StoryAssignment {
    const features = isFeatures(article) ? article : storyFeatures(article);
    const result = matchStory(features, [...this.#stories.values()], this.#options);
    if (result.storyId !== null) {
      const story = this.#stories.get(result.storyId) as StoryCandidate;
      this.#stories.set(story.id, mergeIntoStory(story, features));
      return { ...result, storyId: story.id, created: false };
    }
    const id = (this.#options.newId ?? ((n) => `story-${n}`))(this.#stories.size + 1);
    this.#stories.set(id, newStory(id, features));
    return { ...result, storyId: id, created: true };
  }

  get(id: string): StoryCandidate | undefined {
    return this.#stories.get(id);
  }

  get stories(): StoryCandidate[] {
    return [...this.#stories.values()];
  }
}

function isFeatures(a: StoryInput | StoryFeatures): a is StoryFeatures {
  return "terms" in a && typeof a.publishedAt === "number" && !("text" in a);
}
