/**
 * Named actors of the Kosovo–Serbia file, matched after foldForSearch. Capital-city metonyms
 * ("Belgrade said") name the government. Case-sensitive acronyms that are also English words
 * ("US", "UN") are listed in ACRONYM_ACTORS instead.
 */
export interface ActorEntry {
  name: string;
  variants: readonly string[];
}

export const ACTORS: readonly ActorEntry[] = [
  {
    name: "Kosovo police",
    variants: [
      "Kosovo police",
      "Kosovo's police",
      "Kosovo special police",
      "Kosovo police officers",
      "ROSU",
      "Kosovska policija",
      "Policia e Kosovës",
    ],
  },
  { name: "Kosovo Security Force", variants: ["Kosovo Security Force", "Kosovo Security Forces", "KSF", "FSK"] },
  {
    name: "KFOR",
    variants: ["KFOR", "NATO Kosovo peacekeeping", "NATO-led peacekeeping", "NATO peacekeepers", "NATO Kosovo Force"],
  },
  { name: "NATO", variants: ["NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance", "NATO-member"] },
  { name: "EU", variants: ["EU", "European Union", "European Community", "EC", "European Commission", "EULEX"] },
  {
    name: "US",
    variants: [
      "United States",
      "U.S.",
      "Washington",
      "White House",
      "State Department",
      "Pentagon",
      "Biden administration",
    ],
  },
  {
    name: "Serbia",
    variants: [
      "Serbia",
      "Serbian government",
      "Serbian authorities",
      "Serbian president",
      "Serbian officials",
      "Belgrade",
      "Vučić",
      "Aleksandar Vučić",
      "Srbija",
      "Србија",
      "Office for Kosovo",
      "Brnabić",
    ],
  },
  {
    name: "Serbian armed forces",
    variants: [
      "Serbian army",
      "Serbian armed forces",
      "Serbian military",
      "Serbian troops",
      "Serbian forces",
      "Serb forces",
      "Vojska Srbije",
      "Serbian Armed Forces",
    ],
  },
  {
    name: "Kosovo government",
    variants: [
      "Kosovo government",
      "Kosovo authorities",
      "Kosovo's government",
      "Pristina",
      "Prishtina",
      "Priština",
      "Kurti",
      "Albin Kurti",
      "Osmani",
      "Vjosa Osmani",
    ],
  },
  {
    name: "Serb gunmen",
    variants: [
      "Serb gunmen",
      "Serbian gunmen",
      "armed Serbs",
      "Serb paramilitaries",
      "Serbian paramilitaries",
      "Milan Radoičić",
      "Radoičić",
    ],
  },
  {
    name: "Kosovo Serbs",
    variants: [
      "Kosovo Serbs",
      "Serb residents",
      "local Serbs",
      "ethnic Serbs",
      "Serb community",
      "Srpska lista",
      "Serb List",
    ],
  },
  { name: "Kosovo Albanians", variants: ["Kosovo Albanians", "ethnic Albanians", "Albanian residents"] },
  { name: "UN", variants: ["United Nations", "U.N.", "UNMIK", "Security Council", "UN Security Council"] },
  { name: "OSCE", variants: ["OSCE"] },
  { name: "Russia", variants: ["Russia", "Moscow", "Kremlin", "Putin"] },
  { name: "China", variants: ["China", "Beijing"] },
  { name: "Albania", variants: ["Albania", "Tirana", "Albanian government"] },
];

/** Acronyms matched case-sensitively on the original text, since "us" and "un" are words. */
export const ACRONYM_ACTORS: Readonly<Record<string, string>> = {
  US: "US",
  USA: "US",
  UN: "UN",
  EU: "EU",
  UK: "UK",
};

/** Head nouns that make a capitalised phrase an organisation ("Serbia's Office for Kosovo"). */
export const ORG_HEADS: readonly string[] = [
  "Police",
  "Army",
  "Forces",
  "Force",
  "Ministry",
  "Office",
  "Council",
  "Government",
  "Party",
  "Union",
  "Front",
  "Movement",
  "Agency",
  "Commission",
  "Court",
  "Parliament",
  "Assembly",
  "League",
  "Organization",
  "Organisation",
  "Committee",
  "Brigade",
  "Guard",
  "Service",
  "Mission",
  "Coalition",
  "Tigers",
  "Watch",
  "International",
];

/** All-caps tokens that are not actors. */
export const NOT_ACTORS: ReadonlySet<string> = new Set([
  "AFP",
  "AP",
  "TV",
  "CEO",
  "GMT",
  "UTC",
  "PM",
  "AM",
  "STRINGER",
  "OK",
  "ID",
  "II",
  "III",
  "IV",
]);
