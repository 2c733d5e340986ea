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
import { readableText } from "../parse/inline.js";
import type { PipeTable, TableCell } from "../parse/table.js";
import type { SectionKind } from "./sections.js";

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
  if (!mostlyNames(table.rows, 0)) return undefined;
  return { name: 0, type: 1, description: table.header.length - 1 };
}

/**
 * True when a table under an enum's heading (or an enum page's members heading) lists members in
 * its first column: its header says so in English, or most of its first column are names.
 */
export function isMemberTable(table: PipeTable, header: string[]): boolean {
  return MEMBER_HEADER.test(header[0] ?? "") || mostlyNames(table.rows, 0);
}
