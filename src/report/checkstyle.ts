/**
 * Checkstyle XML, as ESLint's `checkstyle` format writes it, for CI servers that read Checkstyle
 * reports (Jenkins' Warnings plugin, GitLab, SonarQube): one `<file>` per file linted, one `<error>`
 * per finding. Paths are absolute, as in the JSON format. test/data/checkstyle.xsd describes it.
 */
import type { LintResult } from "../engine/result.js";
import { xmlEscape } from "./xml.js";

export function formatCheckstyle(results: LintResult[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`  <file name="${xmlEscape(result.filePath)}">`);
    for (const m of result.messages) {
      const attributes = [
        `line="${m.startPoint.line}"`,
        `column="${m.startPoint.column}"`,
        `severity="${m.severity === 2 ? "error" : "warning"}"`,
        `message="${xmlEscape(m.ruleId ? `${m.reason} (${m.ruleId})` : m.reason)}"`,
        `source="${m.ruleId ? xmlEscape(`graph-docs-lint.rules.${m.ruleId}`) : "graph-docs-lint"}"`,
      ];
      lines.push(`    <error ${attributes.join(" ")} />`);
    }
    lines.push("  </file>");
  }
  lines.push("</checkstyle>");
  return lines.join("\n") + "\n";
}
