import { join } from "node:path";
import { foldWithOffsets, originalSpan } from "@seismo/text";
import { z } from "zod";
import { compile, DATA_DIR, parseFile, parseList } from "../data/index.ts";

/** A framing marker found in a text: which contested thing, which side's wording, where. */
export interface FramingMark {
  marker: string;
  variant: string;
  text: string;
  start: number;
  end: number;
}

const MarkerSchema = z.strictObject({
  marker: z.string().min(1),
  variants: z.array(z.strictObject({ variant: z.string().min(1), pattern: z.string().min(1) })).min(1),
});

interface CompiledVariant {
  marker: string;
  variant: string;
  re: RegExp;
}

function loadFraming(file: string = join(DATA_DIR, "gazetteer/framing.yaml")): CompiledVariant[] {
  const doc = parseFile(file, z.strictObject({ markers: z.array(z.unknown()) }));
  return parseList(file, "markers", doc.markers, MarkerSchema).flatMap((m, i) =>
    m.variants.map((v, j) => ({
      marker: m.marker,
      variant: v.variant,
      re: compile(v.pattern, "gi", file, `markers[${i}].variants[${j}]`),
    })),
  );
}

const VARIANTS = loadFraming();

/** Framing markers in the text ("Kosovo and Metohija", "administrative line", "terrorists"…), in order. */
export function findFraming(text: string): FramingMark[] {
  const folded = foldWithOffsets(text);
  const marks: FramingMark[] = [];
  for (const v of VARIANTS) {
    v.re.lastIndex = 0;
    for (let m = v.re.exec(folded.folded); m !== null; m = v.re.exec(folded.folded)) {
      if (m[0].length === 0) {
        v.re.lastIndex++;
        continue;
      }
      const { start, end } = originalSpan(folded, m.index, m.index + m[0].length);
      marks.push({ marker: v.marker, variant: v.variant, text: text.slice(start, end), start, end });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
