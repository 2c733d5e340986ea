/**
 * Pipe tables read from their source lines.
 *
 * The markdown parser runs without remark-gfm (it doubles the parse time on the Graph docs and the
 * rules only need each row's cells), so a table reaches us as a paragraph. A table is a header row,
 * a delimiter row (`|:---|---|`), and the rows after it; the trailing pipe is optional, as in the
 * enum pages' `| Member` tables.
 */
import type { Range } from "./source.js";

export interface SourceLine {
  text: string;
  /** Offset of the line's first character in the page. */
  start: number;
}

export interface TableCell extends Range {
  /** Cell source without the surrounding pipes and spaces. */
  raw: string;
}

export interface PipeTable extends Range {
  header: TableCell[];
  rows: TableCell[][];
}

// Cells `:?-+:?` between pipes, the first and last pipe optional. Written so that no two `[ \t]*`
// can take the same spaces (a pipe stands between them): as `:?-+:?[ \t]*(?:\|…)*\|?[ \t]*`, the
// spaces after the last cell could be split between two of them, which backtracks quadratically.
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?(?:[ \t]*\|[ \t]*:?-+:?)*(?:[ \t]*\|)?[ \t]*$/;

export function isDelimiterRow(text: string): boolean {
  return text.includes("-") && DELIMITER_ROW.test(text.trim());
}

/** Splits a row on unescaped pipes into trimmed cells with their page ranges. */
export function splitRow(line: SourceLine): TableCell[] {
  const { text, start } = line;
  const cells: TableCell[] = [];
  let cellStart = 0;
  const bounds: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) {
      bounds.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  bounds.push([cellStart, text.length]);
  // A leading pipe leaves an empty first cell and a trailing pipe an empty last one: drop them.
  if (bounds.length > 1 && text.slice(bounds[0]![0], bounds[0]![1]).trim() === "") bounds.shift();
  const last = bounds[bounds.length - 1];
  if (bounds.length > 1 && last && text.slice(last[0], last[1]).trim() === "") bounds.pop();
  for (const [from, to] of bounds) {
    const slice = text.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const raw = slice.trim();
    cells.push({ raw, start: start + from + lead, end: start + from + lead + raw.length });
  }
  return cells;
}

/** Tables found among consecutive lines (the lines of one paragraph). */
export function findPipeTables(lines: SourceLine[]): PipeTable[] {
  const tables: PipeTable[] = [];
  for (let i = 1; i < lines.length; i++) {
    const headerLine = lines[i - 1]!;
    if (!isDelimiterRow(lines[i]!.text) || !headerLine.text.includes("|")) continue;
    const rows: TableCell[][] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.text.trim() !== "" && lines[j]!.text.includes("|"); j++) {
      rows.push(splitRow(lines[j]!));
    }
    const lastLine = lines[j - 1]!;
    tables.push({
      header: splitRow(headerLine),
      rows,
      start: headerLine.start,
      end: lastLine.start + lastLine.text.length,
    });
    i = j;
  }
  return tables;
}
