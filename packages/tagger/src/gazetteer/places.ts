/**
 * Kosovo, Serbia and Western Balkans places with their Serbian (Latin and Cyrillic) and
 * Albanian spellings. Variants are matched after foldForSearch, so "Zvečan", "Zvecan" and
 * "Звечан" need one entry; Cyrillic variants are listed for readers, and fold to Latin anyway.
 * Serbian framing is resolved here: "Kosovo and Metohija" is Kosovo, the "administrative
 * boundary/line" is the Kosovo–Serbia boundary.
 */
export interface PlaceEntry {
  name: string;
  variants: readonly string[];
}

export const PLACES: readonly PlaceEntry[] = [
  {
    name: "Kosovo",
    variants: [
      "Kosovo",
      "Kosova",
      "Kosovë",
      "Kosovo and Metohija",
      "Kosovo i Metohija",
      "Kosmet",
      "Косово",
      "Косово и Метохија",
    ],
  },
  {
    name: "North Kosovo",
    variants: [
      "northern Kosovo",
      "north Kosovo",
      "north of Kosovo",
      "Severno Kosovo",
      "Sjeverno Kosovo",
      "Северно Косово",
    ],
  },
  {
    name: "Kosovo–Serbia boundary",
    variants: [
      "administrative boundary",
      "administrative line",
      "administrative boundary line",
      "administrative crossing",
      "administrativna linija",
      "административна линија",
      "border with Kosovo",
      "border with Serbia",
      "Kosovo-Serbia border",
      "Serbia-Kosovo border",
    ],
  },
  { name: "Serbia", variants: ["Serbia", "Srbija", "Србија"] },
  { name: "Belgrade", variants: ["Belgrade", "Beograd", "Београд"] },
  { name: "Pristina", variants: ["Pristina", "Priština", "Prishtina", "Prishtinë", "Приштина"] },
  {
    name: "North Mitrovica",
    variants: ["North Mitrovica", "northern Mitrovica", "Severna Mitrovica", "Mitrovica e Veriut", "Северна Митровица"],
  },
  { name: "Mitrovica", variants: ["Mitrovica", "Mitrovicë", "Kosovska Mitrovica", "Митровица", "Косовска Митровица"] },
  { name: "Zvečan", variants: ["Zvečan", "Zveçan", "Звечан"] },
  { name: "Zubin Potok", variants: ["Zubin Potok", "Зубин Поток"] },
  { name: "Leposavić", variants: ["Leposavić", "Leposaviq", "Лепосавић"] },
  { name: "Banjska", variants: ["Banjska", "Banjskë", "Бањска"] },
  { name: "Jarinje", variants: ["Jarinje", "Jarinjë", "Јариње"] },
  { name: "Brnjak", variants: ["Brnjak", "Bërnjak", "Брњак"] },
  { name: "Gračanica", variants: ["Gračanica", "Graçanica", "Грачаница"] },
  { name: "Prizren", variants: ["Prizren", "Призрен"] },
  { name: "Peć", variants: ["Peć", "Pejë", "Peja", "Пећ"] },
  { name: "Đakovica", variants: ["Đakovica", "Gjakova", "Gjakovë", "Ђаковица"] },
  { name: "Gnjilane", variants: ["Gnjilane", "Gjilan", "Gjilani", "Гњилане"] },
  { name: "Uroševac", variants: ["Uroševac", "Ferizaj", "Урошевац"] },
  { name: "Podujevo", variants: ["Podujevo", "Podujeva", "Подујево"] },
  { name: "Štrpce", variants: ["Štrpce", "Shtërpcë", "Штрпце"] },
  { name: "Ibar", variants: ["Ibar", "Ibër", "Ибар"] },
  { name: "Raška", variants: ["Raška", "Рашка"] },
  { name: "Novi Pazar", variants: ["Novi Pazar", "Нови Пазар"] },
  { name: "Preševo", variants: ["Preševo", "Preshevë", "Presheva", "Прешево"] },
  { name: "Bujanovac", variants: ["Bujanovac", "Bujanoc", "Бујановац"] },
  { name: "Medveđa", variants: ["Medveđa", "Medvedja", "Медвеђа"] },
  { name: "Niš", variants: ["Niš", "Ниш"] },
  { name: "Montenegro", variants: ["Montenegro", "Crna Gora", "Црна Гора"] },
  { name: "Podgorica", variants: ["Podgorica", "Подгорица"] },
  { name: "Albania", variants: ["Albania", "Shqipëri", "Shqipëria"] },
  { name: "Tirana", variants: ["Tirana", "Tiranë"] },
  { name: "North Macedonia", variants: ["North Macedonia", "Macedonia", "Makedonija", "Македонија"] },
  { name: "Skopje", variants: ["Skopje", "Скопје"] },
  {
    name: "Bosnia and Herzegovina",
    variants: ["Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia", "Bosna i Hercegovina", "Босна и Херцеговина"],
  },
  { name: "Sarajevo", variants: ["Sarajevo", "Сарајево"] },
  { name: "Republika Srpska", variants: ["Republika Srpska", "Република Српска"] },
  { name: "Banja Luka", variants: ["Banja Luka", "Бања Лука"] },
  { name: "Croatia", variants: ["Croatia", "Hrvatska"] },
  { name: "Zagreb", variants: ["Zagreb"] },
  { name: "Brussels", variants: ["Brussels", "Bruxelles", "Brisel", "Брисел"] },
  { name: "Western Balkans", variants: ["Western Balkans", "Balkans", "Balkan region", "Zapadni Balkan"] },
];
