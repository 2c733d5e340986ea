/**
 * The default, readable format, as ESLint's `stylish` prints it: each file's path on its own line,
 * its findings under it in aligned columns (`  238:27  error  message  rule-id`), a blank line,
 * then a summary. Paths are relative to the working folder. A run without findings prints one
 * line saying how many files were checked (ESLint prints nothing).
 */
import { relative } from "node:path";
import type { LintResult } from "../engine/result.js";
import { type Styles, styles } from "./color.js";
import type { FormatContext } from "./format.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatStylish(results: LintResult[], context: FormatContext): string {
  const style = styles(context.color);
  let out = "";
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    const path = relative(context.cwd, result.filePath) || result.filePath;
    out += `${style.underline(path)}\n${findingTable(result, style)}\n\n`;
  }
  const total = errors + warnings;
  if (total === 0) return `No problems found (${plural(results.length, "file")} checked).\n`;
  const summary =
    errors > 0 ? (t: string) => style.red(style.bold(t)) : (t: string) => style.yellow(style.bold(t));
  out += summary(
    `\u2716 ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`,
  );
  out += "\n";
  if (fixableErrors + fixableWarnings > 0) {
    out += summary(
      `  ${plural(fixableErrors, "error")} and ${plural(fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`,
    );
    out += "\n";
  }
  return `\n${out}`;
}

/**
 * One row per finding: line (right-aligned) and column, severity, message (its final period
 * dropped, as ESLint does) and rule id, each column padded to its widest cell.
 */
function findingTable(result: LintResult, style: Styles): string {
  const rows = result.messages.map((m) => ({
    line: String(m.startPoint.line),
    column: String(m.startPoint.column),
    severity: m.severity === 2 ? "error" : "warning",
    message: m.reason.replace(/([^ ])\.$/u, "$1"),
    ruleId: m.ruleId ?? "",
  }));
  const width = (pick: (row: (typeof rows)[number]) => string) =>
    Math.max(...rows.map((r) => pick(r).length));
  const lineWidth = width((r) => r.line);
  const columnWidth = width((r) => r.column);
  const severityWidth = width((r) => r.severity);
  const messageWidth = width((r) => r.message);
  return rows
    .map((r) => {
      const place =
        " ".repeat(lineWidth - r.line.length) +
        style.dim(`${r.line}:${r.column}`) +
        " ".repeat(columnWidth - r.column.length);
      const severity =
        (r.severity === "error" ? style.red(r.severity) : style.yellow(r.severity)) +
        " ".repeat(severityWidth - r.severity.length);
      const message = r.message + " ".repeat(messageWidth - r.message.length);
      return `  ${place}  ${severity}  ${message}  ${style.dim(r.ruleId)}`.trimEnd();
    })
    .join("\n");
}
