import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearDocsIndexes, docsIndexFor, findDocsRoot } from "../src/docset/index.js";
import { lintFile } from "../src/index.js";
import { intuneEnumPage, md, onlyRule, writeFile as write } from "./helpers.js";

const RULE = "enum-value-documented";

let root: string;
let elsewhere: string;

function resourcePage(name: string, rows: string[], annotation: Record<string, string> = {}): string {
  return md(
    "---",
    `title: "${name} resource type"`,
    "doc_type: resourcePageType",
    "---",
    "",
    `# ${name} resource type`,
    "",
    "Namespace: microsoft.graph",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    ...rows,
    "",
    "## JSON representation",
    "",
    `<!-- ${JSON.stringify({ blockType: "resource", "@odata.type": `microsoft.graph.${name}`, ...annotation })} -->`,
    "```json",
    "{}",
    "```",
  );
}

/** The docs tree: enums, a widget resource with nested settings, and unrelated pages. */
function buildTree(base: string): void {
  mkdirSync(join(base, "api"), { recursive: true });
  write(
    base,
    "resources/enums.md",
    md(
      "---",
      'title: "Enum values"',
      "---",
      "",
      "# Enum values",
      "",
      "Namespace: microsoft.graph",
      "",
      "### widgetKind values",
      "",
      "|Member|",
      "|:---|",
      "|small|",
      "|large|",
      "",
      "### widgetMode values",
      "",
      "| Member | Description",
      "|:---|:---",
      "| auto | Automatic.",
      "| manual | Manual.",
      "",
      "### identityType values",
      "",
      "|Member|",
      "|:---|",
      "|user|",
      "|group|",
    ),
  );
  write(
    base,
    "resources/enums-externalconnectors.md",
    md(
      "# Enum values",
      "",
      "Namespace: microsoft.graph.externalConnectors",
      "",
      "### identityType values",
      "",
      "|Member|",
      "|:---|",
      "|user|",
      "|group|",
      "|externalGroup|",
    ),
  );
  write(
    base,
    "resources/widget.md",
    resourcePage("widget", [
      "|id|String|The identifier.|",
      "|kind|widgetKind|The kind.|",
      "|settings|widgetSettings|The settings.|",
      "|color|[widgetColor](#widgetcolor-values)|The color.|",
    ]) + md("", "### widgetColor values", "", "|Member|", "|:---|", "|red|", "|blue|"),
  );
  write(base, "resources/widgetsettings.md", resourcePage("widgetSettings", ["|mode|widgetMode|The mode.|"]));
  write(
    base,
    "resources/advancedwidgetsettings.md",
    resourcePage("advancedWidgetSettings", ["|level|widgetKind|The level.|"], {
      baseType: "microsoft.graph.widgetSettings",
    }),
  );
  write(
    base,
    "resources/intune-deviceconfig-dialmodetype.md",
    intuneEnumPage("dialModeType", ["|rotary|0|Rotary.|", "|touchTone|1|Touch tone.|"]),
  );
  // Pages a widget page does not need.
  write(base, "resources/gadget.md", resourcePage("gadget", ["|kind|widgetKind|The kind.|"]));
  write(base, "resources/widget-overview.md", md("# Widgets overview", "", "Widgets are useful."));
  write(base, "resources/user.md", resourcePage("user", ["|id|String|The identifier.|"]));
}

/**
 * A create widget page. Its request body table lists `tiny` as the kind's only possible value,
 * which the tree's enum page does not. The request body starts on line 20 and, for a one-line
 * request body, the response body on line 28. `after` lines go at the end of the page.
 */
function widgetPage(body: string[], response: string[] = ["{}"], after: string[] = []): string {
  return md(
    "---",
    'title: "Create widget"',
    "---",
    "",
    "# Create widget",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Request body",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|kind|widgetKind|The kind. Possible values are: `tiny`.|",
    "",
    '<!-- { "blockType": "request", "name": "create_widget" } -->',
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "Content-Type: application/json",
    "",
    ...body,
    "```",
    "",
    '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
    "```http",
    "HTTP/1.1 201 Created",
    "Content-Type: application/json",
    "",
    ...response,
    "```",
    ...after,
  );
}

const REQUEST_LINE = 20;
const RESPONSE_LINE = 28;

function findings(file: string, options: { docsRoot?: string } = {}) {
  const result = lintFile(file, { ...options, rules: onlyRule(RULE) });
  expect(result.unreadable).toBe(false);
  return result.messages.map((m) => ({
    line: m.startPoint.line,
    column: m.startPoint.column,
    message: m.reason,
  }));
}

const notDocumented = (value: string, type: string, property: string, members: string[]) =>
  `"${value}" is not a documented value of ${type} (property "${property}"); documented values: ${members.map((m) => `"${m}"`).join(", ")}.`;

beforeEach(() => {
  clearDocsIndexes();
  root = mkdtempSync(join(tmpdir(), "gdl-docs-"));
  elsewhere = mkdtempSync(join(tmpdir(), "gdl-lone-"));
  buildTree(root);
});

afterEach(() => {
  clearDocsIndexes();
  rmSync(root, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe("findDocsRoot", () => {
  it("finds the folder holding api/ and resources/ from itself and from below", () => {
    mkdirSync(join(root, "api", "nested", "deeper"), { recursive: true });
    expect(findDocsRoot(root)).toBe(root);
    expect(findDocsRoot(join(root, "api"))).toBe(root);
    expect(findDocsRoot(join(root, "resources"))).toBe(root);
    expect(findDocsRoot(join(root, "api", "nested", "deeper"))).toBe(root);
  });

  it("finds nothing outside a docs tree, or with only one of the two folders", () => {
    expect(findDocsRoot(elsewhere)).toBeUndefined();
    mkdirSync(join(elsewhere, "api"));
    clearDocsIndexes();
    expect(findDocsRoot(join(elsewhere, "api"))).toBeUndefined();
  });

  it("finds a tree created later once the caches are cleared", () => {
    expect(findDocsRoot(join(elsewhere))).toBeUndefined();
    mkdirSync(join(elsewhere, "api"));
    mkdirSync(join(elsewhere, "resources"));
    clearDocsIndexes();
    expect(findDocsRoot(join(elsewhere, "api"))).toBe(elsewhere);
  });
});

describe("enum members from the docs tree", () => {
  it("uses the tree's enum page, not the values the page's property table lists", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage(['{ "kind": "tiny" }'], ['{ "kind": "large" }']),
    );
    expect(findings(file)).toEqual([
      {
        line: REQUEST_LINE,
        column: 11,
        message: notDocumented("tiny", "widgetKind", "kind", ["small", "large"]),
      },
    ]);
  });

  it("uses the values the property table lists when the page is not in a docs tree", () => {
    const file = write(
      elsewhere,
      "widget-post.md",
      widgetPage(['{ "kind": "tiny" }'], ['{ "kind": "large" }']),
    );
    expect(findings(file)).toEqual([
      { line: RESPONSE_LINE, column: 11, message: notDocumented("large", "widgetKind", "kind", ["tiny"]) },
    ]);
  });

  it("uses the tree named by docsRoot for a page outside it", () => {
    const file = write(
      elsewhere,
      "widget-post.md",
      widgetPage(['{ "kind": "tiny" }'], ['{ "kind": "large" }']),
    );
    expect(findings(file, { docsRoot: root })).toEqual([
      {
        line: REQUEST_LINE,
        column: 11,
        message: notDocumented("tiny", "widgetKind", "kind", ["small", "large"]),
      },
    ]);
  });

  it("uses an enum table on the linted page itself before the tree", () => {
    const ownTable = ["", "### widgetKind values", "", "|Member|", "|:---|", "|tiny|", "|medium|"];
    const file = write(root, "api/widget-post.md", widgetPage(['{ "kind": "small" }'], ["{}"], ownTable));
    expect(findings(file)).toEqual([
      {
        line: REQUEST_LINE,
        column: 11,
        message: notDocumented("small", "widgetKind", "kind", ["tiny", "medium"]),
      },
    ]);
  });

  it("reads a members table without a trailing pipe", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage(['{ "settings": { "mode": "manual" } }'], ['{ "settings": { "mode": "Manual" } }']),
    );
    expect(findings(file)).toEqual([
      {
        line: RESPONSE_LINE,
        column: 25,
        message: `"Manual" differs only in case from "manual", the documented value of widgetMode (property "mode").`,
      },
    ]);
  });

  it("picks the enum of the page's namespace when two namespaces define the name", () => {
    const page = (namespace: string, type: string) =>
      md(
        `Namespace: ${namespace}`,
        "",
        "## Request body",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        `|type|${type}|The type.|`,
        "",
        "```http",
        "POST https://graph.microsoft.com/v1.0/external/connections/c1/groups/g1/members",
        "",
        '{ "type": "externalGroup" }',
        "```",
      );
    const external = write(
      root,
      "api/externalconnectors-identity-post.md",
      page("microsoft.graph.externalConnectors", "identityType"),
    );
    const qualified = write(
      root,
      "api/qualified-post.md",
      page("microsoft.graph", "microsoft.graph.externalConnectors.identityType"),
    );
    const graph = write(root, "api/identity-post.md", page("microsoft.graph", "identityType"));
    expect(findings(external)).toEqual([]);
    expect(findings(qualified)).toEqual([]);
    expect(findings(graph)).toEqual([
      {
        line: 12,
        column: 11,
        message: notDocumented("externalGroup", "identityType", "type", ["user", "group"]),
      },
    ]);
  });

  it("reads an enum defined on its own enum page (Members table)", () => {
    const page = (value: string) =>
      md(
        "Namespace: microsoft.graph",
        "",
        "## Request body",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|dialMode|dialModeType|The dial mode.|",
        "",
        "```http",
        "PATCH https://graph.microsoft.com/beta/deviceManagement/deviceConfigurations/c1",
        "",
        `{ "dialMode": "${value}" }`,
        "```",
      );
    expect(findings(write(root, "api/intune-ok.md", page("touchTone")))).toEqual([]);
    expect(findings(write(root, "api/intune-bad.md", page("pulse")))).toEqual([
      {
        line: 12,
        column: 15,
        message: notDocumented("pulse", "dialModeType", "dialMode", ["rotary", "touchTone"]),
      },
    ]);
  });
});

describe("enums defined beside their property", () => {
  /** A page whose `color` property is typed `typeCell`; the color value is on line 10. */
  const colorPage = (typeCell: string, value: string) =>
    md(
      "Namespace: microsoft.graph",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      `|color|${typeCell}|The color.|`,
      "",
      "```http",
      "PATCH https://graph.microsoft.com/v1.0/widgets/w1",
      "",
      `{ "color": "${value}" }`,
      "```",
    );
  const colors = (value: string) => notDocumented(value, "widgetColor", "color", ["red", "blue"]);

  it("follows the type cell's link to the page that defines the enum", () => {
    const typeCell = "[widgetColor](../resources/widget.md#widgetcolor-values)";
    expect(findings(write(root, "api/widget-update.md", colorPage(typeCell, "blue")))).toEqual([]);
    expect(findings(write(root, "api/widget-update2.md", colorPage(typeCell, "green")))).toEqual([
      { line: 10, column: 12, message: colors("green") },
    ]);
  });

  it("finds a `### … values` heading on a resource page without a link", () => {
    expect(findings(write(root, "api/widget-update.md", colorPage("widgetColor", "green")))).toEqual([
      { line: 10, column: 12, message: colors("green") },
    ]);
  });

  it("resolves an enum beside a resource's property for a response body", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage(['{ "kind": "small" }'], ['{ "color": "Red" }']),
    );
    expect(findings(file)).toEqual([
      {
        line: RESPONSE_LINE,
        column: 12,
        message: `"Red" differs only in case from "red", the documented value of widgetColor (property "color").`,
      },
    ]);
  });

  it("reads nothing outside the docs root when a link points there", () => {
    const outside = write(
      elsewhere,
      "enums.md",
      md("Namespace: microsoft.graph", "", "### widgetKind values", "", "|Member|", "|:---|", "|huge|"),
    );
    const link = relative(join(root, "api"), outside).split(sep).join("/");
    const page = md(
      "Namespace: microsoft.graph",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      `|kind|[widgetKind](${link})|The kind.|`,
      "",
      "```http",
      "POST https://graph.microsoft.com/v1.0/widgets",
      "",
      '{ "kind": "huge" }',
      "```",
    );
    expect(findings(write(root, "api/widget-post.md", page))).toEqual([
      { line: 10, column: 11, message: notDocumented("huge", "widgetKind", "kind", ["small", "large"]) },
    ]);
    expect([...docsIndexFor(root).dependencies]).not.toContain(outside);
  });
});

describe("complex types from the docs tree", () => {
  it("resolves a nested object's properties through its resource page", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage(
        ['{ "settings": { "mode": "bogus" } }'],
        ['{ "kind": "medium", "settings": { "mode": "auto" } }'],
      ),
    );
    expect(findings(file)).toEqual([
      {
        line: REQUEST_LINE,
        column: 25,
        message: notDocumented("bogus", "widgetMode", "mode", ["auto", "manual"]),
      },
      {
        line: RESPONSE_LINE,
        column: 11,
        message: notDocumented("medium", "widgetKind", "kind", ["small", "large"]),
      },
    ]);
  });

  it("resolves a derived type named by @odata.type, with the properties of its base type", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage([
        "{",
        '  "settings": {',
        '    "@odata.type": "#microsoft.graph.advancedWidgetSettings",',
        '    "level": "huge",',
        '    "mode": "sometimes"',
        "  }",
        "}",
      ]),
    );
    expect(findings(file)).toEqual([
      {
        line: REQUEST_LINE + 3,
        column: 14,
        message: notDocumented("huge", "widgetKind", "level", ["small", "large"]),
      },
      {
        line: REQUEST_LINE + 4,
        column: 13,
        message: notDocumented("sometimes", "widgetMode", "mode", ["auto", "manual"]),
      },
    ]);
  });
});

describe("what linting one page reads", () => {
  it("parses the enum pages that name the enums it meets and the resource pages of its types, and nothing else", () => {
    const file = write(
      root,
      "api/widget-post.md",
      widgetPage(
        ['{ "kind": "small", "settings": { "mode": "auto" } }'],
        ['{ "id": "w1", "kind": "large" }'],
      ),
    );
    expect(findings(file)).toEqual([]);
    const dependencies = [...docsIndexFor(root).dependencies].map((f) => f.slice(root.length + 1)).sort();
    expect(dependencies).toEqual([
      "resources/enums.md",
      "resources/widget.md",
      "resources/widgetsettings.md",
    ]);
    // The namespace's enum page does not name widgetKind or widgetMode: read as text, not parsed.
    expect(dependencies).not.toContain("resources/enums-externalconnectors.md");
    expect(dependencies).not.toContain("resources/gadget.md");
    expect(dependencies).not.toContain("resources/user.md");
    expect(dependencies).not.toContain("resources/widget-overview.md");
  });

  it("reads nothing for a page without enum-typed properties", () => {
    const file = write(
      root,
      "api/me-get.md",
      md("# Get user", "", "```http", "GET https://graph.microsoft.com/v1.0/me", "```"),
    );
    expect(findings(file)).toEqual([]);
    expect([...docsIndexFor(root).dependencies]).toEqual([]);
  });
});
