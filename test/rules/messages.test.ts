/**
 * The words of each rule, end to end: the rule tables assert message ids and data, so this file
 * lints one small page per rule through `lintText` and checks the sentences a writer reads. It also
 * checks that every rule's test file asserts every message id the rule declares.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MetadataIndex, readCsdl } from "../../src/metadata/index.js";
import { lintWithRule, md, ruleIds } from "../helpers.js";
import { csdl } from "../metadata/csdl.js";

interface SentenceCase {
  code: string;
  path?: string;
  /** The service's CSDL (XML) the page is linted with. */
  metadata?: string;
  /** The beta CSDL (XML) it is linted with too, as a v1.0 page is. */
  betaMetadata?: string;
  /** Each finding as `line:column sentence`. */
  sentences: string[];
}

const REQUEST_BODY_PAGE = [
  "## Request body",
  "",
  "|Property|Type|Description|",
  "|:---|:---|:---|",
  "|kind|widgetKind|The kind. Possible values are: `small`, `large`.|",
  "|name|String|The name. Required.|",
  "",
  "```http",
  "POST https://graph.microsoft.com/v1.0/widgets",
  "",
];

/** One page per rule, and what the rule says of it. */
const SENTENCES: Record<string, SentenceCase> = {
  "no-todo-placeholder": {
    code: md(
      "# Create widget",
      "",
      "|Permission type|Permissions|",
      "|:---|:---|",
      "|Application|**TODO: Add. More.**|",
    ),
    sentences: ['5:14 TODO placeholder "TODO: Add." must be replaced with real content.'],
  },
  "no-trailing-comma": {
    code: md("```http", "POST /widgets", "", '{ "tags": ["a",] }', "```"),
    sentences: ["4:15 Trailing comma before ']' in example JSON: JSON does not allow it."],
  },
  "request-response-id-match": {
    code: md(
      "```http",
      "POST /widgets",
      "",
      '{ "id": "w1" }',
      "```",
      "```http",
      "HTTP/1.1 201 Created",
      "",
      '{ "id": "w2" }',
      "```",
    ),
    sentences: ['9:9 Response id "w2" does not echo the request\'s id "w1".'],
  },
  "external-path-prefix": {
    code: md("Namespace: microsoft.graph.externalConnectors", "", "```http", "GET /connections/c1", "```"),
    sentences: [
      '4:5 Path "/connections/c1" lacks the "/external" prefix: external connections are at "/external/connections/c1".',
    ],
  },
  "enum-value-documented": {
    code: md(...REQUEST_BODY_PAGE, '{ "kind": "medium", "name": "a" }', "```"),
    sentences: [
      '11:11 "medium" is not a documented value of widgetKind (property "kind"); documented values: "small", "large".',
    ],
  },
  "annotation-json": {
    code: md('<!-- { "blockType": "request" "name": "get_me" } -->', "```http", "GET /me", "```"),
    sentences: ["1:31 Annotation is not valid JSON: Expected ',' between values."],
  },
  "json-valid": {
    code: md("```http", "POST /widgets", "", '{ "a":\u00a01 }', "```"),
    sentences: [
      "4:7 Example body is not valid JSON: Unexpected character U+00A0 (no-break space): JSON allows only spaces, tabs and line breaks between tokens.",
    ],
  },
  "schema-conformance": {
    code: md(...REQUEST_BODY_PAGE, '{ "kind": "small" }', "```"),
    sentences: ['11:1 The request body omits "name", which the Request body table marks Required.'],
  },
  "status-code-consistent": {
    code: md(
      "## Response",
      "",
      "If successful, this method returns a `201 Created` response code.",
      "",
      "```http",
      "HTTP/1.1 200 Created",
      "```",
      "```http",
      "HTTP/1.1 201 OK",
      "```",
    ),
    sentences: [
      '6:10 Status line says 200 but the Response section says "201 Created".',
      '9:14 Status line says "201 OK": the reason phrase of 201 is "Created".',
    ],
  },
  "api-version-consistent": {
    code: md("```http", "GET https://graph.microsoft.com/beta/widgets", "```"),
    path: "docs/v1.0/api/widget-list.md",
    sentences: ["2:33 Request URL uses /beta/ but the page is in the v1.0 docs."],
  },
  "odata-type-consistent": {
    code: md(
      '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "",
      '{ "@odata.type": "#microsoft.graph.User" }',
      "```",
    ),
    sentences: [
      '5:18 Body @odata.type "#microsoft.graph.User" differs in letter case from the annotation\'s @odata.type "microsoft.graph.user": type names are case-sensitive.',
    ],
  },
  "annotation-valid": {
    code: md(
      '<!-- { "blockType": "request", "name": "get_me" } -->',
      "```http",
      "GET /me",
      "```",
      '<!-- { "blockType": "response" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "```",
      "```http",
      "GET /me/manager",
      "```",
      '<!-- { "blockType": "respones" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "```",
      '<!-- { "blockType": "response" } -->',
      "```http",
      "HTTP/1.1 200 OK",
      "```",
    ),
    sentences: [
      '12:21 Unknown blockType "respones": did you mean "response"?',
      '16:21 Response has no request to pair with: the request above it (line 9) is not annotated, and request "get_me" (line 1) already has a response (line 5). Annotate both "request" and "response", or both "ignored".',
    ],
  },
  "links-resolve": {
    code: md("# Get widget", "", "See [the examples](#examples)."),
    sentences: ['3:20 Bookmark "#examples" matches no heading or anchor on this page.'],
  },
  "tab-group-structure": {
    code: md(
      "# [C#](#tab/csharp)",
      "[!INCLUDE [sample-code](../includes/snippets/csharp/get-me-csharp-snippets.md)]",
      "",
      "# [HTTP](#tab/http)",
      "```http",
      "GET /me",
      "```",
      "",
      "---",
    ),
    sentences: [
      '1:1 Tab group starts with the "C#" tab: the HTTP tab (line 4) comes first, so readers see the HTTP request before the SDK snippets.',
    ],
  },
  "no-translated-name": {
    code: md(
      '## <a name="properties"></a>属性',
      "",
      "| 属性 | 类型 | 说明 |",
      "|:---|:---|:---|",
      "|id|String|标识符。|",
      "|状态|String|状态。|",
      "",
      '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->',
      "```json",
      '{ "id": "String", "status": "String" }',
      "```",
    ),
    sentences: [
      '6:2 Property name "状态" is not an identifier: the page\'s JSON calls this property "status". Names are code: write it as the service spells it.',
    ],
  },
  "metadata-enum-members": {
    code: md(
      "### widgetKind values",
      "",
      "|Member|Description|",
      "|:---|:---|",
      "|Small|Small.|",
      "|huge|Huge.|",
      "|medium|Medium.|",
    ),
    path: "api-reference/v1.0/resources/widget.md",
    metadata: csdl(
      '<EnumType Name="widgetKind">',
      '  <Member Name="small" />',
      '  <Member Name="large" />',
      "</EnumType>",
    ),
    betaMetadata: csdl(
      '<EnumType Name="widgetKind">',
      '  <Member Name="small" />',
      '  <Member Name="large" />',
      '  <Member Name="medium" />',
      "</EnumType>",
    ),
    sentences: [
      '3:1 The service\'s enum type microsoft.graph.widgetKind has members this table does not list: "large". Add a row for each.',
      '5:2 Member "Small" is spelled "small" by the service\'s enum type microsoft.graph.widgetKind: members are values, compared with their letter case.',
      "6:2 Member \"huge\" is not a member of the service's enum type microsoft.graph.widgetKind: remove its row, or write the member's name as the service has it.",
      '7:2 Member "medium" is not a member of the service\'s v1.0 enum type microsoft.graph.widgetKind; only beta has it: remove its row from the v1.0 page, or move it to the beta page.',
    ],
  },
  "metadata-properties": {
    code: md(
      "# widget resource type",
      "",
      "## Properties",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      "|DisplayName|String|The name.|",
      "|size|String|The size.|",
      "|colour|String|The colour.|",
      "|color|String|The color.|",
      "",
      '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->',
      "```json",
      '{ "displayName": "String", "size": 1, "shine": 2, "weight": 3 }',
      "```",
    ),
    path: "api-reference/v1.0/resources/widget.md",
    metadata: csdl(
      '<EntityType Name="widget">',
      '  <Property Name="displayName" Type="Edm.String" />',
      '  <Property Name="size" Type="Edm.Int32" />',
      '  <Property Name="tags" Type="Collection(Edm.String)" />',
      "</EntityType>",
    ),
    betaMetadata: csdl(
      '<EntityType Name="widget">',
      '  <Property Name="displayName" Type="Edm.String" />',
      '  <Property Name="size" Type="Edm.Int32" />',
      '  <Property Name="tags" Type="Collection(Edm.String)" />',
      '  <Property Name="color" Type="Edm.String" />',
      '  <Property Name="weight" Type="Edm.Int32" />',
      "</EntityType>",
    ),
    sentences: [
      '5:1 The service\'s microsoft.graph.widget has properties this table does not document: "tags". Add a row for each.',
      '7:2 The service\'s microsoft.graph.widget writes "DisplayName" as "displayName": write it in that case.',
      '8:7 "size" of the service\'s microsoft.graph.widget is Edm.Int32, not String: document it as Int32.',
      '9:2 The service\'s microsoft.graph.widget has no property "colour" (nor do its base types): correct the name or remove the row.',
      '10:2 The service\'s v1.0 microsoft.graph.widget has no property "color" (nor do its base types); only beta has it: remove the row from the v1.0 page, or move it to the beta page.',
      '14:40 The JSON representation shows "shine", which the service\'s microsoft.graph.widget does not have: correct the name or remove it.',
      '14:52 The JSON representation shows "weight", which the service\'s v1.0 microsoft.graph.widget does not have; only beta has it: remove it from the v1.0 page, or move it to the beta page.',
    ],
  },
  "content-length-valid": {
    code: md("```http", "DELETE /widgets/1", "Content-Length: 12", "```"),
    sentences: [
      "3:17 Content-Length: 12 on a request that shows no body: remove the header or give it the body.",
    ],
  },
};

describe("the sentences of each rule", () => {
  it("has a page for every rule the linter ships", () => {
    expect(Object.keys(SENTENCES).sort()).toEqual([...ruleIds].sort());
  });

  it.each(Object.entries(SENTENCES))("%s", (ruleId, { code, path, metadata, betaMetadata, sentences }) => {
    const index = (xml: string) => new MetadataIndex(readCsdl(xml, "test.xml"));
    const found = lintWithRule(ruleId, code, {
      ...(path !== undefined ? { path } : {}),
      ...(metadata !== undefined ? { metadata: index(metadata) } : {}),
      ...(betaMetadata !== undefined ? { betaMetadata: index(betaMetadata) } : {}),
    });
    expect(found.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(sentences);
  });
});

describe("every rule's tests assert every message id it declares", () => {
  it.each([...ruleIds])("test/rules/%s.test.ts calls expectEveryMessageIdTested", (ruleId) => {
    const file = fileURLToPath(new URL(`./${ruleId}.test.ts`, import.meta.url));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^expectEveryMessageIdTested\(\w+[,)]/m);
  });
});
