import type { TypeLexicon } from "./types.ts";

export const CONDEMNATION: TypeLexicon = {
  type: "condemnation",
  intensity: 0.3,
  triggers: [
    { re: /\bcondemn(?:ed|s|ing|ations?)?\b/gi, strength: 0.9 },
    { re: /\b(?:denounc(?:e|ed|es|ing)|denunciations?)\b/gi, strength: 0.9 },
    { re: /\b(?:critici[sz](?:e|ed|es|ing)|criticism|critical of)\b/gi, strength: 0.75 },
    { re: /\baccus(?:ed|es|ing|ations?)\b/gi, strength: 0.7, before: /\bthe\s+$/i },
    { re: /\bblam(?:ed|es|ing|e)\b/gi, strength: 0.6 },
    {
      re: /\b(?:deplor(?:ed|es|ing|e)|decr(?:ied|ies|y)|censur(?:e|ed|es|ing)|rebuk(?:e|ed|es)|lambast(?:ed|s|ing)?|castigat(?:ed|es|ing)|reproach(?:ed)?|slamm(?:ed|ing)|slams)\b/gi,
      strength: 0.8,
      after: /^\s+(?:the|a) (?:door|brakes)\b/i,
    },
    {
      re: /\b(?:(?:lodged|lodge|lodges|filed|delivered|issued|sent) (?:\w+ ){0,2}?protests?|(?:official|formal|strong|diplomatic) protests?|notes? of protest|protested to)\b/gi,
      strength: 0.8,
    },
    { re: /\bsummon(?:ed|s|ing)? (?:[\w'-]+ ){0,4}?(?:ambassador|envoy|charg[eé]|diplomat)\b/gi, strength: 0.75 },
    { re: /\b(?:complain(?:ed|s|ts?|ing)?)\b/gi, strength: 0.6 },
    { re: /\b(?:outraged?|war of words)\b/gi, strength: 0.5 },
  ],
};
