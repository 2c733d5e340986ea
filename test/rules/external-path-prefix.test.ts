import { externalPathPrefix } from "../../rules/external-path-prefix.js";
import { expectEveryMessageIdTested, md, offsetAt, runRuleTests } from "../helpers.js";

const RULE = "external-path-prefix";
/** A request path (as written after the host and version) that lacks "/external". */
const missingPrefix = (path: string) => ({ messageId: "missingPrefix", data: { path } });
/** The fix that inserts "/external" at line:column. */
const insertAt = (code: string, line: number, column: number) => {
  const at = offsetAt(code, line, column);
  return { range: [at, at] as [number, number], text: "/external" };
};

const syntaxBlock = md(
  "# Create externalGroupMember",
  "Namespace: microsoft.graph.externalConnectors",
  "",
  "## HTTP request",
  "",
  "<!-- {",
  '  "blockType": "ignored"',
  "}",
  "-->",
  "``` http",
  "POST /connections/{connectionsId}/groups/{externalGroupId}/members",
  "```",
);

const absoluteUrl = md(
  "Namespace: microsoft.graph.externalConnectors",
  "",
  "# [HTTP](#tab/http)",
  '<!-- { "blockType": "request", "name": "create_member" } -->',
  "```http",
  "POST https://graph.microsoft.com/beta/connections/contosohr/groups/g1/members",
  "Content-Type: application/json",
  "",
  '{ "id": "u1" }',
  "```",
  "",
  "# [C#](#tab/csharp)",
  "[!INCLUDE [sample-code](../includes/snippets/csharp/create-member-csharp-snippets.md)]",
  "",
  "---",
);

const byFileName = md("# List connections", "", "```http", "GET /connections?$top=10", "```");

const byOdataType = md(
  "# Get externalItem",
  "",
  '<!-- { "blockType": "request", "name": "get_item" } -->',
  "```http",
  "GET https://graph.microsoft.com/v1.0/connections/c1/items/i1",
  "```",
  "",
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.externalConnectors.externalItem" } -->',
  "```http",
  "HTTP/1.1 200 OK",
  "```",
);

const severalLines = md(
  "Namespace: microsoft.graph.externalconnectors",
  "",
  "```http",
  "GET /connections/{connectionId}",
  "GET /external/connections/{connectionId}/items",
  "PATCH /connections/{connectionId}/schema",
  "```",
);

const functionCall = md(
  "Namespace: microsoft.graph.externalConnectors",
  "",
  "```msgraph-interactive",
  "GET https://graph.microsoft.com/v1.0/connections('c1')",
  "```",
);

runRuleTests(RULE, {
  valid: [
    {
      name: "already under /external/connections",
      code: md(
        "Namespace: microsoft.graph.externalConnectors",
        "",
        "```http",
        "POST /external/connections/{connectionsId}/groups",
        "POST https://graph.microsoft.com/v1.0/external/connections/c1/items",
        "```",
      ),
    },
    {
      name: "a page outside the externalConnectors namespace",
      code: md(
        "# Get connection",
        "",
        "Namespace: microsoft.graph",
        "",
        "```http",
        "GET /connections/c1",
        "```",
      ),
    },
    {
      name: "a file name outside the namespace",
      path: "api/connections-list.md",
      code: md("```http", "GET /connections", "```"),
    },
    {
      name: "paths that only look alike",
      code: md(
        "Namespace: microsoft.graph.externalConnectors",
        "",
        "```http",
        "GET /connectionsOverview",
        "GET /me/connections",
        "GET https://graph.microsoft.com/v1.0/admin/connections",
        "```",
      ),
    },
    {
      name: "a response is not a request",
      path: "api/externalconnectors-connection-get.md",
      code: md(
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Type: application/json",
        "",
        '{ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#connections/$entity" }',
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "a syntax block on a page whose namespace line is externalConnectors",
      code: syntaxBlock,
      errors: [
        {
          line: 11,
          column: 6,
          endLine: 11,
          endColumn: 18,
          ...missingPrefix("/connections/{connectionsId}/groups/{externalGroupId}/members"),
          fix: insertAt(syntaxBlock, 11, 6),
        },
      ],
      output: syntaxBlock.replace("POST /connections", "POST /external/connections"),
    },
    {
      name: "an absolute URL with a version, in a DocFX tab",
      code: absoluteUrl,
      errors: [
        {
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 50,
          ...missingPrefix("/connections/contosohr/groups/g1/members"),
          fix: insertAt(absoluteUrl, 6, 38),
        },
      ],
      output: absoluteUrl.replace("/beta/connections", "/beta/external/connections"),
    },
    {
      name: "a page in the namespace by its file name",
      path: "api/externalconnectors-foo.md",
      code: byFileName,
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 17,
          ...missingPrefix("/connections?$top=10"),
          fix: insertAt(byFileName, 4, 5),
        },
      ],
      output: byFileName.replace("GET /connections", "GET /external/connections"),
    },
    {
      name: "a page in the namespace by its file name, Windows separators",
      path: "docs\\api-reference\\beta\\api\\ExternalConnectors-foo.md",
      code: byFileName,
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 17,
          ...missingPrefix("/connections?$top=10"),
          fix: insertAt(byFileName, 4, 5),
        },
      ],
    },
    {
      name: "a page in the namespace by an annotation's @odata.type",
      code: byOdataType,
      errors: [
        {
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 49,
          ...missingPrefix("/connections/c1/items/i1"),
          fix: insertAt(byOdataType, 5, 37),
        },
      ],
      output: byOdataType.replace("v1.0/connections", "v1.0/external/connections"),
    },
    {
      name: "each bare request line of a syntax block (namespace in lower case)",
      code: severalLines,
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 17,
          ...missingPrefix("/connections/{connectionId}"),
          fix: insertAt(severalLines, 4, 5),
        },
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 19,
          ...missingPrefix("/connections/{connectionId}/schema"),
          fix: insertAt(severalLines, 6, 7),
        },
      ],
      output: severalLines
        .replace("GET /connections/{connectionId}\n", "GET /external/connections/{connectionId}\n")
        .replace("PATCH /connections", "PATCH /external/connections"),
    },
    {
      name: "a key segment right after connections, in a msgraph-interactive block",
      code: functionCall,
      errors: [
        {
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 49,
          ...missingPrefix("/connections('c1')"),
          fix: insertAt(functionCall, 4, 37),
        },
      ],
      output: functionCall.replace("v1.0/connections", "v1.0/external/connections"),
    },
  ],
});

expectEveryMessageIdTested(externalPathPrefix);
