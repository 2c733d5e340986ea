/**
 * Autofix, after ESLint's: fixes are range + text edits; the ones that do not overlap are applied
 * (bottom-up, so earlier offsets stay valid), the page is linted again and fixed again until
 * nothing changes (at most 10 passes), and what remains after a last lint is reported.
 */
import type { LintMessage } from "./message.js";
import { type LintOptions, lintText } from "./lint.js";
import type { Fix, Rule } from "./rule.js";

export const MAX_FIX_PASSES = 10;

/** Applies the fixes that do not overlap an earlier one; returns the new text and the count applied. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied: Fix[] = [];
  let lastEnd = -1;
  for (const fix of sorted) {
    // Two edits at one spot, or overlapping edits, cannot both be right: keep the first.
    if (fix.range.start <= lastEnd && applied.length > 0) continue;
    applied.push(fix);
    lastEnd = fix.range.end;
  }
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const { range, text: replacement } = applied[i]!;
    out = out.slice(0, range.start) + replacement + out.slice(range.end);
  }
  return { text: out, applied };
}

export interface FixResult {
  /** The fixed text (the input when nothing was fixable). */
  output: string;
  /** True when the output differs from the input. */
  changed: boolean;
  /** How many fixes were applied over all passes. */
  fixCount: number;
  passes: number;
  /** The findings of a last lint of the output. */
  messages: LintMessage[];
}

export function fixText(text: string, options: LintOptions, rules: readonly Rule[]): FixResult {
  let output = text;
  let fixCount = 0;
  let passes = 0;
  let messages = lintText(output, options, rules).messages;
  while (passes < MAX_FIX_PASSES) {
    const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(output, fixes);
    passes++;
    if (next.text === output) break;
    output = next.text;
    fixCount += next.applied.length;
    messages = lintText(output, options, rules).messages;
  }
  return { output, changed: output !== text, fixCount, passes, messages };
}
