import type { TypeLexicon } from "./types.ts";

const PEOPLE =
  /\b(?:suspects?|people|persons|activists|members|men|women|protesters|demonstrators|opponents|militants|journalists|leaders?|officials?|citizens|residents|gunmen|fighters|rebels|students|individuals|dissidents|serbs|albanians)\b/i;

export const ARREST: TypeLexicon = {
  type: "arrest",
  intensity: 0.4,
  triggers: [
    {
      re: /\barrest(?:ed|s|ing)?\b/gi,
      strength: 0.9,
      before: /\b(?:cardiac|heart|respiratory)[\s-]+$/i,
      after:
        /^\s+(?:(?:the|its|their|this|a|further) )?(?:decline|slide|fall|drop|spread|growth|trend|momentum|deterioration|development|losses|downturn)\b/i,
    },
    { re: /\b(?:detain(?:ed|s|ing)?|detention)\b/gi, strength: 0.8 },
    { re: /\b(?:apprehend(?:ed|ing|s)?|apprehension of)\b/gi, strength: 0.85 },
    { re: /\b(?:round(?:ed|ing|s)? up|roundups?)\b/gi, strength: 0.75, requires: PEOPLE },
    { re: /\b(?:taken|took|take|remanded|placed|held|kept) (?:[\w-]+ ){0,4}?(?:in|into) custody\b/gi, strength: 0.8 },
    { re: /\b(?:jailed|imprisoned|incarcerated|handcuffed)\b/gi, strength: 0.7 },
    { re: /\b(?:crackdowns?|crack(?:ed|ing)? down)\b/gi, strength: 0.55, intensity: 0.55 },
    {
      re: /(?<!\bair[\s-])(?<!\bbombing[\s-])\braid(?:ed|s|ing)?\b/gi,
      strength: 0.6,
      requires: /\b(?:police|officers|special units|agents|investigators|prosecutors|security services|authorities)\b/i,
      forbids: /\b(?:air raids?|aircraft|jets|helicopters|planes|bombers)\b/i,
    },
    {
      re: /\b(?:seiz(?:ed|ing|e|ure of)|confiscat(?:ed|ing|e|ion of)|impound(?:ed|ing))\b(?= (?:[\w-]+ ){0,4}?(?:weapons|arms|arsenal|explosives|ammunition|guns|rifles|drugs|grenades))/gi,
      strength: 0.55,
    },
    {
      re: /\bcaptur(?:ed|ing|e)\b(?= (?:[\w-]+ ){0,2}?(?:suspects?|leaders?|commanders?|militants?|rebels?|fighters?|gunmen|mastermind))/gi,
      strength: 0.6,
    },
  ],
};
