/**
 * Type references as the docs write them: `microsoft.graph.externalConnectors.identityType`,
 * `identityType`, `Collection(microsoft.graph.user)`, `String collection`, `Edm.String`.
 */
import { isSpaceCode } from "./scan.js";

export interface TypeRef {
  /** The short name (`identityType`). */
  name: string;
  /** The namespace when the reference is qualified (`microsoft.graph.externalConnectors`). */
  namespace: string | undefined;
  /**
   * A collection of the type; undefined when the docs' words for it could not be read (a type name
   * followed by words of another language, `networkConnection 集合`): either may be meant.
   */
  collection: boolean | undefined;
  /** A primitive (String, Int32, DateTimeOffset, …) rather than an enum or complex type. */
  primitive: boolean;
}

/** The JSON type of a primitive's values, as messages name it. */
export type PrimitiveKind = "string" | "integer" | "number" | "boolean";

/** The primitive type names (lower case, without `Edm.`), by the JSON type of their values (undefined: any). */
const PRIMITIVE_NAMES: Array<[PrimitiveKind | undefined, string[]]> = [
  [
    "string",
    [
      "string",
      "guid",
      "binary",
      "stream",
      "datetimeoffset",
      "datetime",
      "date",
      "timeofday",
      "duration",
      "timespan",
      "url",
      "uri",
    ],
  ],
  ["integer", ["int16", "int32", "int64", "int", "integer", "long", "byte", "sbyte"]],
  ["number", ["double", "single", "float", "decimal", "number"]],
  ["boolean", ["boolean", "bool"]],
  [undefined, ["object", "json", "untyped"]],
];
const PRIMITIVES = new Map(
  PRIMITIVE_NAMES.flatMap(([kind, names]) => names.map((name) => [name, kind] as const)),
);

export function isPrimitiveName(name: string): boolean {
  return PRIMITIVES.has(name.toLowerCase().replace(/^edm\./, ""));
}

/** Parses a type as written in a table or annotation; undefined when it is not a type name. */
export function parseTypeRef(text: string): TypeRef | undefined {
  let t = text.trim().replace(/^#/, "");
  let collection = false;
  // `Collection(x)`, or as translation reorders `x collection`: `collection (x)`.
  const wrapped = /^collection\s?\((.*)\)$/i.exec(t);
  if (wrapped) {
    t = wrapped[1]!.trim();
    collection = true;
  }
  const suffixed = beforeCollectionSuffix(t);
  if (suffixed !== undefined) {
    t = suffixed.trim();
    collection = true;
  }
  if (!/^[A-Za-z_][\w.]*$/.test(t)) return undefined;
  const dot = t.lastIndexOf(".");
  const name = dot === -1 ? t : t.slice(dot + 1);
  const namespace = dot === -1 ? undefined : t.slice(0, dot);
  const primitive = isPrimitiveName(t);
  return { name, namespace: primitive ? undefined : namespace, collection, primitive };
}

/** True for values that are a type's name written where a value belongs (`"String"`, `"Int32"`). */
export function isTypePlaceholder(value: string): boolean {
  const m = /^([A-Za-z][\w.]*)(?: \([^()]*\))?$/.exec(value.trim());
  return m !== null && isPrimitiveName(m[1]!);
}

/**
 * The text before a final ` collection` (white space, then "collection" in any case): what
 * `/^(.*?)\s+collection$/i` captures, without its backtracking (quadratic on a long run of spaces).
 * The captured part holds no line terminator (`.` does not match one).
 */
function beforeCollectionSuffix(text: string): string | undefined {
  const suffix = text.length - "collection".length;
  if (suffix < 1 || !/^collection$/i.test(text.slice(suffix))) return undefined;
  let start = suffix;
  while (start > 0 && isSpaceCode(text.charCodeAt(start - 1))) start--;
  if (start === suffix) return undefined;
  const before = text.slice(0, start);
  return /[\n\r\u2028\u2029]/.test(before) ? undefined : before;
}

/**
 * A property's documented type as a reference. Besides what `parseTypeRef` reads, the docs write
 * reference-style links (`[identitySet][]`), notes in parentheses (`string (url)`), and half-closed
 * links; anything else (`A or B`, prose) gives undefined: the property may hold anything.
 */
export function documentedTypeRef(text: string): TypeRef | undefined {
  const direct = parseTypeRef(text);
  if (direct) return direct;
  const unwrapped = unwrapLinks(text);
  const cleaned = withoutFinalNote(unwrapped).trim();
  const ref = (cleaned !== text ? parseTypeRef(cleaned) : undefined) ?? withUnreadWords(cleaned);
  // A note in another script may say what no English note would (`(集合)`: "collection", where
  // machine translation mangled `Collection([driveRecipient][])`): whether a collection is meant
  // is then not known.
  const note = unwrapped.trim().slice(cleaned.length);
  return ref?.collection === false && /[^\p{ASCII}]/u.test(note) ? { ...ref, collection: undefined } : ref;
}

/**
 * A type name followed by words in another script (`String 集合`, `networkConnection 集合`): the
 * name is the type, and what the words say (a collection, most likely) is not known. English words
 * after a name (`A or B`) are read, and are not a type.
 */
function withUnreadWords(text: string): TypeRef | undefined {
  const split = nameAndWords(text);
  const ref = split && parseTypeRef(split.name);
  return ref && { ...ref, collection: undefined };
}

/**
 * The words in another script after a type cell's type name (`集合` of `String 集合`), lower case,
 * white space folded: what a tree's vocabulary may learn the meaning of (vocabulary.ts). Undefined
 * when the cell's text is not a name followed by such words.
 */
export function unreadWords(text: string): string | undefined {
  const split = nameAndWords(withoutFinalNote(unwrapLinks(text)).trim());
  return split && parseTypeRef(split.name)
    ? split.words.replace(/\s+/g, " ").trim().toLowerCase()
    : undefined;
}

function nameAndWords(text: string): { name: string; words: string } | undefined {
  const space = text.search(/\s/);
  if (space === -1 || /[\x21-\x7e]/.test(text.slice(space))) return undefined;
  return { name: text.slice(0, space), words: text.slice(space) };
}

/**
 * The type a link in a type cell names, for a cell whose text says nothing readable (a translated
 * link text, `[区域](range.md)`): an enum's `#footype-values` anchor, else the linked page's name
 * (`intune-shared-enablement.md` → `enablement`).
 */
export function linkedTypeRef(target: string, collection: boolean | undefined): TypeRef | undefined {
  const [path = "", anchor = ""] = target.split("#");
  const values = /^([A-Za-z_]\w*)-values$/i.exec(anchor);
  const file = path.split("/").pop() ?? "";
  const name =
    values?.[1] ?? (file.toLowerCase().endsWith(".md") ? file.slice(file.lastIndexOf("-") + 1, -3) : "");
  return /^[A-Za-z_]\w*$/.test(name) && !isPrimitiveName(name)
    ? { name, namespace: undefined, collection, primitive: false }
    : undefined;
}

/**
 * Links replaced by their text: first reference-style links, `[text][label]`, then inline and
 * half-closed ones, `[text](target)` and `[text](target`. What `.replace(/\[([^\]]+)\]\[[^\]]*\]/g,
 * "$1").replace(/\[([^\]]+)\]\([^)]*\)?/g, "$1")` gives, in linear time: from every `[`, those
 * regexes scan to the next `]`, which many `[` before one `]` make quadratic.
 */
export function unwrapLinks(text: string): string {
  return replaceBracketed(replaceBracketed(text, "["), "(");
}

/**
 * Each `[text]` (text not empty, up to the first `]`) followed by `opener` and its part up to the
 * next closing bracket (`[label]`: the `]` is required; `(target)`: the `)` is optional), replaced
 * by its text, left to right as a global regex replaces.
 */
function replaceBracketed(text: string, opener: "[" | "("): string {
  const closer = opener === "[" ? "]" : ")";
  let out = "";
  let last = 0;
  // The first "]" after the current "[" (kept while it still is: each "]" is looked for once).
  let close = -1;
  for (let open = text.indexOf("["); open !== -1;) {
    if (close <= open) close = text.indexOf("]", open + 1);
    if (close === -1) break;
    if (close > open + 1 && text.charAt(close + 1) === opener) {
      let end = text.indexOf(closer, close + 2);
      if (end === -1) {
        // `[label]` needs its "]": none is left for this or any later link.
        if (opener === "[") break;
        end = text.length;
      } else end++;
      out += text.slice(last, open) + text.slice(open + 1, close);
      last = end;
      open = text.indexOf("[", end);
      continue;
    }
    open = text.indexOf("[", open + 1);
  }
  return out + text.slice(last);
}

/**
 * The text without a final note in parentheses after white space (`string (url)`), and the spaces
 * around it: what `.replace(/\s+\([^()]*\)\s*$/, "")` removes, read from the end of the text (the
 * regex tries every space of a long run, each time scanning to the run's end).
 */
export function withoutFinalNote(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === 0 || text.charAt(end - 1) !== ")") return text;
  let open = end - 2;
  while (open >= 0 && text.charAt(open) !== "(" && text.charAt(open) !== ")") open--;
  if (open < 0 || text.charAt(open) !== "(") return text;
  let start = open;
  while (start > 0 && isSpaceCode(text.charCodeAt(start - 1))) start--;
  return start === open ? text : text.slice(0, start);
}

/** The readable JSON type of a primitive, for messages; undefined when any value is allowed. */
export function primitiveKind(name: string): PrimitiveKind | undefined {
  return PRIMITIVES.get(name.toLowerCase().replace(/^edm\./, ""));
}
