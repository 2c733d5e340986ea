import { tabGroupStructure } from "../../rules/tab-group-structure.js";
import { expectEveryMessageIdTested, md, runExplicitRuleTests } from "../helpers.js";

const HTTP = ["# [HTTP](#tab/http)", "```http", "GET https://graph.microsoft.com/v1.0/me", "```", ""];
const tab = (title: string, id: string) => [
  `# [${title}](#tab/${id})`,
  `[!INCLUDE [sample-code](../includes/snippets/${id}/get-me-${id}-snippets.md)]`,
  "",
];
const CLOSE = ["---", ""];

runExplicitRuleTests(tabGroupStructure, {
  valid: [
    {
      name: "an HTTP tab and SDK tabs, closed",
      code: md(
        "### Request",
        "",
        ...HTTP,
        ...tab("C#", "csharp"),
        ...tab("JavaScript", "javascript"),
        ...CLOSE,
        "### Response",
      ),
    },
    {
      name: "an HTTP tab alone, closed",
      code: md(...HTTP, ...CLOSE),
    },
    {
      name: "two groups, each closed, with headings between them",
      code: md(
        "## Example 1",
        "",
        ...HTTP,
        ...tab("Java", "java"),
        ...CLOSE,
        "## Example 2",
        "",
        ...HTTP,
        ...tab("Java", "java"),
        ...CLOSE,
        "## See also",
      ),
    },
    {
      name: "a tab id in capitals",
      code: md("# [HTTP](#tab/HTTP)", "```http", "GET /me", "```", "", ...CLOSE),
    },
    {
      name: "a page without tabs",
      code: md("# Get user", "", "## Request", "", "```http", "GET /me", "```", "", "---", "", "## Response"),
    },
  ],
  invalid: [
    {
      name: "a group never closed, to the end of the page",
      code: md(...HTTP, ...tab("C#", "csharp")),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
          messageId: "unclosedToEnd",
          data: { marker: "# [C#](#tab/csharp)" },
        },
      ],
    },
    {
      name: "a group never closed, with sections after it",
      code: md("### Request", "", ...HTTP, "#### Response", "", "```http", "HTTP/1.1 200 OK", "```"),
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
          messageId: "unclosedBeforeHeading",
          data: { marker: "# [HTTP](#tab/http)", heading: "Response", headingLine: 8 },
        },
      ],
    },
    {
      name: "a group of SDK tabs without the HTTP tab",
      code: md("```http", "GET /me", "```", "", ...tab("C#", "csharp"), ...tab("Java", "java"), ...CLOSE),
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 20, messageId: "noHttpTab", data: { title: "C#" } },
      ],
    },
    {
      name: "the HTTP tab after another tab",
      code: md(...tab("Java", "java"), ...HTTP, ...CLOSE),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
          messageId: "httpNotFirst",
          data: { title: "Java", httpLine: 4 },
        },
      ],
    },
    {
      name: "headings inside a closed group",
      code: md(...HTTP, "### Response", "", ...tab("C#", "csharp"), "#### Notes", "", ...CLOSE),
      errors: [
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 13,
          messageId: "headingInside",
          data: { heading: "Response", title: "HTTP", closingLine: 13 },
        },
        {
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 11,
          messageId: "headingInside",
          data: { heading: "Notes", title: "C#", closingLine: 13 },
        },
      ],
    },
    {
      name: "both: not HTTP first, and not closed",
      code: md(...tab("Java", "java")),
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 20, messageId: "noHttpTab", data: { title: "Java" } },
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
          messageId: "unclosedToEnd",
          data: { marker: "# [Java](#tab/java)" },
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(tabGroupStructure);
