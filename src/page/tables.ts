/**
 * Which pipe tables define properties or enum members, and which column holds what.
 *
 * English header words (`Property`, `Type`, `Description`; `Member`, `Value`) are one signal. A
 * translated page translates its headers (`| 属性 | 类型 | 说明 |`, `|成员|值|说明|`), so where the
 * headers say nothing the table is read by its section (from the heading's anchor, see
 * sections.ts) and its content: a properties, relationships, request body or parameters table has
 * names in its first column and the type in the next (the layout every Graph page uses), and an
 * enum table under `fooType values` lists its members in its first column.
 */
import { readableText, readableTextWithCode } from "../parse/inline.js";
import type { PipeTable, TableCell } from "../parse/table.js";
import { documentedTypeRef, linkedTypeRef } from "../parse/type-ref.js";
import { frontMatterValue } from "./front-matter.js";
import type { EnumTable, Heading, NameCell, Page, PropertyRow } from "./model.js";
import { documentedValues } from "./possible-values.js";
import { type SectionKind, enumNameOf } from "./sections.js";
import { valueRuns } from "./value-runs.js";

/**
 * What a property table documents: the properties of the resource the page defines (a properties
 * or relationships table, or a table before any heading), a request body, other parameters (of a
 * function, the path or the query), or something else.
 */
export type TableRole = "resource" | "request-body" | "parameters" | "other";

export function tableRole(section: SectionKind, headingText: string | undefined): TableRole {
  if (headingText === undefined) return "resource";
  if (section === "request-body" || /request body/i.test(headingText)) return "request-body";
  if (section === "parameters" || section === "query-parameters" || /parameters/i.test(headingText))
    return "parameters";
  if (section === "properties" || section === "relationships" || /propert|relationship/i.test(headingText))
    return "resource";
  return "other";
}

export interface PropertyColumns {
  name: number;
  type: number;
  description: number | undefined;
}

const NAME_HEADER = /^(property|name|parameter|property name|parameter name|relationship|relationship name)$/;
const MEMBER_HEADER = /^(member|members|value|name|enum value)$/;

/** Sections whose tables, whatever their headers say, define properties or parameters. */
const PROPERTY_SECTIONS: ReadonlySet<SectionKind> = new Set([
  "properties",
  "relationships",
  "request-body",
  "parameters",
]);

/** A property, parameter or member name as tables write it. */
export const NAME_CELL = /^[@\w.$-]+$/;

export function headerWords(table: PipeTable): string[] {
  return table.header.map((c) => readableText(c.raw).toLowerCase());
}

/** True when most of the non-empty cells of column `col` hold a name. */
function mostlyNames(rows: TableCell[][], col: number): boolean {
  let names = 0;
  let filled = 0;
  for (const row of rows) {
    const text = readableText(row[col]?.raw ?? "");
    if (text === "") continue;
    filled++;
    if (NAME_CELL.test(text)) names++;
  }
  return filled > 0 && names * 2 >= filled;
}

/** True when most of the non-empty cells of column `col` name a type or link to one. */
function mostlyTypes(rows: TableCell[][], col: number): boolean {
  let types = 0;
  let filled = 0;
  for (const row of rows) {
    const raw = row[col]?.raw ?? "";
    const text = readableText(raw);
    if (text === "") continue;
    filled++;
    if (documentedTypeRef(text) || /\]\([^()\s]+\.md/.test(raw)) types++;
  }
  return filled > 0 && types * 2 > filled;
}

/**
 * The columns of a property table: by its English headers anywhere on the page; else, in a section
 * that holds property tables, by its layout (names first, type second, description last).
 */
export function propertyColumns(
  table: PipeTable,
  header: string[],
  section: SectionKind,
): PropertyColumns | undefined {
  const name = header.findIndex((h) => NAME_HEADER.test(h));
  const type = header.indexOf("type");
  if (name !== -1 && type !== -1) {
    const description = header.findIndex((h) => h.startsWith("description"));
    return { name, type, description: description === -1 ? undefined : description };
  }
  // English headers that name a column but no type (`| Name | Value |`) are another kind of table.
  if (name !== -1 || !PROPERTY_SECTIONS.has(section) || table.header.length < 3) return undefined;
  // Names first; or, where translation took the names too, types second.
  if (!mostlyNames(table.rows, 0) && !mostlyTypes(table.rows, 1)) return undefined;
  return { name: 0, type: 1, description: table.header.length - 1 };
}

/**
 * True when a table under an enum's heading (or an enum page's members heading) lists members in
 * its first column: its header says so in English, or most of its first column are names.
 */
export function isMemberTable(table: PipeTable, header: string[]): boolean {
  return MEMBER_HEADER.test(header[0] ?? "") || mostlyNames(table.rows, 0);
}

/** Reads a pipe table under `heading` into the page's enum or property tables, if it is one. */
export function readTable(table: PipeTable, heading: Heading | undefined, page: Page): void {
  const section = heading?.section ?? "other";
  const header = headerWords(table);
  const enumName = enumTableName(heading, page);
  if (enumName && isMemberTable(table, header)) {
    page.enumTables.push(enumTableOf(enumName, table));
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
    // A row whose name cell holds words but whose type cell names a type is a property whose name
    // was translated (`| 状态 | String |`): kept, nameless, for recoverTranslatedNames.
    const named = NAME_CELL.test(written);
    if (!named && !typeRef) continue;
    const descriptionCell = columns.description === undefined ? undefined : cells[columns.description];
    const description = readableTextWithCode(descriptionCell?.raw ?? "");
    rows.push({
      name: named ? written : "",
      written,
      nameRange: { start: nameCell.start, end: nameCell.end },
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
function enumTableOf(name: string, table: PipeTable): EnumTable {
  const members: string[] = [];
  const notNames: NameCell[] = [];
  for (const row of table.rows) {
    const cell = row[0];
    const text = readableText(cell?.raw ?? "");
    if (!cell || text === "") continue;
    if (/^[\w.-]+$/.test(text)) members.push(text);
    else notNames.push({ name: text, start: cell.start, end: cell.end });
  }
  return { name, members, notNames, start: table.start, end: table.end };
}

/**
 * Names translated property rows from the page's JSON representation, which translation leaves
 * alone and which lists the properties in the table's order: a nameless row whose neighbours'
 * names stand one key apart there is that key (`endDateTime`, 状态, `scope` → `status`). Rows named
 * no other way are dropped from the table. Every such row is kept in the table's `notNames`: the
 * page is wrong either way.
 */
export function recoverTranslatedNames(page: Page): void {
  const keys = resourceJsonKeys(page);
  for (const table of page.propertyTables) {
    const rows = table.rows;
    const named = new Set(rows.map((r) => r.name).filter((n) => n !== ""));
    for (let i = 0; i < rows.length; i++) {
      if (rows[i]!.name !== "") continue;
      // A run of nameless rows, between named ones (or a table's end).
      let end = i;
      while (end < rows.length && rows[end]!.name === "") end++;
      const found = keysBetween(keys, rows[i - 1]?.name, rows[end]?.name, end - i);
      for (let k = i; k < end; k++) {
        const row = rows[k]!;
        table.notNames.push({ name: row.written, start: row.nameRange.start, end: row.nameRange.end });
        const key = found?.[k - i];
        if (key !== undefined && !named.has(key)) row.name = key;
      }
      i = end;
    }
    table.rows = rows.filter((r) => r.name !== "");
  }
}

/** The top-level keys of the page's `resource` JSON representation, `@` keys left out. */
function resourceJsonKeys(page: Page): string[] {
  const root = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.json?.root;
  return root?.type === "object" ? root.properties.map((p) => p.key).filter((k) => !k.startsWith("@")) : [];
}

/**
 * The `count` keys that stand between `before` and `after` (either may be missing at a table's
 * end), when exactly that many do.
 */
function keysBetween(
  keys: string[],
  before: string | undefined,
  after: string | undefined,
  count: number,
): string[] | undefined {
  const from = before === undefined ? 0 : keys.indexOf(before) + 1;
  const to = after === undefined ? keys.length : keys.indexOf(after);
  if ((before !== undefined && from === 0) || to === -1 || to - from !== count) return undefined;
  return keys.slice(from, to);
}
