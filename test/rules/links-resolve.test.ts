import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clearDocsIndexes } from "../../src/docset/index.js";
import { parseLinkTarget } from "../../src/docset/links.js";
import { linksResolve } from "../../rules/links-resolve.js";
import {
  expectEveryMessageIdTested,
  lintInTree,
  md,
  runTreeRuleTests,
  tempDocsTree,
  writeFile,
} from "../helpers.js";

// A tree in the Graph layout: docfx.json at the top, shared includes beside v1.0.
const tree = tempDocsTree(
  "gdl-links-",
  {
    "docfx.json": "{}\n",
    "includes/shared.md": md("## Shared heading"),
    "v1.0/api/widget-list.md": md("# List widgets"),
    "v1.0/resources/widget.md": md(
      "# widget resource type",
      "",
      "## Properties",
      "",
      '<a name="custom-anchor"></a>',
      "",
      "## JSON representation",
    ),
    "v1.0/resources/Gadget.md": md("# gadget resource type"),
    "v1.0/media/pic.png": "png",
    "v1.0/includes/snippet.md": md("### Included heading"),
  },
  [],
);
const page = join(tree, "v1.0", "api", "widget-get.md");

// The Graph layout without docfx.json: the folder above beta/ still holds the shared includes.
const graph = tempDocsTree(
  "gdl-links-graph-",
  {
    "beta/api/widget-get.md": md("# Get widget"),
    "beta/resources/widget.md": md("# widget resource type"),
    "includes/beta-note.md": md("Beta."),
  },
  [],
);

// Any other docs root without docfx.json: the docs root is the boundary.
const other = tempDocsTree(
  "gdl-links-other-",
  {
    "docs/api/widget-get.md": md("# Get widget"),
    "docs/resources/widget.md": md("# widget resource type"),
    "includes/note.md": md("Note."),
  },
  [],
);
/** A `label` ("Link", "Image", …) whose target `path` does not exist. */
const missingTarget = (label: string, path: string) =>
  ({ messageId: "missing", data: { label, path } }) as const;
/** A `label` whose target `path` does not exist, where a file named `near` does. */
const missingNear = (label: string, path: string, near: string) =>
  ({ messageId: "missingNear", data: { label, path, near } }) as const;

runTreeRuleTests(linksResolve, {
  valid: [
    {
      name: "a resource page and one of its headings",
      path: page,
      code: md("# Get widget", "", "See [widget](../resources/widget.md#properties)."),
    },
    {
      name: "an explicit <a name> anchor of another page, and a link with a query",
      path: page,
      code: md("[a](../resources/widget.md#custom-anchor) [b](widget-list.md?tabs=http)"),
    },
    {
      name: "includes in the version folder and in the shared folder above it (docfx.json boundary)",
      path: page,
      code: md(
        "[!INCLUDE [note](../../includes/shared.md)]",
        "",
        "[!INCLUDE [sample](../includes/snippet.md)]",
      ),
    },
    {
      name: "bookmarks of the page's own headings and anchors, and of headings its includes bring",
      path: page,
      code: md(
        "# Get widget",
        "",
        "## Example 1: Get a widget",
        "",
        '<a name="top"></a>',
        "",
        "[!INCLUDE [sample](../includes/snippet.md)]",
        "",
        "[a](#example-1-get-a-widget) [b](#top) [c](#included-heading)",
      ),
    },
    {
      name: "absolute URLs, site-root paths, mail and DocFX tabs are not checked",
      path: page,
      code: md(
        "[a](https://learn.microsoft.com/graph/x) [b](/graph/permissions-reference) [c](mailto:a@b.c)",
        "",
        "# [HTTP](#tab/http)",
      ),
    },
    {
      name: "an image and a link definition that exist",
      path: page,
      code: md("![pic](../media/pic.png) [widget][w]", "", "[w]: ../resources/widget.md"),
    },
    {
      name: "the Graph layout without docfx.json: the folder above beta/ is inside",
      path: join(graph, "beta", "api", "widget-get.md"),
      code: md("[!INCLUDE [note](../../includes/beta-note.md)]"),
    },
    {
      name: "a page with no path: relative links are not checked, bookmarks are",
      code: md("# Get widget", "", "[a](../resources/nothing.md) [b](#get-widget)"),
    },
    {
      name: "a link to the page itself with a bookmark",
      path: page,
      code: md("# Get widget", "", "[self](widget-get.md#get-widget)"),
    },
  ],
  invalid: [
    {
      name: "a file that does not exist, with a near name",
      path: page,
      code: md("See [widget](../resources/widgit.md)."),
      errors: [
        {
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 36,
          ...missingNear("Link", "../resources/widgit.md", "../resources/widget.md"),
        },
      ],
    },
    {
      name: "an include and an image that do not exist",
      path: page,
      code: md("[!INCLUDE [x](../includes/snippets/none.md)]", "", "![pic](../media/chart.png)"),
      errors: [
        {
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 43,
          ...missingTarget("Include", "../includes/snippets/none.md"),
        },
        { line: 3, column: 8, endLine: 3, endColumn: 26, ...missingTarget("Image", "../media/chart.png") },
      ],
    },
    {
      name: "a file found only when letter case is ignored (fixed to the name on disk)",
      path: page,
      code: md("[gadget](../resources/gadget.md#gadget-resource-type)"),
      output: md("[gadget](../resources/Gadget.md#gadget-resource-type)"),
      errors: [
        {
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 53,
          messageId: "fileCase",
          data: { label: "Link", path: "../resources/gadget.md", fixed: "../resources/Gadget.md" },
          fix: { range: [9, 52], text: "../resources/Gadget.md#gadget-resource-type" },
        },
      ],
    },
    {
      name: "a bookmark that matches no heading on the page",
      path: page,
      code: md("# Get widget", "", "[a](#permissions)"),
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 17,
          messageId: "bookmarkMissing",
          data: { fragment: "permissions", file: "", match: "" },
        },
      ],
    },
    {
      name: "a bookmark in other letter case (fixed)",
      path: page,
      code: md("# Get widget", "", "[a](#Get-Widget)"),
      output: md("# Get widget", "", "[a](#get-widget)"),
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 16,
          messageId: "bookmarkCase",
          data: { fragment: "Get-Widget", file: "", match: "get-widget" },
          fix: { range: [18, 29], text: "#get-widget" },
        },
      ],
    },
    {
      name: "a bookmark that another page does not have",
      path: page,
      code: md("[a](../resources/widget.md#relationships)"),
      errors: [
        {
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 41,
          messageId: "bookmarkMissingIn",
          data: { fragment: "relationships", file: "../resources/widget.md", match: "" },
        },
      ],
    },
    {
      name: "a bookmark of another page in other letter case (fixed)",
      path: page,
      code: md("[a](../resources/widget.md#Properties)"),
      output: md("[a](../resources/widget.md#properties)"),
      errors: [
        {
          messageId: "bookmarkCaseIn",
          data: { fragment: "Properties", file: "../resources/widget.md", match: "properties" },
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 38,
          fix: { range: [4, 37], text: "../resources/widget.md#properties" },
        },
      ],
    },
    {
      name: "a target outside the docs root (above docfx.json)",
      path: page,
      code: md("[a](../../../elsewhere.md)"),
      errors: [
        {
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 26,
          messageId: "outside",
          data: { label: "Link", path: "../../../elsewhere.md" },
        },
      ],
    },
    {
      name: "a shared include above a docs root that is neither v1.0 nor beta, without docfx.json",
      path: join(other, "docs", "api", "widget-get.md"),
      code: md("[!INCLUDE [note](../../includes/note.md)]"),
      errors: [
        {
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 40,
          messageId: "outside",
          data: { label: "Include", path: "../../includes/note.md" },
        },
      ],
    },
    {
      name: "Windows separators (fixed)",
      path: page,
      code: md("[w](..\\resources\\widget.md)"),
      output: md("[w](../resources/widget.md)"),
      errors: [
        {
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 27,
          messageId: "backslashes",
          data: { label: "Link", path: "..\\resources\\widget.md", slashed: "../resources/widget.md" },
          fix: { range: [4, 26], text: "../resources/widget.md" },
        },
      ],
    },
    {
      name: "a link definition to a missing page",
      path: page,
      code: md("[widget][w]", "", "[w]: ../resources/none.md"),
      errors: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 26,
          ...missingTarget("Link definition", "../resources/none.md"),
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(linksResolve, {
  // Bookmark findings share one data object: the bookmark, the file it is looked up in and its match.
  dataBeyondPlaceholders: {
    bookmarkCase: ["file"],
    bookmarkMissing: ["file", "match"],
    bookmarkMissingIn: ["match"],
  },
});

describe("parseLinkTarget", () => {
  it("splits path, query and bookmark, and decodes them", () => {
    expect(parseLinkTarget("../resources/my%20page.md?view=beta#the%20top")).toEqual({
      path: "../resources/my page.md",
      fragment: "the top",
    });
    expect(parseLinkTarget("#examples")).toEqual({ path: "", fragment: "examples" });
  });

  it("leaves out what is not a file of the tree", () => {
    for (const url of ["https://x.y/z", "mailto:a@b.c", "/graph/overview", "#tab/http", "", "~/x.md"])
      expect(parseLinkTarget(url)).toBeUndefined();
  });
});

describe("caching", () => {
  it("reads a directory once: a file created after the first lookup is not seen until the indexes are cleared", () => {
    const code = md("[late](../resources/late.md)");
    expect(lintInTree(linksResolve, code, page)).toHaveLength(1);
    writeFile(tree, "v1.0/resources/late.md", md("# late"));
    expect(lintInTree(linksResolve, code, page)).toHaveLength(1);
    clearDocsIndexes();
    expect(lintInTree(linksResolve, code, page)).toEqual([]);
  });
});
