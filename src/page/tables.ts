/**
 * Property and enum tables into the page model: the rows of the tables table-columns.ts recognizes,
 * each with its name, type and documented values, and the names of rows translation took, recovered
 * from the JSON that translation leaves alone (`recoverTranslatedNames`).
 */
import { readableText, readableTextWithCode } from "../parse/inline.js";
import type { PipeTable, TableCell } from "../parse/table.js";
import {
  type TypeRef,
  documentedTypeRef,
  linkedTypeRef,
  parseTypeRef,
  primitiveKind,
  withoutFinalNote,
} from "../parse/type-ref.js";
import { frontMatterValue } from "./front-matter.js";
import type { JsonObject, JsonValue } from "../parse/json.js";
import type { EnumTable, Heading, MemberCell, NameCell, Page, PropertyRow, PropertyTable } from "./model.js";
import { documentedValues } from "./possible-values.js";
import { enumNameOf } from "./sections.js";
import { NAME_CELL, headerWords, isMemberTable, propertyColumns, tableRole } from "./table-columns.js";
import { valueRuns } from "./value-runs.js";

/** Reads a pipe table under `heading` into the page's enum or property tables, if it is one. */
export function readTable(table: PipeTable, heading: Heading | undefined, page: Page): void {
  const section = heading?.section ?? "other";
  const header = headerWords(table);
  const enumName = enumTableName(heading, page);
  if (enumName && isMemberTable(table, header)) {
    page.enumTables.push(enumTableOf(enumName, table, heading, page));
    return;
  }
  const columns = propertyColumns(table, header, section);
  if (!columns) return;
  const rows: PropertyRow[] = [];
  for (const cells of table.rows) {
    const nameCell = cells[columns.name];
    const typeCell = cells[columns.type];
    if (!nameCell || !typeCell) continue;
    const written = readableText(nameCell.raw);
    const type = readableText(typeCell.raw);
    const typeLink = /\]\(([^()\s]*)\)/.exec(typeCell.raw)?.[1];
    const typeRef = documentedTypeRef(type) ?? (typeLink ? linkedTypeRef(typeLink, undefined) : undefined);
    // A name may carry a note (`tasks (deprecated)`). A row whose name cell holds words is a
    // property whose name was translated when its type cell names a type (`| 状态 | String |`) or
    // holds words too (`| 敏感度 | 敏感度 |`, the type's name translated as well): kept, nameless,
    // for recoverTranslatedNames, as it holds its place among the rows.
    const name = [written, withoutFinalNote(written)].find((n) => NAME_CELL.test(n));
    if (name === undefined && !typeRef && (written === "" || type === "")) continue;
    const descriptionCell = columns.description === undefined ? undefined : cells[columns.description];
    const description = readableTextWithCode(descriptionCell?.raw ?? "");
    rows.push({
      name: name ?? "",
      written,
      nameRange: { start: nameCell.start, end: nameCell.end },
      typeRange: { start: typeCell.start, end: typeCell.end },
      type,
      typeLink,
      typeRef,
      description,
      documentedValues: documentedValues(description),
      valueRuns: valueRuns(description),
      cells,
      start: cells[0]!.start,
      end: cells[cells.length - 1]!.end,
    });
  }
  const role = tableRole(section, heading?.text);
  page.propertyTables.push({
    heading,
    section,
    role,
    rows,
    notNames: [],
    start: table.start,
    end: table.end,
  });
}

/**
 * The enum type a table under `heading` defines: the heading's `fooType values` section, or the
 * members section of an enum page (`doc_type: enumPageType`), named by the page's title.
 */
function enumTableName(heading: Heading | undefined, page: Page): string | undefined {
  if (!heading) return undefined;
  if (heading.section === "enum-values") return enumNameOf(heading.key, heading.text);
  if (heading.section !== "members") return undefined;
  if (frontMatterValue(page.frontMatter, "doc_type") !== "enumPageType") return undefined;
  const title =
    page.headings.find((h) => h.depth === 1)?.text ?? frontMatterValue(page.frontMatter, "title") ?? "";
  // "fooType enum type", or its translation: the title's first name.
  return /^(\S+) enum type$/i.exec(title)?.[1] ?? /^[A-Za-z_][\w.]*/.exec(title)?.[0];
}

/** The enum table: the first column's names are its members; its other cells are reported. */
function enumTableOf(name: string, table: PipeTable, heading: Heading | undefined, page: Page): EnumTable {
  const members: string[] = [];
  const memberCells: MemberCell[] = [];
  const notNames: NameCell[] = [];
  for (const row of table.rows) {
    const cell = row[0];
    const text = readableText(cell?.raw ?? "");
    if (!cell || text === "") continue;
    if (/^[\w.-]+$/.test(text)) {
      members.push(text);
      memberCells.push(memberCell(text, cell));
    } else notNames.push({ name: text, start: cell.start, end: cell.end });
  }
  const headerRow = { start: table.start, end: page.lines.lineEnd(page.lines.point(table.start).line) };
  return { name, heading, headerRow, members, memberCells, notNames, start: table.start, end: table.end };
}

/** The member's own text in its cell (inside backticks or emphasis), or the cell when it is escaped. */
function memberCell(name: string, cell: TableCell): MemberCell {
  const at = cell.raw.indexOf(name);
  // The name's first occurrence is its own unless a longer word holds it (`[a](a-b.md)`-like cells).
  const own =
    at !== -1 && !/[\w.-]/.test(cell.raw[at - 1] ?? "") && !/[\w.-]/.test(cell.raw[at + name.length] ?? "");
  return own
    ? { name, start: cell.start + at, end: cell.start + at + name.length, exact: true }
    : { name, start: cell.start, end: cell.end, exact: false };
}

/**
 * Names translated property rows from JSON that translation leaves alone and that lists the same
 * properties: on a resource page its JSON representation; in a request body table, the request
 * example's body. A run of nameless rows whose neighbours' names stand as many keys apart there is
 * those keys (`endDateTime`, 状态, `scope` → `status`); else, when the keys no row names are as many
 * as the nameless rows, they are taken in order. A key is taken only when its value there fits the
 * row's type (an object of that type, an array for a collection, a string, number or boolean for a
 * primitive); last, the resource's tables are taken together, as one list of rows, the same way.
 * Rows named no other way are dropped from the table. Every such row is kept in the
 * table's `notNames`: the page is wrong either way.
 */
export function recoverTranslatedNames(page: Page): void {
  const resourceKeys = jsonKeys(
    page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.json?.root,
  );
  const requestBody = page.examples.find(
    (e) => e.kind === "request" && e.message.body?.json?.root?.type === "object",
  );
  const requestKeys = jsonKeys(requestBody?.message.body?.json?.root);
  const pending: Array<{ table: PropertyTable; nameless: PropertyRow[] }> = [];
  for (const table of page.propertyTables) {
    const nameless = table.rows.filter((r) => r.name === "");
    if (nameless.length === 0) continue;
    const keys = table.role === "request-body" ? requestKeys : resourceKeys;
    nameByNeighbours(table.rows, keys);
    nameByShownTypes(table.rows, keys);
    nameByLeftovers(table.rows, keys);
    pending.push({ table, nameless });
  }
  // The resource's tables together: a relationships table's one translated row (`| 项 |
  // [OutlookItem](outlookitem.md) |`) is the key no row of the properties table names either.
  const resourceRows = page.propertyTables.filter((t) => t.role === "resource").flatMap((t) => t.rows);
  nameByShownTypes(resourceRows, resourceKeys);
  nameByLeftovers(resourceRows, resourceKeys, showsType);
  for (const { table, nameless } of pending) {
    for (const row of nameless) {
      // The same words in the name and type cells translate the same English word: a property
      // named as its type (`| sensitivity | sensitivity |` → `| 敏感度 | 敏感度 |`).
      if (row.name !== "" && !row.typeRef && row.type === row.written) row.typeRef = parseTypeRef(row.name);
      const { start, end } = row.nameRange;
      table.notNames.push({
        name: row.written,
        start,
        end,
        ...(row.name !== "" ? { recovered: row.name } : {}),
        ...(row.typeRef ? { typeRef: row.typeRef } : {}),
      });
    }
    table.rows = table.rows.filter((r) => r.name !== "");
  }
}

interface JsonKey {
  key: string;
  value: JsonValue | undefined;
}

/** The top-level keys of a JSON object with their values, `@` keys left out. */
function jsonKeys(root: JsonValue | undefined): JsonKey[] {
  if (root?.type !== "object") return [];
  return root.properties.filter((p) => !p.key.startsWith("@")).map((p) => ({ key: p.key, value: p.value }));
}

/** Whether a JSON example value can be of the row's documented type. */
function fits(ref: TypeRef | undefined, value: JsonValue | undefined): boolean {
  if (!ref || !value || value.type === "null") return true;
  if (value.type === "array") return ref.collection !== false;
  if (ref.collection === true) return false;
  if (value.type === "object") {
    const name = declaredName(value);
    return !ref.primitive && (name === undefined || name === ref.name.toLowerCase());
  }
  if (!ref.primitive) return value.type === "string";
  const kind = primitiveKind(ref.name);
  if (kind === "boolean") return value.type === "boolean" || value.type === "string";
  if (kind === "integer" || kind === "number") return value.type === "number" || value.type === "string";
  return value.type === "string";
}

/**
 * Whether a JSON example value shows the row's documented type itself: an object that names it by
 * `@odata.type`, an array of such for a collection, a value of the primitive's kind. Across tables
 * a string placeholder (`"String"`) fits too many rows to tell one from another.
 */
function showsType(ref: TypeRef | undefined, value: JsonValue | undefined): boolean {
  if (!ref || !value) return false;
  if (value.type === "array")
    return ref.collection !== false && showsType({ ...ref, collection: false }, value.items[0]);
  if (ref.collection === true) return false;
  if (value.type === "object") return !ref.primitive && declaredName(value) === ref.name.toLowerCase();
  if (!ref.primitive) return false;
  const kind = primitiveKind(ref.name);
  if (kind === "boolean") return value.type === "boolean";
  if (kind === "integer" || kind === "number") return value.type === "number";
  return value.type === "string" && kind === "string";
}

/** The short name, lower case, of the type an object names by `@odata.type`. */
function declaredName(object: JsonObject): string | undefined {
  const declared = object.properties.find((p) => p.key === "@odata.type")?.value;
  return declared?.type === "string" ? declared.value.split(".").pop()?.toLowerCase() : undefined;
}

function nameByNeighbours(rows: PropertyRow[], keys: JsonKey[]): void {
  const lower = keys.map((k) => k.key.toLowerCase());
  const named = new Set(rows.map((r) => r.name.toLowerCase()).filter((n) => n !== ""));
  // A row's key in the JSON, -1 for none (a nameless row has none).
  const keyOf = (row: PropertyRow) => (row.name === "" ? -1 : lower.indexOf(row.name.toLowerCase()));
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.name !== "") continue;
    // A run of nameless rows, between named ones (or a table's end).
    let end = i;
    while (end < rows.length && rows[end]!.name === "") end++;
    const from = i === 0 ? 0 : keyOf(rows[i - 1]!) + 1;
    const to = end === rows.length ? keys.length : keyOf(rows[end]!);
    const between = keys.slice(from, to);
    const aligned = (i === 0 || from > 0) && to !== -1 && to - from === end - i;
    if (
      aligned &&
      between.every((key, k) => fits(rows[i + k]!.typeRef, key.value) && !named.has(key.key.toLowerCase()))
    )
      between.forEach((key, k) => (rows[i + k]!.name = key.key));
    else if (end - i === 1) nameByOnlyFit(rows[i]!, rows.slice(0, i), rows.slice(end), keys, keyOf, named);
    i = end;
  }
}

/**
 * Names one nameless row of an enum type by the one string among the keys no row names between the
 * nearest rows before and after it that the JSON has (a row it lacks, a property the docs renamed,
 * is passed over): `| 状态 | agentStatus |` takes the only string there, not the array beside it.
 * Any string fits a String row, and a placeholder string a structured type's: neither is named so.
 */
function nameByOnlyFit(
  row: PropertyRow,
  before: PropertyRow[],
  after: PropertyRow[],
  keys: JsonKey[],
  keyOf: (row: PropertyRow) => number,
  named: Set<string>,
): void {
  // An enum's row: a type named bare or linked to its values table (a link to a page is a
  // structured type's, which a placeholder string fits as well as the key it stands for).
  const enumRow = !row.typeLink || /-values$/i.test(row.typeLink);
  if (row.typeRef?.primitive !== false || row.typeRef.collection !== false || !enumRow) return;
  const previous = before.findLast((r) => keyOf(r) !== -1);
  const next = after.find((r) => keyOf(r) !== -1);
  const from = previous ? keyOf(previous) + 1 : 0;
  const to = next ? keyOf(next) : keys.length;
  const fitting = keys
    .slice(from, to)
    .filter((key) => !named.has(key.key.toLowerCase()) && key.value?.type === "string");
  if (fitting.length !== 1) return;
  row.name = fitting[0]!.key;
  named.add(row.name.toLowerCase());
}

/**
 * Names each nameless row of a structured type that exactly one key no row names shows by
 * `@odata.type` (`"posts": [{ "@odata.type": "microsoft.graph.serviceHealthIssuePost" }]` for
 * `| 公告 | collection ([serviceHealthIssuePost](…)) |`), when that key shows no other nameless row's
 * type: the JSON names the type, whatever order the table and the JSON list properties in.
 */
function nameByShownTypes(rows: PropertyRow[], keys: JsonKey[]): void {
  const named = new Set(rows.map((r) => r.name.toLowerCase()).filter((n) => n !== ""));
  const nameless = () => rows.filter((r) => r.name === "" && r.typeRef && !r.typeRef.primitive);
  for (const row of nameless()) {
    const shown = keys.filter((k) => !named.has(k.key.toLowerCase()) && showsType(row.typeRef, k.value));
    if (shown.length !== 1) continue;
    const key = shown[0]!;
    if (nameless().filter((r) => showsType(r.typeRef, key.value)).length !== 1) continue;
    row.name = key.key;
    named.add(key.key.toLowerCase());
  }
}

/**
 * Names the nameless rows by the keys no row names, in order, when they are as many and each fits
 * its row. Two or more are taken in order only where the named rows are in the keys' order: a
 * table listed in another order than its JSON (alphabetical against the service's order) would
 * pair them wrongly (`feature` for `| 状态 | serviceHealthStatus |`).
 */
function nameByLeftovers(rows: PropertyRow[], keys: JsonKey[], fit = fits): void {
  const named = new Set(rows.map((r) => r.name.toLowerCase()).filter((n) => n !== ""));
  const leftovers = keys.filter((k) => !named.has(k.key.toLowerCase()));
  const nameless = rows.filter((r) => r.name === "");
  if (nameless.length === 0 || leftovers.length !== nameless.length) return;
  if (nameless.length > 1 && !inKeyOrder(rows, keys)) return;
  if (nameless.every((row, k) => fit(row.typeRef, leftovers[k]!.value)))
    nameless.forEach((row, k) => (row.name = leftovers[k]!.key));
}

/** Whether the named rows that are keys come in the keys' order. */
function inKeyOrder(rows: PropertyRow[], keys: JsonKey[]): boolean {
  const place = new Map(keys.map((k, i) => [k.key.toLowerCase(), i]));
  let last = -1;
  for (const row of rows) {
    const at = row.name === "" ? undefined : place.get(row.name.toLowerCase());
    if (at === undefined) continue;
    if (at < last) return false;
    last = at;
  }
  return true;
}
