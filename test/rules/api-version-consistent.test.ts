import { describe, expect, it } from "vitest";
import { apiVersionConsistent, folderVersion } from "../../rules/api-version-consistent.js";
import { expectEveryMessageIdTested, md, runExplicitRuleTests } from "../helpers.js";

const V1 = "docs/api-reference/v1.0/api/widget-get.md";
const BETA = "docs/api-reference/beta/api/widget-get.md";
/** A request URL that uses `version` on a page of the `folder` docs. */
const requestUrlInFolder = (version: string, folder: string) =>
  ({ messageId: "requestUrlInFolder", data: { version, key: "", folder, expected: folder } }) as const;
/** The URL under `key` (`@odata.context`) that uses `version` on a page of the `folder` docs. */
const odataUrlInFolder = (key: string, version: string, folder: string) =>
  ({ messageId: "odataUrlInFolder", data: { version, key, folder, expected: folder } }) as const;

/** A GET example (URL on line 2) and its response with `@odata.context` (value on line 8). */
const getWidget = (requestVersion: string, contextVersion: string) =>
  md(
    "```http",
    `GET https://graph.microsoft.com/${requestVersion}/widgets/1`,
    "```",
    "",
    "```http",
    "HTTP/1.1 200 OK",
    "",
    `{ "@odata.context": "https://graph.microsoft.com/${contextVersion}/$metadata#widgets/$entity", "id": "1" }`,
    "```",
  );

runExplicitRuleTests(apiVersionConsistent, {
  valid: [
    { name: "a v1.0 page that uses v1.0", code: getWidget("v1.0", "v1.0"), path: V1 },
    { name: "a beta page that uses beta", code: getWidget("beta", "beta"), path: BETA },
    {
      name: "URLs without a version and other hosts' paths",
      code: md("```http", "GET /me/events", "GET https://graph.microsoft.com/me/events", "```"),
      path: BETA,
    },
    {
      name: "prose, links and other properties may name another version",
      code: md(
        "This API is also available in [beta](https://graph.microsoft.com/beta/me).",
        "",
        "```http",
        "HTTP/1.1 200 OK",
        "",
        '{ "webUrl": "https://graph.microsoft.com/beta/sites/1", "@odata.type": "#microsoft.graph.site" }',
        "```",
      ),
      path: V1,
    },
    { name: "the version segment in another case", code: getWidget("V1.0", "v1.0"), path: V1 },
    {
      name: "a page outside a version folder that uses one version",
      code: getWidget("beta", "beta"),
      path: "fixtures/api/widget-get.md",
    },
    { name: "a page without a path or versions", code: md("```http", "GET /widgets", "```") },
  ],
  invalid: [
    {
      name: "a beta request URL on a v1.0 page",
      code: getWidget("beta", "v1.0"),
      path: V1,
      errors: [{ line: 2, column: 33, endLine: 2, endColumn: 37, ...requestUrlInFolder("beta", "v1.0") }],
    },
    {
      name: "a v1.0 @odata.context on a beta page",
      code: getWidget("beta", "v1.0"),
      path: BETA,
      errors: [
        {
          line: 8,
          column: 50,
          endLine: 8,
          endColumn: 54,
          ...odataUrlInFolder("@odata.context", "v1.0", "beta"),
        },
      ],
    },
    {
      name: "both, on a Windows path",
      code: getWidget("v1.0", "v1.0"),
      path: "C:\\docs\\beta\\api\\widget-get.md",
      errors: [
        { line: 2, column: 33, endLine: 2, endColumn: 37, ...requestUrlInFolder("v1.0", "beta") },
        {
          line: 8,
          column: 50,
          endLine: 8,
          endColumn: 54,
          ...odataUrlInFolder("@odata.context", "v1.0", "beta"),
        },
      ],
    },
    {
      name: "OData links in nested values and `$metadata` right after the version",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "",
        "{",
        '  "@odata.context": "https://graph.microsoft.com/beta$metadata#drives",',
        '  "value": [ { "children@odata.nextLink": "https://graph.microsoft.com/beta/drives/1?$skip=2" } ],',
        '  "@odata.deltaLink": "https://graph.microsoft.com/beta/me/drive/root/delta?token=1"',
        "}",
        "```",
      ),
      path: V1,
      errors: [
        {
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 54,
          ...odataUrlInFolder("@odata.context", "beta", "v1.0"),
        },
        {
          line: 6,
          column: 72,
          endLine: 6,
          endColumn: 76,
          ...odataUrlInFolder("children@odata.nextLink", "beta", "v1.0"),
        },
        {
          line: 7,
          column: 52,
          endLine: 7,
          endColumn: 56,
          ...odataUrlInFolder("@odata.deltaLink", "beta", "v1.0"),
        },
      ],
    },
    {
      name: "an @odata.id in a request body and a syntax block",
      code: md(
        "## HTTP request",
        "",
        "```http",
        "POST /users/{id}/manager/$ref",
        "PUT https://graph.microsoft.com/v1.0/users/{id}/manager/$ref",
        "```",
        "",
        "```http",
        "PUT https://graph.microsoft.com/beta/users/1/manager/$ref",
        "",
        '{ "@odata.id": "https://graph.microsoft.com/v1.0/users/2" }',
        "```",
      ),
      path: BETA,
      errors: [
        { line: 5, column: 33, endLine: 5, endColumn: 37, ...requestUrlInFolder("v1.0", "beta") },
        {
          line: 11,
          column: 45,
          endLine: 11,
          endColumn: 49,
          ...odataUrlInFolder("@odata.id", "v1.0", "beta"),
        },
      ],
    },
    {
      name: "outside a version folder: URLs that differ from the first request's",
      code: getWidget("v1.0", "beta"),
      path: "fixtures/api/widget-get.md",
      errors: [
        {
          line: 8,
          column: 50,
          endLine: 8,
          endColumn: 54,
          messageId: "odataUrlUnlikeFirst",
          data: { version: "beta", key: "@odata.context", folder: "", expected: "v1.0" },
          related: [{ messageId: "firstRequestUrl", line: 2, column: 33, endLine: 2, endColumn: 37 }],
        },
      ],
    },
    {
      name: "outside a version folder: a request URL that differs from the first request's",
      code: md(
        "```http",
        "GET https://graph.microsoft.com/v1.0/widgets/1",
        "```",
        "",
        "```http",
        "GET https://graph.microsoft.com/beta/widgets/2",
        "```",
      ),
      path: "fixtures/api/widget-get.md",
      errors: [
        {
          messageId: "requestUrlUnlikeFirst",
          data: { version: "beta", key: "", folder: "", expected: "v1.0" },
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 37,
          related: [{ messageId: "firstRequestUrl", line: 2, column: 33, endLine: 2, endColumn: 37 }],
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(apiVersionConsistent, {
  // The rule gives every message the same data: the version used, the key, the folder and the expected version.
  dataBeyondPlaceholders: {
    requestUrlInFolder: ["key", "expected"],
    odataUrlInFolder: ["expected"],
    requestUrlUnlikeFirst: ["key", "folder"],
    odataUrlUnlikeFirst: ["folder"],
  },
});

describe("folderVersion", () => {
  it("reads the docs folder of a path", () => {
    expect(folderVersion("api-reference/v1.0/api/user-get.md")).toBe("v1.0");
    expect(folderVersion("beta/resources/user.md")).toBe("beta");
    expect(folderVersion("C:\\graph\\beta\\api\\x.md")).toBe("beta");
    expect(folderVersion("fixtures/api/x.md")).toBeUndefined();
    expect(folderVersion("docs/betas/api/x.md")).toBeUndefined();
    expect(folderVersion(undefined)).toBeUndefined();
  });
});
