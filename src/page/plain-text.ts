/**
 * Pages that are not markdown (a published page saved as text): a request line or status line, its
 * headers, and the JSON after it make an example.
 */
import { isRequestLine, isStatusLine } from "../parse/http.js";
import { bracketMarks } from "../parse/scan.js";
import type { LineIndex } from "../parse/source.js";

/** The examples of a plain-text page, in order: each one's first and last line. */
export function plainTextExamples(lines: LineIndex): Array<{ first: number; last: number }> {
  const examples: Array<{ first: number; last: number }> = [];
  const count = lines.lineCount;
  for (let line = 1; line <= count; line++) {
    const text = lines.lineText(line);
    if (!isRequestLine(text) && !isStatusLine(text)) continue;
    let last = line;
    // Headers, then a blank line, then the body.
    while (
      last + 1 <= count &&
      /^[A-Za-z][\w-]*:\s?/.test(lines.lineText(last + 1)) &&
      !isRequestLine(lines.lineText(last + 1))
    )
      last++;
    let next = last + 1;
    while (next <= count && lines.lineText(next).trim() === "") next++;
    if (next <= count && /^\s*[[{]/.test(lines.lineText(next))) last = jsonEndLine(lines, next);
    examples.push({ first: line, last });
    line = last;
  }
  return examples;
}

/** The line on which a JSON value that starts on `from` closes (string-aware bracket count). */
function jsonEndLine(lines: LineIndex, from: number): number {
  const scan = { depth: 0, inString: false };
  for (let line = from; line <= lines.lineCount; line++) {
    for (const { mark, depth } of bracketMarks(lines.lineText(line), scan)) {
      if ((mark === "}" || mark === "]") && depth === 0) return line;
    }
    scan.inString = false;
    // An unclosed body ends before the next example.
    const nextText = lines.lineText(line + 1);
    if (line > from && (isRequestLine(nextText) || isStatusLine(nextText))) return line;
  }
  return lines.lineCount;
}
