/**
 * The words a docs tree uses for what rules read in prose, learned from the tree itself, so that a
 * translated tree is read as well as the English one without a word list of any language.
 *
 * Translation rewrites "Possible values are: `a`, `b`" and "Inherits from [entity](entity.md)", but
 * leaves alone what proves what those sentences mean on many pages: the row's type is an enum the
 * tree defines (`chatType`, with a `### chatType values` table listing the very values); the page's
 * `resource` annotation names the base type (`"baseType": "microsoft.graph.entity"`) that the
 * sentence links to. The words just before the values, or before the link, on those pages are the
 * tree's way of saying it: "possible values are", "可取值为"; "inherits from", "继承自". A lead is
 * learned when it is seen often enough where the structure proves its meaning; a value lead
 * introduces whole lists when the lists it introduces mostly name every member of their enum (the
 * `unknownFutureValue` sentinel aside, which descriptions leave out).
 *
 * The samples are read from each `resources/` page's text (no markdown parse) and kept between runs
 * with each page's size and time (folder-scan.ts); the vocabulary is learned once per docs index.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { readableText, readableTextWithCode } from "../parse/inline.js";
import { parseJson } from "../parse/json.js";
import type { JsonValue } from "../parse/json.js";
import { documentedTypeRef, isTypePlaceholder, primitiveKind, unreadWords } from "../parse/type-ref.js";
import { isDelimiterRow, splitRow } from "../parse/table.js";
import { baseLead, linkedTypeName } from "../page/inherits.js";
import { valueRuns } from "../page/value-runs.js";
import { type FolderScan, scanFolder } from "./folder-scan.js";

export interface Vocabulary {
  /** Leads of a property's value list, with whether the lists they introduce are whole. */
  valueIntros: ReadonlyMap<string, boolean>;
  /** Leads of a link to the type a resource derives from. */
  baseIntros: ReadonlySet<string>;
  /**
   * The tree's words for primitive types, lower case (`布尔` → `Boolean`): type cells no type name
   * can be read from, learned from the values the JSON representations give their properties.
   */
  typeWords: ReadonlyMap<string, string>;
  /**
   * The tree's words for "collection" after a type name (`String 集合`, `[userIdentity](…) 集合`),
   * lower case: learned where the JSON representations give those properties arrays.
   */
  collectionWords: ReadonlySet<string>;
}

/** What a docs index is to the vocabulary: where its tree is. */
export interface DocsRoot {
  readonly root: string | undefined;
  /** The index a view reads the tree through (see DocsIndex.tree): the vocabulary is its. */
  readonly tree?: DocsRoot;
}

/** What one page shows of the tree's words. */
interface PageSamples {
  /** The enums the page's `fooType values` tables define: lower-case name and member names. */
  enums: Array<[string, string[]]>;
  /** The value lists of table rows: the row's type (lower case), the list's lead and values. */
  values: Array<{ type: string; lead: string; values: string[] }>;
  /** Leads of the prose links of a page whose annotation names its base type, and which were to it. */
  links: Array<{ lead: string; toBase: boolean }>;
  /** Type cells no type can be read from (lower case), with the property and its JSON value's type. */
  types: Array<{ word: string; property: string; type: string }>;
  /** Words after a type name in a type cell (lower case), with the property and whether its JSON value is an array. */
  collections: Array<{ word: string; property: string; array: boolean }>;
}

/** A lead is learned once seen this many times, on pages that prove its meaning. */
const MIN_SEEN = 3;
/** …and when at least this share of the links it leads to go to the base type. */
const MIN_BASE_SHARE = 0.6;
/** A value lead introduces whole lists when this share of the lists it leads to are whole. */
const MIN_COMPLETE_SHARE = 0.6;
/**
 * A type word is learned once seen on this many properties (of different names: a word for a
 * primitive type is used all over a tree, a misspelled type name on a page or two)…
 */
const MIN_TYPE_WORD_PROPERTIES = 5;
/** …when at least this share of their JSON values are of one primitive type. */
const MIN_TYPE_WORD_SHARE = 0.9;

const VOCABULARY_SCAN: FolderScan<PageSamples> = {
  kind: "vocabulary",
  // Bump when samplesOf changes what it finds.
  version: 6,
  scan: (bytes) => samplesOf(bytes.toString("utf8")),
};

const perIndex = new WeakMap<DocsRoot, Vocabulary>();

/** The vocabulary of the docs tree of `docs` (empty without a tree), learned once per index. */
export function vocabularyOf(docs: DocsRoot): Vocabulary {
  if (docs.tree) return vocabularyOf(docs.tree);
  let vocabulary = perIndex.get(docs);
  if (!vocabulary) {
    const folders = docs.root ? resourceFoldersOfDocsSet(docs.root) : [];
    vocabulary = learnVocabulary(
      folders.flatMap((folder) => [...scanFolder(folder, VOCABULARY_SCAN).values()]),
    );
    perIndex.set(docs, vocabulary);
  }
  return vocabulary;
}

/**
 * The `resources/` folders of a docs root and of the docs roots beside it (`v1.0/` and `beta/` of
 * one `api-reference/`): one docs set, written in one language, so its words are learned from all.
 */
function resourceFoldersOfDocsSet(root: string): string[] {
  const folders = [join(root, "resources")];
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dirname(root), entry.name))
      .filter((dir) => dir !== root && existsSync(join(dir, "api")) && existsSync(join(dir, "resources")));
  } catch {
    siblings = [];
  }
  return [...folders, ...siblings.sort().map((dir) => join(dir, "resources"))];
}

export function learnVocabulary(samples: Iterable<PageSamples>): Vocabulary {
  const pages = [...samples];
  const enums = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const [name, members] of page.enums) {
      const known = enums.get(name) ?? new Set();
      for (const m of members) if (m !== SENTINEL) known.add(m);
      enums.set(name, known);
    }
  }
  const values = new Map<string, { seen: number; whole: number }>();
  const links = new Map<string, { seen: number; toBase: number }>();
  for (const page of pages) {
    for (const row of page.values) {
      const members = enums.get(row.type);
      if (!members || members.size === 0) continue;
      const entry = values.get(row.lead) ?? { seen: 0, whole: 0 };
      entry.seen++;
      if ([...members].every((m) => row.values.includes(m))) entry.whole++;
      values.set(row.lead, entry);
    }
    for (const { lead, toBase } of page.links) {
      const entry = links.get(lead) ?? { seen: 0, toBase: 0 };
      entry.seen++;
      if (toBase) entry.toBase++;
      links.set(lead, entry);
    }
  }
  const valueIntros = new Map<string, boolean>();
  for (const [lead, { seen, whole }] of values) {
    if (seen >= MIN_SEEN) valueIntros.set(lead, whole >= MIN_COMPLETE_SHARE * seen);
  }
  const baseIntros = new Set<string>();
  for (const [lead, { seen, toBase }] of links) {
    if (toBase >= MIN_SEEN && toBase >= MIN_BASE_SHARE * seen) baseIntros.add(lead);
  }
  return {
    valueIntros,
    baseIntros,
    typeWords: typeWordsOf(pages),
    collectionWords: collectionWordsOf(pages),
  };
}

/**
 * The words the tree writes in type cells for primitive types, read off its JSON representations:
 * a word whose properties' values there are nearly all booleans is the tree's word for Boolean.
 * Only primitives are learned (an object value could be of any complex type).
 */
function typeWordsOf(pages: readonly PageSamples[]): Map<string, string> {
  const words = new Map<string, string>();
  const samples = pages.flatMap((page) => page.types);
  for (const [word, type] of mostlyOneKind(samples)) if (type !== "") words.set(word, type);
  return words;
}

/**
 * The words after type names that mean "collection": seen on as many properties as a type word, and
 * as nearly always with an array in the JSON representation.
 */
function collectionWordsOf(pages: readonly PageSamples[]): Set<string> {
  const samples = pages.flatMap((page) =>
    page.collections.map(({ word, property, array }) => ({ word, property, type: array ? "array" : "" })),
  );
  return new Set([...mostlyOneKind(samples)].filter(([, kind]) => kind === "array").map(([word]) => word));
}

/**
 * Each word seen on enough properties (of different names: a word of the tree is used all over it,
 * a misspelling on a page or two) whose samples are nearly all of one kind, with that kind.
 */
function mostlyOneKind(
  samples: ReadonlyArray<{ word: string; property: string; type: string }>,
): Map<string, string> {
  const seen = new Map<string, { properties: Set<string>; types: Map<string, number>; total: number }>();
  for (const { word, property, type } of samples) {
    const entry = seen.get(word) ?? { properties: new Set(), types: new Map(), total: 0 };
    entry.properties.add(property);
    entry.types.set(type, (entry.types.get(type) ?? 0) + 1);
    entry.total++;
    seen.set(word, entry);
  }
  const words = new Map<string, string>();
  for (const [word, { properties, types, total }] of seen) {
    if (properties.size < MIN_TYPE_WORD_PROPERTIES) continue;
    const [type, count] = [...types].sort((a, b) => b[1] - a[1])[0]!;
    if (count >= MIN_TYPE_WORD_SHARE * total) words.set(word, type);
  }
  return words;
}

const ENUM_HEADING =
  /^#{2,6}[ \t]+(?:<a\s+(?:name|id)=["']([\w.]+)-values["'][^>]*>|`?([\w.]+)`?[ \t]+values[ \t]*$)/i;
const ENUM_LINK = /\]\([^()\s]*#([\w.]+)-values\)/i;
/** The sentinel member of evolvable enums, which descriptions leave out of their lists. */
const SENTINEL = "unknownFutureValue";
const BASE_TYPE = /"baseType"\s*:\s*"#?(?:[\w]+\.)*(\w+)"/;
const RESOURCE_BLOCK = /"blockType"\s*:\s*"resource"/;
const ODATA_TYPE = /"@odata\.type"\s*:\s*"#?(?:[\w]+\.)*(\w+)"/;
const LINK = /\[[^[\]\n]*\]\(([^()\s]+)\)/g;

/** The samples of one `resources/` page's text. */
export function samplesOf(text: string): PageSamples {
  const lines = text.split(/\r?\n/);
  const values: PageSamples["values"] = [];
  const types: PageSamples["types"] = [];
  const collections: PageSamples["collections"] = [];
  // Parsed only for a page with a type word no type name can be read from: few pages of a tree.
  let representation: Map<string, JsonValue> | undefined | null = null;
  for (const line of lines) {
    if (!line.trimStart().startsWith("|")) continue;
    const cells = splitRow({ text: line, start: 0 });
    if (cells.length < 3) continue;
    const typeCell = cells[1]!.raw;
    const typeText = readableText(typeCell);
    const type = typeNameOf(typeCell, typeText);
    const description = cells[cells.length - 1]!.raw;
    // A value list is a run of code spans: a description without a backtick has none.
    const run =
      type && description.includes("`") ? valueRuns(readableTextWithCode(description))[0] : undefined;
    if (type && run && run.lead !== "") values.push({ type, lead: run.lead, values: run.values });
    const after = unreadWords(typeText);
    const word = typeText.toLowerCase();
    if (after === undefined && (word === "" || typeCell.includes("](") || documentedTypeRef(word))) continue;
    // Only a property the JSON representation has gives a sample (not a header row's `Property`).
    const property = readableText(cells[0]!.raw);
    if (!text.includes(`"${property}"`)) continue;
    if (representation === null) representation = representationOf(text);
    if (!representation) continue;
    if (after !== undefined) {
      const value = representation.get(property);
      if (value) collections.push({ word: after, property, array: value.type === "array" });
      continue;
    }
    const sample = typeWordSample(property, word, representation);
    if (sample) types.push(sample);
  }
  const enums = [...enumTablesOf(lines)].map(([name, members]): [string, string[]] => [name, [...members]]);
  return { enums, values, links: baseLinkSamples(text, lines), types, collections };
}

/** The top-level values of the page's `resource` JSON representation, by property name. */
function representationOf(text: string): Map<string, JsonValue> | undefined {
  const resource = RESOURCE_BLOCK.exec(text);
  if (!resource) return undefined;
  const open = text.indexOf("```json", resource.index);
  const start = open === -1 ? -1 : text.indexOf("\n", open);
  const end = start === -1 ? -1 : text.indexOf("```", start);
  if (end === -1) return undefined;
  const root = parseJson(text.slice(start + 1, end)).root;
  if (root?.type !== "object") return undefined;
  return new Map(root.properties.flatMap((p) => (p.value ? [[p.key, p.value] as const] : [])));
}

/**
 * A row whose type cell names no type and links nowhere (`| isOwner | 布尔 | … |`: `property` and
 * `word`, the cells' text, the type's in lower case), with the primitive type its property's value
 * in the JSON representation shows ("" for none).
 */
function typeWordSample(
  property: string,
  word: string,
  representation: Map<string, JsonValue>,
): PageSamples["types"][number] | undefined {
  const value = representation.get(property);
  return value ? { word, property, type: primitiveOfValue(value) } : undefined;
}

/** The primitive type a JSON representation value shows: `true` Boolean, `["String"]` String collection. */
function primitiveOfValue(value: JsonValue): string {
  if (value.type === "array") {
    const item = value.items[0];
    const type = item ? primitiveOfValue(item) : "";
    return type !== "" && !type.endsWith("collection") ? `${type} collection` : "";
  }
  if (value.type === "boolean") return "Boolean";
  // Any number: the word may stand for Double, whose examples are often whole numbers.
  if (value.type === "number") return "Double";
  if (value.type !== "string") return "";
  // A placeholder names its type (`"Boolean"`, `"Int32"`); any other string is one.
  if (!isTypePlaceholder(value.value)) return "String";
  const kind = primitiveKind(value.value.split(" ")[0]!);
  return kind === "boolean" ? "Boolean" : kind === "number" || kind === "integer" ? "Double" : "String";
}

/**
 * The type a row's type cell names, lower case: its link's enum anchor, else the type's name
 * (`text`: the cell's readable text).
 */
function typeNameOf(cell: string, text: string): string | undefined {
  const anchor = ENUM_LINK.exec(cell)?.[1];
  if (anchor) return anchor.toLowerCase();
  const ref = documentedTypeRef(text);
  return ref && !ref.primitive ? ref.name.toLowerCase() : undefined;
}

/** The first-column names of the `fooType values` tables of a page, by lower-case enum name. */
function enumTablesOf(lines: string[]): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  lines.forEach((line, i) => {
    if (line.startsWith("#")) {
      const heading = ENUM_HEADING.exec(line);
      if (heading) {
        current = new Set();
        tables.set((heading[1] ?? heading[2]!).toLowerCase(), current);
        return;
      }
      if (/^#{1,6}\s/.test(line)) current = undefined;
    }
    // A table's rows: after its delimiter row, which follows the header.
    if (!current || !line.trimStart().startsWith("|") || isDelimiterRow(line)) return;
    if (isDelimiterRow(lines[i + 1] ?? "")) return;
    const first = readableTextWithCode(splitRow({ text: line, start: 0 })[0]?.raw ?? "");
    if (/^[\w.-]+$/.test(first)) current.add(first);
  });
  return tables;
}

/** On a page whose annotation names its base type, the lead of each prose link, and whether it goes there. */
function baseLinkSamples(text: string, lines: string[]): PageSamples["links"] {
  const base = BASE_TYPE.exec(text)?.[1]?.toLowerCase();
  if (!base) return [];
  const resource = RESOURCE_BLOCK.exec(text);
  // The annotation's own type, written within a few lines of its block type.
  const own = resource ? ODATA_TYPE.exec(text.slice(resource.index, resource.index + 400))?.[1] : undefined;
  const links: PageSamples["links"] = [];
  for (const line of lines) {
    if (line.trimStart().startsWith("|") || line.trimStart().startsWith("#")) continue;
    for (const m of line.matchAll(LINK)) {
      const target = linkedTypeName(m[1]!);
      if (!target) continue;
      links.push({ lead: baseLead(line.slice(0, m.index), own), toBase: target === base });
    }
  }
  return links.filter((l) => l.lead !== "");
}
