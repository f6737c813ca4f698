import type { TypeLexicon } from "./types.ts";

const PUNISHABLE =
  "(?:aid|assistance|air links|flights|trade|imports|exports|loans?|credits?|funding|assets|accounts|cooperation|(?:diplomatic )?relations|ties|visas?|deliveries|supplies|electricity|gas|oil|arms sales|programs?|programmes?)";

export const SANCTION: TypeLexicon = {
  type: "sanction",
  intensity: 0.45,
  triggers: [
    {
      re: /(?<!-)\bsanction(?:s|ed|ing)?\b/gi,
      strength: 0.85,
      // "sanctioned the plan": approval, not punishment.
      after: /^\s+(?:(?:the|a|an|this) )?(?:plan|deal|use|operation|decision|agreement|request|move|marriage|event)\b/i,
      forbids: /\b(?:fifa|uefa|league|referee|club|football)\b/i,
    },
    { re: /\b(?:arms |trade |oil |economic )?embargo(?:es|ed)?\b/gi, strength: 0.85 },
    {
      re: /\b(?:expel(?:led|s|ling)?|expulsions? of|declared persona non grata)\b(?= (?:[\w-]+ ){0,4}?(?:diplomats?|ambassadors?|envoys?|attach[eé]s?|inspectors|journalists|correspondents|staff|officials|personnel|missions?|agency))/gi,
      strength: 0.8,
    },
    { re: /\brecall(?:ed|s|ing)?\b(?= (?:[\w-]+ ){0,3}?ambassador)/gi, strength: 0.7 },
    {
      re: new RegExp(
        `\\b(?:suspend(?:ed|s|ing)?|suspension of|halt(?:ed|s|ing)?|cut(?:s|ting)? off|cut|froze|freez(?:e|es|ing)|frozen|withh[eo]ld(?:ing|s)?|prohibit(?:ed|s|ing)?|reduc(?:ed|e|es|ing)|restrict(?:ed|s|ing)?)\\b(?= (?:[\\w-]+ ){0,4}?${PUNISHABLE}\\b)`,
        "gi",
      ),
      strength: 0.7,
    },
    {
      re: /\b(?:break(?:s|ing)?|broke|sever(?:ed|s|ing)?) (?:off )?(?:diplomatic )?(?:relations|ties)\b/gi,
      strength: 0.75,
    },
    { re: /\bden(?:y|ied|ies|ying) (?:\w+ ){0,2}?(?:entry|visas)\b/gi, strength: 0.7 },
    { re: /\b(?:import|export|trade|travel|visa) (?:restrictions|bans?|curbs|controls|barriers)\b/gi, strength: 0.7 },
    {
      re: /\b(?:impos(?:e|ed|es|ing)|reimpos(?:e|ed|es|ing)|tighten(?:ed|s|ing)?) (?:[\w-]+ ){0,3}?(?:tariffs|duties|penalties|blockades?|restrictions)\b|\b(?:naval|economic) blockades?\b|\bpunitive (?:tariffs|measures|duties)\b/gi,
      strength: 0.7,
    },
    { re: /\bblacklist(?:ed|s|ing)?\b/gi, strength: 0.65 },
    { re: /\bdowngrad(?:ed|es|ing|e) (?:\w+ )?(?:diplomatic )?(?:relations|ties)\b/gi, strength: 0.65 },
  ],
};
