import { INDICATOR_TYPES, type IndicatorType, MODALITIES, type Modality } from "@seismo/core";

/** One colour pair per indicator type, used by charts, chips and highlights alike. `fg` passes 4.5:1 on white. */
export const TYPE_COLOURS: Record<IndicatorType, { fg: string; bg: string }> = {
  clash: { fg: "#c62828", bg: "#fde0e0" },
  deployment: { fg: "#6a3d9a", bg: "#ece3f5" },
  talks: { fg: "#1f5fa8", bg: "#dde9f7" },
  agreement: { fg: "#2e7d32", bg: "#dff0e0" },
  arrest: { fg: "#8d5a00", bg: "#f8ecd4" },
  protest: { fg: "#c2410c", bg: "#fde4d3" },
  threat: { fg: "#9d174d", bg: "#fbe0ec" },
  sanction: { fg: "#0f766e", bg: "#d8f0ed" },
  condemnation: { fg: "#4b5563", bg: "#e6e8eb" },
};

export const MODALITY_LABELS: Record<Modality, string> = {
  asserted: "asserted",
  intent: "intent",
  negated: "negated",
  speculative: "speculative",
};

export const CLAIM_MODALITIES: Modality[] = ["asserted", "intent"];

export const isIndicatorType = (v: string): v is IndicatorType => (INDICATOR_TYPES as readonly string[]).includes(v);
export const isModality = (v: string): v is Modality => (MODALITIES as readonly string[]).includes(v);

/** CSS custom properties for every type, emitted once in the layout. */
export const typeCss = (): string =>
  INDICATOR_TYPES.map((t) => `.t-${t}{--fg:${TYPE_COLOURS[t].fg};--bg:${TYPE_COLOURS[t].bg}}`).join("\n");
