import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { annotationValid } from "../../rules/annotation-valid.js";
import { docsIndexFor } from "../../src/docset/index.js";
import { requestNamesOf, scanRequestNames, snippetKey } from "../../src/docset/request-names.js";
import { lintPage } from "../../src/engine/lint.js";
import { buildPage } from "../../src/page/build.js";
import { md, runExplicitRuleTests, tempDocsTree } from "../helpers.js";

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
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 29,
          message: 'Unknown blockType "requst": did you mean "request"?',
        },
      ],
    },
    {
      name: "an unknown block type, far from any known one",
      code: md('<!-- { "blockType": "enum" } -->', "```json", "{}", "```"),
      errors: [
        {
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 27,
          message:
            'Unknown blockType "enum": the block types are "request", "response", "resource", "example", "ignored", "samples", "simulatedResponse", "testParams" or "permissions".',
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
          line: 1,
          column: 50,
          endLine: 1,
          endColumn: 57,
          message: 'Unknown annotation key "scope": did you mean "scopes"?',
        },
        {
          line: 1,
          column: 72,
          endLine: 1,
          endColumn: 85,
          message: 'Unknown annotation key "displayName": ApiDoctor ignores it.',
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
        { line: 1, column: 21, endLine: 1, endColumn: 31, message: "Response has no request before it." },
        {
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 47,
          message: 'Unknown annotation key "IsCollection": did you mean "isCollection"?',
        },
      ],
    },
    {
      name: "a page annotation with a wrong type and a misspelt key",
      code: md('<!-- { "type": "#page.educationClass", "descripton": "Get me" } -->'),
      errors: [
        {
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 38,
          message:
            'Page annotation type "#page.educationClass" is not "#page.annotation": ApiDoctor ignores the annotation.',
        },
        {
          line: 1,
          column: 40,
          endLine: 1,
          endColumn: 52,
          message: 'Unknown annotation key "descripton": did you mean "description"?',
        },
      ],
    },
    {
      name: "a request without a name",
      code: md('<!-- { "blockType": "request" } -->', "```http", "GET /me", "```", "", ...response()),
      errors: [
        {
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 30,
          message:
            'Request annotation has no "name": responses, test scenarios and the generated SDK snippets refer to a request by its name.',
        },
      ],
    },
    {
      name: "a request name used twice on the page, in another case",
      code: md(...request("get_me"), "", ...response(), "", ...request("Get-Me"), "", ...response()),
      errors: [
        {
          line: 11,
          column: 40,
          endLine: 11,
          endColumn: 48,
          message:
            'Request name "Get-Me" is already used on this page (line 1, as "get_me"): each request needs its own name.',
          related: [
            { message: "The first request of that name", line: 1, column: 40, endLine: 1, endColumn: 48 },
          ],
        },
      ],
    },
    {
      name: "a response after a request annotated ignored",
      code: md(...ignored(), "", ...response()),
      errors: [
        {
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 31,
          message:
            'Response has no request before it: the request above it (line 1) is annotated "ignored". Annotate both "request" and "response", or both "ignored".',
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
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 31,
          message:
            'Response has no request to pair with: the request above it (line 11) is not annotated, and request "get_me" (line 1) already has a response (line 6). Annotate both "request" and "response", or both "ignored".',
        },
      ],
    },
    {
      name: "a second response for one request",
      code: md(...request("get_me"), "", ...response(), "", ...response()),
      errors: [
        {
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 31,
          message:
            'Request "get_me" (line 1) already has a response (line 6): ApiDoctor pairs one response with each request. Annotate this one "ignored", or give it its own request.',
          related: [{ message: "The request", line: 1, column: 21, endLine: 1, endColumn: 30 }],
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
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 31,
          message:
            'Response names request "get_me", but the block of that name (line 1) is annotated "ignored", not "request".',
        },
      ],
    },
    {
      name: "a request without a response",
      code: md("## Example", "", ...request("get_me")),
      errors: [
        {
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 30,
          message:
            'Request "get_me" has no response: follow it with the response, annotated "blockType": "response".',
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
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 31,
          message:
            'Annotated "response", but the block is a POST request: did you mean "blockType": "request"?',
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
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 30,
          message:
            'The "request" annotation is not directly above a code block, so ApiDoctor ignores it: move it just above the code block it describes.',
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

  const lint = (file: string, text: string) => {
    const path = join(root, "api", file);
    return lintPage(buildPage(text, { path }), { path, docs: docsIndexFor(root) }, [annotationValid]).map(
      (m) => `${m.startPoint.line}:${m.startPoint.column} ${m.reason}`,
    );
  };

  it("reads the names of the api/ pages once, keyed as snippet files are named", () => {
    const names = requestNamesOf(docsIndexFor(root));
    expect(names.get("get-user")?.map((u) => u.name)).toEqual(["get_user", "Get-User"]);
    expect(names.get("get-me")).toHaveLength(3);
  });

  it("reports a name another page uses, naming the page, however the name is spelt", () => {
    expect(lint("user-get.md", page("get_user"))).toEqual([
      '1:40 Request name "get_user" is also used by api/user-list.md (line 11, as "Get-User"): request names must be unique across the docs, or their SDK snippets overwrite each other.',
    ]);
  });

  it("counts the other pages that use a name", () => {
    expect(lint("me-get.md", page("get_me"))).toEqual([
      '1:40 Request name "get_me" is also used by api/me-get-2.md (line 1) and 1 other page: request names must be unique across the docs, or their SDK snippets overwrite each other.',
    ]);
  });

  it("does not report a name no other page uses", () => {
    expect(lint("me-get.md", page("get_me_unique"))).toEqual([]);
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
