import type { TypeLexicon } from "./types.ts";

const WEEKDAYS =
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|on|in|at|with resistance|with criticism|with protests?|the (?:deadline|target|criteria|requirements?|demand))";

export const TALKS: TypeLexicon = {
  type: "talks",
  intensity: 0.15,
  triggers: [
    {
      re: /\btalks\b/gi,
      strength: 0.85,
      before: /\b(?:he|she|it|who|that|which|ted|pep)\s+$/i,
      after: /^\s+(?:show|shows)\b/i,
    },
    {
      re: /\bnegotiat(?:ions?|ing|ed|e|es|ors?)\b/gi,
      strength: 0.85,
      forbids: /\b(?:contract|salary|transfer|club|wage|mortgage|lease)\b/i,
    },
    {
      re: /\b(?:dialogue|mediat(?:ion|ed|ing|e|or|ors)|summits?|peace process|peace (?:conference|plan|initiative|effort)s?|shuttle diplomacy|consultations|round of talks|diplomatic (?:efforts?|initiatives?|push))\b/gi,
      strength: 0.75,
    },
    { re: /\bdiplomacy\b/gi, strength: 0.55 },
    {
      re: /\b(?:multilateral|international|regional|security|donor) conferences?\b/gi,
      strength: 0.6,
    },
    {
      re: /\bmeetings?\b(?= (?:with|between|of)\b)/gi,
      strength: 0.6,
      before: /\b(?:board|shareholders?|annual|general)\s+$/i,
    },
    {
      re: new RegExp(
        `\\bmet\\b(?! ${WEEKDAYS}\\b)(?= (?:with )?(?:[A-Z]|(?:his|her|their|the) (?:counterparts?|president|prime|foreign|minister|leaders?|delegation|ambassador|envoy)))`,
        "g",
      ),
      strength: 0.6,
    },
    { re: /\b(?:held|hold|holding|holds) (?:\w+ ){0,2}?(?:meetings?|consultations|discussions)\b/gi, strength: 0.7 },
    { re: /\b(?:discuss(?:ed|ing|es)?|discussions?)\b/gi, strength: 0.5 },
    { re: /\b(?:telephoned|phone call|phoned)\b/gi, strength: 0.55 },
    {
      re: /\bvisit(?:ed|s|ing)?\b/gi,
      strength: 0.5,
      requires:
        /\b(?:president|minister|leader|envoy|delegation|secretary|chancellor|king|emir|official|diplomats?|ambassador|chief|premier)\b/i,
      forbids: /\b(?:tourists?|patients?|museum|website|doctor)\b/i,
    },
    {
      re: /\bhost(?:ed|s|ing)?\b(?= (?:[\w-]+ ){0,4}?(?:meeting|summit|talks|delegation|president|prime minister|leaders?|counterpart))/gi,
      strength: 0.6,
    },
    { re: /\bwelcome to\b/gi, strength: 0.5 },
    { re: /\breceived (?:a |the )?(?:\w+ ){0,2}?(?:delegation|envoy|ambassador|counterpart)\b/gi, strength: 0.6 },
  ],
};
