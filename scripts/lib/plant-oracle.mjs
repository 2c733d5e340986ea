// corpus-plant's oracle: what the markdown itself says a property may hold, read with regular
// expressions (plant-markdown.mjs) and nothing of the linter. It answers three questions:
//   - which type an example body shows, and which resource page documents that type;
//   - the property rows (name, type cell, description) that document a key of a body;
//   - the values a row documents: the members of its enum table (`### fooType values`, an
//     `enums*.md` table, an enum page of its own), or the code spans after "Possible values are"
//     (and its variants, English and zh-CN) in the row's description.
// Section headings and table headers are translated on zh-CN pages, so sections are told by their
// `<a name="…">` anchors and tables by their translated header words and column positions.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseTree } from "jsonc-parser";
import { plainText, readMarkdown, sectionIds } from "./plant-markdown.mjs";

/** First header cell of a property table (English and zh-CN). */
const PROPERTY_HEADERS = new Set([
  "property",
  "properties",
  "property name",
  "name",
  "parameter",
  "parameters",
  "relationship",
  "relationships",
  "属性",
  "属性名称",
  "参数",
  "参数名称",
  "名称",
  "关系",
]);
const TYPE_HEADERS = new Set(["type", "类型"]);
const DESCRIPTION_HEADERS = new Set(["description", "descriptions", "说明", "描述"]);
/** First header cell of an enum's member table. */
const MEMBER_HEADERS = new Set([
  "member",
  "members",
  "value",
  "values",
  "name",
  "enum value",
  "成员",
  "值",
  "名称",
]);
/** Sections whose property tables describe the request body (ids: anchors or heading text). */
const REQUEST_BODY_SECTIONS = new Set(["request-body", "parameters"]);
/** Types that are never enums: a row of one of them documents values only in its description. */
const PRIMITIVE_TYPES = new Set(
  "string boolean bool int16 int32 int64 integer int byte sbyte single double decimal number guid datetimeoffset datetime date timeofday duration binary stream url uri json object untyped".split(
    " ",
  ),
);
/**
 * Where a description starts listing the values of its property: "Possible values are:",
 * "The supported values are", "Must be one of", and the zh-CN translations of these.
 */
const VALUE_LIST_START =
  /(?:possible|supported|valid|allowed|accepted|permitted)\s+values?(?:\s+(?:are|is|include|includes))?\s*:?|(?:must|can)\s+be\s+one\s+of(?:\s+the\s+following)?(?:\s+values)?\s*:?|one\s+of\s+the\s+following\s+values\s*:?|可取值(?:为|是|包括)?|可能的?值(?:为|是|包括)?|有效值(?:为|是|包括)?|支持的值(?:为|是|包括)?|允许的值(?:为|是|包括)?|受支持的值(?:为|是|包括)?/gi;

const NAMESPACE_LINE = /^\s*(?:Namespace|命名空间)\s*[:：]\s*([\w.]+)/im;

/** The docs tree of one version (a folder with api/ and resources/): its types and enums. */
export class DocsTree {
  constructor(root) {
    this.root = resolve(root);
    this.resourcesDir = join(this.root, "resources");
    /** Full type name, lowercase (microsoft.graph.user) → resource pages that define it. */
    this.typeFiles = new Map();
    /** Enum name, lowercase, no namespace → its definitions [{ name, members, file }]. */
    this.enums = new Map();
    /** Facts of resource pages, by absolute path. */
    this.resourceFacts = new Map();
    for (const name of readdirSync(this.resourcesDir).sort()) {
      if (!name.endsWith(".md")) continue;
      const file = join(this.resourcesDir, name);
      const facts = pageFacts(file, readFileSync(file, "utf8"));
      this.resourceFacts.set(file, facts);
      for (const type of facts.definedTypes) pushTo(this.typeFiles, type, file);
      for (const [enumName, defs] of facts.enums) for (const def of defs) pushTo(this.enums, enumName, def);
    }
  }

  /** A file's path from the folder above the docs root: `v1.0/api/user-get.md`. */
  relative(file) {
    return relative(dirname(this.root), file);
  }

  /** Resource pages of a type named in an example or annotation (`#microsoft.graph.user`, `user`). */
  filesOfType(typeName, namespace) {
    if (typeof typeName !== "string" || typeName.trim() === "") return [];
    let name = typeName.trim().replace(/^#/, "").toLowerCase();
    if (!name.includes(".")) name = `${(namespace ?? "microsoft.graph").toLowerCase()}.${name}`;
    return this.typeFiles.get(name) ?? [];
  }

  /** Resource pages of the type a row's type cell names: its link first, else its name. */
  filesOfRowType(row, namespace) {
    for (const target of row.typeLinks) {
      const file = resolve(dirname(row.file), target.split("#")[0]);
      if (this.resourceFacts.get(file)?.definedTypes.length > 0) return [file];
    }
    if (!row.typeFull || PRIMITIVE_TYPES.has(row.typeShort)) return [];
    return this.filesOfType(row.typeFull, namespace);
  }

  /**
   * The value sets a property row documents: [{ values, source }]. The enum its type cell names
   * (defined on the row's own page, else on the page the cell links to, else anywhere in the
   * tree), and the code spans its description lists after "Possible values are".
   */
  valueSetsOf(row, hostFacts) {
    const sets = [];
    if (row.typeShort && !PRIMITIVE_TYPES.has(row.typeShort)) {
      let defs = hostFacts.enums.get(row.typeShort);
      for (const target of row.typeLinks) {
        if (defs) break;
        const linked = this.resourceFacts.get(resolve(dirname(row.file), target.split("#")[0]));
        defs = linked?.enums.get(row.typeShort);
      }
      defs ??= this.enums.get(row.typeShort) ?? [];
      for (const def of defs)
        sets.push({ values: def.members, source: `${def.name} values table in ${this.relative(def.file)}` });
    }
    const listed = valuesListedIn(row.description);
    if (listed.length > 0)
      sets.push({
        values: listed,
        source: `"${row.key}" row (type ${row.typeCell || "?"}) in ${this.relative(row.file)}:${row.line + 1}, listed values`,
      });
    return sets;
  }
}

function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What the oracle knows of one page: its namespace, the types it defines, its enum tables, and its
 * property rows by key (all of them, and those of its Request body section).
 */
export function pageFacts(file, text, md = readMarkdown(text)) {
  const namespace = NAMESPACE_LINE.exec(text)?.[1] ?? "microsoft.graph";
  const facts = {
    file,
    namespace,
    definedTypes: definedTypesOf(md, namespace),
    enums: new Map(),
    rowsByKey: new Map(),
    requestRowsByKey: new Map(),
  };
  const enumPageName = enumPageNameOf(md, text);
  for (const table of md.tables) {
    const enumName =
      enumNameOfTable(table) ?? (enumPageName && isMemberTable(table) ? enumPageName : undefined);
    if (enumName) {
      const members = table.rows.map((r) => plainText(r.cells[0] ?? "")).filter((m) => m !== "");
      pushTo(facts.enums, enumName.toLowerCase(), { name: enumName, members, file });
      continue;
    }
    if (!isPropertyTable(table)) continue;
    const inRequestBody = sectionIds(table.sections).some((id) => REQUEST_BODY_SECTIONS.has(id));
    const descriptionAt = Math.max(
      2,
      table.header.findIndex((h) => DESCRIPTION_HEADERS.has(h)),
    );
    for (const { cells, line } of table.rows) {
      const row = propertyRow(file, cells, line, descriptionAt);
      if (!row) continue;
      pushTo(facts.rowsByKey, row.key, row);
      if (inRequestBody) pushTo(facts.requestRowsByKey, row.key, row);
    }
  }
  return facts;
}

/** Types a resource page defines: its `resource` annotation, else its "x resource type" title. */
function definedTypesOf(md, namespace) {
  const types = new Set();
  for (const a of md.annotations)
    if (a.blockType === "resource" && typeof a["@odata.type"] === "string")
      types.add(a["@odata.type"].replace(/^#/, "").toLowerCase());
  if (types.size === 0) {
    const title = md.headings.find((h) => h.level === 1);
    const name =
      /^(\S+) resource type$/i.exec(title?.text ?? "")?.[1] ??
      /^(.+)-resource-type$/.exec(title?.anchor ?? "")?.[1];
    if (name) types.add(`${namespace}.${name}`.toLowerCase());
  }
  return [...types];
}

/** An enum page of its own ("fooType enum type", doc_type enumPageType): the enum's name. */
function enumPageNameOf(md, text) {
  if (!/^doc_type:\s*"?enumPageType/m.test(text)) return undefined;
  const title = md.headings.find((h) => h.level === 1);
  return (
    /^(\S+) enum type$/i.exec(title?.text ?? "")?.[1] ?? /^(.+)-enum-type$/.exec(title?.anchor ?? "")?.[1]
  );
}

/** The enum a table defines when it sits right under a `### fooType values` heading. */
function enumNameOfTable(table) {
  const heading = table.sections.at(-1);
  if (!heading || !isMemberTable(table)) return undefined;
  const byText = /^`?([A-Za-z][\w.]*)`?\s+values$/i.exec(heading.text)?.[1];
  const byAnchor = /^([a-z][\w.]*)-values$/.exec(heading.anchor ?? "")?.[1];
  // The text keeps the name's letter case; translated headings ("fooType 值") only have the anchor.
  const name = byText ?? (byAnchor && /^([A-Za-z][\w.]*)/.exec(heading.text)?.[1]) ?? byAnchor;
  return name?.split(".").pop();
}

function isMemberTable(table) {
  return MEMBER_HEADERS.has(table.header[0]) && !TYPE_HEADERS.has(table.header[1] ?? "");
}

function isPropertyTable(table) {
  return PROPERTY_HEADERS.has(table.header[0]) && TYPE_HEADERS.has(table.header[1] ?? "");
}

/** A property row: key, type cell (its name and link targets) and description. */
function propertyRow(file, cells, line, descriptionAt) {
  const key = plainText(cells[0] ?? "").split(/\s+/)[0];
  if (!key || !/^[@A-Za-z_$][\w@.$-]*$/.test(key)) return undefined;
  const typeCell = cells[1] ?? "";
  const typeLinks = [...typeCell.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^https?:/.test(t));
  const typeName = englishTypeName(plainText(typeCell));
  const elementType = typeName
    .replace(/^collection\s*\(\s*(.*?)\s*\)/i, "$1")
    .replace(/\s*collection\b.*$/i, "");
  const typeFull = /^[A-Za-z][\w.]*/.exec(elementType)?.[0];
  return {
    file,
    line,
    key,
    /** The type cell as plain text, translated type words in English: "Boolean", "String collection". */
    typeCell: typeName,
    typeFull,
    typeShort: typeFull?.split(".").pop().toLowerCase(),
    typeLinks,
    description: cells[descriptionAt] ?? "",
  };
}

/**
 * zh-CN pages translate some type names in type cells ("字符串", "布尔值", and "双面", a machine
 * translation of Double); the oracle reads them as the English names.
 */
const TRANSLATED_TYPE_WORDS = [
  [/字符串/g, "String"],
  [/布尔值|布尔型|布尔/g, "Boolean"],
  [/双精度|双面/g, "Double"],
  [/日期/g, "Date"],
  [/\s*集合/g, " collection"],
];

function englishTypeName(typeCell) {
  let name = typeCell;
  for (const [word, english] of TRANSLATED_TYPE_WORDS) name = name.replace(word, english);
  return name.trim();
}

/**
 * The code spans a description lists as its property's values: those after "Possible values are"
 * (or a variant), up to the end of that sentence. Code spans are masked first, so a period inside
 * one (`v1.0`) does not end the sentence.
 */
export function valuesListedIn(description) {
  const values = [];
  const masked = description.replace(/`[^`]*`/g, (span) => "\u0000".repeat(span.length));
  for (const start of masked.matchAll(VALUE_LIST_START)) {
    const from = start.index + start[0].length;
    const end = /\.(\s|$)|。|\|/.exec(masked.slice(from));
    const sentence = description.slice(from, end ? from + end.index : undefined);
    for (const span of sentence.matchAll(/`([^`]+)`/g)) {
      const value = span[1].trim().replace(/^"(.*)"$/, "$1");
      if (value !== "" && !values.includes(value)) values.push(value);
    }
  }
  return values;
}

/**
 * The request and response examples of a page: each annotation with blockType request or response
 * and the fenced block right under it, its HTTP start line, and its JSON body parsed with offsets
 * into the page (bodies that are not valid JSON are left out). Requests get `response`, the next
 * response annotation before another request.
 */
export function examplesOf(md) {
  const examples = [];
  for (const annotation of md.annotations) {
    if (annotation.blockType !== "request" && annotation.blockType !== "response") continue;
    const block = md.blocks.find((b) => b.openLine > annotation.lastLine);
    if (!block) continue;
    const between = md.lines.slice(annotation.lastLine + 1, block.openLine);
    if (between.some((l) => l.text.trim() !== "")) continue;
    const example = readExampleBlock(md, block, annotation);
    if (example) examples.push(example);
  }
  let lastRequest;
  for (const example of examples) {
    if (example.kind === "request") lastRequest = example;
    else if (lastRequest && !lastRequest.response) {
      lastRequest.response = example;
      lastRequest = undefined;
    }
  }
  return examples;
}

function readExampleBlock(md, block, annotation) {
  const kind = annotation.blockType;
  let first = block.firstContentLine;
  const last = block.lastContentLine;
  while (first <= last && md.lines[first].text.trim() === "") first++;
  if (first > last) return undefined;
  let method;
  let bodyFirst = first;
  if (block.info === "http" || block.info === "" || block.info === "msgraph-interactive") {
    const start = md.lines[first].text.trim();
    method = /^(GET|POST|PUT|PATCH|DELETE)\s+\S/i.exec(start)?.[1]?.toUpperCase();
    const isStatus = /^HTTP\/\S+\s+\d{3}/i.test(start);
    if (!method && !isStatus) {
      if (!start.startsWith("{") && !start.startsWith("[")) return undefined;
    } else {
      // Headers run to the first blank line; the body follows it.
      bodyFirst = first + 1;
      while (bodyFirst <= last && md.lines[bodyFirst].text.trim() !== "") bodyFirst++;
      bodyFirst++;
    }
  } else if (block.info !== "json") return undefined;
  if (bodyFirst > last) return { kind, annotation, method, block };
  const bodyStart = md.lines[bodyFirst].start;
  const bodyText = md.text.slice(bodyStart, md.lines[last].end);
  if (bodyText.trim() === "") return { kind, annotation, method, block };
  const errors = [];
  const tree = parseTree(bodyText, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree) return { kind, annotation, method, block, invalidBody: true };
  return { kind, annotation, method, block, bodyStart, tree };
}

/** The string value of an object node's own property `key`, if it has one. */
function ownString(objectNode, key) {
  const prop = objectNode.children?.find((p) => p.children?.[0]?.value === key);
  const value = prop?.children?.[1];
  return value?.type === "string" ? value.value : undefined;
}

/**
 * Walks an example's body and yields each string value (a property's, or an item of a property's
 * array) that some documenting row knows the key of: { key, keyNode, valueNode, rows, pointer },
 * `rows` being [{ row, host }] with `host` the facts of the row's page. Top-level keys of a request
 * are looked up in the page's Request body table and in the type the body shows; nested objects in
 * the type their own `@odata.type` names, else the one their row's type cell names.
 */
export function* documentedStrings(tree, pageFactsOfExample, example) {
  if (!example.tree) return;
  const namespace = pageFactsOfExample.namespace;
  const shownType =
    (example.tree.type === "object" ? ownString(example.tree, "@odata.type") : undefined) ??
    example.annotation["@odata.type"] ??
    (example.kind === "request" ? example.response?.annotation["@odata.type"] : undefined);
  const typeFiles = tree.filesOfType(shownType, namespace);
  const pageRows = example.kind === "request" ? pageFactsOfExample.requestRowsByKey : undefined;
  const scope = { typeFiles, pageRows, pointer: "" };
  if (example.tree.type === "array") {
    for (const [i, item] of (example.tree.children ?? []).entries())
      if (item.type === "object")
        yield* walkObject(tree, pageFactsOfExample, item, { ...scope, pointer: `/${i}` });
    return;
  }
  if (example.tree.type !== "object") return;
  const valueItems = collectionItems(tree, example.tree, scope);
  if (valueItems) {
    for (const [i, item] of valueItems.entries())
      if (item.type === "object")
        yield* walkObject(tree, pageFactsOfExample, item, {
          ...scope,
          typeFiles: nestedTypeFiles(tree, item, scope.typeFiles, namespace),
          pointer: `/value/${i}`,
        });
    return;
  }
  yield* walkObject(tree, pageFactsOfExample, example.tree, scope);
}

/** The items of a collection response `{ "value": [ … ] }` whose type does not itself have `value`. */
function collectionItems(tree, objectNode, scope) {
  const prop = objectNode.children?.find((p) => p.children?.[0]?.value === "value");
  if (prop?.children?.[1]?.type !== "array") return undefined;
  if (rowsFor(tree, "value", scope).length > 0) return undefined;
  return prop.children[1].children ?? [];
}

function rowsFor(tree, key, scope) {
  const rows = [];
  for (const row of scope.pageRows?.get(key) ?? []) rows.push({ row, host: scope.pageFacts });
  for (const file of scope.typeFiles) {
    const host = tree.resourceFacts.get(file);
    for (const row of host?.rowsByKey.get(key) ?? []) rows.push({ row, host });
  }
  return rows;
}

function nestedTypeFiles(tree, objectNode, fallback, namespace) {
  const own = ownString(objectNode, "@odata.type");
  if (own) return tree.filesOfType(own, namespace);
  return fallback;
}

function* walkObject(tree, facts, objectNode, scope) {
  const local = { ...scope, pageFacts: facts };
  for (const prop of objectNode.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== "string") continue;
    const key = keyNode.value;
    if (key.includes("@") || key.startsWith("#")) continue;
    const rows = rowsFor(tree, key, local);
    if (rows.length === 0) continue;
    const pointer = `${scope.pointer}/${key}`;
    const rowTypeFiles = () => [
      ...new Set(
        rows.flatMap(({ row, host }) => tree.filesOfRowType(row, host?.namespace ?? facts.namespace)),
      ),
    ];
    const nested = (node, at) => ({
      typeFiles: nestedTypeFiles(tree, node, rowTypeFiles(), facts.namespace),
      pageRows: undefined,
      pointer: at,
    });
    if (valueNode.type === "string") yield { key, keyNode, valueNode, rows, pointer };
    else if (valueNode.type === "object")
      yield* walkObject(tree, facts, valueNode, nested(valueNode, pointer));
    else if (valueNode.type === "array") {
      for (const [i, item] of (valueNode.children ?? []).entries()) {
        if (item.type === "string") yield { key, keyNode, valueNode: item, rows, pointer: `${pointer}/${i}` };
        else if (item.type === "object")
          yield* walkObject(tree, facts, item, nested(item, `${pointer}/${i}`));
      }
    }
  }
}

/** Reads an API page for planting: its text (BOM removed, as the CLI decodes it) and facts. */
export function readApiPage(file) {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const md = readMarkdown(text);
  return { file, text, md, facts: pageFacts(file, text, md), examples: examplesOf(md) };
}

/** The API pages of a docs tree, sorted. */
export function apiPagesOf(root) {
  const dir = join(root, "api");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => join(dir, n));
}
