/**
 * Date normalization for feeds. `Date.parse` alone reads zone-less dates in the host's local time
 * and rejects much of what feeds really carry (named zones beyond the US ones, localized month
 * names, `GMT+2`), so the common shapes are matched here and built in UTC.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ["jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio", "jänner", "janeiro"],
  ["feb", "february", "fév", "fev", "févr", "février", "februar", "febrero", "febbraio", "fevereiro"],
  ["mar", "march", "mars", "mär", "märz", "marzo", "março", "marco"],
  ["apr", "april", "avr", "avril", "abr", "abril", "aprile"],
  ["may", "mai", "mayo", "mag", "maggio", "maio"],
  ["jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho"],
  ["jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho"],
  ["aug", "august", "août", "aout", "ago", "agosto"],
  ["sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro"],
  ["oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro"],
  ["nov", "november", "novembre", "noviembre", "novembro"],
  ["dec", "december", "déc", "decembre", "décembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro"],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

/** Offsets in minutes. Ambiguous abbreviations take their most common meaning in news feeds. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  edt: -240,
  est: -300,
  cdt: -300,
  cst: -360,
  mdt: -360,
  mst: -420,
  pdt: -420,
  pst: -480,
  akdt: -480,
  akst: -540,
  hst: -600,
  hast: -600,
  adt: -180,
  ast: -240,
  ndt: -150,
  nst: -210,
  bst: 60,
  ist: 330,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  west: 60,
  eet: 120,
  eest: 180,
  msk: 180,
  msd: 240,
  sast: 120,
  cat: 120,
  eat: 180,
  wat: 60,
  pkt: 300,
  wib: 420,
  ict: 420,
  sgt: 480,
  hkt: 480,
  pht: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  brt: -180,
  art: -180,
};

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.trim().toLowerCase();
  if (z === "") return 0;
  const named = ZONES[z];
  if (named !== undefined) return named;
  const numeric = /^(?:gmt|utc|ut)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (numeric) {
    const sign = numeric[1] === "-" ? -1 : 1;
    let hours = Number(numeric[2]);
    let minutes = Number(numeric[3] ?? 0);
    // "+530" style: three digits mean h + mm.
    if (numeric[3] === undefined && numeric[2] && numeric[2].length > 2) {
      hours = Math.floor(Number(numeric[2]) / 100);
      minutes = Number(numeric[2]) % 100;
    }
    if (hours > 14 || minutes > 59) return null;
    return sign * (hours * 60 + minutes);
  }
  // Single-letter military zones were defined with inverted signs in RFC 822; RFC 1123 says treat as 0.
  if (/^[a-z]$/.test(z)) return 0;
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offset: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offset * 60_000;
  const date = new Date(t);
  if (Number.isNaN(t) || date.getUTCFullYear() < 1000 || date.getUTCFullYear() > 9999) return null;
  // Date.UTC rolls Feb 31 over into March; such a date is wrong, not a different day.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return date.toISOString();
}

const ISO =
  /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[a-z]{1,5}|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?)?$/i;
const TIME = String.raw`(\d{1,2})[:.]?(\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?\s*(am|pm)?`;
const ZONE = String.raw`(\(?[a-z]{1,5}\)?|(?:gmt|utc|ut)?\s*[+-]\s*\d{1,4}(?::?\d{2})?|(?:gmt|utc|ut)[+-]?\d{0,4})?`;
// "Sun, 06 Jul 2014 12:56:00 GMT", "6 July 2014 12:56 +0100", "06-Jul-2014 12:56:00"
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})\.?[\s-]+([^\d\s,.-]+)\.?,?[\s-]+(\d{2,4}),?(?:\s+(?:at\s+)?${TIME})?\s*${ZONE}\s*$`,
  "iu",
);
// "Sun Jul 06 2014 12:56:00 GMT+0100", "July 6, 2014 12:56 PM EST", "Sun Jul  6 12:56:00 2014"
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?:[^\d\s,]+\.?,?\s+)?([^\d\s,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s*)?(?:(?:at\s+)?${TIME})?\s*${ZONE}\s*(\d{4})?(?:\s*\(.*\))?$`,
  "iu",
);

function hour24(hour: number, ampm: string | undefined): number {
  if (!ampm) return hour;
  const pm = ampm.toLowerCase() === "pm";
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function fraction(digits: string | undefined): number {
  return digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;
}

/** Normalizes a feed date to ISO 8601 UTC (`2014-07-06T12:56:00.000Z`), or null when unreadable. */
export function normalizeDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, " ");
  if (s === "" || s.length > 100) return null;

  const iso = ISO.exec(s);
  if (iso) {
    const offset = zoneOffset(iso[8]);
    if (offset === null) return null;
    return build(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      fraction(iso[7]),
      offset,
    );
  }

  const dmy = DAY_MONTH_YEAR.exec(s);
  const dmyMonth = dmy?.[2] ? MONTHS[dmy[2].toLowerCase()] : undefined;
  if (dmy && dmyMonth) {
    const offset = zoneOffset(dmy[9]?.replace(/[()]/g, ""));
    if (offset === null) return null;
    return build(
      Number(dmy[3]),
      dmyMonth,
      Number(dmy[1]),
      hour24(Number(dmy[4] ?? 0), dmy[8]),
      Number(dmy[5] ?? 0),
      Number(dmy[6] ?? 0),
      fraction(dmy[7]),
      offset,
    );
  }

  const mdy = MONTH_DAY_YEAR.exec(s);
  const mdyMonth = mdy?.[1] ? MONTHS[mdy[1].toLowerCase()] : undefined;
  const mdyYear = mdy?.[3] ?? mdy?.[10];
  if (mdy && mdyMonth && mdyYear) {
    const offset = zoneOffset(mdy[9]?.replace(/[()]/g, ""));
    if (offset === null) return null;
    return build(
      Number(mdyYear),
      mdyMonth,
      Number(mdy[2]),
      hour24(Number(mdy[4] ?? 0), mdy[8]),
      Number(mdy[5] ?? 0),
      Number(mdy[6] ?? 0),
      fraction(mdy[7]),
      offset,
    );
  }

  // Unix timestamps show up in hand-rolled feeds.
  if (/^\d{9,10}$/.test(s)) return new Date(Number(s) * 1000).toISOString();
  return null;
}
