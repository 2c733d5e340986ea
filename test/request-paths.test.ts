import { mkdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathSegments, segmentsMatch } from "../src/docset/path-template.js";
import { RequestPathIndex, readRequestPaths, scanRequestPaths } from "../src/docset/request-paths.js";
import { md, tempFolder } from "./helpers.js";

describe("scanRequestPaths", () => {
  const cases: Array<{ name: string; text: string; found: Array<{ method: string; path: string }> }> = [
    {
      name: "the fenced block after the English heading, version and query removed",
      text: md(
        "# Update externalItem",
        "",
        "## HTTP request",
        "",
        '<!-- { "blockType": "ignored" } -->',
        "```http",
        "PATCH /external/connections/{connection-id}/items/{item-id}",
        "GET https://graph.microsoft.com/beta/external/connections?$top=10",
        "```",
        "",
        "## Example",
        "",
        "```http",
        "GET https://graph.microsoft.com/beta/me",
        "```",
      ),
      found: [
        { method: "PATCH", path: "/external/connections/{connection-id}/items/{item-id}" },
        { method: "GET", path: "/external/connections" },
      ],
    },
    {
      name: "a translated heading, found by its anchor; CRLF line ends",
      text: md(
        '## <a name="http-request"></a>HTTP 请求',
        "",
        "```http",
        "DELETE /external/connections/{id}",
        "```",
        "",
        '## <a name="request-headers"></a>请求标头',
        "",
        "```http",
        "GET /not/a/template",
        "```",
      ).replace(/\n/g, "\r\n"),
      found: [{ method: "DELETE", path: "/external/connections/{id}" }],
    },
    {
      name: "several blocks, under subheadings and in tabs; bare and tilde fences; heading variants",
      text: md(
        "### HTTP Requests (beta)",
        "",
        "#### In a user's calendar",
        "",
        "```",
        "GET /me/events/delta",
        "```",
        "",
        "# [HTTP](#tab/http)",
        "~~~ http",
        "GET /users/{id}/events/delta",
        "~~~",
        '# <a name="c"></a>[C#](#tab/csharp)',
        "",
        "```http",
        "GET /groups/{id}/events/delta",
        "```",
        "",
        "### Request headers",
        "",
        "```http",
        "GET /after/the/section",
        "```",
      ),
      found: [
        { method: "GET", path: "/me/events/delta" },
        { method: "GET", path: "/users/{id}/events/delta" },
        { method: "GET", path: "/groups/{id}/events/delta" },
      ],
    },
    {
      name: "templates written loosely: a query with spaces, spaces in a parameter, no leading slash",
      text: md(
        "## HTTP request",
        "```http",
        "GET /accessReviews?$filter=businessFlowTemplateId eq {businessFlowTemplate-id}&$top={pagesize}",
        "DELETE /users/{id | userPrincipalName}/authentication/fido2Methods/{id}",
        "GET policies/activityBasedTimeoutPolicies",
        "** Entity URI not found",
        "```",
      ),
      found: [
        { method: "GET", path: "/accessReviews" },
        { method: "DELETE", path: "/users/{id|userPrincipalName}/authentication/fido2Methods/{id}" },
        { method: "GET", path: "/policies/activityBasedTimeoutPolicies" },
      ],
    },
    {
      name: "nothing outside a fence, and nothing on a page without the section",
      text: md("## HTTP request", "", "GET /me", "", "## Example", "", "```http", "GET /me", "```"),
      found: [],
    },
    {
      name: "a heading that only mentions HTTP requests further on",
      text: md("## Batching HTTP requests", "", "```http", "POST /$batch", "```"),
      found: [],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(scanRequestPaths(c.text)).toEqual(c.found);
  });
});

describe("request path templates", () => {
  const template = "/external/connections/{connectionsId}/items/{externalItemId}";
  const cases: Array<[string, string, boolean]> = [
    [template, "/external/connections/{connection-id}/items/{item-id}", true],
    [template, "/external/connections/contosohr/items/TSP228082938", true],
    [template, "/External/Connections/contosohr/Items/TSP228082938?$select=id", true],
    [template, "/external/connections('contosohr')/items('TSP228082938')", true],
    [template, "/external/connections/contosohr/items", false],
    [template, "/external/connections/contosohr/groups/g1", false],
    [template, "/connections/contosohr/items/TSP228082938", false],
    ["/external/connections", "/external/connections/", true],
    ["/reports/getFoo(period='{period}')", "/reports/getFoo(period='D7')", true],
    ["/me/drive/root:/{item-path}:/content", "/me/drive/root:/a.txt:/content", true],
  ];
  it.each(cases)("%s ~ %s: %s", (a, b, expected) => {
    expect(segmentsMatch(pathSegments(a), pathSegments(b))).toBe(expected);
    expect(segmentsMatch(pathSegments(b), pathSegments(a))).toBe(expected);
  });

  it("an index answers every documented request whose template matches, in file order, whatever the method", () => {
    const index = new RequestPathIndex([
      { method: "GET", path: "/external/connections/{id}", file: "a.md" },
      { method: "GET", path: "/external/connections", file: "b.md" },
      { method: "DELETE", path: "/external/connections/{connection-id}", file: "c.md" },
      { method: "GET", path: "/{any}/connections/{id}", file: "d.md" },
    ]);
    expect(index.matching("/external/connections/contosohr").map((d) => d.file)).toEqual([
      "a.md",
      "c.md",
      "d.md",
    ]);
    expect(index.matching("/external/connections?$top=1").map((d) => d.file)).toEqual(["b.md"]);
    expect(index.matching("/connections/contosohr")).toEqual([]);
  });
});

describe("the request path store", () => {
  const folder = tempFolder("gdl-paths-");
  const syntax = (template: string) => md("## HTTP request", "", "```http", template, "```");

  function setUp(): { root: string; store: string; file: string } {
    const root = folder.fresh("tree");
    mkdirSync(join(root, "api"));
    const file = join(root, "api", "a.md");
    writeFileSync(file, syntax("GET /external/connections/{id}"));
    return { root, store: join(root, "store"), file };
  }
  const pathsOf = (root: string, store: string) => readRequestPaths(root, store).entries.map((e) => e.path);

  it("a second index reads the stored paths while a page's size and time are unchanged", () => {
    const { root, store, file } = setUp();
    const mtime = new Date(2026, 0, 1);
    utimesSync(file, mtime, mtime);
    expect(pathsOf(root, store)).toEqual(["/external/connections/{id}"]);
    // Same size, same time, other path: what the store answers is the stored path.
    writeFileSync(file, syntax("GET /external/connections/{xy}"));
    utimesSync(file, mtime, mtime);
    expect(pathsOf(root, store)).toEqual(["/external/connections/{id}"]);
  });

  it("reads a changed page again, and a page added since", () => {
    const { root, store, file } = setUp();
    expect(pathsOf(root, store)).toEqual(["/external/connections/{id}"]);
    const { mtime } = statSync(file);
    writeFileSync(file, syntax("GET /external/connections/{xy}"));
    utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    expect(pathsOf(root, store)).toEqual(["/external/connections/{xy}"]);
    writeFileSync(join(root, "api", "b.md"), syntax("DELETE /external/connections/{id}"));
    expect(readRequestPaths(root, store).entries.map((e) => [e.method, e.file])).toEqual([
      ["GET", file],
      ["DELETE", join(root, "api", "b.md")],
    ]);
  });
});
