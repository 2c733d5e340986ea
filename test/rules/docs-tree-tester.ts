/**
 * A RuleTester-style table runner for a rule given as a module, linting each case at its `path` so
 * that the rule sees the docs tree the path belongs to (`runExplicitRuleTests` lints without one).
 * Same tables as `runRuleTests`; `output` is checked by applying the fixes, and the fixed text must
 * be clean for the rule.
 */
import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/engine/rule.js";
import { lintPage } from "../../src/engine/lint.js";
import { buildPage } from "../../src/page/build.js";
import { type DetailedMessage, type RuleTests, applyFixes } from "../helpers.js";

/** Lints `code` at `path` (docs root found from it) with `rule` alone. */
export function lintInTree(rule: Rule, code: string, path?: string): DetailedMessage[] {
  const page = buildPage(code, path !== undefined ? { path } : {});
  return lintPage(page, path !== undefined ? { path } : {}, [rule]).map((m) => ({
    ruleId: m.ruleId ?? null,
    line: m.startPoint.line,
    column: m.startPoint.column,
    endLine: m.endPoint.line,
    endColumn: m.endPoint.column,
    message: m.reason,
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

/** Registers one test per case: valid cases report nothing, invalid cases exactly `errors`. */
export function runTreeRuleTests(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(lintInTree(rule, c.code, c.path)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const actual = lintInTree(rule, c.code, c.path);
        const comparable = actual.map((m, i) => {
          const expected = c.errors[i];
          const { fix, related, ruleId, ...rest } = m;
          expect(ruleId).toBe(rule.meta.id);
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
          expect(lintInTree(rule, c.output, c.path)).toEqual([]);
        }
      });
    });
  });
}
