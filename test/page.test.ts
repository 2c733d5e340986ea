import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lintFile, lintText } from "../src/index.js";
import { buildPage } from "../src/page/build.js";
import { documentedValues } from "../src/page/possible-values.js";
import { valueRuns } from "../src/page/value-runs.js";
import { readableText } from "../src/parse/inline.js";
import { LineIndex, decodeSource } from "../src/parse/source.js";
import { type SimpleFix, applyFixes, md, simplify } from "./helpers.js";

const PAGES = fileURLToPath(new URL("../fixtures/pages/", import.meta.url));
const pageText = (name: string) => readFileSync(join(PAGES, name), "utf8");

const tmp = mkdtempSync(join(tmpdir(), "gdl-page-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A page on which every rule reports something. */
const EVERY_RULE = md(
  "---",
  'title: "Create externalGroupMember"',
  'author: "**TODO: Provide Github Name.**"',
  "---",
  "",
  "# Create externalGroupMember",
  "Namespace: microsoft.graph.externalConnectors",
  "",
  "|Permission type|Permissions|",
  "|:---|:---|",
  "|Application (应用程序)|**TODO: Provide applicable permissions.**|",
  "",
  "## Request body",
  "",
  "|Property|Type|Description|",
  "|:---|:---|:---|",
  "|type|identityType|Possible values are: `user`, `group`.|",
  "",
  "### Request",
  "",
  '<!-- { "blockType": "request", "name": "create_member", } -->',
  "```http",
  "POST https://graph.microsoft.com/beta/connections/c1/groups/g1/members",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "u1",',
  '  "type": "String",',
  "}",
  "```",
  "",
  "### Response",
  "",
  '<!-- { "blockType": "response" "truncated": true } -->',
  "```http",
  "HTTP/1.1 201 Created",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "u2",',
  '  "type": "User"',
  "}",
  "```",
);

function fixesOf(text: string): SimpleFix[] {
  return lintText(text).messages.flatMap((m) =>
    m.fix ? [{ range: [m.fix.range.start, m.fix.range.end] as [number, number], text: m.fix.text }] : [],
  );
}

describe("line endings and byte order mark", () => {
  const lf = EVERY_RULE;
  const crlf = lf.replace(/\n/g, "\r\n");
  const expected = simplify(lintText(lf));

  it("the LF page has findings from every rule", () => {
    expect(new Set(expected.map((m) => m.ruleId))).toEqual(
      new Set([
        "no-todo-placeholder",
        "no-trailing-comma",
        "request-response-id-match",
        "external-path-prefix",
        "enum-value-documented",
        "annotation-json",
      ]),
    );
    expect(expected.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([
      "no-todo-placeholder 3:10",
      "no-todo-placeholder 11:21",
      "no-trailing-comma 21:55",
      "external-path-prefix 23:38",
      "enum-value-documented 28:11",
      "no-trailing-comma 28:19",
      "annotation-json 34:32",
      "request-response-id-match 40:9",
      "enum-value-documented 41:11",
    ]);
  });

  it("CRLF text gives the same line:column findings as LF", () => {
    expect(simplify(lintText(crlf))).toEqual(expected);
  });

  it("fixes computed on CRLF text apply to it as they do to LF", () => {
    const fixedLf = applyFixes(lf, fixesOf(lf));
    expect(fixedLf).not.toBe(lf);
    expect(applyFixes(crlf, fixesOf(crlf))).toBe(fixedLf.replace(/\n/g, "\r\n"));
  });

  it.each([
    ["LF", lf, false],
    ["CRLF", crlf, false],
    ["BOM + LF", "\uFEFF" + lf, true],
    ["BOM + CRLF", "\uFEFF" + crlf, true],
  ])("a %s file gives the same findings as LF text", (name, text, bom) => {
    const file = join(tmp, `${name.replace(/\W+/g, "-")}.md`);
    writeFileSync(file, text);
    const result = lintFile(file);
    expect(result.unreadable).toBe(false);
    expect(result.bom).toBe(bom);
    expect(result.source?.startsWith("\uFEFF")).toBe(false);
    expect(simplify(result)).toEqual(expected);
  });

  // Bug: src/page/build.ts readFrontMatter hands the front matter to the `yaml` package as is, and
  // that package does not treat a lone CR as a line break, so a page with CR line endings (which
  // LineIndex and the markdown parser support) gets one broken front matter entry: the title
  // falls back to the H1 and the TODO in `author` is not reported.
  it("lone-CR text gives the same findings as LF", () => {
    expect(simplify(lintText(lf.replace(/\n/g, "\r")))).toEqual(expected);
  });

  it("lone-CR text gives the same findings as LF after the front matter", () => {
    const body = lf.slice(lf.indexOf("# Create"));
    const offset = lf.slice(0, lf.indexOf("# Create")).split("\n").length - 1;
    const shifted = expected
      .filter((m) => m.line > offset)
      .map((m) => ({ ...m, line: m.line - offset, endLine: m.endLine - offset }));
    expect(simplify(lintText(body.replace(/\n/g, "\r")))).toEqual(shifted);
  });
});

describe("machine-translated pages", () => {
  const cell = (id: string, translated: string, english: string) =>
    `<span data-ttu-id="${id}">${translated}</span><span class="sxs-lookup"><span data-stu-id="${id}">${english}</span></span>`;

  it("reads the English source of a translated span", () => {
    expect(readableText(cell("a-1", "id", "id"))).toBe("id");
    expect(readableText(cell("a-2", "字符串", "String"))).toBe("String");
    expect(readableText(`${cell("a-3", "一", "One.")} ${cell("a-4", "二", "Two.")}`)).toBe("One. Two.");
    expect(readableText("<span>plain</span> text")).toBe("plain text");
  });

  it("reads property names, types and possible values from the English cells", () => {
    const page = buildPage(
      md(
        `| ${cell("p-1", "属性", "Property")} | ${cell("p-2", "类型", "Type")} | ${cell("p-3", "说明", "Description")} |`,
        "|:---|:---|:---|",
        `| ${cell("p-4", "id", "id")} | ${cell("p-5", "字符串", "String")} | ${cell("p-6", "唯一 `id`。", "The unique `id`.")} |`,
        `| ${cell("p-7", "type", "type")} | ${cell("p-8", "identityType", "identityType")} | ${cell("p-9", "可能的值为：`user`、`group`。", "Possible values are: `user`, `group`.")} |`,
      ),
    );
    expect(page.propertyTables).toHaveLength(1);
    const rows = page.propertyTables[0]!.rows;
    expect(rows.map((r) => [r.name, r.type, r.documentedValues?.values])).toEqual([
      ["id", "String", undefined],
      ["type", "identityType", ["user", "group"]],
    ]);
  });

  it("reads fixtures/pages/translated-zh-cn.txt: names, namespace, headings", () => {
    const translated = buildPage(pageText("translated-zh-cn.txt"));
    expect(translated.title).toBe("添加 widget");
    expect(translated.namespace?.value).toBe("microsoft.graph");
    expect(translated.headings.slice(0, 3).map((h) => h.text)).toEqual([
      "Add widget",
      "Permissions",
      "HTTP request",
    ]);
    const body = translated.propertyTables.find((t) => t.heading?.text === "Request body");
    expect(body?.rows.map((r) => r.name)).toEqual(["id", "kind", "origin"]);
    expect(body?.rows.map((r) => r.type)).toEqual(["String", "widgetKind", "widgetOrigin"]);
    expect(body?.rows.map((r) => r.documentedValues?.values)).toEqual([
      undefined,
      ["gadget", "gizmo"],
      ["catalog", "custom"],
    ]);
  });
});

describe("property tables with translated headers", () => {
  const page = (...table: string[]) =>
    buildPage(
      md(
        '# <a name="widget-resource-type"></a>widget 资源类型',
        "",
        '## <a name="properties"></a>属性',
        "",
        ...table,
      ),
    );

  it.each([
    [
      "two columns: names and types",
      [
        "| 属性 | 类型 |",
        "|:--|:--|",
        "| reportRefreshDate | 日期 |",
        "| viewedOrEdited | Int64 |",
        "| sharedInternally | Int64 |",
      ],
      [
        ["reportRefreshDate", "日期"],
        ["viewedOrEdited", "Int64"],
        ["sharedInternally", "Int64"],
      ],
    ],
    [
      "three columns: names, types, descriptions",
      ["| 属性 | 类型 | 说明 |", "|:--|:--|:--|", "| size | Int64 | 大小。 |", "| name | String | 名称。 |"],
      [
        ["size", "Int64"],
        ["name", "String"],
      ],
    ],
    [
      "two columns of names and words: not a property table",
      ["| 属性 | 值 |", "|:--|:--|", "| size | 大 |", "| name | 名称 |"],
      undefined,
    ],
    [
      "two columns of constants and single words (which could name types): not a property table",
      [
        "| 预设常量 | 颜色 |",
        "|:--|:--|",
        "| Preset0 | Red |",
        "| Preset1 | Orange |",
        "| Preset2 | Brown |",
      ],
      undefined,
    ],
    [
      "two columns of words and types: not a property table",
      ["| 属性 | 类型 |", "|:--|:--|", "| 大小 | Int64 |", "| 名称 | String |"],
      undefined,
    ],
  ])("%s", (_name, table, rows) => {
    const tables = page(...table).propertyTables;
    expect(tables[0]?.rows.map((r) => [r.name, r.type])).toEqual(rows);
  });
});

describe("plain-text pages (no fences)", () => {
  const text = pageText("plain-text.txt");
  const page = buildPage(text);
  const lineOf = (offset: number) => page.lines.point(offset).line;

  it("is read as plain text, with its namespace line", () => {
    expect(page.format).toBe("plain");
    expect(page.codeBlocks).toEqual([]);
    expect(page.namespace?.value).toBe("microsoft.graph.externalConnectors");
  });

  it("finds each request and response with its lines", () => {
    expect(
      page.examples.map((e) => [
        e.source,
        e.kind,
        lineOf(e.start),
        lineOf(e.end),
        e.message.requestLines[0]?.method ?? e.message.status?.code,
      ]),
    ).toEqual([
      ["plain", "request", 20, 20, "POST"],
      ["plain", "request", 39, 46, "POST"],
      ["plain", "response", 52, 58, 201],
      ["plain", "request", 64, 70, "POST"],
      ["plain", "response", 76, 82, 201],
    ]);
  });

  it("parses headers and JSON bodies, and pairs requests with responses", () => {
    const second = page.examples[1]!;
    expect(second.message.headers.map((h) => [h.name, h.value])).toEqual([
      ["Content-Type", "application/json"],
    ]);
    expect(second.message.body?.json?.root?.type).toBe("object");
    expect(second.message.requestLines[0]?.version).toBe("beta");
    expect(second.message.requestLines[0]?.path).toBe("/external/connections/contoso/widgets");
    expect(
      page.exchanges.map((x) => [lineOf(x.request.start), x.response && lineOf(x.response.start)]),
    ).toEqual([
      [20, undefined],
      [39, 52],
      [64, 76],
    ]);
  });

  it("a markdown page with fences is not read as plain text", () => {
    const fenced = buildPage(md("# Get me", "", "```http", "GET https://graph.microsoft.com/v1.0/me", "```"));
    expect(fenced.format).toBe("markdown");
    expect(fenced.examples.map((e) => [e.source, e.kind])).toEqual([["fence", "request"]]);
  });
});

describe("annotations", () => {
  const exampleAnnotation = (text: string) => buildPage(text).examples.map((e) => e.annotation?.data.name);

  it.each([
    [
      "directly before the fence",
      md('<!-- { "blockType": "request", "name": "a" } -->', "```http", "GET /me", "```"),
    ],
    [
      "across blank lines",
      md('<!-- { "blockType": "request", "name": "a" } -->', "", "", "```http", "GET /me", "```"),
    ],
    [
      "across a DocFX tab marker",
      md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "",
        "# [HTTP](#tab/http)",
        "",
        "```http",
        "GET /me",
        "```",
      ),
    ],
    [
      "across another HTML comment",
      md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "",
        "<!-- markdownlint-disable MD024 -->",
        "",
        "```http",
        "GET /me",
        "```",
      ),
    ],
    [
      "written over several lines",
      md("<!-- {", '  "blockType": "request",', '  "name": "a"', "}", "-->", "```http", "GET /me", "```"),
    ],
  ])("attaches %s", (_name, text) => {
    expect(exampleAnnotation(text)).toEqual(["a"]);
  });

  it.each([
    [
      "a paragraph",
      md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "",
        "Some text.",
        "",
        "```http",
        "GET /me",
        "```",
      ),
    ],
    [
      "a heading",
      md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "",
        "## Request",
        "",
        "```http",
        "GET /me",
        "```",
      ),
    ],
    [
      "a thematic break",
      md('<!-- { "blockType": "request", "name": "a" } -->', "", "---", "", "```http", "GET /me", "```"),
    ],
  ])("does not attach across %s", (_name, text) => {
    const page = buildPage(text);
    expect(page.annotations).toHaveLength(1);
    expect(page.examples.map((e) => [e.annotation, e.kind])).toEqual([[undefined, "request"]]);
  });

  it("reads a malformed annotation's values (unquoted keys) and keeps its JSON errors", () => {
    const page = buildPage(
      md(
        '<!-- { blockType: "response", name: "get_me", truncated: true } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "```",
      ),
    );
    const annotation = page.annotations[0]!;
    expect(annotation.blockType).toBe("response");
    expect(annotation.data).toEqual({ blockType: "response", name: "get_me", truncated: true });
    expect(annotation.json.errors.length).toBeGreaterThan(0);
    expect(page.examples[0]?.annotation).toBe(annotation);
    expect(page.examples[0]?.kind).toBe("response");
  });

  it("an annotated ```json block is an example of the annotated kind", () => {
    const page = buildPage(
      md('<!-- { "blockType": "response", "name": "a" } -->', "```json", '{ "id": "1" }', "```"),
    );
    expect(page.examples.map((e) => [e.kind, e.message.body?.text])).toEqual([["response", '{ "id": "1" }']]);
  });

  it("a comment that is not an annotation is a comment only", () => {
    const page = buildPage(md("<!-- see {id} -->", "", "<!-- markdownlint-disable MD024 -->"));
    expect(page.annotations).toEqual([]);
    expect(page.comments).toHaveLength(2);
  });
});

describe("headings and DocFX tabs", () => {
  const page = buildPage(
    md(
      "# Create widget",
      "",
      "## Examples",
      "",
      "### Request",
      "",
      "# [HTTP](#tab/http)",
      '<!-- { "blockType": "request", "name": "a" } -->',
      "```http",
      "POST /widgets",
      "```",
      "",
      "# [C#](#tab/csharp)",
      "[!INCLUDE [sample-code](../includes/snippets/csharp/a-csharp-snippets.md)]",
      "",
      "#### [JavaScript](#tab/javascript)",
      "[!INCLUDE [sample-code](../includes/snippets/javascript/a-javascript-snippets.md)]",
      "",
      "---",
      "",
      "### Response",
      '<!-- { "blockType": "response" } -->',
      "```http",
      "HTTP/1.1 201 Created",
      "```",
    ),
  );

  it("tab markers are not headings", () => {
    expect(page.headings.map((h) => [h.depth, h.text])).toEqual([
      [1, "Create widget"],
      [2, "Examples"],
      [3, "Request"],
      [3, "Response"],
    ]);
    expect(page.title).toBe("Create widget");
  });

  it("examples keep the heading path they stand under", () => {
    expect(page.examples.map((e) => [e.kind, e.headingPath.map((h) => h.text)])).toEqual([
      ["request", ["Create widget", "Examples", "Request"]],
      ["response", ["Create widget", "Examples", "Response"]],
    ]);
    expect(page.exchanges).toHaveLength(1);
    expect(page.exchanges[0]?.response).toBe(page.examples[1]);
  });

  it("the title is the front matter's, else the first H1 that is not a tab", () => {
    expect(buildPage(md("# [HTTP](#tab/http)", "", "# Real title")).title).toBe("Real title");
    expect(buildPage(md("---", "title: From front matter", "---", "", "# Heading")).title).toBe(
      "From front matter",
    );
  });
});

describe("tables", () => {
  it("reads `### fooType values` enum tables, with or without outer pipes", () => {
    const page = buildPage(
      md(
        "### widgetKind values",
        "",
        "|Member|Description|",
        "|:---|:---|",
        "|small|Small.|",
        "|large|Large.|",
        "",
        "### widgetMode values",
        "",
        "| Member",
        "|:---",
        "| auto",
        "| `manual`",
      ),
    );
    expect(page.enumTables.map((t) => [t.name, t.members])).toEqual([
      ["widgetKind", ["small", "large"]],
      ["widgetMode", ["auto", "manual"]],
    ]);
  });

  it("reads a translated enum table whose members translation took, by its shape", () => {
    // Headers in words; the members in words too: one column, or a second column of numbers.
    const page = buildPage(
      md(
        '### <a name="onenoteuserrole-values"></a>onenoteUserRole 值',
        "",
        "| 成员 | 值 |",
        "|:---|:---|",
        "| 所有者 | 0 |",
        "| 参与者 | 1 |",
        "| 无 | -1 |",
        "",
        '### <a name="comparisontype-values"></a>comparisonType 值',
        "",
        "|成员|",
        "|:---|",
        "|全部|",
        "|任意|",
        "",
        // Words and words: no member table.
        '### <a name="widgetkind-values"></a>widgetKind 值',
        "",
        "| 成员 | 说明 |",
        "|:---|:---|",
        "| 小 | 小的。 |",
        "| 大 | 大的。 |",
      ),
    );
    expect(page.enumTables.map((t) => [t.name, t.members, t.notNames.map((n) => n.name)])).toEqual([
      ["onenoteUserRole", [], ["所有者", "参与者", "无"]],
      ["comparisonType", [], ["全部", "任意"]],
    ]);
  });

  it("reads a property table under its heading, with escaped pipes and the type's link", () => {
    const page = buildPage(
      md(
        "## Properties",
        "",
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|kind|[widgetKind](../resources/enums.md#widgetkind-values)|A \\| B. Possible values are: `small`, `large`.|",
        "|**name**|String collection|The names.|",
        "|not a name|String|Skipped.|",
      ),
    );
    const table = page.propertyTables[0]!;
    expect(table.heading?.text).toBe("Properties");
    expect(table.rows.map((r) => [r.name, r.type, r.documentedValues?.values])).toEqual([
      ["kind", "widgetKind", ["small", "large"]],
      ["name", "String collection", undefined],
    ]);
  });

  it("reads the namespace line and its range", () => {
    const text = md("# Get widget", "Namespace: microsoft.graph.externalConnectors", "", "Text.");
    const page = buildPage(text);
    expect(page.namespace?.value).toBe("microsoft.graph.externalConnectors");
    const range = page.namespace!.range;
    expect(text.slice(range.start, range.end)).toBe("microsoft.graph.externalConnectors");
  });

  it.each<[string, string | undefined]>([
    ["命名空间：microsoft.graph.callRecords", "microsoft.graph.callRecords"],
    ["命名空间: microsoft.graph", "microsoft.graph"],
    // Not a Graph namespace, or not alone on its line: not a namespace line.
    ["命名空间： termStore", undefined],
    ["命名空间：microsoft.graph 和更多", undefined],
  ])("reads a translated namespace line: %s", (line, namespace) => {
    const text = md("# 获取 widget", "", line, "", "Text.");
    const page = buildPage(text);
    expect(page.namespace?.value).toBe(namespace);
    if (namespace !== undefined) {
      expect(text.slice(page.namespace!.range.start, page.namespace!.range.end)).toBe(namespace);
    }
  });

  it("keeps an enum table's heading, header row and member cells (each member's own text)", () => {
    const text = md(
      "### widgetKind values",
      "",
      "| Member | Description |",
      "|:---|:---|",
      "| `small` | S. |",
      "| a\\_b | A. |",
    );
    const [table] = buildPage(text).enumTables;
    expect(table!.heading?.text).toBe("widgetKind values");
    expect(text.slice(table!.headerRow.start, table!.headerRow.end)).toBe("| Member | Description |");
    expect(table!.memberCells.map((c) => [c.name, text.slice(c.start, c.end), c.exact])).toEqual([
      ["small", "small", true],
      ["a_b", "a\\_b", false],
    ]);
  });
});

describe("valueRuns", () => {
  it.each<[string, string[][]]>([
    ["类型。可取值为：`a`、`b`。", [["a", "b"]]],
    // Machine translation moves the separators, and a full stop, between the values.
    [
      "可能的值是 `General` `Left` ：、、、、、、、。 `Center` `Right`",
      [["General", "Left", "Center", "Right"]],
    ],
    // Words between two values end the run.
    ["The possible values are: `a`, `b`. Use `c` when x is `d`.", [["a", "b"]]],
    // A gloss in parentheses does not, wherever machine translation put its parentheses.
    ["Possible values are `sig` (signature), `enc` (encryption).", [["sig", "enc"]]],
    ["可能的值包括 `sig` ： (签名)  (`enc` 加密)", [["sig", "enc"]]],
    [
      "可能的值包括 `discovery` ： (发现服务) 、 (通知服务 `notification`) 、 (IPP 服务) 和 `ipp` (`registration` 注册服务) 。",
      [["discovery", "notification", "ipp", "registration"]],
    ],
    ["Use `a` first (see the note on `b`).", []],
    // Spans of two backticks, and type names as `@odata.type` writes them.
    ["可取值为：``NotStarted``、`Completed`。", [["NotStarted", "Completed"]]],
    [
      "可能的值是： `none` `shift` ， `openShiftRequest``userShiftPreferences`",
      [["none", "shift", "openShiftRequest", "userShiftPreferences"]],
    ],
    ["有效值可以是 ```min``` ```default``` 小时数。", [["min", "default"]]],
    [
      "可取值为：`#microsoft.graph.a`、`#microsoft.graph.b`。",
      [["#microsoft.graph.a", "#microsoft.graph.b"]],
    ],
  ])("%j", (description, expected) => {
    expect(valueRuns(description).map((r) => r.values)).toEqual(expected);
  });
});

describe("documentedValues", () => {
  it.each<[string, string[] | undefined]>([
    ["Possible values are: `user`, `group`.", ["user", "group"]],
    [
      "The possible values are: `azureActiveDirectory`, `external`, `unknownFutureValue`. Optional.",
      ["azureActiveDirectory", "external", "unknownFutureValue"],
    ],
    [
      "The possible values are: `user` or `group` when the identitySource is `azureActiveDirectory` and just `group` when the identitySource is `external`.",
      ["user", "group"],
    ],
    ["Possible values are: `small`, `large` if the kind is `tiny`.", ["small", "large"]],
    ["The possible values are: `a`, `b`. Use `c` when x is `d`.", ["a", "b"]],
    ["Possible values are: `a` (default), `b`.", ["a", "b"]],
    ["Possible values are: `small`. Required.", ["small"]],
    ["Supported values: `a1`,`b1`,`a1`.", ["a1", "b1"]],
    ["Valid values are `v1.0` and `beta`. Default `beta`.", ["v1.0", "beta"]],
    ["Allowed values are `read`, `write`, `readWrite`.", ["read", "write", "readWrite"]],
    ["Accepted value is `only`.", ["only"]],
    ["Possible values for this property are: `x`, `y`.", ["x", "y"]],
    ["Possible values are: `on`,<br>`off`.", ["on", "off"]],
    ["Possible values are: azureActiveDirectory, external. Required.", ["azureActiveDirectory", "external"]],
    ["Possible values are user, group, unknownFutureValue.", ["user", "group", "unknownFutureValue"]],
    ["Possible values are: Unknown, Empty, String.", ["Unknown", "Empty", "String"]],
    ["Possible values are: small or large.", ["small", "large"]],
    ["Possible values are: **small**, **large**.", ["small", "large"]],
    ["No values here.", undefined],
    ["The kind of widget.", undefined],
    ["Possible values are listed in the following table.", undefined],
    ["Possible values are described in the following table.", undefined],
    ["Possible values are: see the table.", undefined],
    ["Cannot begin with `Microsoft` or be one of the following values: `None`, `Directory`.", undefined],
    ["Must not be one of `a`, `b`.", undefined],
  ])("%j", (description, expected) => {
    expect(documentedValues(description)?.values).toEqual(expected);
  });

  it.each<[string, string[], boolean]>([
    ["Possible values are: `a`, `b`.", ["a", "b"], true],
    ["The supported values are `oidc`, `password`, `saml`.", ["oidc", "password", "saml"], true],
    ["Must be one of `dateOnly` or `dateTime`.", ["dateOnly", "dateTime"], true],
    ["Can be one of the following: `x`, `y`.", ["x", "y"], true],
    ["Possible values include: `a`, `b`.", ["a", "b"], false],
    ["Supported values include `read` and `write`.", ["read", "write"], false],
  ])("%j lists %j, the whole list: %s", (description, values, complete) => {
    expect(documentedValues(description)).toEqual({ values, complete });
  });
});

describe("decodeSource", () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  it.each<[string, Buffer, ReturnType<typeof decodeSource>]>([
    ["UTF-8 text", bytes("# Título ✓\n"), { ok: true, text: "# Título ✓\n", bom: false }],
    ["a byte order mark", bytes([0xef, 0xbb, 0xbf], "# T\n"), { ok: true, text: "# T\n", bom: true }],
    ["an empty file", bytes(""), { ok: true, text: "", bom: false }],
    [
      "a NUL byte",
      bytes("ab", [0], "cd"),
      {
        ok: false,
        reason: "binary",
        byteOffset: 2,
        message: "looks like a binary file (NUL byte at byte 2); not linted",
      },
    ],
    [
      "UTF-16 with its byte order mark",
      Buffer.from("\uFEFF# T", "utf16le"),
      {
        ok: false,
        reason: "binary",
        byteOffset: 3,
        message: "looks like a binary file (NUL byte at byte 3); not linted",
      },
    ],
    [
      "an invalid byte",
      bytes("ok ", [0xff, 0xfe], " text"),
      {
        ok: false,
        reason: "invalid-utf8",
        byteOffset: 3,
        message: "is not valid UTF-8 (first invalid byte at byte 3); not linted",
      },
    ],
    [
      "a truncated sequence at the end",
      bytes("abc", [0xe2, 0x82]),
      {
        ok: false,
        reason: "invalid-utf8",
        byteOffset: 3,
        message: "is not valid UTF-8 (first invalid byte at byte 3); not linted",
      },
    ],
    [
      "an overlong encoding after valid multi-byte text",
      bytes("é", [0xe0, 0x80, 0x80]),
      {
        ok: false,
        reason: "invalid-utf8",
        byteOffset: 2,
        message: "is not valid UTF-8 (first invalid byte at byte 2); not linted",
      },
    ],
  ])("%s", (_name, input, expected) => {
    expect(decodeSource(input)).toEqual(expected);
  });
});

describe("LineIndex", () => {
  it.each([
    ["LF", "ab\ncd\n\nef"],
    ["CRLF", "ab\r\ncd\r\n\r\nef"],
    ["CR", "ab\rcd\r\ref"],
  ])("maps offsets and line:column both ways with %s", (_name, text) => {
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((l) => lines.lineText(l))).toEqual(["ab", "cd", "", "ef"]);
    const e = text.indexOf("e");
    expect(lines.point(e)).toEqual({ line: 4, column: 1, offset: e });
    expect(lines.offset(4, 2)).toBe(e + 1);
    expect(lines.point(text.indexOf("d"))).toEqual({ line: 2, column: 2, offset: text.indexOf("d") });
    expect(lines.point(text.length + 10)).toEqual({ line: 4, column: 3, offset: text.length });
  });

  it("counts columns in UTF-16 code units", () => {
    const lines = new LineIndex("😀é x");
    expect(lines.point(4)).toEqual({ line: 1, column: 5, offset: 4 });
  });
});
