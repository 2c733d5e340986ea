/** ESLint's JSON formatter shape, so tools that read ESLint results read ours. */
import type { LintResult } from "../engine/result.js";

export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  /** The rule's message id (its meta.messages key), as ESLint gives it: stable when the words change. */
  messageId?: string;
  endLine: number;
  endColumn: number;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, with --fix-dry-run (or --fix), when fixes changed the file (as ESLint gives it). */
  output?: string;
}

export function toJsonResults(results: LintResult[]): JsonResult[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => {
      const out: JsonMessage = {
        ruleId: m.ruleId ?? null,
        severity: m.severity,
        message: m.reason,
        line: m.startPoint.line,
        column: m.startPoint.column,
        ...(m.messageId !== undefined ? { messageId: m.messageId } : {}),
        endLine: m.endPoint.line,
        endColumn: m.endPoint.column,
      };
      if (r.unreadable) out.fatal = true;
      if (m.fix) out.fix = { range: [m.fix.range.start, m.fix.range.end], text: m.fix.text };
      return out;
    }),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
  }));
}

export function formatJson(results: LintResult[]): string {
  return JSON.stringify(toJsonResults(results)) + "\n";
}
