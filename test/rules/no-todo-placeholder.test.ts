import { describe, expect, it } from "vitest";
import { noTodoPlaceholder } from "../../rules/no-todo-placeholder.js";
import { expectEveryMessageIdTested, lintWithRule, md, runRuleTests } from "../helpers.js";

const RULE = "no-todo-placeholder";
/** A TODO placeholder, named by its first sentence. */
const todo = (placeholder: string) => ({ messageId: "todo", data: { placeholder } });

runRuleTests(RULE, {
  valid: [
    {
      name: "a finished page",
      code: md(
        "---",
        'title: "Create widget"',
        'author: "someone"',
        "---",
        "",
        "# Create widget",
        "",
        "Namespace: microsoft.graph",
        "",
        "[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]",
        "",
        "|Permission type|Permissions|",
        "|:---|:---|",
        "|Application|Widget.ReadWrite.All|",
      ),
    },
    {
      name: "TODO inside an HTML comment",
      code: md("# Create widget", "", "<!-- TODO: write the introduction -->", "", "Creates a widget."),
    },
    {
      name: "TODO inside a multi-line HTML comment",
      code: md(
        "# Create widget",
        "",
        "<!--",
        "  TODO: check the permissions",
        "  <TODO>",
        "-->",
        "",
        "Text.",
      ),
    },
    {
      name: "TODO inside an inline comment in a paragraph and in a table cell",
      code: md(
        "# Create widget",
        "",
        "Creates a widget. <!-- TODO: more --> Done.",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|name|String|The name. <!-- **TODO: Add Description** -->|",
      ),
    },
    {
      name: "TODO inside an annotation",
      code: md(
        '<!-- { "blockType": "request", "name": "TODO" } -->',
        "```http",
        "GET https://graph.microsoft.com/v1.0/me/todo/lists",
        "```",
      ),
    },
    {
      name: 'lower-case "todo", the To Do API and todoTask',
      code: md(
        "# Create todoTask",
        "",
        "Create a [todoTask](../resources/todotask.md) in Microsoft To Do. See the todo list.",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|task|todoTask|A todo item.|",
      ),
    },
  ],
  invalid: [
    {
      name: "bare TODO as a front matter value",
      code: md("---", 'title: "Create widget"', "author: TODO", "---", "", "# Create widget"),
      errors: [{ line: 3, column: 9, endLine: 3, endColumn: 13, ...todo("TODO") }],
    },
    {
      name: "bold TODO placeholder in a quoted front matter value, named by its first sentence",
      code: md(
        "---",
        'ms.prod: "**TODO: Add MS prod. See [reference](https://example.com/metadata.html#topic)**"',
        "---",
        "",
        "# Create widget",
      ),
      errors: [{ line: 2, column: 11, endLine: 2, endColumn: 90, ...todo("TODO: Add MS prod.") }],
    },
    {
      name: "bold TODO placeholders in table cells",
      code: md(
        "# Create widget",
        "",
        "|Permission type|Permissions (from least to most privileged)|",
        "|:---|:---|",
        "|Delegated (work or school account)|**TODO: Provide applicable permissions.**|",
        "|Application|**TODO: Provide applicable permissions.**|",
      ),
      errors: [
        { line: 5, column: 37, endLine: 5, endColumn: 78, ...todo("TODO: Provide applicable permissions.") },
        { line: 6, column: 14, endLine: 6, endColumn: 55, ...todo("TODO: Provide applicable permissions.") },
      ],
    },
    {
      name: "bold TODO before possible values in a description cell",
      code: md(
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|type|identityType|**TODO: Add Description**. Possible values are: `user`, `group`.|",
      ),
      errors: [{ line: 3, column: 20, endLine: 3, endColumn: 45, ...todo("TODO: Add Description") }],
    },
    {
      name: "bare TODO and <TODO> in body text",
      code: md("# Create widget", "", "This API TODO. Set the id to <TODO>."),
      errors: [
        { line: 3, column: 10, endLine: 3, endColumn: 14, ...todo("TODO") },
        { line: 3, column: 30, endLine: 3, endColumn: 36, ...todo("<TODO>") },
      ],
    },
    {
      name: "TODO right after an HTML comment on the same line",
      code: md("# Create widget", "", "<!-- hidden --> TODO: visible"),
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 21, ...todo("TODO") }],
    },
    {
      name: "TODO in a heading and in a list item",
      code: md("# Create widget TODO", "", "- **TODO** item"),
      errors: [
        { line: 1, column: 17, endLine: 1, endColumn: 21, ...todo("TODO") },
        { line: 3, column: 3, endLine: 3, endColumn: 11, ...todo("TODO") },
      ],
    },
    {
      name: "columns count UTF-16 code units after non-ASCII text",
      code: md("# 创建 widget", "", "😀 é TODO"),
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 10, ...todo("TODO") }],
    },
  ],
});

expectEveryMessageIdTested(noTodoPlaceholder);

describe(`${RULE}: HTML comments nested in inline markup`, () => {
  // Bug: src/page/build.ts records inline HTML comments only when they are direct children of a
  // paragraph (onParagraph → onInlineHtml); comments inside a heading, emphasis or link text are
  // not added to page.comments, so their text counts as visible and a TODO inside is reported.
  it("does not report TODO in a comment inside a heading", () => {
    expect(lintWithRule(RULE, md("# Create widget", "", "## Properties <!-- TODO: more -->"))).toEqual([]);
  });
  it("does not report TODO in a comment inside bold text", () => {
    expect(lintWithRule(RULE, md("# Create widget", "", "Some **bold <!-- TODO: x --> text**."))).toEqual([]);
  });
  it("the same comment directly in a paragraph is hidden", () => {
    expect(lintWithRule(RULE, md("# Create widget", "", "Some bold <!-- TODO: x --> text."))).toEqual([]);
  });
});
