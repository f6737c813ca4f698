// Words that say nothing about which event a text reports: function words (English, and Serbian,
// Croatian and Bosnian in folded Latin so Cyrillic text is covered too), newsroom verbs, and
// calendar words that any two articles from the same week share.
const ENGLISH = `a about above after again against all almost already also although always am among an and another
any are around as at away back be became because been before being below between both but by can
cannot could did do does doing done down during each either else even ever every few for from further
had has have having he her here hers herself him himself his how however if in into is it its itself
just last later least less like made make many may me meanwhile might more most much must my near nearly
neither never new next no nor not now of off often on once one only or other others our ours out over
own per rather same several she should since so some still such than that the their theirs them
themselves then there these they this those though through throughout thus to too toward towards two
under until up upon us very via was we well were what whatever when where whether which while who whom
whose why will with within without would yet you your three four five first second third former latter
amid despite across along beyond says said say saying told tell according reported reports report
added adding stated statement news press agency reuters afp ap associated reporting editing writing
photo video image read watch follow subscribe newsletter copyright rights reserved updated published
today yesterday tomorrow week weeks weekend day days month months year years time times morning
evening night monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december mr mrs ms dr people way part get got go going
take took put see seen show shows shown come came want wanted need needed use used includ including
percent`;

// Titles and institutions every political story mentions; they link unrelated stories, not events.
const GENERIC = `minister ministers ministry prime president presidents government governments official officials
office authorities authority country countries leader leaders state states national international
region regional local public political politics`;

const SOUTH_SLAVIC = `i u na je da se za od su sa s sto koji koja koje kojeg kojem kojoj kojim kojih ali ili a o po
iz do kao ce bi bio bila bilo bili biti sam smo ste nije nisu jos vec samo ne ni to taj ta te tog toga
ovaj ova ovo ovog ovom ove ovi oni one ona ono on mi vi mu joj im ih ga ju nas vas pri prema nakon pre
prije posle poslije tokom kroz izmedju ispod iznad zbog radi kod uz bez protiv dok kada kad gde gdje
jer pa te vise manje svi sve svih svoj svoja svoje svojim takodje takode medjutim godine godina dana
dan rekao rekla izjavio izjavila kazao naveo navela prema danas juce sutra`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${GENERIC} ${SOUTH_SLAVIC}`.split(/\s+/).filter(Boolean),
);
