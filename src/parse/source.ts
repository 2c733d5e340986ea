/**
 * Turning bytes into page text, and offsets into line:column.
 *
 * Positions everywhere in graph-docs-lint are offsets into the decoded text with the byte order
 * mark removed, counted in UTF-16 code units (what JavaScript strings, ESLint and LSP count).
 * Lines and columns are 1-based, like ESLint's and vfile's.
 */

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: number;
  end: number;
}

export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: "binary" | "invalid-utf8"; message: string; byteOffset: number };

/** The byte order mark, as the first character of decoded text. */
export const BOM = "\uFEFF";

/** Decodes a file's bytes as UTF-8 text, refusing binary files and invalid UTF-8 with a reason. */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      reason: "binary",
      message: `looks like a binary file (NUL byte at byte ${nul}); not linted`,
      byteOffset: nul,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const byteOffset = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      reason: "invalid-utf8",
      message: `is not valid UTF-8 (first invalid byte at byte ${byteOffset}); not linted`,
      byteOffset,
    };
  }
  const bom = text.startsWith(BOM);
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** The byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    if (need > 0) {
      const decoded = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(i, i + need + 1));
      if (decoded.includes("\uFFFD") || i + need >= bytes.length) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** Maps offsets to line:column and back; built once per page. Handles LF, CRLF and lone CR. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1, offset: o };
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
    return Math.min(start + column - 1, this.text.length);
  }

  /** Start offset of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** End offset of a 1-based line, before its line ending. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Text of a 1-based line without its line ending. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}
