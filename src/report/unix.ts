/**
 * ESLint's `unix` format, which editors and `grep`-style tools read (Vim's quickfix, Emacs'
 * compilation mode): `path:line:column: message [Error/rule-id]`, then the number of problems.
 * Paths are relative to the working folder, as in the stylish format.
 */
import { relative } from "node:path";
import type { LintResult } from "../engine/result.js";
import type { FormatContext } from "./format.js";

export function formatUnix(results: LintResult[], context: FormatContext): string {
  let out = "";
  let total = 0;
  for (const result of results) {
    const path = relative(context.cwd, result.filePath) || result.filePath;
    for (const m of result.messages) {
      total++;
      const type = m.severity === 2 ? "Error" : "Warning";
      out += `${path}:${m.startPoint.line}:${m.startPoint.column}: ${m.reason} [${type}${m.ruleId ? `/${m.ruleId}` : ""}]\n`;
    }
  }
  return total > 0 ? `${out}\n${total} problem${total === 1 ? "" : "s"}\n` : "";
}
