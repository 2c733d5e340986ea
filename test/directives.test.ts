/**
 * Inline control comments (`<!-- graph-docs-lint-… -->`), through `lintText`: every form, reasons,
 * unknown rule names, unused directives, and comments inside code fences.
 */
import { describe, expect, it } from "vitest";
import { fixText } from "../src/index.js";
import { type LintOptions, lintText } from "../src/index.js";
import { type SimpleMessage, md as page, simplify } from "./helpers.js";

function findings(text: string, options: LintOptions = {}): SimpleMessage[] {
  return simplify(lintText(text, options));
}

/** `[ruleId, line]` of each finding, in the linter's order. */
function where(text: string, options: LintOptions = {}): Array<[string | null, number]> {
  return findings(text, options).map((f) => [f.ruleId, f.line]);
}

/** A fenced JSON block whose only property line has a trailing comma (on the block's line 3). */
function jsonBlock(): string[] {
  return ["```json", "{", '  "a": 1,', "}", "```"];
}

const TODO = "no-todo-placeholder";
const COMMA = "no-trailing-comma";

describe("without directives", () => {
  it("reports a TODO and a trailing comma (the defects the tests below suppress)", () => {
    const text = page("# Title", "", "TODO one", "", ...jsonBlock());
    expect(where(text)).toEqual([
      [TODO, 3],
      [COMMA, 7],
    ]);
  });
});

describe("disable … enable", () => {
  it("disables the named rules between disable and enable", () => {
    const text = page(
      "# Title", // 1
      "",
      `<!-- graph-docs-lint-disable ${TODO} ${COMMA} -->`, // 3
      "",
      "TODO inside", // 5
      "",
      ...jsonBlock(), // 7-11, comma on 9
      "",
      "<!-- graph-docs-lint-enable -->", // 13
      "",
      "TODO after", // 15
      "",
      ...jsonBlock(), // 17-21, comma on 19
    );
    expect(where(text)).toEqual([
      [TODO, 15],
      [COMMA, 19],
    ]);
  });

  it("disables only the rules named, not others", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable ${COMMA} -->`,
      "",
      "TODO inside", // 5
      "",
      ...jsonBlock(), // comma on 9
    );
    expect(where(text)).toEqual([[TODO, 5]]);
  });

  it("accepts rule names separated by commas", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable ${TODO}, ${COMMA} -->`,
      "",
      "TODO inside",
      "",
      ...jsonBlock(),
    );
    expect(where(text)).toEqual([]);
  });

  it("disables every rule when no rule is named, until the end of the page", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable -->",
      "",
      "TODO inside",
      "",
      ...jsonBlock(),
    );
    expect(where(text)).toEqual([]);
  });

  it("does not reach back: findings before the disable stand", () => {
    const text = page("# Title", "", "TODO before", "", "<!-- graph-docs-lint-disable -->", "", "TODO after");
    expect(where(text)).toEqual([[TODO, 3]]);
  });

  it("after disabling all rules, enabling one rule reports that rule only", () => {
    const text = page(
      "# Title", // 1
      "",
      "<!-- graph-docs-lint-disable -->", // 3
      "",
      "TODO suppressed", // 5
      "",
      `<!-- graph-docs-lint-enable ${TODO} -->`, // 7
      "",
      "TODO reported", // 9
      "",
      ...jsonBlock(), // comma on 13: still disabled
    );
    expect(where(text)).toEqual([[TODO, 9]]);
  });

  it("enabling one named rule leaves the other named rules disabled", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable ${TODO} ${COMMA} -->`,
      `<!-- graph-docs-lint-enable ${COMMA} -->`, // 4
      "",
      "TODO suppressed", // 6
      "",
      ...jsonBlock(), // comma on 10: enabled again
    );
    expect(where(text)).toEqual([[COMMA, 10]]);
  });

  it("can disable again after an enable", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable ${TODO} -->`,
      "TODO a", // 4
      `<!-- graph-docs-lint-enable ${TODO} -->`,
      "",
      "TODO b", // 7
      "",
      `<!-- graph-docs-lint-disable ${TODO} -->`,
      "TODO c", // 10
    );
    expect(where(text)).toEqual([[TODO, 7]]);
  });
});

describe("disable-next-line", () => {
  it("disables the line after the comment only", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-next-line -->",
      "TODO suppressed", // 4
      "TODO reported", // 5
    );
    expect(where(text)).toEqual([[TODO, 5]]);
  });

  it("disables only the named rule on the next line", () => {
    const prose = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable-next-line ${COMMA} -->`,
      "TODO reported", // 4
    );
    expect(where(prose)).toEqual([[TODO, 4]]);
  });

  it("applies to the line after the end of a comment spanning several lines", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-next-line", // 3
      TODO, // 4
      "-->", // 5
      "TODO suppressed", // 6
      "TODO reported", // 7
    );
    expect(where(text)).toEqual([[TODO, 7]]);
  });

  it("disables a trailing comma on the line after it in an annotation", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable-next-line ${COMMA} -->`,
      '<!-- { "blockType": "ignored", } -->', // 4
      "",
      '<!-- { "blockType": "ignored", } -->', // 6
    );
    expect(where(text)).toEqual([[COMMA, 6]]);
  });
});

describe("disable-line", () => {
  it("disables the line the comment is on", () => {
    const text = page(
      "# Title",
      "",
      "TODO suppressed <!-- graph-docs-lint-disable-line -->", // 3
      "TODO reported", // 4
    );
    expect(where(text)).toEqual([[TODO, 4]]);
  });

  it("disables findings before and after the comment on its line", () => {
    const text = page("# Title", "", `TODO a <!-- graph-docs-lint-disable-line ${TODO} --> TODO b`, "TODO c");
    expect(where(text)).toEqual([[TODO, 4]]);
  });

  it("disables only the named rules", () => {
    const text = page("# Title", "", `TODO reported <!-- graph-docs-lint-disable-line ${COMMA} -->`);
    expect(where(text)).toEqual([[TODO, 3]]);
  });

  it("disables every line a multi-line comment spans, and no other", () => {
    const text = page(
      "# Title", // 1
      "",
      "TODO before", // 3
      "TODO first <!-- graph-docs-lint-disable-line", // 4
      `${TODO}`, // 5
      "--> TODO last", // 6
      "TODO after", // 7
    );
    expect(where(text)).toEqual([
      [TODO, 3],
      [TODO, 7],
    ]);
  });
});

describe("disable-file", () => {
  it("disables every rule in the whole page, before and after the comment", () => {
    const text = page(
      "# Title",
      "",
      "TODO before",
      "",
      "<!-- graph-docs-lint-disable-file -->",
      "",
      "TODO after",
      "",
      ...jsonBlock(),
    );
    expect(where(text)).toEqual([]);
  });

  it("disables only the named rule in the whole page", () => {
    const text = page(
      "# Title",
      "",
      "TODO before", // 3
      "",
      ...jsonBlock(), // comma on 7
      "",
      `<!-- graph-docs-lint-disable-file ${TODO} -->`,
      "",
      "TODO after",
    );
    expect(where(text)).toEqual([[COMMA, 7]]);
  });

  it("an enable does not undo a disable-file", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-file -->",
      "<!-- graph-docs-lint-enable -->",
      "TODO",
    );
    expect(where(text)).toEqual([]);
  });
});

describe("reasons after ` -- `", () => {
  it.each([
    ["disable", `<!-- graph-docs-lint-disable ${TODO} -- legacy page, tracked in #12 -->`, "TODO x"],
    [
      "disable-next-line",
      `<!-- graph-docs-lint-disable-next-line ${TODO} -- placeholder kept on purpose -->`,
      "TODO x",
    ],
    ["disable-file", `<!-- graph-docs-lint-disable-file ${TODO} -- generated page -->`, "TODO x"],
  ])("%s: the reason is not read as rule names", (_kind, directive, line) => {
    const text = page("# Title", "", directive, line);
    expect(findings(text)).toEqual([]);
  });

  it("disable-line: the reason is not read as rule names", () => {
    const text = page("# Title", "", `TODO x <!-- graph-docs-lint-disable-line ${TODO} -- see the issue -->`);
    expect(findings(text)).toEqual([]);
  });

  it("a directive with a reason and no rule names disables every rule", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable -- migrated page -->",
      "TODO",
      "",
      ...jsonBlock(),
    );
    expect(findings(text)).toEqual([]);
  });

  it("a reason does not hide the rule names before it (the rule not named stays enabled)", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable ${COMMA} -- because ${TODO} -->`,
      "TODO x",
    );
    expect(where(text)).toEqual([[TODO, 4]]);
  });
});

describe("unknown rule names", () => {
  it("reports each unknown name with no rule id at the name's exact position", () => {
    const directive = "<!-- graph-docs-lint-disable no-such-rule no-todo-placeholder other-rule -->";
    const text = page("# Title", "", directive, "TODO");
    const col = (name: string) => directive.indexOf(name) + 1;
    expect(findings(text)).toEqual([
      {
        ruleId: null,
        line: 3,
        column: col("no-such-rule"),
        endLine: 3,
        endColumn: col("no-such-rule") + "no-such-rule".length,
        message: 'Unknown rule "no-such-rule" in a graph-docs-lint-disable directive.',
      },
      {
        ruleId: null,
        line: 3,
        column: col("other-rule"),
        endLine: 3,
        endColumn: col("other-rule") + "other-rule".length,
        message: 'Unknown rule "other-rule" in a graph-docs-lint-disable directive.',
      },
    ]);
    // The known rule in the same directive still disables its findings (the TODO on line 4).
  });

  it("gives the position on the right line in a comment spanning several lines", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-next-line",
      "   bogus-rule",
      "-->",
      "Text",
    );
    expect(findings(text)).toEqual([
      {
        ruleId: null,
        line: 4,
        column: 4,
        endLine: 4,
        endColumn: 4 + "bogus-rule".length,
        message: 'Unknown rule "bogus-rule" in a graph-docs-lint-disable-next-line directive.',
      },
    ]);
  });

  it("reports unknown names in every directive kind, and counts them as errors", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-enable nope-a -->",
      "Text <!-- graph-docs-lint-disable-line nope-b -->",
      "<!-- graph-docs-lint-disable-file nope-c -->",
    );
    const result = lintText(text);
    expect(result.messages.map((m) => [m.ruleId, m.reason, m.severity])).toEqual([
      [undefined, 'Unknown rule "nope-a" in a graph-docs-lint-enable directive.', 2],
      [undefined, 'Unknown rule "nope-b" in a graph-docs-lint-disable-line directive.', 2],
      [undefined, 'Unknown rule "nope-c" in a graph-docs-lint-disable-file directive.', 2],
    ]);
    expect(result.errorCount).toBe(3);
  });

  it("does not read the reason as unknown rule names", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-next-line -- not-a-rule at all -->",
      "TODO",
    );
    expect(findings(text)).toEqual([]);
  });

  it("an unknown-rule finding cannot itself be disabled", () => {
    const text = page(
      "# Title",
      "",
      "<!-- graph-docs-lint-disable-file -->",
      "<!-- graph-docs-lint-disable nope -->",
    );
    expect(where(text)).toEqual([[null, 4]]);
  });
});

describe("reportUnusedDisableDirectives", () => {
  const unused = { reportUnusedDisableDirectives: true };

  it("reports directives that suppress nothing, at the directive, and not the ones that do", () => {
    const text = page(
      "# Title", // 1
      "",
      `<!-- graph-docs-lint-disable-next-line ${TODO} -->`, // 3: used
      "TODO suppressed", // 4
      `<!-- graph-docs-lint-disable-next-line ${COMMA} -->`, // 5: unused
      "Plain text.", // 6
      "Text <!-- graph-docs-lint-disable-line -->", // 7: unused
      `<!-- graph-docs-lint-disable ${COMMA} -->`, // 8: used
      "",
      ...jsonBlock(), // 10-14, comma on 12
      "",
      "<!-- graph-docs-lint-enable -->", // 16: an enable is never "unused"
    );
    const line5 = `<!-- graph-docs-lint-disable-next-line ${COMMA} -->`;
    expect(findings(text, unused)).toEqual([
      {
        ruleId: null,
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: line5.length + 1,
        message: `Unused graph-docs-lint-disable-next-line directive (no problems from ${COMMA}).`,
      },
      {
        ruleId: null,
        line: 7,
        column: 6,
        endLine: 7,
        endColumn: "Text <!-- graph-docs-lint-disable-line -->".length + 1,
        message: "Unused graph-docs-lint-disable-line directive.",
      },
    ]);
  });

  it("is off by default", () => {
    const text = page("# Title", "", "<!-- graph-docs-lint-disable-file -->", "Nothing to suppress.");
    expect(findings(text)).toEqual([]);
    expect(where(text, unused)).toEqual([[null, 3]]);
  });

  it("reports a disable-file that suppresses nothing, and not one that does", () => {
    const text = page(
      "# Title",
      "",
      `<!-- graph-docs-lint-disable-file ${COMMA} -->`, // 3: unused
      `<!-- graph-docs-lint-disable-file ${TODO} -->`, // 4: used
      "TODO",
    );
    expect(findings(text, unused).map((f) => [f.line, f.message])).toEqual([
      [3, `Unused graph-docs-lint-disable-file directive (no problems from ${COMMA}).`],
    ]);
  });

  it("offers a fix that removes the unused directive, with its line when it stands alone", () => {
    const directive = "<!-- graph-docs-lint-disable-next-line -->";
    const text = page("# Title", "", directive, "Clean line.");
    const [message] = lintText(text, unused).messages;
    const start = text.indexOf(directive);
    expect(message?.fix?.text).toBe("");
    expect([message?.fix?.range.start, message?.fix?.range.end]).toEqual([
      start,
      start + directive.length + 1,
    ]);
    const fixed = fixText(text, unused);
    expect(fixed.output).toBe(page("# Title", "", "Clean line."));
    expect(fixed.messages).toEqual([]);
  });

  it("removes only the comment when the directive shares its line with text", () => {
    const text = page("# Title", "", "Clean text. <!-- graph-docs-lint-disable-line -->", "More.");
    expect(fixText(text, unused).output).toBe(page("# Title", "", "Clean text. ", "More."));
  });

  it("a directive whose findings are already off by configuration is unused", () => {
    const text = page("# Title", "", `<!-- graph-docs-lint-disable-next-line ${TODO} -->`, "TODO");
    expect(where(text, { ...unused, rules: { [TODO]: "off" } })).toEqual([[null, 3]]);
    expect(where(text, unused)).toEqual([]);
  });
});

describe("comments inside code fences", () => {
  it("are not directives: the findings of the page stand", () => {
    const text = page(
      "# Title",
      "",
      "```html",
      "<!-- graph-docs-lint-disable-file -->",
      "<!-- graph-docs-lint-disable -->",
      "```",
      "",
      "TODO reported", // 8
    );
    expect(where(text)).toEqual([[TODO, 8]]);
  });

  it("a disable-next-line inside a fence does not disable the line after it", () => {
    const text = page(
      "# Title",
      "",
      "```json",
      "{",
      "<!-- graph-docs-lint-disable-next-line -->",
      '  "a": 1,', // 6
      "}",
      "```",
    );
    expect(where(text)).toEqual([
      ["json-valid", 5],
      [COMMA, 6],
    ]);
  });

  it("are neither unknown-rule nor unused-directive findings", () => {
    const text = page("# Title", "", "```md", "<!-- graph-docs-lint-disable not-a-rule -->", "```");
    expect(findings(text, { reportUnusedDisableDirectives: true })).toEqual([]);
  });

  it("in an indented code block are not directives either", () => {
    const text = page("# Title", "", "    <!-- graph-docs-lint-disable-file -->", "", "TODO reported");
    expect(where(text)).toEqual([[TODO, 5]]);
  });
});
