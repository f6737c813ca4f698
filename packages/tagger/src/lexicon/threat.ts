import type { TypeLexicon } from "./types.ts";

export const THREAT: TypeLexicon = {
  type: "threat",
  intensity: 0.55,
  triggers: [
    {
      re: /(?<!-)\bthreat(?:en(?:ed|s|ing)?|s)?\b/gi,
      strength: 0.85,
      after: /^\s+(?:species|of (?:rain|storms?|flood(?:s|ing)?|extinction|relegation|frost|showers))\b/i,
      before: /\b(?:endangered|extinction|weather|cyber(?:security)?|triple)\s+$/i,
    },
    {
      re: /(?<!\b(?:the|a|this|that|his|her|its|their|early|storm|weather|flood|health) )\bwarn(?:ed|s|ing)\b(?! (?:signs?|shots?|lights?|labels?|systems?))/gi,
      strength: 0.5,
      forbids: /\b(?:weather|storm|heatwave|forecasters?|flood(?:ing)?|doctors|health officials|scientists)\b/i,
    },
    { re: /\bultimatums?\b/gi, strength: 0.85, intensity: 0.7 },
    {
      re: /\b(?:vow(?:ed|s)?|swore|sworn|pledged) to (?:fight|retaliate|respond|take revenge|avenge|destroy|crush|wipe out|continue (?:the |their )?(?:fight|struggle|attacks))\b/gi,
      strength: 0.75,
      intensity: 0.7,
    },
    { re: /\bunless\b/gi, strength: 0.6, requires: /\b(?:will|would|shall)\b/i },
    {
      re: /(?<=\b(?:will|would|shall|'ll) (?:[\w-]+ )?)(?:boycott|blockade|retaliate|strike back|hit back)\b/gi,
      strength: 0.6,
    },
  ],
};
