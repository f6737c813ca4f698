import type { TypeLexicon } from "./types.ts";

// A sports sentence with no security wording: "Serbia clash with Norway in the Nations League".
const SPORTS_ONLY =
  /^(?![\s\S]*\b(?:police|troops|soldiers|gunmen|forces|injured|wounded|killed|tear gas|riot|army|militants?|rebels?)\b)[\s\S]*\b(?:football|soccer|basketball|volleyball|handball|tennis|rugby|cricket|match(?:es)?|league|cup|championship|tournament|derby|striker|goalkeeper|coach|fixture|play-?offs?|semi-?finals?|quarter-?finals?|scored|goals?|olympics?|fifa|uefa|nba|squad|kick-?off|stadium|qualifier|title)\b/i;

// "clash of views", "a diplomatic clash": disagreement, not violence.
// "a diplomatic clash", and politicians who "clashed" argued: crowds and police who clash fight.
const FIGURATIVE_BEFORE =
  /\b(?:verbal|diplomatic|political|ideological|rhetorical|legal|personality|scheduling|cultural|public)[\s-]+$|\b(?:leaders|ministers|politicians|officials|lawmakers|MPs|deputies|diplomats|parties|presidents|premiers|candidates|commentators|counterparts|the two men|the two women)\s+(?:(?:have|had|again|sharply|repeatedly|publicly|openly|also)\s+)?$/i;
const FIGURATIVE_AFTER =
  /^\s+(?:of|between) (?:views|opinions|ideas|interests|cultures|civilizations|civilisations|personalities|wills|egos|schedules|dates|visions|values|narratives)\b/i;

export const CLASH: TypeLexicon = {
  type: "clash",
  intensity: 0.6,
  triggers: [
    {
      re: /\bclash(?:es|ed|ing)?\b/gi,
      strength: 0.85,
      forbids: SPORTS_ONLY,
      before: FIGURATIVE_BEFORE,
      after: FIGURATIVE_AFTER,
    },
    {
      re: /\b(?:gun[\s-]?battles?|gunbattles?|gunfights?|fire-?fights?|shoot-?outs?|skirmish(?:es|ed)?|exchanges? of fire|exchanged fire|crossfire|gunfire)\b/gi,
      strength: 0.9,
      intensity: 0.7,
    },
    {
      re: /\b(?:fighting|fought|battles?|battled|battling)\b/gi,
      strength: 0.7,
      forbids: SPORTS_ONLY,
      before: /\b(?:legal|court|political|electoral|uphill|custody|ratings|budget|verbal|PR|media)\s+$/i,
      after:
        /^\s+(?:(?:against|over|for|with) )?(?:the )?(?:global |uphill )?(?:corruption|poverty|crime|fires?|wildfires?|disease|inflation|cancer|drugs|crisis|water|climate|illness|addiction|the odds|for (?:rights|justice|freedom|survival)|in court)\b/i,
    },
    { re: /\bopen(?:ed|s|ing)? fire\b/gi, strength: 0.9, intensity: 0.7 },
    {
      re: /\bfir(?:ed|ing)\b(?= (?:\w+ ){0,2}?(?:on|at|upon|shots?|rockets?|missiles?|shells?|mortars?|tear gas|live rounds|rubber bullets|bullets|grenades?)\b)/gi,
      strength: 0.75,
      intensity: 0.7,
    },
    { re: /\b(?:shell(?:ed|ing)|bombard(?:ed|ing|ment)|strafed)\b/gi, strength: 0.85, intensity: 0.75 },
    {
      re: /\b(?:bomb(?:ed|ing|ings)|bomb attacks?|car[\s-]bombs?|suicide (?:bomb(?:ing|er|ers|ings)?|attacks?)|roadside bombs?|explosive devices?|air ?strikes?|airstrikes?|air raids?|missile (?:strikes?|attacks?)|drone (?:strikes?|attacks?)|rocket (?:fire|attacks?)|mortar (?:fire|attacks?|rounds)|artillery (?:fire|attacks?|barrages?)|grenade attacks?)\b/gi,
      strength: 0.85,
      intensity: 0.8,
    },
    {
      re: /\battack(?:s|ed|ing)?\b/gi,
      strength: 0.65,
      before: /\b(?:heart|panic|asthma|anxiety|verbal|personal|political|rhetorical|legal|media|press|cyber)[\s-]+$/i,
      after:
        /^\s+(?:(?:the|his|her|their|its) )?(?:policy|policies|plan|plans|decision|remarks|statement|proposal|record|comments|budget|reforms?|idea|critics|report|media|press|bill|law)\b/i,
      forbids: SPORTS_ONLY,
    },
    { re: /\bambush(?:ed|es|ing)?\b/gi, strength: 0.85, intensity: 0.7 },
    {
      re: /\b(?:kill(?:ed|ing|ings)|shot dead|gunned down|slain|massacred?|massacres|ethnic cleansing)\b/gi,
      strength: 0.75,
      intensity: 0.9,
      after: /^\s+(?:the |a |an )?(?:bill|deal|proposal|plan|talks|project|motion|idea|time|the mood|off)\b/i,
      forbids: SPORTS_ONLY,
    },
    {
      re: /\bwound(?:ed|ing)\b/gi,
      strength: 0.6,
      intensity: 0.75,
      after: /^\s+(?:pride|ego)\b/i,
      forbids: SPORTS_ONLY,
    },
    {
      re: /\bviolen(?:ce|t clash(?:es)?|t incidents?|t confrontations?)\b/gi,
      strength: 0.65,
      intensity: 0.55,
      before: /\b(?:domestic|sexual|gender-based|family|gun|online|partner|non)[\s-]+$/i,
      after: /^[\s-]+free\b/i,
    },
    {
      re: /\b(?:invad(?:ed|ing|e)|invasions?|incursions?|(?:military|major|ground|new|fresh|army|government|launched? an?) offensive)\b/gi,
      strength: 0.7,
      intensity: 0.8,
    },
    {
      re: /\b(?:stormed|storming|overr?an|overrun|recaptured|retaken|retook)\b/gi,
      strength: 0.65,
      intensity: 0.7,
      requires:
        /\b(?:troops|forces|soldiers|army|rebels|guerrillas|militants|gunmen|fighters|police|protesters|militia)\b/i,
    },
    { re: /\b(?:assassinat(?:ed|ion|e|ing)|assassination attempt)\b/gi, strength: 0.8, intensity: 0.8 },
    { re: /\b(?:tortur(?:ed|e|ing)|beat(?:en)? up|beatings?)\b/gi, strength: 0.6, intensity: 0.6 },
    {
      re: /\b(?:sexual(?:ly)? (?:abused|assaulted|abuse|assaults?)|(?:military|armed|violent|ground) assaults?|assault(?:ed|ing)? (?:on )?(?:a |the |two |three |several )?(?:police|officers?|soldiers?|troops|journalists?|protesters|civilians|positions|villages?|town))\b/gi,
      strength: 0.65,
      intensity: 0.65,
    },
    {
      re: /\bviolat(?:ed|ing|ions? of) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:cease-?fire|truce|armistice)\b/gi,
      strength: 0.6,
    },
    {
      re: /\b(?:kidnapp?(?:ed|ing|s)?|abduct(?:ed|ion|ions|ing)|taken hostage|took (?:\w+ )?hostage)\b/gi,
      strength: 0.6,
      intensity: 0.6,
    },
    {
      re: /\b(?:explosions?|blasts?|blew up|exploded)\b/gi,
      strength: 0.55,
      intensity: 0.7,
      before: /\b(?:population|data|price|blast)\s+$/i,
      after: /^\s+(?:furnace|of (?:interest|popularity|colou?r))\b/i,
    },
  ],
};
