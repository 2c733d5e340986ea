/**
 * A RuleTester-style table runner for a rule given as a module rather than by id, so that a rule
 * can be tested before it is registered in rules/index.ts. Same tables as `runRuleTests`.
 */
import { describe, expect, it } from "vitest";
import { emptyDocsIndex } from "../../src/docset/index.js";
import type { Rule } from "../../src/engine/rule.js";
import { lintPage } from "../../src/engine/lint.js";
import { buildPage } from "../../src/page/build.js";
import type { DetailedMessage, RuleTests } from "../helpers.js";

/** Lints `code` with `rule` alone (no docs tree) and returns the messages with fixes and related places. */
export function lintWith(rule: Rule, code: string, path?: string): DetailedMessage[] {
  const page = buildPage(code, path !== undefined ? { path } : {});
  return lintPage(page, { docs: emptyDocsIndex }, [rule]).map((m) => ({
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
export function runExplicitRuleTests(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(lintWith(rule, c.code, c.path)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const actual = lintWith(rule, c.code, c.path);
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
      });
    });
  });
}
