/**
 * `--stats`: how many problems each rule reported, after the report: the rules with the most
 * first, then a total. Problems the linter reports itself (a file that cannot be read, a bad
 * directive) count under "(no rule)".
 */
import type { LintResult } from "../engine/result.js";

interface Count {
  errors: number;
  warnings: number;
  fixable: number;
}

export function formatStats(results: LintResult[]): string {
  const byRule = new Map<string, Count>();
  const total: Count = { errors: 0, warnings: 0, fixable: 0 };
  for (const result of results) {
    for (const m of result.messages) {
      const key = m.ruleId ?? "(no rule)";
      const count = byRule.get(key) ?? { errors: 0, warnings: 0, fixable: 0 };
      for (const c of [count, total]) {
        if (m.severity === 2) c.errors++;
        else c.warnings++;
        if (m.fix) c.fixable++;
      }
      byRule.set(key, count);
    }
  }
  const rows: Array<[string, Count]> = [...byRule].sort(
    ([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || a.localeCompare(b),
  );
  rows.push(["Total", total]);
  const header = ["Rule", "Errors", "Warnings", "Fixable"];
  const cells = [header, ...rows.map(([rule, c]) => [rule, ...numbers(c)])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return `\n${cells.map(line).join("\n")}\n`;
}

function numbers(c: Count): string[] {
  return [c.errors, c.warnings, c.fixable].map(String);
}
