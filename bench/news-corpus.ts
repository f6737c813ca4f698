/**
 * A synthetic news corpus shaped like a regional feed, for the pipeline benches: stories of 1 to 15
 * reports (most small, a few large), each report a rewrite of its story's facts with sentences of
 * its own, about one in seven a verbatim wire copy, spread over 60 days. Deterministic (seeded).
 */

const PLACES = ["Zvečan", "Leposavić", "Zubin Potok", "Mitrovica", "Jarinje", "Banjska", "Raška", "Pristina", "Peja"];
const EVENTS = [
  "Kosovo police said officers came under fire near {p} late on {d}, and {n} attackers were killed in the shootout.",
  "NATO said it was ready to increase its peacekeeping force in Kosovo after the violence in {p}.",
  "Serbia's Office for Kosovo condemned the operation in {p} as excessive.",
  "Special police units detained {n} suspects and seized weapons in a raid near {p}.",
  "No visible movement of Serbian armed forces has been observed near {p}, the mission said.",
  "Hundreds of residents blocked the main road in {p} to protest against the arrests.",
  "EU envoys met both chief negotiators in Brussels, but the talks on {p} ended without agreement.",
  "The government announced sanctions on {n} companies it accused of smuggling goods through {p}.",
  "Local officials said schools and shops in {p} reopened on {d} as traffic returned to normal.",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SUBJECTS = [
  "the municipal council",
  "a local trader",
  "the regional hospital",
  "farmers in the valley",
  "the water utility",
  "a teachers' union",
  "the border crossing operator",
  "a road contractor",
  "the mayor's office",
  "residents of the old quarter",
  "a youth association",
  "the bus company",
];
const VERBS = [
  "reported",
  "complained about",
  "asked for an inquiry into",
  "published figures on",
  "welcomed",
  "questioned",
  "described",
  "postponed a vote on",
];
const OBJECTS = [
  "delays at the crossing",
  "the price of fuel",
  "power cuts in the evening",
  "the new bridge",
  "rents near the university",
  "the harvest",
  "winter road repairs",
  "pension payments",
  "the census results",
  "a shortage of doctors",
  "the bus timetable",
  "the cost of bread",
];
const SYLLABLES = [
  "ko",
  "va",
  "ri",
  "len",
  "dra",
  "mi",
  "sto",
  "jan",
  "bu",
  "ze",
  "lo",
  "vic",
  "ha",
  "ni",
  "gor",
  "ta",
];
const TIMES = ["this week", "on Friday", "last month", "in a statement", "at a press conference", "on local radio"];

/** mulberry32: small, fast, good enough for shaping a corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusArticle {
  /** The generated page (HTML). */
  html: string;
  story: number;
  /** A verbatim copy of its story's first report. */
  wireCopy: boolean;
}

/** `n` articles in stories; article i is served at /a/i. */
export function newsCorpus(n: number, seed = 7): CorpusArticle[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const filler = () => `${cap(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TIMES)}.`;
  const out: CorpusArticle[] = [];
  for (let story = 0; out.length < n; story++) {
    const size = Math.min(15, 1 + Math.floor(-Math.log(1 - rnd()) * 2.5));
    const place = pick(PLACES);
    const fill = (s: string) =>
      s
        .replaceAll("{p}", place)
        .replaceAll("{d}", pick(DAYS))
        .replaceAll("{n}", String(2 + Math.floor(rnd() * 9)));
    // What makes a real story its own: the people and details only it names.
    const name = () => cap(Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join(""));
    const who = `${name()} ${name()}`;
    const detail = `${name()} ${pick(["street", "bridge", "factory", "school", "checkpoint", "market"])}`;
    const facts = [
      ...Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => fill(pick(EVENTS))),
      `Witnesses said it began near the ${detail}, according to ${who}.`,
      `${who} told reporters the situation around the ${detail} remained tense.`,
    ];
    const day = 1 + Math.floor(rnd() * 60);
    let first: string | null = null;
    for (let k = 0; k < size && out.length < n; k++) {
      const i = out.length;
      const wireCopy: boolean = first !== null && rnd() < 0.15;
      const paragraphs: string = wireCopy
        ? (first as string)
        : [...facts.filter(() => rnd() < 0.8), ...Array.from({ length: 6 + Math.floor(rnd() * 6) }, filler)]
            .sort(() => rnd() - 0.5)
            .map((s) => `<p>${s}</p>`)
            .join("\n");
      first ??= paragraphs;
      const date = new Date(Date.UTC(2023, 8, day, Math.floor(rnd() * 24)) + k * 3_600_000).toISOString();
      out.push({ html: page(i, place, date, paragraphs), story, wireCopy });
    }
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function page(i: number, place: string, date: string, paragraphs: string): string {
  return `<!doctype html><html lang="en"><head><title>Report ${i} | Bench News</title>
<meta property="article:published_time" content="${date}"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
<article><h1>Report ${i}: news from ${place}</h1>${paragraphs}</article>
<aside><h2>Related</h2><ul><li><a href="/r/1">Other story</a></li><li><a href="/r/2">Another story</a></li></ul></aside>
<footer>© Bench News</footer></body></html>`;
}
