import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { annotationValid } from "../../rules/annotation-valid.js";
import { docsIndexFor } from "../../src/docset/index.js";
import { requestNamesOf, scanRequestNames, snippetKey } from "../../src/docset/request-names.js";
import {
  type ExpectedError,
  type MessageIdOf,
  expectEveryMessageIdTested,
  md,
  runExplicitRuleTests,
  runTreeRuleTests,
  tempDocsTree,
} from "../helpers.js";

/** ApiDoctor's block types as the messages list them. */
const BLOCK_TYPES =
  '"request", "response", "resource", "example", "ignored", "samples", "simulatedResponse", "testParams" or "permissions"';
/** The advice for a response whose request above it is not annotated "request". */
const ANNOTATE_BOTH = 'Annotate both "request" and "response", or both "ignored".';

const request = (name: string, url = "https://graph.microsoft.com/v1.0/me") => [
  `<!-- { "blockType": "request", "name": "${name}" } -->`,
  "```http",
  `GET ${url}`,
  "```",
];
const response = (annotation = '{ "blockType": "response" }') => [
  `<!-- ${annotation} -->`,
  "```http",
  "HTTP/1.1 200 OK",
  "```",
];
const ignored = (url = "https://graph.microsoft.com/v1.0/me?$count=true") => [
  '<!-- { "blockType": "ignored" } -->',
  "```http",
  `GET ${url}`,
  "```",
];

runExplicitRuleTests(annotationValid, {
  valid: [
    {
      name: "a request and its response, with known keys",
      code: md(
        '<!-- { "blockType": "request", "name": "get_me", "sampleKeys": ["a"], "scopes": "user.read" } -->',
        "```http",
        "GET https://graph.microsoft.com/v1.0/me",
        "```",
        "",
        ...response('{ "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.user" }'),
      ),
    },
    {
      name: "an alternative request annotated ignored between a request and its response",
      code: md(...request("get_me"), "", ...ignored(), "", ...response()),
    },
    {
      name: "one response named for several requests",
      code: md(
        ...request("get_me"),
        "",
        ...request("get_user", "https://graph.microsoft.com/v1.0/users/1"),
        "",
        ...response('{ "blockType": "response", "name": ["get_me", "get_user"] }'),
      ),
    },
    {
      name: "a page annotation with extra data",
      code: md('<!-- { "type": "#page.annotation", "description": "Get me", "layout": "reference" } -->'),
    },
    {
      name: "a permissions annotation above the permissions table include",
      code: md(
        '<!-- { "blockType": "permissions", "name": "user_get", "requestUrls": ["GET /me"], "mergePermissions": true } -->',
        "[!INCLUDE [permissions-table](../includes/permissions/user-get-permissions.md)]",
      ),
    },
    {
      name: "an ignored request and an ignored response",
      code: md(...ignored(), "", '<!-- { "blockType": "ignored" } -->', "```http", "HTTP/1.1 200 OK", "```"),
    },
    {
      name: "an annotation that is not JSON is left to annotation-json",
      code: md('<!-- { "blockType": "request" "nmae": "get_me" } -->', "```http", "GET /me", "```"),
    },
    {
      name: "a request whose annotation is not JSON still pairs with its response",
      code: md(
        '<!-- { "blockType": "request" "name": "get_me" } -->',
        "```http",
        "GET /me",
        "```",
        "",
        ...response(),
      ),
    },
    {
      name: "a tab marker between the annotation and its code block",
      code: md(
        "# [HTTP](#tab/http)",
        '<!-- { "blockType": "request", "name": "get_me" } -->',
        "```http",
        "GET https://graph.microsoft.com/v1.0/me",
        "```",
        "",
        "---",
        "",
        ...response(),
      ),
    },
  ],
  invalid: [
    {
      name: "an unknown block type, near a known one",
      code: md('<!-- { "blockType": "requst", "name": "get_me" } -->', "```http", "GET /me", "```"),
      errors: [
        {
          messageId: "unknownBlockTypeNear",
          data: { value: "requst", near: "request" },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 29,
        },
      ],
    },
    {
      name: "an unknown block type, far from any known one",
      code: md('<!-- { "blockType": "enum" } -->', "```json", "{}", "```"),
      errors: [
        {
          messageId: "unknownBlockType",
          data: { value: "enum", types: BLOCK_TYPES },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 27,
        },
      ],
    },
    {
      name: "a block type that is not a string",
      code: md('<!-- { "blockType": 1 } -->', "```json", "{}", "```"),
      errors: [
        {
          messageId: "blockTypeNotString",
          data: { types: BLOCK_TYPES },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 22,
        },
      ],
    },
    {
      name: "unknown keys: a near miss and a stray one",
      code: md(
        '<!-- { "blockType": "request", "name": "get_me", "scope": "user.read", "displayName": "x" } -->',
        "```http",
        "GET /me",
        "```",
        "",
        ...response(),
      ),
      errors: [
        {
          messageId: "unknownKeyNear",
          data: { key: "scope", near: "scopes" },
          line: 1,
          column: 50,
          endLine: 1,
          endColumn: 57,
        },
        {
          messageId: "unknownKey",
          data: { key: "displayName" },
          line: 1,
          column: 72,
          endLine: 1,
          endColumn: 85,
        },
      ],
    },
    {
      name: "a key in another letter case",
      code: md(
        '<!-- { "blockType": "response", "IsCollection": true } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "```",
      ),
      errors: [
        { messageId: "noRequestBefore", line: 1, column: 21, endLine: 1, endColumn: 31 },
        {
          messageId: "unknownKeyNear",
          data: { key: "IsCollection", near: "isCollection" },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 47,
        },
      ],
    },
    {
      name: "a page annotation with a wrong type and a misspelt key",
      code: md('<!-- { "type": "#page.educationClass", "descripton": "Get me" } -->'),
      errors: [
        {
          messageId: "pageAnnotationType",
          data: { type: "#page.educationClass" },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 38,
        },
        {
          messageId: "unknownKeyNear",
          data: { key: "descripton", near: "description" },
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 52,
        },
      ],
    },
    {
      name: "a request without a name",
      code: md('<!-- { "blockType": "request" } -->', "```http", "GET /me", "```", "", ...response()),
      errors: [{ messageId: "noName", line: 1, column: 8, endLine: 1, endColumn: 30 }],
    },
    {
      name: "a request without a name and without a response",
      code: md('<!-- { "blockType": "request" } -->', "```http", "GET /me", "```"),
      errors: [
        { messageId: "noName", line: 1, column: 8, endLine: 1, endColumn: 30 },
        { messageId: "noResponse", line: 1, column: 21, endLine: 1, endColumn: 30 },
      ],
    },
    {
      name: "a request name used twice on the page",
      code: md(...request("get_me"), "", ...response(), "", ...request("get_me"), "", ...response()),
      errors: [
        {
          messageId: "nameUsedOnPage",
          data: { name: "get_me", line: 1, spelled: "get_me" },
          line: 11,
          column: 40,
          endLine: 11,
          endColumn: 48,
          related: [{ messageId: "firstOfName", line: 1, column: 40, endLine: 1, endColumn: 48 }],
        },
      ],
    },
    {
      name: "a request name used twice on the page, in another case",
      code: md(...request("get_me"), "", ...response(), "", ...request("Get-Me"), "", ...response()),
      errors: [
        {
          messageId: "nameUsedOnPageAs",
          data: { name: "Get-Me", line: 1, spelled: "get_me" },
          line: 11,
          column: 40,
          endLine: 11,
          endColumn: 48,
          related: [{ messageId: "firstOfName", line: 1, column: 40, endLine: 1, endColumn: 48 }],
        },
      ],
    },
    {
      name: "a response after a request annotated ignored",
      code: md(...ignored(), "", ...response()),
      errors: [
        {
          messageId: "noRequestBeforeAbove",
          data: { above: 'the request above it (line 1) is annotated "ignored"', advice: ANNOTATE_BOTH },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 31,
        },
      ],
    },
    {
      name: "a response after an unannotated request, when the request before has its response",
      code: md(
        ...request("get_me"),
        "",
        ...response(),
        "",
        "```http",
        "GET /me/manager",
        "```",
        "",
        ...response(),
      ),
      errors: [
        {
          messageId: "noRequestToPair",
          data: {
            above: "the request above it (line 11) is not annotated",
            advice: ANNOTATE_BOTH,
            request: 'request "get_me" (line 1)',
            responseLine: 6,
          },
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 31,
        },
      ],
    },
    {
      name: "a second response for one request",
      code: md(...request("get_me"), "", ...response(), "", ...response()),
      errors: [
        {
          messageId: "secondResponse",
          data: { request: 'Request "get_me" (line 1)', responseLine: 6 },
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 31,
          related: [{ messageId: "theRequest", line: 1, column: 21, endLine: 1, endColumn: 30 }],
        },
      ],
    },
    {
      name: "a response that names a request annotated ignored",
      code: md(
        '<!-- { "blockType": "ignored", "name": "get_me" } -->',
        "```http",
        "GET /me",
        "```",
        "",
        ...response('{ "blockType": "response", "name": "get_me" }'),
      ),
      errors: [
        {
          messageId: "namedBlockNotRequest",
          data: { name: "get_me", line: 1, blockType: "ignored" },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 31,
        },
      ],
    },
    {
      name: "a response that names a request no block before it has",
      code: md(...response('{ "blockType": "response", "name": "get_me" }')),
      errors: [
        {
          messageId: "noRequestNamed",
          data: { name: "get_me" },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 31,
        },
      ],
    },
    {
      name: "a request without a response",
      code: md("## Example", "", ...request("get_me")),
      errors: [
        {
          messageId: "noResponseNamed",
          data: { name: "get_me" },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 30,
        },
      ],
    },
    {
      name: "a request annotated as a response",
      code: md(
        ...request("get_me"),
        "",
        ...response(),
        "",
        '<!-- { "blockType": "response" } -->',
        "```http",
        "POST /me/sendMail",
        "```",
      ),
      errors: [
        {
          messageId: "responseIsRequest",
          data: { method: "POST" },
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 31,
        },
      ],
    },
    {
      name: "an annotation separated from its code block by a heading",
      code: md(
        '<!-- { "blockType": "request", "name": "get_me" } -->',
        "",
        "##### Request",
        "",
        "```http",
        "GET /me",
        "```",
      ),
      errors: [
        {
          messageId: "detached",
          data: { blockType: "request" },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 30,
        },
      ],
    },
  ],
});

describe("annotation-valid: request names across the docs tree", () => {
  const page = (name: string) => md(...request(name), "", ...response());
  const root = tempDocsTree("annotation-valid-", {
    "api/user-get.md": page("get_user"),
    "api/user-list.md": md(
      ...request("list_users"),
      "",
      ...response(),
      "",
      ...request("Get-User"),
      "",
      ...response(),
    ),
    "api/me-get.md": page("get_me"),
    "api/me-get-2.md": page("get_me"),
    "api/me-get-3.md": page("get_me"),
  });

  const at = (file: string) => join(root, "api", file);
  /** A finding of a request name (the value on line 1, from column 40) another page uses. */
  const usedElsewhere = (
    name: string,
    data: { file: string; line: number; spelled: string; more: string },
  ): ExpectedError<MessageIdOf<typeof annotationValid>> => ({
    messageId: "nameUsedElsewhere",
    data: { name, ...data },
    line: 1,
    column: 40,
    endLine: 1,
    endColumn: 40 + name.length + 2,
  });

  it("reads the names of the api/ pages once, keyed as snippet files are named", () => {
    const names = requestNamesOf(docsIndexFor(root));
    expect(names.get("get-user")?.map((u) => u.name)).toEqual(["get_user", "Get-User"]);
    expect(names.get("get-me")).toHaveLength(3);
  });

  runTreeRuleTests(annotationValid, {
    valid: [{ name: "a name no other page uses", path: at("me-get.md"), code: page("get_me_unique") }],
    invalid: [
      {
        name: "a name another page uses, naming the page, however the name is spelt",
        path: at("user-get.md"),
        code: page("get_user"),
        errors: [
          usedElsewhere("get_user", {
            file: "api/user-list.md",
            line: 11,
            spelled: ', as "Get-User"',
            more: "",
          }),
        ],
      },
      {
        name: "a name other pages use, counting them",
        path: at("me-get.md"),
        code: page("get_me"),
        errors: [
          usedElsewhere("get_me", {
            file: "api/me-get-2.md",
            line: 1,
            spelled: "",
            more: " and 1 other page",
          }),
        ],
      },
    ],
  });
});

describe("request-names", () => {
  it("scans request annotations, with their lines, and nothing else", () => {
    const text = md(
      "# Title",
      '<!-- { "blockType": "ignored", "name": "not_a_request" } -->',
      "<!-- {",
      '  "blockType": "request",',
      '  "name": "get_\\"quoted\\""',
      "} -->",
      "<!-- a comment -->",
      '<!-- { "name": "named_first", "blockType": "request" } -->',
    );
    expect(scanRequestNames(text)).toEqual([
      { name: 'get_"quoted"', line: 3 },
      { name: "named_first", line: 8 },
    ]);
  });

  it("keys names as snippet files are named", () => {
    expect(snippetKey("reportroot_getM365AppUserCounts_csv")).toBe("reportroot-getm365appusercounts-csv");
  });
});

expectEveryMessageIdTested(annotationValid, { dataBeyondPlaceholders: { nameUsedOnPage: ["spelled"] } });
