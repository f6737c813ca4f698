import type { TypeLexicon } from "./types.ts";

const PACT =
  "(?:agreements?|deals?|accords?|pacts?|treat(?:y|ies)|truces?|cease-?fires?|armistices?|memorand(?:um|a) of understanding|consensus|compromises?|settlements?|breakthrough)";
const MAKE =
  "(?:reach(?:ed|es|ing)?|sign(?:ed|s|ing)?|str(?:ike|uck|iking)|seal(?:ed|s|ing)?|conclud(?:e|ed|es|ing)|clinch(?:ed|es|ing)?|broker(?:ed|s|ing)?|hammer(?:ed)? out|finali[sz](?:e|ed|es|ing)|ink(?:ed|s)?|approv(?:e|ed|es)|adopt(?:ed|s)?|declar(?:e|ed|es)|announc(?:e|ed|es)|agree(?:d|s)? (?:on|to|upon)|accept(?:ed|s)?|forg(?:e|ed))";

export const AGREEMENT: TypeLexicon = {
  type: "agreement",
  intensity: 0.1,
  triggers: [
    {
      re: /\bagree(?:d|s|ing)?\b/gi,
      strength: 0.8,
      before:
        /\b(?:analysts|experts|observers|critics|scientists|economists|commentators|most people|everyone)\s+(?:\w+\s+)?$/i,
      after: /^\s+with (?:him|her|them|me|us|you|the (?:view|assessment|analysis|criticism)|that|this)\b/i,
    },
    {
      re: new RegExp(`\\b${MAKE} (?:[\\w-]+ ){0,4}?${PACT}\\b`, "gi"),
      strength: 0.85,
      forbids: /\bunilateral(?:ly)?\b/i,
    },
    {
      re: new RegExp(
        `\\b${PACT} (?:was |were |has been |had been )?(?:signed|reached|struck|sealed|concluded|clinched|brokered|agreed)\\b`,
        "gi",
      ),
      strength: 0.8,
      // "violating the ceasefire agreement signed in March" refers to an old agreement.
      before: /\b(?:violat\w*|breach\w*|broke|breaking)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$/i,
    },
    {
      re: /\baccept(?:ed|s|ing)?\b(?= (?:\w+ ){0,3}?(?:formula|plan|proposals?|deal|demands?|terms|offer|conditions|mediation|cease-?fire|truce|settlement|compromise))/gi,
      strength: 0.7,
    },
    { re: /\b(?:offer(?:ed|s)?|promis(?:ed|es)|pledg(?:ed|es)|commit(?:ted|s)?(?: itself)?) to\b/gi, strength: 0.55 },
  ],
};
