import type { Claim } from "../filters/index.ts";

/** What a detector found for one story; `key` changes only when the finding changes materially. */
export interface Detection {
  fired: boolean;
  /** One line for people: "6 clash reports in 72 h against 0.4 expected". */
  summary: string;
  numbers: Record<string, number | string | null | string[]>;
  /** The claims behind the finding (the caller picks the top few as evidence). */
  evidence: Claim[];
  /** Material state: a new alert version (and a notification) only when this changes. */
  key: string;
  /**
   * What the alert is about when it is not the evaluated story alone (a spike is one alert per
   * escalation episode): `key` replaces the story in the alert's dedupe key, and `storyId` is the
   * story the alert is shown under.
   */
  subject?: { key: string; storyId: string };
}

export const notFired: Detection = { fired: false, summary: "", numbers: {}, evidence: [], key: "" };
