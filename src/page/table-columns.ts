/**
 * Which pipe tables define properties or enum members, and which column holds what: read from the
 * table's headers, section and cells, never from its rows' meaning (tables.ts reads those).
 *
 * English header words (`Property`, `Type`, `Description`; `Member`, `Value`) are one signal. A
 * translated page translates its headers (`| 属性 | 类型 | 说明 |`, `|成员|值|说明|`), so where the
 * headers say nothing the table is read by its section (from the heading's anchor, see
 * sections.ts) and its content: a properties, relationships, request body or parameters table has
 * names in its first column and the type in the next (the layout every Graph page uses), and an
 * enum table under `fooType values` lists its members in its first column (with their numbers in
 * the second, where it has one).
 */
import { readableText } from "../parse/inline.js";
import type { PipeTable, TableCell } from "../parse/table.js";
import { documentedTypeRef } from "../parse/type-ref.js";
import type { TableRole } from "./model.js";
import type { SectionKind } from "./sections.js";

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
  return mostlyLike(rows, col, NAME_CELL);
}

/** True when at least half the filled cells of column `col` match `pattern`. */
function mostlyLike(rows: TableCell[][], col: number, pattern: RegExp): boolean {
  let like = 0;
  let filled = 0;
  for (const row of rows) {
    const text = readableText(row[col]?.raw ?? "");
    if (text === "") continue;
    filled++;
    if (pattern.test(text)) like++;
  }
  return filled > 0 && like * 2 >= filled;
}

/** An enum member's numeric value, as member tables give it in their second column (`-1`, `0x10`). */
const MEMBER_VALUE = /^(?:-?\d+|0x[\da-f]+)$/i;

/**
 * True when most of the non-empty cells of column `col` name a type or link to one; `strict`, a
 * primitive type or a link (any single word can be a type's name: `| Preset0 | Red |`).
 */
function mostlyTypes(rows: TableCell[][], col: number, strict = false): boolean {
  let types = 0;
  let filled = 0;
  for (const row of rows) {
    const raw = row[col]?.raw ?? "";
    const text = readableText(raw);
    if (text === "") continue;
    filled++;
    const ref = documentedTypeRef(text);
    if ((ref && (!strict || ref.primitive)) || /\]\([^()\s]+\.md/.test(raw)) types++;
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
  if (name !== -1 || !PROPERTY_SECTIONS.has(section) || table.header.length < 2) return undefined;
  const names = mostlyNames(table.rows, 0);
  // Two columns (`| 属性 | 类型 |`, as the English `| Property | Type |`): names and, for certain,
  // types, as there is no description column to tell this table from a two-column list of other
  // things (`| Preset0 | Red |`, a constant and its colour).
  if (table.header.length === 2)
    return names && mostlyTypes(table.rows, 1, true)
      ? { name: 0, type: 1, description: undefined }
      : undefined;
  const types = mostlyTypes(table.rows, 1);
  // Names first; or, where translation took the names too, types second.
  if (!names && !types) return undefined;
  return { name: 0, type: 1, description: table.header.length - 1 };
}

/**
 * True when a table under an enum's heading (or an enum page's members heading) lists members in
 * its first column: its header says so in English, most of its first column are names, or its shape
 * does, which translation leaves alone where it took every member's name (`| 所有者 | 0 |`): one
 * column, or a second column of the members' numbers.
 */
export function isMemberTable(table: PipeTable, header: string[]): boolean {
  return (
    MEMBER_HEADER.test(header[0] ?? "") ||
    mostlyNames(table.rows, 0) ||
    header.length === 1 ||
    (header.length >= 2 && mostlyLike(table.rows, 1, MEMBER_VALUE))
  );
}
