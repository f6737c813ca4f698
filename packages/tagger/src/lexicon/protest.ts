import type { TypeLexicon } from "./types.ts";

export const PROTEST: TypeLexicon = {
  type: "protest",
  intensity: 0.35,
  triggers: [
    {
      re: /\bprotest(?:s|ed|ers|ors|ing)?\b/gi,
      strength: 0.85,
      // A diplomatic protest is a condemnation, not a street protest.
      before:
        /\b(?:lodged|lodge|lodges|filed|delivered|sent|issued|official|formal|strong|diplomatic|note of)\s+(?:\w+\s+){0,2}$/i,
      after:
        /^\s+(?:his|her|their) innocence\b|^\s+(?:to|with) (?:the )?(?:ambassador|embassy|government|foreign ministry|united nations)\b/i,
    },
    {
      re: /\b(?:demonstrations?|demonstrators?|demonstrated|demonstrating)\b/gi,
      strength: 0.85,
      after:
        /^\s+(?:that|how|its|their|his|her|the (?:need|importance|ability|strength)|of (?:force|strength|power|resolve|capabilit(?:y|ies)|technology|the (?:new )?(?:system|product)|support for the (?:plan|policy)))\b/i,
    },
    {
      re: /\b(?:rall(?:y|ies|ied|ying)|marched|marches|marching|protest march|sit-?ins?|walk-?outs?|picket(?:s|ed|ing)?|took to the streets|take to the streets|taking to the streets)\b/gi,
      strength: 0.75,
      before: /\b(?:stocks?|markets?|shares|prices|dollar|euro|oil|bonds?|equities|index|car)\s+(?:\w+\s+)?$/i,
      after: /^\s+(?:behind|around|to (?:win|victory|beat))\b|^\s+(?:driver|car|race)\b/i,
      forbids: /\b(?:troops|soldiers|army) marched\b/i,
    },
    {
      re: /\b(?:general|hunger|open-ended|nationwide|national|labou?r|workers'?|teachers'?|[\w]+-(?:day|hour)|warning|wildcat|token) strikes?\b|\bon strike\b|\bstrik(?:ers|ing workers)\b/gi,
      strength: 0.85,
    },
    {
      re: /(?<!\b(?:air|missile|drone|military|rocket|retaliatory|pre-?emptive|nuclear|first|surgical|precision|lightning|artillery|counter|general|hunger)[\s-])\bstrikes?\b(?! (?:force|a deal|a balance|back|against|on (?:targets|positions)))/gi,
      strength: 0.55,
      requires:
        /\b(?:workers|unions?|employees|teachers|doctors|miners|staff|drivers|pay|wages?|salar(?:y|ies)|labou?r)\b/i,
    },
    {
      re: /(?<!\banti-)\briot(?:s|ed|ing|ers)?\b(?! (?:police|gear|shields?|control|squads?|units?|act|officers))/gi,
      strength: 0.8,
      intensity: 0.6,
    },
    {
      re: /\bblock(?:ed|ing|s)?\b(?= (?:[\w-]+ ){0,3}?(?:roads?|streets?|highways?|bridges?|crossings?|railways?|traffic|entrances?|access roads?|transport|border crossings?))/gi,
      strength: 0.7,
    },
    { re: /\bbarricad(?:es|ed|ing)\b(?! themselves)/gi, strength: 0.55 },
    { re: /\b(?:collect(?:ed|ing)? signatures|petitions?)\b/gi, strength: 0.45, intensity: 0.2 },
    { re: /\b(?:stopped|shunned|downed) (?:work|tools)\b/gi, strength: 0.7 },
  ],
};
