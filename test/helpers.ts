/**
 * Test helpers: lint markdown through `lintText` and get plain, comparable messages, and a small
 * table-driven runner in the style of ESLint's RuleTester.
 */
import { describe, expect, it } from "vitest";
import { type LintOptions, type LintResult, type RuleSetting, lintText } from "../src/engine/lint.js";
import { rules } from "../rules/index.js";

export interface SimpleMessage {
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface SimpleFix {
  /** Start and end offsets in the page text. */
  range: [number, number];
  text: string;
}

export interface SimpleRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A message with its fix and related locations, for the tests that check those too. */
export interface DetailedMessage extends SimpleMessage {
  fix: SimpleFix | undefined;
  related: SimpleRelated[];
}

export interface LintHelperOptions {
  /** The page's path (namespace by file name, API version, docs root). */
  path?: string;
  /** Severity per rule id. */
  rules?: Record<string, RuleSetting>;
  /** The docs root, overriding the search from `path`. */
  docsRoot?: string;
}

/** Every rule id the linter ships. */
export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

/** A `rules` setting that turns on `ruleId` (at error) and turns every other rule off. */
export function onlyRule(ruleId: string): Record<string, RuleSetting> {
  if (!ruleIds.includes(ruleId)) throw new Error(`unknown rule id: ${ruleId}`);
  return Object.fromEntries(ruleIds.map((id) => [id, id === ruleId ? "error" : "off"]));
}

function toLintOptions(options: LintHelperOptions): LintOptions {
  const out: LintOptions = {};
  if (options.path !== undefined) out.path = options.path;
  if (options.rules !== undefined) out.rules = options.rules;
  if (options.docsRoot !== undefined) out.docsRoot = options.docsRoot;
  return out;
}

/** The full result of `lintText`. */
export function lintResult(markdown: string, options: LintHelperOptions = {}): LintResult {
  return lintText(markdown, toLintOptions(options));
}

export function simplify(result: LintResult): SimpleMessage[] {
  return result.messages.map((m) => ({
    ruleId: m.ruleId ?? null,
    line: m.startPoint.line,
    column: m.startPoint.column,
    endLine: m.endPoint.line,
    endColumn: m.endPoint.column,
    message: m.reason,
  }));
}

/** Lints markdown and returns simplified messages, in the linter's order. */
export function lint(markdown: string, options: LintHelperOptions = {}): SimpleMessage[] {
  return simplify(lintResult(markdown, options));
}

/** Lints markdown with only `ruleId` enabled. */
export function lintWithRule(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): SimpleMessage[] {
  return lint(markdown, { ...options, rules: onlyRule(ruleId) });
}

/** Like `lintWithRule`, with each message's fix and related locations. */
export function lintWithRuleDetailed(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): DetailedMessage[] {
  const result = lintResult(markdown, { ...options, rules: onlyRule(ruleId) });
  return result.messages.map((m, i) => ({
    ...simplify(result)[i]!,
    fix: m.fix ? { range: [m.fix.range.start, m.fix.range.end], text: m.fix.text } : undefined,
    related: m.related.map((r) => ({
      message: r.message,
      line: r.start.line,
      column: r.start.column,
      endLine: r.end.line,
      endColumn: r.end.column,
    })),
  }));
}

/** Applies non-overlapping fixes to a text, last first. */
export function applyFixes(text: string, fixes: SimpleFix[]): string {
  let out = text;
  for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RuleTester-style tables

export interface ExpectedError {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** When given, the message's fix must be exactly this. */
  fix?: SimpleFix;
  /** When given, the message's related locations must be exactly these. */
  related?: SimpleRelated[];
}

export interface ValidCase {
  name: string;
  code: string;
  path?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** When given, the text after applying every fix. */
  output?: string;
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Registers one test per case: valid cases report nothing, invalid cases exactly `errors`. */
export function runRuleTests(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(lintWithRule(ruleId, c.code, pathOption(c))).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const actual = lintWithRuleDetailed(ruleId, c.code, pathOption(c));
        const comparable = actual.map((m, i) => {
          const expected = c.errors[i];
          const { fix, related, ruleId: id, ...rest } = m;
          expect(id).toBe(ruleId);
          return {
            ...rest,
            ...(expected?.fix !== undefined ? { fix } : {}),
            ...(expected?.related !== undefined ? { related } : {}),
          };
        });
        expect(comparable).toEqual(c.errors);
        if (c.output !== undefined) {
          const fixes = actual.flatMap((m) => (m.fix ? [m.fix] : []));
          expect(applyFixes(c.code, fixes)).toBe(c.output);
          // The fixed text is clean for this rule.
          expect(lintWithRule(ruleId, c.output, pathOption(c))).toEqual([]);
        }
      });
    });
  });
}

function pathOption(c: ValidCase): { path?: string } {
  return c.path !== undefined ? { path: c.path } : {};
}

/** Joins lines with LF and ends the text with one. */
export function md(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** The offset of a 1-based line and column in a text with LF line endings. */
export function offsetAt(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) throw new Error(`no line ${line}`);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}
