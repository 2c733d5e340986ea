/** The default, readable format: `path:line:col  severity  message  rule-id`, then a summary. */
import { relative } from "node:path";
import type { LintResult } from "../engine/lint.js";

export function formatStylish(results: LintResult[], cwd = process.cwd()): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    const path = relative(cwd, result.filePath) || result.filePath;
    for (const m of result.messages) {
      const { line, column } = m.startPoint;
      const severity = m.severity === 2 ? "error" : "warning";
      lines.push(`${path}:${line}:${column}  ${severity}  ${m.reason}  ${m.ruleId ?? ""}`.trimEnd());
    }
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
  }
  const total = errors + warnings;
  const files = results.length;
  const filesText = `${files} file${files === 1 ? "" : "s"} checked`;
  if (total === 0) {
    lines.push(`No problems found (${filesText}).`);
  } else {
    lines.push("");
    lines.push(
      `${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) in ${filesText}.` +
        (fixable > 0 ? ` ${fixable} can be fixed automatically.` : ""),
    );
  }
  return lines.join("\n") + "\n";
}
