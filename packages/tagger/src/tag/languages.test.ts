import type { IndicatorType, Modality } from "@seismo/core";
import { describe, expect, it } from "vitest";
import { tagSentence, tagText } from "./index.ts";

type Case = [sentence: string, type: IndicatorType, modality: Modality];

const read = (sentence: string, type: IndicatorType) => tagSentence(sentence).find((i) => i.type === type)?.modality;

const SERBIAN_LATIN: Case[] = [
  ["Kosovska policija uhapsila je trojicu Srba u Leposaviću.", "arrest", "asserted"],
  ["Srbi i policija sukobili su se kod opštine u Zvečanu.", "clash", "asserted"],
  ["Vojska Srbije raspoređena je duž administrativne linije.", "deployment", "asserted"],
  ["Građani su protestovali i blokirali put kod Jarinja.", "protest", "asserted"],
  ["EU je uvela sankcije zvaničnicima u Prištini.", "sanction", "asserted"],
  ["Vlada Srbije oštro je osudila hapšenje.", "condemnation", "asserted"],
  ["Pregovori u Briselu završeni su bez rezultata.", "talks", "asserted"],
  ["Predsednik je zapretio da će poslati vojsku.", "threat", "asserted"],
  ["Strane su potpisale sporazum o slobodi kretanja.", "agreement", "asserted"],
  // negated
  ["Policija nije uhapsila nikoga.", "arrest", "negated"],
  ["Nije bilo sukoba na severu Kosova.", "clash", "negated"],
  ["Srbija neće rasporediti vojsku na granici.", "deployment", "negated"],
  ["Okupljanje je prošlo bez incidenata i bez hapšenja.", "arrest", "negated"],
  // intent and speculation
  ["KFOR je spreman da pojača prisustvo na severu.", "deployment", "intent"],
  ["Vlada planira da uvede sankcije.", "sanction", "intent"],
  ["Sukob bi mogao da eskalira ako se snage ne povuku.", "clash", "speculative"],
];

const SERBIAN_CYRILLIC: Case[] = [
  ["Косовска полиција ухапсила је двојицу Срба у Звечану.", "arrest", "asserted"],
  ["Сукоби су избили у Северној Митровици.", "clash", "asserted"],
  ["Војска није распоређена дуж административне линије.", "deployment", "negated"],
  ["Београд ће послати снаге ако буде потребно.", "deployment", "intent"],
  ["Влада је осудила напад на манастир Бањска.", "condemnation", "asserted"],
];

const ALBANIAN: Case[] = [
  ["Policia e Kosovës arrestoi tre persona në Leposaviq.", "arrest", "asserted"],
  ["Pati përleshje mes protestuesve dhe policisë në Zveçan.", "clash", "asserted"],
  ["Serbia vendosi trupa përgjatë kufirit me Kosovën.", "deployment", "asserted"],
  ["Qindra serbë protestuan para komunës.", "protest", "asserted"],
  ["Bisedimet në Bruksel përfunduan pa marrëveshje.", "talks", "asserted"],
  ["BE dënoi sulmin në Banjskë.", "condemnation", "asserted"],
  ["Vuçiq kërcënoi Kosovën me ushtri.", "threat", "asserted"],
  ["Palët nënshkruan marrëveshjen për energjinë.", "agreement", "asserted"],
  ["BE-ja vendosi sanksione ndaj Kosovës.", "sanction", "asserted"],
  // negated
  ["Policia nuk arrestoi askënd.", "arrest", "negated"],
  ["Nuk ka pasur përleshje në veri.", "clash", "negated"],
  ["Ushtria serbe s'ka vendosur trupa pranë kufirit.", "deployment", "negated"],
  // intent and speculation
  ["NATO është gati të shtojë trupat në Kosovë.", "deployment", "intent"],
  ["Qeveria do të vendosë sanksione.", "sanction", "intent"],
  ["Ka frikë se mund të ketë përleshje të reja.", "clash", "speculative"],
];

describe("Serbian (Latin)", () => {
  it.each(SERBIAN_LATIN)("%s → %s/%s", (sentence, type, modality) => expect(read(sentence, type)).toBe(modality));
});

describe("Serbian (Cyrillic)", () => {
  it.each(SERBIAN_CYRILLIC)("%s → %s/%s", (sentence, type, modality) => expect(read(sentence, type)).toBe(modality));

  it("keeps evidence offsets in the Cyrillic original", () => {
    const text = "Уводни текст. Косовска полиција ухапсила је двојицу Срба у Звечану.";
    const arrest = tagText(text).find((i) => i.type === "arrest");
    expect(arrest?.evidence.text).toBe("ухапсила");
    expect(text.slice(arrest?.evidence.start, arrest?.evidence.end)).toBe("ухапсила");
    expect(arrest?.places).toContain("Zvečan");
  });

  it("maps spans whose folded form is longer (ђ → dj)", () => {
    const text = "Снаге су распоређене код Медвеђе.";
    const deployment = tagText(text).find((i) => i.type === "deployment");
    expect(deployment?.evidence.text).toBe("распоређене");
  });
});

describe("Albanian", () => {
  it.each(ALBANIAN)("%s → %s/%s", (sentence, type, modality) => expect(read(sentence, type)).toBe(modality));
});

describe("look-alikes in Serbian and Albanian", () => {
  it.each([
    ["Derbi Crvene zvezde i Partizana doneo je žestok sukob na terenu.", "clash"],
    ["Sud ga je osudio na pet godina zatvora.", "condemnation"],
    ["Ministar je u sukobu interesa.", "clash"],
    ["Freske prikazuju scenu Kosovskog boja iz 1389. godine.", "clash"],
    ["Ndeshja mes dy klubeve solli një përplasje të fortë në fushë.", "clash"],
    ["Gjykata e dënoi atë me pesë vjet burg.", "condemnation"],
    ["Qeveria vendosi të rrisë pagat.", "deployment"],
  ] as const)("%s does not claim %s", (sentence, type) => {
    expect(tagSentence(sentence).filter((i) => i.type === type && i.modality !== "negated")).toEqual([]);
  });
});
