import { describe, expect, it } from "vitest";
import { emptyDocsIndex } from "../../src/docset/index.js";
import { lintPage } from "../../src/engine/lint.js";
import { createRule, interpolate, optionsFor, ruleDocsUrl } from "../../src/engine/rule.js";
import { buildPage } from "../../src/page/build.js";
import { rules } from "../../rules/index.js";

describe("interpolate", () => {
  it.each([
    ['"{{value}}" is not {{type}}.', { value: "x", type: "fooType" }, '"x" is not fooType.'],
    ["line {{ line }}", { line: 12 }, "line 12"],
    ["{{missing}} stays", { other: "y" }, "{{missing}} stays"],
    ["no placeholders", undefined, "no placeholders"],
    ["{{a}}", { a: "$& and {{b}}", b: "not twice" }, "$& and {{b}}"],
  ])("%s with %j → %s", (template, data, expected) => {
    expect(interpolate(template, data)).toBe(expected);
  });
});

describe("createRule", () => {
  const rule = createRule({
    id: "sample-rule",
    description: "A rule for the tests",
    messages: { found: "Found {{what}}.", related: "Here" },
    defaultOptions: { limit: 2, strict: false },
    check({ page, options, report }) {
      const heading = page.headings[0];
      if (!heading || page.headings.length <= options.limit) return;
      report({
        messageId: "found",
        data: { what: `${page.headings.length} headings` },
        range: heading,
        related: [{ messageId: "related", range: page.headings[1]! }],
      });
    },
  });

  it("fills in the defaults and derives the docs URL from the id", () => {
    expect(rule.meta).toMatchObject({
      id: "sample-rule",
      defaultSeverity: "error",
      fixable: false,
      docs: ruleDocsUrl("sample-rule"),
      schema: undefined,
    });
  });

  it("runs with its default options, overridden key by key by the configuration's", () => {
    expect(optionsFor(rule, undefined)).toEqual({ limit: 2, strict: false });
    expect(optionsFor(rule, { limit: 5 })).toEqual({ limit: 5, strict: false });
    const page = buildPage("# a\n\n## b\n\n## c\n");
    expect(lintPage(page, { docs: emptyDocsIndex }, [rule]).map((m) => m.reason)).toEqual([
      "Found 3 headings.",
    ]);
    const configured = { docs: emptyDocsIndex, ruleOptions: { "sample-rule": { limit: 3 } } };
    expect(lintPage(page, configured, [rule])).toEqual([]);
  });

  it("gives each message its id, data and related messages", () => {
    const [message] = lintPage(buildPage("# a\n\n## b\n\n## c\n"), { docs: emptyDocsIndex }, [rule]);
    expect(message?.messageId).toBe("found");
    expect(message?.data).toEqual({ what: "3 headings" });
    expect(message?.related.map((r) => [r.message, r.start.line])).toEqual([["Here", 3]]);
  });
});

describe("the shipped rules", () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))("%s declares its messages and docs", (_id, rule) => {
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.docs).toBe(ruleDocsUrl(rule.meta.id));
    for (const template of Object.values<string>(rule.meta.messages)) expect(template.trim()).not.toBe("");
  });
});
