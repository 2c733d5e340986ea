/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the
 * runner turns into an annotation on the file and lines of the finding, then one plain summary line.
 *
 *     ::error file=api/user-get.md,line=60,endLine=60,col=17,endColumn=18,title=no-trailing-comma::Trailing comma …
 *
 * Files that could not be read get `::error file=<path>::<reason>`; messages of the linter itself
 * (no rule id) get no `title`.
 */
import { relative, sep } from "node:path";
import type { LintResult } from "../engine/result.js";
import type { FormatContext } from "./format.js";

/** Escapes a command's message: `%`, CR and LF (what the runner unescapes). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value: what `escapeData` escapes, and `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(name: "error" | "warning", properties: [string, string | number][], message: string) {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/** The file's path relative to `cwd` with forward slashes (the runner's paths are repository-relative). */
function pathOf(filePath: string, cwd: string): string {
  return (relative(cwd, filePath) || filePath).split(sep).join("/");
}

export function formatGithub(results: LintResult[], context: Pick<FormatContext, "cwd">): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const file = pathOf(result.filePath, context.cwd);
    for (const m of result.messages) {
      const name = m.severity === 2 ? "error" : "warning";
      if (m.severity === 2) errors++;
      else warnings++;
      if (result.unreadable) {
        lines.push(command(name, [["file", file]], m.reason));
        continue;
      }
      const start = m.startPoint;
      const end = m.endPoint;
      const properties: [string, string | number][] = [
        ["file", file],
        ["line", start.line],
        ["endLine", end.line],
        ["col", start.column],
        ["endColumn", end.column],
      ];
      // Messages of the linter itself (say, an unknown rule in a directive) have no rule to name.
      if (m.ruleId !== undefined) properties.push(["title", m.ruleId]);
      lines.push(command(name, properties, m.reason));
    }
  }
  const files = results.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `graph-docs-lint: ${plural(errors + warnings, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${plural(files, "file")} checked.`,
  );
  return lines.join("\n") + "\n";
}
