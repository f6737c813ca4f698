import { DecodingMode, decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import { canonicalNamespace, WELL_KNOWN_PREFIXES } from "./namespaces.ts";

export { NS } from "./namespaces.ts";

export interface XmlText {
  type: "text";
  /** Decoded character data. */
  value: string;
}

export interface XmlElement {
  type: "element";
  /** Qualified name exactly as written (`dc:creator`). */
  name: string;
  /** Local name, lower-cased: feeds in the wild mix `pubDate` and `pubdate`. */
  local: string;
  /** Namespace URI ("" when none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Effective xml:base, already resolved against the outer one. */
  base: string | null;
}

export type XmlNode = XmlText | XmlElement;

export interface XmlDocument {
  root: XmlElement | null;
  warnings: string[];
}

const MAX_DEPTH = 256;
const MAX_NODES = 2_000_000;
// XML 1.0 forbids these; feeds contain them anyway and strict parsers choke on them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Elements that hold only text in feeds, and the feed elements that cannot appear inside them. */
const LEAF_FIELDS = new Set([
  "title",
  "link",
  "pubdate",
  "guid",
  "comments",
  "category",
  "author",
  "dc:creator",
  "dc:date",
  "lastbuilddate",
  "updated",
  "published",
  "loc",
  "lastmod",
]);
const FIELDS = new Set([...LEAF_FIELDS, "item", "entry", "description", "enclosure", "content:encoded", "url"]);
const UNKNOWN_ENTITY = /&[A-Za-z][A-Za-z0-9]*;/;

function decodeText(raw: string): string {
  return raw.includes("&") ? decodeHTML(raw, DecodingMode.Strict) : raw;
}

function resolveBase(base: string, outer: string | null): string | null {
  try {
    return new URL(base.trim(), outer ?? undefined).href;
  } catch {
    return outer;
  }
}

/**
 * Parses XML leniently, the way feed readers do: unclosed and mismatched tags are closed where the
 * parser can tell, HTML named entities are decoded (only with a closing `;`, so `?a=1&copy=2` is
 * left alone), and DTDs are skipped whole, so there is no external entity and no entity expansion.
 */
export function parseXml(text: string): XmlDocument {
  const warnings = new Set<string>();
  const top: XmlElement = {
    type: "element",
    name: "#document",
    local: "#document",
    ns: "",
    attrs: {},
    children: [],
    base: null,
  };
  const stack: XmlElement[] = [top];
  const scopes: Array<Record<string, string>> = [{}];
  let inCdata = false;
  let nodes = 0;
  let skipDepth = 0;
  let pending = "";

  const addText = (value: string): void => {
    const parent = stack[stack.length - 1] ?? top;
    const last = parent.children[parent.children.length - 1];
    if (last?.type === "text") last.value += value;
    else parent.children.push({ type: "text", value });
  };
  // Text arrives in chunks; entities are decoded once the whole run is known.
  const flush = (): void => {
    if (pending === "") return;
    const decoded = decodeText(pending);
    if (UNKNOWN_ENTITY.test(decoded)) warnings.add("unknown entity left as written");
    pending = "";
    addText(decoded);
  };

  const lookupNs = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.[prefix];
      if (uri !== undefined) return uri;
    }
    if (prefix === "") return "";
    // Undeclared prefixes are common (`<content:encoded>` without xmlns:content).
    return WELL_KNOWN_PREFIXES[prefix.toLowerCase()] ?? `urn:undeclared:${prefix}`;
  };

  const parser = new Parser(
    {
      onopentag(name, rawAttrs) {
        flush();
        if (skipDepth > 0 || stack.length > MAX_DEPTH || nodes > MAX_NODES) {
          if (skipDepth === 0) warnings.add("document nested too deep or too large; the rest was skipped");
          skipDepth++;
          return;
        }
        nodes++;
        const scope: Record<string, string> = {};
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttrs)) {
          const decoded = decodeText(value);
          if (key === "xmlns") scope[""] = canonicalNamespace(decoded);
          else if (key.startsWith("xmlns:")) scope[key.slice(6)] = canonicalNamespace(decoded);
          attrs[key] = decoded;
        }
        const current = stack[stack.length - 1];
        if (current && LEAF_FIELDS.has(current.name.toLowerCase()) && FIELDS.has(name.toLowerCase())) {
          // `<title>Text<link>…` : a field that never closed ends where the next field starts.
          warnings.add("unclosed or mismatched tags");
          stack.pop();
          scopes.pop();
        }
        scopes.push(scope);
        const parent = stack[stack.length - 1] ?? top;
        const colon = name.indexOf(":");
        const prefix = colon >= 0 ? name.slice(0, colon) : "";
        const local = (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
        const xmlBase = attrs["xml:base"];
        const base = xmlBase !== undefined ? resolveBase(xmlBase, parent.base) : parent.base;
        const el: XmlElement = { type: "element", name, local, ns: lookupNs(prefix), attrs, children: [], base };
        parent.children.push(el);
        stack.push(el);
      },
      onclosetag(name, implied) {
        flush();
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        // Our stack may have closed an element early (see onopentag); a close for it is then moot.
        let index = stack.length - 1;
        while (index > 0 && stack[index]?.name !== name) index--;
        if (index === 0) return;
        // Self-closing tags also arrive as "implied" closes; only the others are real breakage.
        if (implied && source[parser.endIndex - 1] !== "/") warnings.add("unclosed or mismatched tags");
        stack.length = index;
        scopes.length = index;
      },
      ontext(raw) {
        if (skipDepth > 0) return;
        if (inCdata) addText(raw);
        else pending += raw;
      },
      oncdatastart() {
        flush();
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  const source = text.replace(ILLEGAL_CHARS, "");
  parser.write(source);
  parser.end();
  flush();
  const root = top.children.find((c): c is XmlElement => c.type === "element") ?? null;
  return { root, warnings: [...warnings] };
}

export function elements(el: XmlElement | null | undefined): XmlElement[] {
  return el ? el.children.filter((c): c is XmlElement => c.type === "element") : [];
}

/** Children named `local` in any of `namespaces` (case-insensitive local name). */
export function childrenNamed(
  el: XmlElement | null | undefined,
  local: string,
  namespaces: readonly string[],
): XmlElement[] {
  const wanted = local.toLowerCase();
  return elements(el).filter((c) => c.local === wanted && namespaces.includes(c.ns));
}

export function child(
  el: XmlElement | null | undefined,
  local: string,
  namespaces: readonly string[],
): XmlElement | null {
  return childrenNamed(el, local, namespaces)[0] ?? null;
}

/** Concatenated character data of an element and its descendants. */
export function textContent(node: XmlNode): string {
  if (node.type === "text") return node.value;
  return node.children.map(textContent).join("");
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

export function serialize(node: XmlNode): string {
  if (node.type === "text") return escapeText(node.value);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join("");
  if (node.children.length === 0) return `<${node.name}${attrs} />`;
  return `<${node.name}${attrs}>${innerXml(node)}</${node.name}>`;
}

export function innerXml(el: XmlElement): string {
  return el.children.map(serialize).join("");
}

/**
 * The value of a simple element: its text, or its markup when it holds elements (an HTML
 * description written without escaping is still the description).
 */
export function elementValue(el: XmlElement | null | undefined): string | null {
  if (!el) return null;
  const hasElements = el.children.some((c) => c.type === "element");
  const value = (hasElements ? innerXml(el) : textContent(el)).trim();
  return value === "" ? null : value;
}

/** Written without a prefix, or in one of `namespaces`: how feed vocabularies are matched leniently. */
function inVocabulary(el: XmlElement, namespaces: readonly string[]): boolean {
  return !el.name.includes(":") || namespaces.includes(el.ns);
}

/** Children of the feed's own vocabulary named `local` (unprefixed, or in `namespaces`). */
export function coreChildren(
  el: XmlElement | null | undefined,
  local: string,
  namespaces: readonly string[],
): XmlElement[] {
  const wanted = local.toLowerCase();
  return elements(el).filter((c) => c.local === wanted && inVocabulary(c, namespaces));
}

export function coreChild(
  el: XmlElement | null | undefined,
  local: string,
  namespaces: readonly string[],
): XmlElement | null {
  return coreChildren(el, local, namespaces)[0] ?? null;
}

/** First non-empty value among the given elements. */
export function firstValue(...els: Array<XmlElement | null | undefined>): string | null {
  for (const el of els) {
    const value = elementValue(el);
    if (value !== null) return value;
  }
  return null;
}
