import { readFileSync } from "node:fs";
import { parseHtml } from "/work/main/packages/extract/src/dom/index.ts";
import { prepare } from "/work/main/packages/extract/src/prepare/index.ts";
import { score } from "/work/main/packages/extract/src/body/score.ts";
const id = process.argv[2];
const html = readFileSync(`/work/shared/data/extraction/readability-pages/${id}/source.html`, "utf8");
const doc = parseHtml(html);
const s = prepare(doc);
const { stats, candidates } = score(s.body!, s.unlikely, { stripUnlikely: true, weightClasses: true, cleanConditionally: true });
const ranked = candidates.sort((a, b) => stats.get(b)!.score - stats.get(a)!.score).slice(0, 8);
for (const c of ranked) {
  const st = stats.get(c)!;
  console.log(st.score.toFixed(1), c.name, c.attribs.class, c.attribs.id, "len", st.len, "ld", (st.linkLen / st.len).toFixed(2));
}
