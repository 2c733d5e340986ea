import { join } from "node:path";
import { describe } from "vitest";
import { externalPathPrefix } from "../../rules/external-path-prefix.js";
import {
  expectEveryMessageIdTested,
  md,
  offsetAt,
  runRuleTests,
  runTreeRuleTests,
  tempDocsTree,
} from "../helpers.js";

const RULE = "external-path-prefix";
/** A request path (as written after the host and version) that lacks "/external". */
const missingPrefix = (path: string) => ({ messageId: "missingPrefix" as const, data: { path } });
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

// ---------------------------------------------------------------------------------------------
// In a docs tree: what the tree documents decides, whatever the page's namespace line says

/** A request path the tree documents under "/external" (`documented`, in `file`). */
const documentedAs = (path: string, documented: string, file: string) => ({
  messageId: "documentedUnderExternal" as const,
  data: { path, documented, file },
});

/** An API page whose "HTTP request" section documents `templates` (English heading, or translated). */
const syntaxPage = (templates: string[], heading = "## HTTP request") =>
  md(
    "# Title",
    "",
    heading,
    "",
    '<!-- { "blockType": "ignored" } -->',
    "```http",
    ...templates,
    "```",
    "",
    "## Response",
  );

/** An old connector page: `Namespace: microsoft.graph`, a bare template and a bare example. */
const oldPage = md(
  "# Update externalItem",
  "",
  "Namespace: microsoft.graph",
  "",
  "## HTTP request",
  "",
  '<!-- { "blockType": "ignored" } -->',
  "```http",
  "PUT /connections/{id}/items/{id}",
  "```",
  "",
  "## Example",
  "",
  '<!-- { "blockType": "request", "name": "update_externalitem" } -->',
  "```http",
  "PUT https://graph.microsoft.com/beta/connections/contosohr/items/TSP228082938",
  "Content-Type: application/json",
  "",
  '{ "content": { "value": "Error in payment gateway", "type": "text" } }',
  "```",
);
const oldPageFixed = oldPage
  .replace("PUT /connections", "PUT /external/connections")
  .replace("beta/connections", "beta/external/connections");

/** The same page translated: the headings keep their English anchors. */
const translatedOldPage = oldPage
  .replace("## HTTP request", '## <a name="http-request"></a>HTTP 请求')
  .replace("## Example", '## <a name="example"></a>示例');

const PUT_ITEM = "PUT /external/connections/{connectionsId}/items/{externalItemId}";
const UPDATE_PAGE = "api/externalconnectors-externalitem-update.md";

/** The two findings of oldPage when the tree documents PUT_ITEM in `file`. */
const oldPageErrors = (file: string) => [
  {
    line: 9,
    column: 5,
    endLine: 9,
    endColumn: 17,
    ...documentedAs("/connections/{id}/items/{id}", PUT_ITEM, file),
    fix: insertAt(oldPage, 9, 5),
  },
  {
    line: 16,
    column: 37,
    endLine: 16,
    endColumn: 49,
    ...documentedAs("/connections/contosohr/items/TSP228082938", PUT_ITEM, file),
    fix: insertAt(oldPage, 16, 37),
  },
];

describe("external-path-prefix in a docs tree", () => {
  const tree = tempDocsTree("gdl-external-", {
    // File order puts the GET page first: the PUT page is named for a PUT request.
    "api/externalconnectors-externalitem-get.md": syntaxPage([
      "GET /external/connections/{connection-id}/items/{item-id}",
    ]),
    [UPDATE_PAGE]: syntaxPage([PUT_ITEM]),
    "api/externalconnectors-externalconnection-get.md": syntaxPage(["GET /external/connections/{id}"]),
    "api/externalconnectors-externalconnection-list.md": syntaxPage(["GET /external/connections"]),
    // A stale connector page of the tree documents a path without "/external": not evidence.
    "api/externalconnectors-schema-get.md": syntaxPage([
      "GET /external/connections/{id}/schema",
      "GET /connections/{connectionsId}/schema",
    ]),
    // The old page is in the tree too: its own bare template does not silence it.
    "api/externalitem-update.md": oldPage,
    "api/user-get.md": syntaxPage(["GET /me", "GET /users/{id | userPrincipalName}"]),
  });
  const api = (file: string) => join(tree, "api", file);

  // The same tree in Chinese: only the anchors of its headings are English.
  const translatedTree = tempDocsTree("gdl-external-zh-", {
    [UPDATE_PAGE]: syntaxPage([PUT_ITEM], '## <a name="http-request"></a>HTTP 请求'),
  });

  // A tree that also documents the items path without "/external", on a page that is not a
  // connector page: the tree contradicts itself, and only the page's own signals can decide.
  const bareTree = tempDocsTree("gdl-external-bare-", {
    [UPDATE_PAGE]: syntaxPage([PUT_ITEM]),
    "api/connection-items.md": syntaxPage(["GET /connections/{connectionId}/items/{itemId}"]),
  });

  const operationPage = md(
    "# Get connectionOperation",
    "",
    "## HTTP request",
    "",
    "```http",
    "GET /external/connections/{connection-id}/operations/{operation-id}",
    "```",
    "",
    "## Example",
    "",
    "```http",
    "GET https://graph.microsoft.com/beta/connections/contosohr/operations/op1",
    "```",
  );
  const keyInParentheses = md(
    "# Get connection",
    "",
    "```http",
    "GET https://graph.microsoft.com/v1.0/connections('contosohr')",
    "```",
  );
  const withQuery = md("# List connections", "", "```http", "GET /connections?$top=10", "```");
  const connectorPageInBareTree = md(
    "# Get externalItem",
    "",
    "Namespace: microsoft.graph.externalConnectors",
    "",
    "```http",
    "GET /connections/{connectionId}/items/{itemId}",
    "```",
  );
  const undocumentedOnConnectorPage = md(
    "# Create widget",
    "",
    "Namespace: microsoft.graph.externalConnectors",
    "",
    "```http",
    "POST /connections/{id}/widgets",
    "```",
  );

  runTreeRuleTests(externalPathPrefix, {
    valid: [
      {
        name: "a /connections path of an API the tree does not document",
        path: api("widget-create.md"),
        code: md(
          "# Create widget",
          "",
          "Namespace: microsoft.graph",
          "",
          "```http",
          "POST /connections/{id}/widgets",
          "```",
        ),
      },
      {
        name: "a path the tree documents under /external, but with another number of segments",
        path: api("externalitem-list.md"),
        code: md("```http", "GET /connections/{id}/items/{id}/activities", "```"),
      },
      {
        name: "an old page in a tree that also documents the path without /external (not a connector page)",
        path: join(bareTree, "api", "externalitem-update.md"),
        code: oldPage,
      },
      {
        name: "the fixed old page",
        path: api("externalitem-update.md"),
        code: oldPageFixed,
      },
    ],
    invalid: [
      {
        name: "an old page (namespace microsoft.graph, old file name) whose paths the tree documents under /external",
        path: api("externalitem-update.md"),
        code: oldPage,
        errors: oldPageErrors(UPDATE_PAGE),
        output: oldPageFixed,
      },
      {
        name: "the old page, translated, in a translated tree",
        path: join(translatedTree, "api", "externalitem-update.md"),
        code: translatedOldPage,
        errors: oldPageErrors(UPDATE_PAGE).map((e) => ({
          ...e,
          fix: insertAt(translatedOldPage, e.line, e.column),
        })),
      },
      {
        name: "an example the page's own HTTP request section documents under /external",
        path: api("connectionoperation-get.md"),
        code: operationPage,
        errors: [
          {
            line: 12,
            column: 37,
            endLine: 12,
            endColumn: 49,
            ...documentedAs(
              "/connections/contosohr/operations/op1",
              "GET /external/connections/{connection-id}/operations/{operation-id}",
              "api/connectionoperation-get.md",
            ),
            fix: insertAt(operationPage, 12, 37),
          },
        ],
        output: operationPage.replace("beta/connections", "beta/external/connections"),
      },
      {
        name: "a key in parentheses, and a query (the list page documents the bare collection)",
        path: api("connection-get.md"),
        code: keyInParentheses + withQuery,
        errors: [
          {
            line: 4,
            column: 37,
            endLine: 4,
            endColumn: 49,
            ...documentedAs(
              "/connections('contosohr')",
              "GET /external/connections/{id}",
              "api/externalconnectors-externalconnection-get.md",
            ),
          },
          {
            line: 9,
            column: 5,
            endLine: 9,
            endColumn: 17,
            ...documentedAs(
              "/connections?$top=10",
              "GET /external/connections",
              "api/externalconnectors-externalconnection-list.md",
            ),
          },
        ],
      },
      {
        name: "a stale template of a connector page does not count as the tree documenting the bare path",
        path: api("schema-get.md"),
        code: md("```http", "GET https://graph.microsoft.com/v1.0/connections/contosohr/schema", "```"),
        errors: [
          {
            line: 2,
            column: 37,
            endLine: 2,
            endColumn: 49,
            ...documentedAs(
              "/connections/contosohr/schema",
              "GET /external/connections/{id}/schema",
              "api/externalconnectors-schema-get.md",
            ),
          },
        ],
      },
      {
        name: "a connector page by its namespace line, in a tree that also documents the bare path",
        path: join(bareTree, "api", "externalconnectors-externalitem-get.md"),
        code: connectorPageInBareTree,
        errors: [
          {
            line: 6,
            column: 5,
            endLine: 6,
            endColumn: 17,
            ...documentedAs("/connections/{connectionId}/items/{itemId}", PUT_ITEM, UPDATE_PAGE),
          },
        ],
      },
      {
        name: "a connector page whose path the tree does not document: reported as without a tree",
        path: api("externalconnectors-widget-create.md"),
        code: undocumentedOnConnectorPage,
        errors: [
          {
            line: 6,
            column: 6,
            endLine: 6,
            endColumn: 18,
            ...missingPrefix("/connections/{id}/widgets"),
            fix: insertAt(undocumentedOnConnectorPage, 6, 6),
          },
        ],
      },
    ],
  });
});

expectEveryMessageIdTested(externalPathPrefix);
