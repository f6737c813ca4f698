import { FORCES, type TypeLexicon } from "./types.ts";

// "deployment of software", "deploy capital": the technical and financial senses.
const TECHNICAL_AFTER =
  /^\s+(?:\w+\s+){0,4}?(?:software|apps?|applications?|code|updates?|servers?|cloud|airbags?|capital|funds|budget|version|release|patch(?:es)?|containers?|features?|website|models?|algorithms?|firmware|solar|turbines|chargers|technolog(?:y|ies)|tools?|kubernetes|builds?)\b/i;
const TECHNICAL_BEFORE =
  /\b(?:software|app|code|cloud|production|continuous|model|server|capital|product|feature|5g|network|rapid)[\s-]+$/i;

const PERSONNEL =
  "(?:troops|soldiers|forces|units|tanks|warships|battalions?|brigades?|contingents?|peacekeepers|reinforcements|paratroopers|marines|artillery|police(?: officers| units)?|special police|gendarmes|armou?r|armou?red vehicles)";

export const DEPLOYMENT: TypeLexicon = {
  type: "deployment",
  intensity: 0.5,
  triggers: [
    {
      re: /\bre-?deploy(?:ed|ing|s|ments?)?\b|\bdeploy(?:ed|ing|s|ments?)?\b/gi,
      strength: 0.85,
      after: TECHNICAL_AFTER,
      before: TECHNICAL_BEFORE,
    },
    {
      re: /\b(?:military|troop|force|army|naval|armou?red|tank|police|security|forces?) (?:build-?ups?|buildups?|reinforcements?|deployments?|movements?|mobili[sz]ations?|concentrations?|surge)\b/gi,
      strength: 0.85,
      intensity: 0.6,
    },
    {
      re: new RegExp(`\\b(?:build-?up|buildup|concentration|massing|amassing) of (?:\\w+ ){0,2}?${PERSONNEL}\\b`, "gi"),
      strength: 0.85,
      intensity: 0.6,
    },
    {
      re: new RegExp(
        `\\b(?:send|sends|sent|sending|dispatch(?:ed|es|ing)?|rush(?:ed|es|ing)?|airlift(?:ed|ing)?|station(?:ed|ing)?|position(?:ed|ing)?|mass(?:ed|ing)|amass(?:ed|ing)?|move[ds]?|moving|contribut(?:e|ed|ing)|commit(?:ted|ting)?)\\b(?! by\\b)(?= (?:[\\w-]+ ){0,4}?${PERSONNEL}\\b)`,
        "gi",
      ),
      strength: 0.75,
      intensity: 0.55,
    },
    {
      // "peacekeepers were sent to", passive with the personnel before the verb.
      re: new RegExp(
        `(?<=\\b${PERSONNEL}\\b(?: [\\w-]+){0,3} (?:were|was|have been|had been|are being|be|been|being) )(?:sent|dispatched|stationed|massed|rushed|positioned|moved|flown)\\b`,
        "gi",
      ),
      strength: 0.75,
    },
    {
      re: /(?<=\b(?:forces?|troops|soldiers|army|units|police|peacekeepers|tanks)\b(?: [\w-]+){0,3} )(?:enter(?:ed|s|ing)?|move[ds]? into|moving into|cross(?:ed|es|ing)? into|roll(?:ed|s|ing)? into|arrived|landed|fanned out|fan out|took up positions|take up positions)\b/gi,
      strength: 0.7,
    },
    {
      re: /\b(?:increase[sd]?|increasing|boost(?:ed|s|ing)?|bolster(?:ed|s|ing)?|beef(?:ed|s|ing)? up|expand(?:ed|s|ing)?|strengthen(?:ed|s|ing)?|reinforc(?:e|ed|es|ing)|step(?:ped|s|ping)? up|ramp(?:ed|s|ing)? up|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|heighten(?:ed|s|ing)?|rais(?:e|ed|es|ing))\s+(?:[\w'-]+\s+){0,4}?(?:force|forces|troops|presence|contingent|deployments?|patrols|military readiness|combat readiness|readiness|garrisons?|troop levels|alert level)\b/gi,
      strength: 0.8,
      intensity: 0.6,
      after: /^\s+(?:of (?:the )?(?:market|nature|habit|law|argument))\b/i,
      before: /\b(?:labou?r|work|market|task)\s+$/i,
    },
    {
      re: /\b(?:increased|heightened|stepped-up|strengthened|reinforced|bolstered|larger|greater|expanded|massive|heavy|visible|permanent) (?:[\w-]+ ){0,2}?presence\b/gi,
      strength: 0.7,
      requires: FORCES,
    },
    {
      re: /\b(?:strengthening|reinforcement|increase|boost|build-?up|expansion) (?:\w+ )?of (?:[\w-]+ ){0,3}?(?:forces|troops|military readiness|combat readiness|readiness|presence|patrols|contingents?)\b/gi,
      strength: 0.8,
      intensity: 0.6,
    },
    { re: /\b(?:military|troop|armed|security|police) presence\b/gi, strength: 0.55 },
    {
      re: /\b(?:mobili[sz](?:ed|es|ing|ations?|e)|call(?:ed|s|ing)? up (?:\w+ )?reservists|reservists)\b/gi,
      strength: 0.75,
      intensity: 0.65,
      requires: /\b(?:troops|army|military|reservists|forces|soldiers|units|reserves|police|armed)\b/i,
    },
    {
      re: /\b(?:(?:on|to|under|at|into) (?:a |the )?(?:[\w-]+ ){0,3}?(?:alert|standby|war footing)|combat readiness|state of (?:combat )?readiness)\b/gi,
      strength: 0.7,
      intensity: 0.6,
      requires: FORCES,
    },
    {
      re: /\b(?:order(?:ed|s)?|launch(?:ed|es)?|step(?:ped)? up|increas(?:ed|e)|deploy(?:ed)?|beg[ia]n|conduct(?:ed|s)?|joint|intensif(?:ied|y)) (?:\w+ ){0,2}?patrols\b/gi,
      strength: 0.65,
    },
  ],
};
