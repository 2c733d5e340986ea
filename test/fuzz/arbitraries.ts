/**
 * Random Graph-style markdown for property-based tests ("never crash, never corrupt"), and the
 * invariants every lint and fix must keep.
 *
 * This file is the one source of truth for the generators: `test/fuzz.test.ts` imports it under
 * vitest (against src/), and `scripts/fuzz.mjs` loads it through tsx (against the built dist/).
 * The invariants take the linter's API as a parameter for the same reason.
 *
 * A generated page is a list of blocks (each a list of lines) put together with a chosen line
 * ending, so that fast-check can shrink a failure to the few blocks and lines that matter.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";

// ---------------------------------------------------------------------------------------------
// Seed pages: the pages of fixtures/pages (pages we wrote, standing for real ones)

const SEEDS_DIR = fileURLToPath(new URL("../../fixtures/pages/", import.meta.url));
/** The docs tree of the fixtures (api/ and resources/): pages linted "inside" it resolve enums from it. */
export const FIXTURES_ROOT = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** The seed pages (fixtures/pages/*.txt), each as lines (line endings removed). */
export const seedPages: readonly string[][] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(SEEDS_DIR + f, "utf8").split(/\r?\n/));

// ---------------------------------------------------------------------------------------------
// Words and inline text

const WORDS = [
  "user",
  "group",
  "the",
  "Create",
  "externalGroupMember",
  "identitySource",
  "azureActiveDirectory",
  "Possible values are:",
  "when",
  "is",
  "Required.",
  "Optional.",
  "用户",
  "組織",
  "ユーザー",
  "외부",
  "🚀",
  "👩‍💻",
  "🇯🇵",
  "é",
  "Ω",
  "ℹ️",
  "TODO",
  "todo",
  "**TODO: Add Description**",
  "<TODO>",
  "**bold**",
  "*em*",
  "_em_",
  "`code`",
  "`azureActiveDirectory`",
  "[link](../resources/user.md)",
  "[enum](enums.md#foo-values)",
  "![img](x.png)",
  "<br/>",
  "<b>",
  "</b>",
  "&amp;",
  "&lt;",
  "&#39;",
  "\\|",
  "|",
  "*",
  "_",
  "<",
  ">",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  "#",
  "\t",
  "  ",
  "---",
  "```",
  "~~~",
  "<!--",
  "-->",
  "\\",
  '"',
  ",",
  "...",
  ":",
  "Namespace:",
  "/connections",
  "GET",
  "\u00a0",
  "\u200b",
  "\u0000",
  "\u2028",
];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  // Any code unit sequence, lone surrogates and control characters included.
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** A run of words on one line (a line break inside a random word makes more lines; that is fine). */
export const inlineText = fc.array(word, { maxLength: 10 }).map((ws) => ws.join(" "));

const identifier = fc.constantFrom(
  "identitySource",
  "type",
  "id",
  "displayName",
  "userFlowType",
  "value",
  "members",
  "state",
  "roles",
  "name",
);
const typeName = fc.constantFrom(
  "identitySourceType",
  "externalGroupMemberType",
  "microsoft.graph.externalConnectors.identitySourceType",
  "microsoft.graph.externalConnectors.externalGroupMemberType",
  "userFlowType",
  "String",
  "String collection",
  "Collection(microsoft.graph.user)",
  "Int32",
  "Boolean",
  "fooType",
  "[identitySourceType](../resources/enums-externalconnectors.md#identitysourcetype-values)",
  "[fooType](../../../outside/enums.md#footype-values)",
  "[bar](#bar-values)",
  "microsoft.graph.externalConnectors.externalGroupMember",
  "",
);
const enumValue = fc.constantFrom(
  "azureActiveDirectory",
  "external",
  "unknownFutureValue",
  "user",
  "group",
  "User",
  "signUp",
  "signIn",
  "String",
  "Int32",
  "read,write",
  "a",
  "b",
  "",
  "值",
);

// ---------------------------------------------------------------------------------------------
// JSON text, well-formed or not

type JsonNode =
  | { k: "raw"; text: string }
  | { k: "object"; entries: Array<[string, JsonNode, string]>; trailing: string; closed: boolean }
  | { k: "array"; items: Array<[JsonNode, string]>; trailing: string; closed: boolean };

const jsonStringLiteral = fc.oneof(
  { weight: 4, arbitrary: enumValue.map((s) => JSON.stringify(s)) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "f7efa2d2-a2d2-f7ef-d2a2-eff7d2a2ef69",
        "F7EFA2D2-A2D2-F7EF-D2A2-EFF7D2A2EF69",
        "B2X_1_Partner",
        "Partner",
        "extk9eruy7c_courses",
        "courses",
        "#microsoft.graph.externalConnectors.externalGroupMember",
        "microsoft.graph.externalConnectors.externalGroupMember",
        "#microsoft.graph.user",
        "TODO",
      )
      .map((s) => JSON.stringify(s)),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 16 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }).map((s) => `"${s}"`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '"unterminated',
      '"bad \\q escape"',
      '"\\u12"',
      '"tab\there"',
      "'single'",
      '"a\\"b"',
      '""',
      '"line\nbreak"',
    ),
  },
);

const jsonScalar: fc.Arbitrary<JsonNode> = fc
  .oneof(
    { weight: 6, arbitrary: jsonStringLiteral },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "0",
        "-1",
        "3.14",
        "1e400",
        "01",
        "1.",
        "-",
        "NaN",
        "Infinity",
        "true",
        "false",
        "null",
        "tru",
        "nul",
        "undefined",
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom("...", "// comment", "/* c */", "/* open", "{", "}", "[", "]") },
  )
  .map((text) => ({ k: "raw", text }));

const jsonKey = fc.oneof(
  { weight: 6, arbitrary: identifier.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.constant('"@odata.type"') },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.constantFrom("id", "'id'", "", '"unterminated', "1", '"a":"b"') },
);

/** What stands after a value: usually a comma, sometimes a broken or commented one. */
const separator = fc.oneof(
  { weight: 10, arbitrary: fc.constant(",") },
  { weight: 1, arbitrary: fc.constantFrom("", ",,", ", // c", " /* c */ ,", ";", ",\u00a0") },
);
/** What stands before the closing bracket: nothing, or a trailing comma (with comments or blanks). */
const trailing = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom(",", ", ", ",\t", ",,", ", // trailing", ",/* c */", ",\n") },
);

const { value: jsonNode } = fc.letrec<{ value: JsonNode; object: JsonNode; array: JsonNode }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, jsonScalar, tie("object"), tie("array")),
  object: fc
    .record({
      entries: fc.array(fc.tuple(jsonKey, tie("value"), separator), { maxLength: 5 }),
      trailing,
      closed: fc.constantFrom(true, true, true, true, true, true, true, true, false),
    })
    .map((o) => ({ k: "object" as const, ...o })),
  array: fc
    .record({
      items: fc.array(fc.tuple(tie("value"), separator), { maxLength: 5 }),
      trailing,
      closed: fc.constantFrom(true, true, true, true, true, true, true, true, false),
    })
    .map((a) => ({ k: "array" as const, ...a })),
}));

function renderJson(node: JsonNode, indent: string, compact: boolean): string {
  const nl = compact ? "" : "\n";
  const inner = compact ? "" : indent + "  ";
  const close = compact ? "" : indent;
  switch (node.k) {
    case "raw":
      return node.text;
    case "object": {
      const parts = node.entries.map(([key, value, sep], i) => {
        const last = i === node.entries.length - 1;
        return `${inner}${key}: ${renderJson(value, inner, compact)}${last ? node.trailing : sep}`;
      });
      if (node.entries.length === 0 && node.trailing) parts.push(inner + node.trailing);
      return `{${nl}${parts.join(nl)}${nl}${node.closed ? close + "}" : ""}`;
    }
    case "array": {
      const parts = node.items.map(([value, sep], i) => {
        const last = i === node.items.length - 1;
        return `${inner}${renderJson(value, inner, compact)}${last ? node.trailing : sep}`;
      });
      if (node.items.length === 0 && node.trailing) parts.push(inner + node.trailing);
      return `[${nl}${parts.join(nl)}${nl}${node.closed ? close + "]" : ""}`;
    }
  }
}

/** `[[[…` / `{"value": {…` nested up to `maxDepth`, closed or not, on one line or one level a line. */
export function nestedJson(maxDepth: number, minDepth = 1): fc.Arbitrary<string[]> {
  return fc
    .record({
      depth: fc.integer({ min: minDepth, max: maxDepth }),
      kind: fc.constantFrom("array", "object", "mixed"),
      closed: fc.boolean(),
      multiline: fc.boolean(),
    })
    .map(({ depth, kind, closed, multiline }) => {
      const open: string[] = [];
      const shut: string[] = [];
      for (let i = 0; i < depth; i++) {
        const object = kind === "object" || (kind === "mixed" && i % 2 === 0);
        open.push(object ? '{"value": ' : "[");
        shut.push(object ? "}" : "]");
      }
      const body = [...open, '"identitySource"', ...(closed ? shut.reverse() : [])];
      return multiline ? body : [body.join("")];
    });
}

/** Random JSON as lines: pretty or compact, maybe truncated or cut by `...`. */
export const jsonLines: fc.Arbitrary<string[]> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        root: jsonNode,
        compact: fc.constantFrom(false, false, false, true),
        // Where to cut the text (a fraction in thousandths), or not at all.
        truncateAt: fc.option(fc.integer({ min: 0, max: 1000 }), { freq: 8 }),
        ellipsisAt: fc.option(fc.nat(), { freq: 6 }),
      })
      .map(({ root, compact, truncateAt, ellipsisAt }) => {
        let text = renderJson(root, "", compact);
        if (truncateAt !== null) text = text.slice(0, Math.floor((text.length * truncateAt) / 1000));
        const lines = text.split("\n");
        if (ellipsisAt !== null) lines.splice(ellipsisAt % (lines.length + 1), 0, "  ...");
        return lines;
      }),
  },
  // Nesting on both sides of the parser's depth limit (MAX_JSON_DEPTH, 500).
  { weight: 1, arbitrary: nestedJson(800) },
  // A huge string value.
  {
    weight: 1,
    arbitrary: fc
      .record({
        length: fc.integer({ min: 1_000, max: 60_000 }),
        unit: fc.constantFrom("x", "é", "🚀", "\\\\"),
      })
      .map(({ length, unit }) => ["{", `  "displayName": "${unit.repeat(length)}",`, '  "id": "x"', "}"]),
  },
  // Duplicate keys.
  {
    weight: 1,
    arbitrary: fc
      .tuple(identifier, enumValue, enumValue)
      .map(([key, a, b]) => ["{", `  "${key}": "${a}",`, `  "${key}": "${b}",`, "}"]),
  },
);

// ---------------------------------------------------------------------------------------------
// Markdown blocks (each a list of lines)

const frontMatter: fc.Arbitrary<string[]> = fc
  .record({
    title: inlineText,
    entries: fc.array(
      fc.constantFrom(
        'description: "Create a new externalGroupMember object."',
        'author: "**TODO: Provide Github Name. See [topic-level metadata reference](https://msgo.azurewebsites.net/x.html#topic)**"',
        "ms.localizationpriority: medium",
        'ms.prod: "**TODO: Add MS prod.**"',
        "doc_type: apiPageType",
        "doc_type: resourcePageType",
        "doc_type: enumPageType",
        "ms.date: 2024-01-01",
        "TODO: yes",
        // Broken YAML.
        'title: "unterminated',
        "key: [a, b",
        ": no key",
        "\tindented: tab",
        "- a list item",
        "dup: 1",
        "dup: 2",
        "{ flow: map",
        "anchor: &a",
        "alias: *missing",
        "multi: |",
        "  block text",
        "'quoted key': value",
        "key: value: more",
        "---x",
      ),
      { maxLength: 6 },
    ),
    closed: fc.constantFrom(true, true, true, true, false),
    open: fc.constantFrom("---", "---", "---", "--- ", "----"),
  })
  .map(({ title, entries, closed, open }) => [
    open,
    `title: ${JSON.stringify(title)}`,
    ...entries,
    ...(closed ? ["---"] : []),
  ]);

const heading: fc.Arbitrary<string[]> = fc
  .record({
    depth: fc.integer({ min: 1, max: 7 }),
    text: fc.oneof(
      inlineText,
      fc.constantFrom(
        "Properties",
        "Request body",
        "Relationships",
        "Members",
        "Parameters",
        "Example",
        "Request",
        "Response",
        "HTTP request",
      ),
      fc
        .tuple(
          fc.constantFrom("identitySourceType", "externalGroupMemberType", "fooType", "`barType`", "x y"),
          fc.constant("values"),
        )
        .map((p) => p.join(" ")),
      fc.constantFrom("Create externalGroupMember", "externalGroupMember resource type", "fooType enum type"),
    ),
    closing: fc.constantFrom("", "", "", " ##", " #"),
    setext: fc.constantFrom(false, false, false, false, true),
  })
  .map(({ depth, text, closing, setext }) =>
    setext ? [text, depth % 2 ? "===" : "---"] : [`${"#".repeat(depth)} ${text}${closing}`],
  );

const namespaceLine: fc.Arbitrary<string[]> = fc
  .constantFrom(
    "Namespace: microsoft.graph.externalConnectors",
    "Namespace: microsoft.graph",
    "Namespace:microsoft.graph.externalConnectors",
    "Namespace: ",
    "**Namespace:** microsoft.graph.externalConnectors",
    '<span data-ttu-id="a1">命名空间: microsoft.graph.externalConnectors</span><span class="sxs-lookup"><span data-stu-id="a1">Namespace: microsoft.graph.externalConnectors</span></span>',
    "Namespace: 1bad",
  )
  .map((l) => [l]);

const annotationJsonText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        blockType: fc.constantFrom("request", "response", "resource", "ignored", "example", ""),
        name: fc.constantFrom("x", "create_externalgroupmember", "get_group", "x"),
        odata: fc.option(
          fc.constantFrom(
            "microsoft.graph.externalConnectors.externalGroupMember",
            "microsoft.graph.group",
            "Collection(microsoft.graph.user)",
          ),
        ),
        extra: fc.option(
          fc.constantFrom(
            '"truncated": true',
            '"isCollection": true',
            '"baseType": "microsoft.graph.entity"',
          ),
        ),
        trailingComma: fc.boolean(),
        unquotedKeys: fc.constantFrom(false, false, false, true),
        missingComma: fc.constantFrom(false, false, false, false, true),
        multiline: fc.boolean(),
      })
      .map((a) => {
        const key = (k: string) => (a.unquotedKeys ? k : `"${k}"`);
        const entries = [`${key("blockType")}: "${a.blockType}"`, `${key("name")}: "${a.name}"`];
        if (a.odata !== null) entries.push(`"@odata.type": "${a.odata}"`);
        if (a.extra !== null) entries.push(a.extra);
        const sep = a.missingComma ? "" : ",";
        const trail = a.trailingComma ? "," : "";
        return a.multiline
          ? ["{", ...entries.map((e, i) => `  ${e}${i === entries.length - 1 ? trail : sep}`), "}"]
          : [`{ ${entries.join(`${sep} `)}${trail} }`];
      }),
  },
  { weight: 1, arbitrary: jsonLines },
);

const annotation: fc.Arbitrary<string[]> = fc
  .record({
    json: annotationJsonText,
    close: fc.constantFrom("-->", "-->", "-->", "-->", "", "--", "--->"),
    closeOnOwnLine: fc.boolean(),
    lead: fc.constantFrom("<!-- ", "<!--", "<!--\n"),
  })
  .map(({ json, close, closeOnOwnLine, lead }) => {
    const lines = [...lead.split("\n")];
    lines[lines.length - 1] += json[0] ?? "";
    lines.push(...json.slice(1));
    if (closeOnOwnLine) lines.push(close);
    else lines[lines.length - 1] += ` ${close}`;
    return lines;
  });

const requestLine = fc
  .record({
    method: fc.constantFrom("GET", "POST", "PATCH", "PUT", "DELETE", "get", "FETCH"),
    host: fc.constantFrom(
      "https://graph.microsoft.com/beta",
      "https://graph.microsoft.com/v1.0",
      "https://graph.microsoft.com",
      "",
      "",
      "http://x",
      "{baseUrl}",
    ),
    path: fc.constantFrom(
      "/connections",
      "/connections/{connectionsId}/groups/{externalGroupId}/members",
      "/connections?$top=1",
      "/connections(id)",
      "/external/connections/{id}",
      "/connectionsX",
      "/me/events",
      "/users/{id}",
      "/",
      "",
      "/identity/b2xUserFlows",
      "/连接/🚀",
    ),
    version: fc.constantFrom("", "", "", " HTTP/1.1", " HTTP/2"),
    lead: fc.constantFrom("", "", "", " ", "\t"),
    tail: fc.constantFrom("", "", "", " ", "\t"),
  })
  .map((r) => `${r.lead}${r.method} ${r.host}${r.path}${r.version}${r.tail}`);

const statusLine = fc.constantFrom(
  "HTTP/1.1 201 Created",
  "HTTP/1.1 200 OK",
  "HTTP/1.1 204 No Content",
  "HTTP/2 200",
  "HTTP/1.1 20 OK",
  " HTTP/1.1 201 Created ",
);

const header = fc.constantFrom(
  "Content-Type: application/json",
  "Content-length: 132",
  "Authorization: Bearer {token}",
  "Prefer: return=minimal",
  "X-Bad header",
  "Content-Type:application/json",
  "{",
);

const fenceOpen = fc.constantFrom("```", "```", "``` ", "~~~", "````");

/** An ```http example: request line(s) or status line, headers, maybe a JSON body, maybe unclosed. */
const httpFence: fc.Arbitrary<string[]> = fc
  .record({
    fence: fenceOpen,
    lang: fc.constantFrom("http", "http", "HTTP", "msgraph-interactive", " http"),
    first: fc.oneof(
      fc.array(requestLine, { minLength: 1, maxLength: 3 }),
      statusLine.map((s) => [s]),
    ),
    headers: fc.array(header, { maxLength: 3 }),
    blank: fc.constantFrom(true, true, true, false),
    body: fc.option(jsonLines, { freq: 3 }),
    closed: fc.constantFrom(true, true, true, true, true, true, false),
  })
  .map((f) => {
    const lines = [`${f.fence}${f.lang}`, ...f.first, ...f.headers];
    if (f.body) lines.push(...(f.blank ? [""] : []), ...f.body);
    if (f.closed) lines.push(f.fence.trim().replace(/\s/g, ""));
    return lines;
  });

const jsonFence: fc.Arbitrary<string[]> = fc
  .record({
    fence: fenceOpen,
    lang: fc.constantFrom("json", "json", "JSON", "jsonc", ""),
    body: jsonLines,
    closed: fc.constantFrom(true, true, true, true, true, false),
  })
  .map((f) => [`${f.fence}${f.lang}`, ...f.body, ...(f.closed ? [f.fence.trim()] : [])]);

const otherFence: fc.Arbitrary<string[]> = fc
  .record({
    lang: fc.constantFrom("csharp", "javascript", "", "powershell"),
    lines: fc.array(inlineText, { maxLength: 4 }),
    closed: fc.boolean(),
  })
  .map((f) => ["```" + f.lang, ...f.lines, ...(f.closed ? ["```"] : [])]);

const possibleValues = fc
  .record({
    intro: fc.constantFrom(
      "The possible values are: ",
      "Possible values are: ",
      "Supported values: ",
      "Possible values include ",
      "Possible values are described in the following table.",
      "",
    ),
    values: fc.array(enumValue, { maxLength: 4 }),
    code: fc.constantFrom(true, true, false),
    condition: fc.constantFrom(
      "",
      "",
      " when the identitySource is `azureActiveDirectory`",
      ". Next sentence `x`",
    ),
  })
  .map((p) => {
    const listed = p.values.map((v) => (p.code ? `\`${v}\`` : v)).join(", ");
    return `${p.intro}${listed}${p.condition}.`;
  });

const tableRowCells = fc
  .record({
    name: fc.oneof(identifier, fc.constantFrom("**id**", "`type`", "@odata.type", "bad name", "", "名前")),
    type: typeName,
    description: fc.oneof(possibleValues, inlineText),
    extra: fc.constantFrom(0, 0, 0, 1, -1),
  })
  .map(({ name, type, description, extra }) => {
    const cells = [name, type, description];
    if (extra > 0) cells.push("extra");
    if (extra < 0) cells.pop();
    return cells;
  });

function renderRow(cells: readonly string[], style: number): string {
  switch (style % 4) {
    case 0:
      return `|${cells.join("|")}|`;
    case 1:
      return `| ${cells.join(" | ")} |`;
    case 2:
      return `|${cells.join("|")}`;
    default:
      return cells.join(" | ");
  }
}

/** A property table, under an optional heading. */
const propertyTable: fc.Arbitrary<string[]> = fc
  .record({
    heading: fc.option(
      fc.constantFrom("## Properties", "## Request body", "### Parameters", "## Relationships"),
    ),
    header: fc.constantFrom(
      ["Property", "Type", "Description"],
      ["Name", "Type", "Description"],
      ["Parameter", "Type", "Description"],
      ["Property", "Description", "Type"],
      ["Member", "Value", "Description"],
      ["Type", "Property"],
    ),
    delimiter: fc.constantFrom(
      "|:---|:---|:---|",
      "|---|---|---|",
      "| --- | :---: | ---: |",
      "|:-",
      "|---",
      "|-|-",
    ),
    rows: fc.array(tableRowCells, { maxLength: 5 }),
    style: fc.nat(3),
  })
  .map(({ heading, header, delimiter, rows, style }) => [
    ...(heading ? [heading, ""] : []),
    renderRow(header, style),
    delimiter,
    ...rows.map((r) => renderRow(r, style)),
  ]);

/** An enum table under `### fooType values`, or the Members table of an enum page. */
const enumTable: fc.Arbitrary<string[]> = fc
  .record({
    name: fc.constantFrom("identitySourceType", "externalGroupMemberType", "fooType", "userFlowType", "x y"),
    heading: fc.constantFrom("values", "values", "Values", "members"),
    header: fc.constantFrom("| Member", "|Member|Description|", "| Value | Description |", "| Name"),
    members: fc.array(fc.oneof(enumValue, fc.constantFrom("bad member", "`code`", "a|b")), { maxLength: 6 }),
    pipes: fc.boolean(),
  })
  .map(({ name, heading, header, members, pipes }) => [
    `### ${name} ${heading}`,
    "",
    header,
    "|:--------------",
    ...members.map((m) => (pipes ? `| ${m} | description |` : `| ${m}`)),
  ]);

/** DocFX tabs: `# [HTTP](#tab/http)` … `---`. */
const tabs: fc.Arbitrary<string[]> = fc
  .record({
    tabs: fc.array(
      fc.record({
        title: fc.constantFrom("HTTP", "C#", "JavaScript", "Go", "PowerShell", "未知"),
        id: fc.constantFrom("http", "csharp", "javascript", "go", "powershell", ""),
        body: fc.oneof(
          httpFence,
          fc.constantFrom(
            [
              "[!INCLUDE [sample-code](../includes/snippets/csharp/create-externalgroupmember-csharp-snippets.md)]",
            ],
            ["[!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]"],
          ),
        ),
      }),
      { maxLength: 3 },
    ),
    close: fc.constantFrom("---", "---", ""),
  })
  .map(({ tabs, close }) => [
    ...tabs.flatMap((t) => [`# [${t.title}](#tab/${t.id})`, "", ...t.body, ""]),
    ...(close ? [close] : []),
  ]);

const include = fc
  .constantFrom(
    "[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]",
    "[!INCLUDE [x](y.md)]",
    "[!INCLUDE [outside](../../../../../etc/passwd)]",
    "[!INCLUDE [broken](",
    "[!INCLUDE",
  )
  .map((l) => [l]);

const note: fc.Arbitrary<string[]> = fc
  .record({
    kind: fc.constantFrom("NOTE", "IMPORTANT", "TIP", "CAUTION", "WARNING", "note"),
    lines: fc.array(inlineText, { maxLength: 3 }),
  })
  .map(({ kind, lines }) => [`> [!${kind}]`, ...lines.map((l) => `> ${l}`)]);

const translatedSpans: fc.Arbitrary<string[]> = fc
  .record({
    id: fc.constantFrom("a1", "b2", ""),
    translated: inlineText,
    source: inlineText,
    closed: fc.boolean(),
  })
  .map(({ id, translated, source, closed }) => [
    `<span data-ttu-id="${id}">${translated}</span>` +
      (closed
        ? `<span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`
        : `<span class="sxs-lookup"><span data-stu-id="${id}">${source}`),
  ]);

const todo = fc
  .constantFrom(
    "**TODO: Add Description**",
    "**TODO: Provide applicable permissions.**",
    "|Application|**TODO: Provide applicable permissions.**|",
    "<TODO>",
    "TODO",
    "TODO: fill in",
    "todo",
    "To Do",
    "**TODO: unterminated",
    "<!-- TODO: hidden -->",
    "`TODO`",
  )
  .map((l) => [l]);

const directive: fc.Arbitrary<string[]> = fc
  .record({
    kind: fc.constantFrom(
      "disable",
      "enable",
      "disable-line",
      "disable-next-line",
      "disable-file",
      "disablex",
    ),
    rules: fc.array(
      fc.constantFrom(
        "no-todo-placeholder",
        "no-trailing-comma",
        "external-path-prefix",
        "enum-value-documented",
        "request-response-id-match",
        "annotation-json",
        "unknown-rule",
        "MD013",
      ),
      { maxLength: 2 },
    ),
    reason: fc.constantFrom("", "", " -- because", " --"),
    close: fc.constantFrom(" -->", " -->", "-->", "", " --!>"),
    inline: fc.constantFrom(false, false, true),
  })
  .map(({ kind, rules, reason, close, inline }) => {
    const comment = `<!-- graph-docs-lint-${kind}${rules.length ? " " + rules.join(", ") : ""}${reason}${close}`;
    return [inline ? `Some text TODO ${comment}` : comment];
  });

const paragraph: fc.Arbitrary<string[]> = fc.array(inlineText, { minLength: 1, maxLength: 4 });

/** A contiguous slice of a seed page. */
const seedSlice: fc.Arbitrary<string[]> = fc
  .record({ seed: fc.nat(seedPages.length - 1), from: fc.nat(400), length: fc.integer({ min: 1, max: 80 }) })
  .map(({ seed, from, length }) => {
    const lines = seedPages[seed]!;
    const start = from % lines.length;
    return lines.slice(start, start + length);
  });

/** Raw noise: any code units, control characters and lone surrogates included. */
const noise: fc.Arbitrary<string[]> = fc.string({ unit: "binary", maxLength: 60 }).map((s) => s.split("\n"));

const leafBlock: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 2, arbitrary: frontMatter },
  { weight: 3, arbitrary: heading },
  { weight: 2, arbitrary: namespaceLine },
  { weight: 4, arbitrary: annotation },
  { weight: 5, arbitrary: httpFence },
  { weight: 3, arbitrary: jsonFence },
  { weight: 1, arbitrary: otherFence },
  { weight: 4, arbitrary: propertyTable },
  { weight: 3, arbitrary: enumTable },
  { weight: 1, arbitrary: tabs },
  { weight: 1, arbitrary: include },
  { weight: 1, arbitrary: note },
  { weight: 1, arbitrary: translatedSpans },
  { weight: 2, arbitrary: todo },
  { weight: 2, arbitrary: directive },
  { weight: 3, arbitrary: paragraph },
  { weight: 3, arbitrary: seedSlice },
  { weight: 1, arbitrary: noise },
);

/** Blocks sometimes stand inside a container: a blockquote, a list item, indentation. */
const container = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom("", "", "", "", "", "", "> ", ">", "- ", "1. ", "    ", "\t", "> > ", "  "),
  },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 60 }).map((n) => "> ".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }).map((n) => "- ".repeat(n)) },
);

const block: fc.Arbitrary<string[]> = fc
  .tuple(leafBlock, container, fc.constantFrom(false, false, false, true))
  .map(([lines, prefix, lazy]) => {
    if (!prefix) return lines;
    const rest = prefix.startsWith(">") ? prefix : " ".repeat(prefix.length);
    return lines.map((l, i) => (i === 0 ? prefix + l : lazy ? l : rest + l));
  });

/** A whole seed page with a few edits: a line removed, duplicated, cut short, or a block put in. */
const mutatedSeed: fc.Arbitrary<string[]> = fc
  .record({
    seed: fc.nat(seedPages.length - 1),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        op: fc.oneof(
          fc.constant({ kind: "delete" as const }),
          fc.constant({ kind: "duplicate" as const }),
          fc.nat(200).map((cut) => ({ kind: "cut" as const, cut })),
          block.map((lines) => ({ kind: "insert" as const, lines })),
        ),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ seed, edits }) => {
    const lines = [...seedPages[seed]!];
    for (const { at, op } of edits) {
      const i = at % Math.max(1, lines.length);
      if (op.kind === "delete") lines.splice(i, 1);
      else if (op.kind === "duplicate") lines.splice(i, 0, lines[i] ?? "");
      else if (op.kind === "cut") lines[i] = (lines[i] ?? "").slice(0, op.cut);
      else lines.splice(i, 0, ...op.lines);
    }
    return lines;
  });

// ---------------------------------------------------------------------------------------------
// Whole cases

export type LineEnding = "lf" | "crlf" | "mixed" | "cr";

/** Where the page is linted as: no path, inside the fixtures' docs tree, or an externalConnectors path. */
export type PathChoice = "none" | "fixtures-external" | "fixtures" | "beta-external";

export interface FuzzCase {
  blocks: string[][];
  /** Per block boundary: a blank line between the blocks, or none. */
  blankBetween: boolean[];
  eol: LineEnding;
  bom: boolean;
  finalNewline: boolean;
  path: PathChoice;
  reportUnusedDisableDirectives: boolean;
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  blocks: fc.oneof(
    { weight: 5, arbitrary: fc.array(block, { maxLength: 12 }) },
    { weight: 1, arbitrary: mutatedSeed.map((lines) => [lines]) },
  ),
  blankBetween: fc.array(fc.constantFrom(true, true, true, false), { minLength: 12, maxLength: 12 }),
  eol: fc.constantFrom<LineEnding>("lf", "lf", "lf", "crlf", "crlf", "mixed", "cr"),
  bom: fc.constantFrom(false, false, false, false, true),
  finalNewline: fc.constantFrom(true, true, true, false),
  path: fc.constantFrom<PathChoice>("none", "none", "fixtures-external", "fixtures", "beta-external"),
  reportUnusedDisableDirectives: fc.boolean(),
});

/** The page text of a case. */
export function renderCase(c: FuzzCase): string {
  const lines: string[] = [];
  c.blocks.forEach((b, i) => {
    if (i > 0 && c.blankBetween[(i - 1) % c.blankBetween.length]) lines.push("");
    lines.push(...b);
  });
  let n = 0;
  const eolAt = () => {
    n++;
    switch (c.eol) {
      case "lf":
        return "\n";
      case "crlf":
        return "\r\n";
      case "cr":
        return "\r";
      default:
        return n % 3 === 0 ? "\r\n" : n % 3 === 1 ? "\n" : "\r\n";
    }
  };
  // A line may itself hold "\n" (random text): those stay as they are.
  let text = lines.map((l, i) => (i < lines.length - 1 ? l + eolAt() : l)).join("");
  if (c.finalNewline && lines.length > 0) text += eolAt();
  return (c.bom ? "\uFEFF" : "") + text;
}

/**
 * The text `lintText` gets for a case: the page with its byte order mark removed, as `lintFile`
 * and the CLI pass it (`lintText` documents "BOM already removed").
 */
export function lintInput(c: FuzzCase): string {
  const text = renderCase(c);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** The lint options of a case. */
export function caseOptions(c: FuzzCase): { path?: string; reportUnusedDisableDirectives?: boolean } {
  const path = {
    none: undefined,
    "fixtures-external": `${FIXTURES_ROOT}api/externalconnectors-fuzz-page.md`,
    fixtures: `${FIXTURES_ROOT}api/fuzz-page.md`,
    "beta-external": "/nonexistent-fuzz-root/beta/api/externalconnectors-fuzz.md",
  }[c.path];
  return {
    ...(path !== undefined ? { path } : {}),
    ...(c.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
  };
}

/** A failing case, printable and pasteable: the options and the text as a JS string literal. */
export function describeCase(c: FuzzCase): string {
  const text = renderCase(c);
  const shown =
    text.length > 4000
      ? `${JSON.stringify(text.slice(0, 4000))} … (${text.length} chars)`
      : JSON.stringify(text);
  return `options: ${JSON.stringify(caseOptions(c))}\ntext: ${shown}`;
}

// ---------------------------------------------------------------------------------------------
// Invariants, for src/ (vitest) and dist/ (scripts/fuzz.mjs) alike

interface PointLike {
  line: number;
  column: number;
  offset?: number | undefined;
}
interface RangeLike {
  start: number;
  end: number;
}
interface FixLike {
  range: RangeLike;
  text: string;
}
interface MessageLike {
  reason: string;
  ruleId?: string | undefined | null;
  range: RangeLike;
  fix: FixLike | undefined;
  related: Array<{ message: string; start: PointLike; end: PointLike }>;
  readonly startPoint: PointLike;
  readonly endPoint: PointLike;
}
interface LintOptionsLike {
  path?: string;
  reportUnusedDisableDirectives?: boolean;
}

/** The part of the linter's API the invariants use (src/index.ts and dist/src/index.js both fit). */
export interface FuzzApi {
  lintText(text: string, options?: LintOptionsLike): { messages: MessageLike[] };
  fixText(
    text: string,
    options?: LintOptionsLike,
  ): { output: string; changed: boolean; passes: number; messages: MessageLike[] };
  applyFixes(text: string, fixes: FixLike[]): { text: string; applied: FixLike[] };
  buildPage(
    text: string,
    options?: { path?: string },
  ): {
    headings: Array<{ depth: number; text: string }>;
    codeBlocks: Array<{ lang: string | undefined; contentLines: Array<{ text: string; start: number }> }>;
    examples: Array<{ kind: string; message: { requestLines: unknown[] } }>;
    annotations: Array<RangeLike & { blockType: string | undefined }>;
    propertyTables: Array<{ rows: Array<{ name: string }> }>;
    enumTables: Array<{ name: string; members: string[] }>;
    comments: RangeLike[];
  };
  /** src/parse/blocks.ts: the split reading, and micromark's reading of the whole page. */
  parseBlocks(text: string): unknown;
  parseBlocksWhole(text: string): unknown;
}

/** The fixer's pass limit (src/engine/fix.ts MAX_FIX_PASSES). */
export const MAX_FIX_PASSES = 10;

/** A lint of one page slower than this is reported as a hang. */
export const SLOW_LINT_MS = 5_000;

export class InvariantError extends Error {}

function fail(message: string): never {
  throw new InvariantError(message);
}

/** Line starts with LF, CRLF and lone CR as line endings (an independent copy of LineIndex's rule). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineLength(text: string, starts: number[], line: number): number {
  const start = starts[line - 1]!;
  let end = starts[line] ?? text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}

function describeMessage(m: MessageLike): string {
  return `${m.ruleId ?? "(no rule)"} ${m.startPoint.line}:${m.startPoint.column}-${m.endPoint.line}:${m.endPoint.column} [${m.range.start},${m.range.end}) "${m.reason}"`;
}

function checkPoint(text: string, starts: number[], p: PointLike, what: string): number {
  if (!Number.isInteger(p.line) || p.line < 1 || p.line > starts.length)
    fail(`${what}: line ${p.line} outside 1..${starts.length}`);
  const length = lineLength(text, starts, p.line);
  if (!Number.isInteger(p.column) || p.column < 1 || p.column > length + 1)
    fail(`${what}: column ${p.column} outside 1..${length + 1} of line ${p.line}`);
  const offset = starts[p.line - 1]! + p.column - 1;
  if (p.offset !== undefined && p.offset !== offset)
    fail(`${what}: offset ${p.offset} is not line ${p.line} column ${p.column} (offset ${offset})`);
  return offset;
}

function checkRange(text: string, r: RangeLike, what: string): void {
  if (
    !Number.isInteger(r.start) ||
    !Number.isInteger(r.end) ||
    r.start < 0 ||
    r.end < r.start ||
    r.end > text.length
  )
    fail(`${what}: range [${r.start},${r.end}) outside 0..${text.length} or reversed`);
}

/**
 * A JSON string token: `"…"`, or an unterminated `"…` that runs to the end of its line (the
 * parser recovers it as a string; its range then stops before the line break).
 */
function isStringToken(text: string, start: number, end: number): boolean {
  const token = text.slice(start, end);
  if (!token.startsWith('"')) return false;
  if (token.length >= 2 && token.endsWith('"') && !/[\r\n]/.test(token)) return true;
  const next = text.charCodeAt(end);
  return end === text.length || next === 10 || next === 13;
}

/**
 * (a) and (b): linting never throws, no rule crashes, a page is linted in bounded time, and every
 * reported place lies inside the document and points at what its rule is about.
 */
export function checkLint(api: FuzzApi, text: string, options: LintOptionsLike): void {
  const started = performance.now();
  const { messages } = api.lintText(text, options);
  const elapsed = performance.now() - started;
  if (elapsed > SLOW_LINT_MS) fail(`linting took ${Math.round(elapsed)} ms (${text.length} chars)`);
  checkMessages(api, text, messages, options);
}

export function checkMessages(
  api: FuzzApi,
  text: string,
  messages: MessageLike[],
  options: LintOptionsLike,
): void {
  const starts = lineStartsOf(text);
  let page: ReturnType<FuzzApi["buildPage"]> | undefined;
  const pageOf = () =>
    (page ??= api.buildPage(text, options.path !== undefined ? { path: options.path } : {}));
  for (const m of messages) {
    const what = describeMessage(m);
    if (m.reason.startsWith("Rule crashed")) fail(`rule crashed: ${what}`);
    checkRange(text, m.range, what);
    const start = checkPoint(text, starts, m.startPoint, `${what} start`);
    const end = checkPoint(text, starts, m.endPoint, `${what} end`);
    if (start !== m.range.start || end !== m.range.end)
      fail(`${what}: line:column ${start}..${end} disagree with the range`);
    for (const rel of m.related) {
      const a = checkPoint(text, starts, rel.start, `${what} related start`);
      const b = checkPoint(text, starts, rel.end, `${what} related end`);
      if (a > b) fail(`${what}: related range reversed`);
    }
    if (m.fix) {
      checkRange(text, m.fix.range, `${what} fix`);
      if (m.ruleId != null) {
        // A rule's fix stays on the lines of its finding and adds or removes no line break, so the
        // line numbers of every other finding stay right.
        const from = starts[m.startPoint.line - 1]!;
        const to = starts[m.endPoint.line - 1]! + lineLength(text, starts, m.endPoint.line);
        if (m.fix.range.start < from || m.fix.range.end > to)
          fail(`${what}: fix [${m.fix.range.start},${m.fix.range.end}) reaches outside the finding's lines`);
        if (/[\r\n]/.test(m.fix.text)) fail(`${what}: fix inserts a line break`);
      }
    }
    const at = text.slice(m.range.start, m.range.end);
    switch (m.ruleId) {
      case "no-trailing-comma":
        if (at !== ",") fail(`${what}: range holds ${JSON.stringify(at)}, not a comma`);
        if (
          !m.fix ||
          m.fix.text !== "" ||
          m.fix.range.start !== m.range.start ||
          m.fix.range.end !== m.range.end
        )
          fail(`${what}: the fix does not delete the comma`);
        break;
      case "external-path-prefix":
        if (at !== "/connections") fail(`${what}: range holds ${JSON.stringify(at)}, not "/connections"`);
        if (
          !m.fix ||
          m.fix.text !== "/external" ||
          m.fix.range.start !== m.range.start ||
          m.fix.range.end !== m.range.start
        )
          fail(`${what}: the fix does not insert "/external" before the path`);
        break;
      case "no-todo-placeholder":
        if (!/TODO/.test(at)) fail(`${what}: range holds ${JSON.stringify(at)}, no TODO`);
        break;
      case "enum-value-documented":
      case "request-response-id-match":
        if (!isStringToken(text, m.range.start, m.range.end))
          fail(`${what}: range holds ${JSON.stringify(at)}, not a JSON string`);
        for (const rel of m.related) {
          const a = starts[rel.start.line - 1]! + rel.start.column - 1;
          const b = starts[rel.end.line - 1]! + rel.end.column - 1;
          if (!isStringToken(text, a, b))
            fail(`${what}: related range holds ${JSON.stringify(text.slice(a, b))}`);
        }
        break;
      case "annotation-json":
        if (!pageOf().annotations.some((a) => a.start <= m.range.start && m.range.end <= a.end))
          fail(`${what}: not inside an annotation comment`);
        break;
      case undefined:
      case null: {
        // Containers nested too deeply to parse (src/parse/nesting.ts): an empty range at the
        // start of a line, and nothing reported from there on.
        if (m.reason.startsWith("Lists and block quotes nest more than")) {
          if (m.range.start !== m.range.end || !starts.includes(m.range.start))
            fail(`${what}: not an empty range at the start of a line`);
          const later = messages.find((other) => other.range.start > m.range.start);
          if (later) fail(`${what}: ${describeMessage(later)} is reported after it`);
          break;
        }
        // Directive messages: an unknown rule name, or an unused directive (fixed by deleting it).
        const unknown = /^Unknown rule "(.*)" in a graph-docs-lint-/.exec(m.reason);
        if (unknown && at !== unknown[1])
          fail(`${what}: range holds ${JSON.stringify(at)}, not the rule name`);
        if (m.reason.startsWith("Unused graph-docs-lint-")) {
          if (!at.startsWith("<!--")) fail(`${what}: range holds ${JSON.stringify(at)}, not the directive`);
          // The whole comment: the range never ends inside its "-->".
          if (
            text.slice(m.range.end - 2, m.range.end + 1) === "-->" ||
            text.slice(m.range.end - 1, m.range.end + 2) === "-->"
          )
            fail(`${what}: range ends inside the comment's "-->"`);
          // The fix deletes the directive, and its whole line(s) when nothing else stands there.
          const fix = m.fix;
          if (!fix || fix.text !== "" || fix.range.start > m.range.start || fix.range.end < m.range.end)
            fail(`${what}: the fix does not delete the directive`);
          const around = text.slice(fix.range.start, m.range.start) + text.slice(m.range.end, fix.range.end);
          if (around.trim() !== "") fail(`${what}: the fix also deletes ${JSON.stringify(around)}`);
        }
        if (!unknown && !m.reason.startsWith("Unused graph-docs-lint-")) fail(`${what}: unexpected message`);
        break;
      }
      default:
      // Other rules: the generic checks above.
    }
  }
}

export interface FixStats {
  /** Cases whose fixing stopped at the pass limit with fixes still pending. */
  passLimit: number;
}

/**
 * (c): the fixed text re-lints with no fixable finding left, and fixing it again changes nothing.
 * A page that needs more passes than the limit (`,,,,,,,,,,,]`: one comma a pass) is allowed to
 * keep fixable findings; it must still make progress.
 */
export function checkFixIdempotent(
  api: FuzzApi,
  text: string,
  options: LintOptionsLike,
  stats?: FixStats,
): void {
  const fixed = api.fixText(text, options);
  if (!fixed.changed) {
    // Nothing changed: the last lint was of the text itself, and nothing fixable may be left.
    const pending = fixed.messages.filter((m) => m.fix);
    if (pending.length > 0)
      fail(`fixText left the text unchanged with fixes pending: ${pending.map(describeMessage).join("; ")}`);
    return;
  }
  // fixText's messages are those of a last lint of its output.
  checkMessages(api, fixed.output, fixed.messages, options);
  const stillFixable = fixed.messages.filter((m) => m.fix);
  const atLimit = fixed.passes >= MAX_FIX_PASSES;
  if (stillFixable.length > 0 && !atLimit)
    fail(
      `after ${fixed.passes} pass(es), fixable findings remain: ${stillFixable.map(describeMessage).join("; ")}`,
    );
  const again = api.fixText(fixed.output, options);
  if (atLimit && stillFixable.length > 0) {
    if (stats) stats.passLimit++;
    if (!again.changed) fail("the pass limit was reached but a further fix makes no progress");
    return;
  }
  if (again.output !== fixed.output)
    fail(
      `fixing the fixed text changes it again: ${JSON.stringify(firstDifference(fixed.output, again.output))}`,
    );
  // The same text linted twice (fixText's last lint, and the first lint of fixing it again).
  const shape = (ms: MessageLike[]) => ms.map(describeMessage).join("\n");
  if (shape(fixed.messages) !== shape(again.messages))
    fail(`the fixed text lints differently twice:\n${shape(fixed.messages)}\n---\n${shape(again.messages)}`);
}

function firstDifference(a: string, b: string): { at: number; before: string; after: string } {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { at: i, before: a.slice(Math.max(0, i - 20), i + 40), after: b.slice(Math.max(0, i - 20), i + 40) };
}

/**
 * (d): fixing changes nothing outside the fixed ranges. The fix passes are replayed from the lint
 * messages; each applied fix must replace exactly what its rule claims (a comma, nothing before
 * "/connections", a whole directive comment); the replay must give fixText's output; and the
 * output with the inserted text taken out equals the input with the deleted spans taken out.
 * When only commas and path prefixes were fixed, the page's structure (headings, code blocks,
 * examples, annotations, tables) is the same before and after.
 */
export function checkFixLocality(api: FuzzApi, text: string, options: LintOptionsLike): void {
  // origin[i]: the input offset of the current text's i-th code unit, or -1 when a fix inserted it.
  let origin = Array.from({ length: text.length }, (_, i) => i);
  const deleted = new Set<number>();
  let current = text;
  let structural = true;
  let messages = api.lintText(text, options).messages;
  if (!messages.some((m) => m.fix)) return;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (pass > 0) messages = api.lintText(current, options).messages;
    const fixes = messages.flatMap((m) => (m.fix ? [{ fix: m.fix, message: m }] : []));
    if (fixes.length === 0) break;
    const { text: next, applied } = api.applyFixes(
      current,
      fixes.map((f) => f.fix),
    );
    // The applied fixes are sorted and disjoint.
    for (let i = 1; i < applied.length; i++) {
      if (
        applied[i]!.range.start <= applied[i - 1]!.range.end &&
        applied[i - 1]!.range.end > applied[i - 1]!.range.start
      )
        fail(`pass ${pass + 1}: applied fixes overlap`);
    }
    let rebuilt = "";
    let rebuiltOrigin: number[] = [];
    let cursor = 0;
    for (const fix of applied) {
      const owner = fixes.find((f) => f.fix === fix)?.message;
      const replaced = current.slice(fix.range.start, fix.range.end);
      if (owner?.ruleId === "no-trailing-comma" && (replaced !== "," || fix.text !== ""))
        fail(`pass ${pass + 1}: trailing-comma fix replaces ${JSON.stringify(replaced)}`);
      if (
        owner?.ruleId === "external-path-prefix" &&
        (replaced !== "" || !current.startsWith("/connections", fix.range.start))
      )
        fail(`pass ${pass + 1}: path fix at ${fix.range.start} is not before "/connections"`);
      if (owner?.ruleId == null) {
        structural = false;
        if (!/^<!--[\s\S]*graph-docs-lint-/.test(replaced.trim()))
          fail(`pass ${pass + 1}: directive fix replaces ${JSON.stringify(replaced)}`);
      } else if (owner.ruleId !== "no-trailing-comma" && owner.ruleId !== "external-path-prefix") {
        // A fix of another rule changes what it fixes (a link target): no structure to compare.
        structural = false;
      }
      rebuilt += current.slice(cursor, fix.range.start) + fix.text;
      rebuiltOrigin = rebuiltOrigin.concat(
        origin.slice(cursor, fix.range.start),
        Array.from({ length: fix.text.length }, () => -1),
      );
      for (let i = fix.range.start; i < fix.range.end; i++) if (origin[i]! >= 0) deleted.add(origin[i]!);
      cursor = fix.range.end;
    }
    rebuilt += current.slice(cursor);
    rebuiltOrigin = rebuiltOrigin.concat(origin.slice(cursor));
    if (rebuilt !== next) fail(`pass ${pass + 1}: applyFixes changed text outside the fix ranges`);
    if (next === current) break;
    current = next;
    origin = rebuiltOrigin;
  }
  const fixed = api.fixText(text, options);
  if (fixed.output !== current)
    fail(
      `fixText's output differs from the replayed fixes: ${JSON.stringify(firstDifference(current, fixed.output))}`,
    );
  let kept = "";
  for (let i = 0; i < current.length; i++) if (origin[i]! >= 0) kept += current[i];
  let expected = "";
  for (let i = 0; i < text.length; i++) if (!deleted.has(i)) expected += text[i];
  if (kept !== expected)
    fail(`text outside the fixed ranges changed: ${JSON.stringify(firstDifference(expected, kept))}`);
  if (structural && fixed.changed) {
    const shape = (t: string) => {
      const p = api.buildPage(t, options.path !== undefined ? { path: options.path } : {});
      return JSON.stringify({
        headings: p.headings.map((h) => [h.depth, h.text]),
        code: p.codeBlocks.map((c) => c.lang ?? null),
        examples: p.examples.map((e) => [e.kind, e.message.requestLines.length]),
        annotations: p.annotations.map((a) => a.blockType ?? null),
        properties: p.propertyTables.map((t) => t.rows.map((r) => r.name)),
        enums: p.enumTables.map((t) => [t.name, t.members]),
        comments: p.comments.length,
      });
    };
    const before = shape(text);
    const after = shape(fixed.output);
    if (before !== after) fail(`fixing changed the page's structure:\n  before ${before}\n  after  ${after}`);
  }
}

/**
 * (e) Line endings do not matter: the page with LF and with CRLF line endings gets the same
 * findings at the same lines and columns. Only for cases whose lines hold no line break of their own.
 */
export function checkLineEndings(api: FuzzApi, c: FuzzCase): void {
  if (c.blocks.some((b) => b.some((l) => /[\r\n]/.test(l)))) return;
  const options = caseOptions(c);
  const shape = (eol: LineEnding) =>
    api
      .lintText(lintInput({ ...c, eol }), options)
      .messages.map(
        (m) =>
          `${m.startPoint.line}:${m.startPoint.column}-${m.endPoint.line}:${m.endPoint.column} ${m.ruleId ?? ""} ${m.reason}`,
      );
  const lf = shape("lf");
  const crlf = shape("crlf");
  if (JSON.stringify(lf) !== JSON.stringify(crlf))
    fail(`LF and CRLF differ:\n  LF   ${lf.join("\n       ")}\n  CRLF ${crlf.join("\n       ")}`);
}

/**
 * A byte order mark changes nothing but the columns of line 1: the page with and without one gets
 * the same findings, one column further right on line 1.
 */
export function checkBomInvariance(api: FuzzApi, c: FuzzCase): void {
  const options = caseOptions(c);
  const shape = (text: string, shift: number) =>
    api.lintText(text, options).messages.map((m) => {
      const col = (p: PointLike) => p.column - (p.line === 1 ? shift : 0);
      return `${m.startPoint.line}:${col(m.startPoint)}-${m.endPoint.line}:${col(m.endPoint)} ${m.ruleId ?? ""} ${m.reason}`;
    });
  const without = shape(lintInput({ ...c, bom: false }), 0);
  const withBom = shape(renderCase({ ...c, bom: true }), 1);
  if (JSON.stringify(without) !== JSON.stringify(withBom))
    fail(
      `with and without a BOM differ:\n  without ${without.join("\n          ")}\n  with    ${withBom.join("\n          ")}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Known bugs: a failure of the main properties that one of these explains is skipped (and
// counted), so that the fuzzers keep looking for other bugs while a reported one waits for its
// fix. Each known bug also has its own targeted property, expected to fail (`it.fails` in the
// test) until the fix lands. Empty when the main properties hit no known bug.

export interface KnownBug {
  id: string;
  summary: string;
  /** True when the bug explains a failure on this text. */
  explains(api: FuzzApi, text: string, options: LintOptionsLike): boolean;
}

export const KNOWN_BUGS: KnownBug[] = [];

/** The known bug that explains a failure, if any. */
export function knownBugFor(api: FuzzApi, text: string, options: LintOptionsLike): KnownBug | undefined {
  return KNOWN_BUGS.find((bug) => {
    try {
      return bug.explains(api, text, options);
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Targeted cases

/** Inserts blocks into a case at a position (a fraction of its blocks). */
function withBlocks(c: FuzzCase, extra: string[][], at: number): FuzzCase {
  const blocks = [...c.blocks];
  blocks.splice(at % (blocks.length + 1), 0, ...extra);
  return { ...c, blocks };
}

/** Cases with something to fix: more examples, JSON blocks, annotations and directives put in. */
export const fixableCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fuzzCase,
    fc.array(fc.oneof(httpFence, jsonFence, annotation, namespaceLine, directive), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.nat(),
  )
  .map(([c, extra, at]) => withBlocks(c, extra, at));

/** Cases whose page starts with a byte order mark, then a blank line, a fixable JSON block, a directive. */
export const bomCase: fc.Arbitrary<FuzzCase> = fuzzCase.map((c) => ({
  ...c,
  bom: true,
  reportUnusedDisableDirectives: true,
  blocks: [[""], ["```json", "[1,]", "```"], ["<!-- graph-docs-lint-disable -->"], ...c.blocks],
}));

/** Cases with a JSON text nested 500–10,000 deep in an example, a ```json block or an annotation. */
export const deepJsonCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fuzzCase, nestedJson(10_000, 500), fc.constantFrom("http", "json", "annotation"), fc.nat())
  .map(([c, body, where, at]) => {
    const block =
      where === "http"
        ? ["```http", "HTTP/1.1 200 OK", "", ...body, "```"]
        : where === "json"
          ? ["```json", ...body, "```"]
          : ["<!-- {", '  "blockType": "response",', `  "nested": ${body.join("\n")}`, "} -->"];
    return withBlocks(c, [block], at);
  });

/** Cases with a fenced example in a list item or blockquote whose lines are indented by a tab. */
export const tabInContainerCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fuzzCase,
    fc.constantFrom("- ", "1. ", "* ", "> ", "> - "),
    fc.constantFrom(
      ["```json", "\t[1,]", "```"],
      ["```json", "\t{", '\t  "id": "x",', "\t}", "```"],
      ["```http", "\tGET /connections", "```"],
      ["```http", "\tPOST /connections", "", "\t{", '\t\t"a": [1,],', "\t}", "```"],
    ),
    fc.nat(),
  )
  .map(([c, marker, fence, at]) => {
    const indent = marker.startsWith(">")
      ? marker.replace(/[^>]/g, " ").trimEnd() + " "
      : " ".repeat(marker.length);
    const block = fence.map((l, i) =>
      i === 0 ? marker + l : (marker.startsWith(">") ? "> " : "") + (l.startsWith("\t") ? l : indent + l),
    );
    return withBlocks({ ...c, path: "fixtures-external" }, [block], at);
  });

/** Cases with a JSON text that ends in an unterminated `/*` comment, in a fence, a body or an annotation. */
export const unterminatedCommentCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fuzzCase,
    fc.constantFrom("json", "http", "annotation"),
    fc.constantFrom("/*", "/* open", "  /*"),
    fc.nat(),
  )
  .map(([c, where, comment, at]) => {
    const block =
      where === "json"
        ? ["```json", "[1,", comment, "```"]
        : where === "http"
          ? ["```http", "POST /me/events", "", "{", comment, "```"]
          : ['<!-- { "blockType": "request",', comment, "} -->"];
    return withBlocks(c, [block], at);
  });

/** Cases that start with blockquotes nested 8,000–10,000 deep (first, so that no open fence holds them). */
export const deepBlockquoteCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fuzzCase, fc.integer({ min: 8_000, max: 10_000 }), fc.constantFrom(">", "> "))
  .map(([c, depth, marker]) => ({ ...c, blocks: [[marker.repeat(depth) + "text"], ...c.blocks] }));

/**
 * Lines that decide CommonMark's block structure, for the split reader (src/parse/top-level.ts):
 * fences at every indentation and in containers, HTML blocks of each kind and their ends, headings,
 * front matter fences, pipe and plain paragraph lines with the inline constructs the plain reader
 * takes or gives up on, references defined before and after use, lists, quotes, breaks.
 */
const structuralLine: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "   ",
  "\t",
  "text",
  "Text [l](u.md) more",
  "ünïcode [l](ü.md)",
  "abc  ",
  "x `code [x](y)` [z](w)",
  "```",
  "```json",
  "``` js meta  ",
  "````",
  "~~~",
  "~~~ x`y",
  "  ```",
  "   ```",
  "    ```",
  "\t```",
  "```x```",
  "`` `",
  "```http title=\\`x\\`",
  "~~~ a&amp;b \\_c ",
  "<!-- a",
  "<!-- a -->",
  "-->",
  "<!-->",
  "<!--->",
  "x -->",
  "  <!-- c",
  "<!-- -- > -->",
  "<div>",
  "</div>",
  "<span>x</span>",
  "<script>",
  "</script>",
  "<PRE>",
  "</pre>",
  "<?php",
  "?>",
  "<!DOCTYPE",
  ">",
  "<![CDATA[",
  "]]>",
  '<a name="x"></a>',
  "# H",
  "## H ##",
  "#",
  "####### x",
  "#x",
  "# [HTTP](#tab/http)",
  "# a `b` [c](d.md) <x>",
  "#\t[t](u)",
  "| a | b |",
  "|---|---|",
  "| [x](y.md) | `[z](w)` |",
  "|a|[b]|",
  "| a \\| b |",
  "| ![i](p.png) |",
  "| [a [b](c) d](e) |",
  "| [a](b c) |",
  "| [a]() |",
  "| [a](<b>) |",
  '| [a](b "t") |',
  "| ``a`` ` |",
  "| [a](b&amp;c) |",
  "| [a](b(c)) |",
  "| [[a](b)](c) |",
  "| [a]\t(b) |",
  "| [a](\tb) |",
  "| [a](b\u00a0c) |",
  "[ref]: /url",
  "[ref]",
  "see [x][ref]",
  "[foo][ref](u)",
  "[!INCLUDE [a](b.md)]",
  "[!INCLUDE [a](b.md)] [c]",
  "[a [b](c)",
  "[x\\] [y](z)",
  "[ [x](y) ]: /u",
  "[a",
  "b]: /u",
  "[[a]]: /u",
  "[!NOTE]",
  "Ref [x] (y)",
  "- item",
  "* item",
  "+ item",
  "1. item",
  "2) item",
  "  - nested",
  "   continuation",
  "    indented code",
  "> quote",
  "> [!NOTE]",
  "> [!NOTE]: x",
  ">**Note:** x [a](b)",
  "> **Note:** x `y` [a](b)",
  "**Note:** text",
  "** x",
  "**",
  "> ",
  ">  indented",
  ">\ttab",
  ">> nested",
  "> - item",
  "> `code` <b>",
  "> ```",
  ">",
  "> | a |",
  "> <!-- x",
  "- ```",
  "1. <!-- x",
  "---",
  "===",
  "***",
  "___",
  "- - -",
  "title: x",
  "A\u2028B",
  "\u00a0| a |",
);

/** Pages made of structural lines, with front matter sometimes, in any line endings. */
export const blockStructureCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fuzzCase,
    fc.array(fc.array(structuralLine, { minLength: 1, maxLength: 8 }), { maxLength: 10 }),
    fc.option(
      fc.constantFrom(
        ["---", "title: T", "---"],
        ["--- ", "---\t"],
        ["---", "---"],
        ["---", "x", "--- y", "---"],
      ),
    ),
  )
  .map(([c, blocks, matter]) => ({
    ...c,
    blocks: matter ? [[...matter], ...blocks] : blocks,
  }));

/** The split reading of a page must equal micromark's reading of it whole, node for node. */
function checkSplitReading(api: FuzzApi, text: string): void {
  const split = JSON.parse(JSON.stringify(api.parseBlocks(text))) as unknown;
  const whole = JSON.parse(JSON.stringify(api.parseBlocksWhole(text))) as unknown;
  if (!isDeepStrictEqual(split, whole)) {
    throw new Error(
      `parseBlocks differs from micromark's reading of the whole page\nsplit: ${JSON.stringify(split)}\nwhole: ${JSON.stringify(whole)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The properties, for the test and the fuzz script alike

export interface FuzzProperty {
  /** Short, stable name (the fuzz script's report and the test's lookup). */
  id: string;
  name: string;
  /** Share of the runs (the test and the script scale these to their totals). */
  weight: number;
  arbitrary: fc.Arbitrary<FuzzCase>;
  /** Throws when the property does not hold; skips (fc.pre) a failure that a known bug explains. */
  run(api: FuzzApi, c: FuzzCase, skips?: Map<string, number>): void;
  /** Set while the property fails because of a reported bug: it is expected to fail. */
  knownBug?: string;
}

/** Runs a check on a case's text; a failure that a known bug explains becomes a skipped case. */
function guarded(
  api: FuzzApi,
  text: string,
  options: LintOptionsLike,
  skips: Map<string, number> | undefined,
  check: () => void,
): void {
  try {
    check();
  } catch (error) {
    const bug = knownBugFor(api, text, options);
    if (bug) {
      skips?.set(bug.id, (skips.get(bug.id) ?? 0) + 1);
      fc.pre(false);
    }
    throw error;
  }
}

/** A property that lints (and maybe fixes) each case's page with `check`. */
function onText(check: (api: FuzzApi, text: string, options: LintOptionsLike) => void): FuzzProperty["run"] {
  return (api, c, skips) => {
    const text = lintInput(c);
    const options = caseOptions(c);
    guarded(api, text, options, skips, () => check(api, text, options));
  };
}

export const fuzzProperties: FuzzProperty[] = [
  {
    id: "split-reading",
    name: "reading fast blocks apart from micromark gives the same tree as micromark on the whole page",
    weight: 0.1,
    arbitrary: fc.oneof(blockStructureCase, fuzzCase),
    run(api, c) {
      checkSplitReading(api, renderCase(c));
    },
  },
  {
    id: "lint",
    name: "lintText never throws, no rule crashes, every range lies inside the page and on its target",
    weight: 0.63,
    arbitrary: fuzzCase,
    run: onText(checkLint),
  },
  {
    id: "fix-idempotent",
    name: "fixText leaves no fixable finding, and fixing its output again changes nothing",
    weight: 0.12,
    arbitrary: fixableCase,
    run: onText((api, text, options) => checkFixIdempotent(api, text, options)),
  },
  {
    id: "fix-locality",
    name: "fixes change nothing outside the fixed ranges",
    weight: 0.1,
    arbitrary: fixableCase,
    run: onText(checkFixLocality),
  },
  {
    id: "line-endings",
    name: "LF and CRLF line endings give the same findings",
    weight: 0.14,
    arbitrary: fuzzCase,
    run: (api, c, skips) => guarded(api, lintInput(c), caseOptions(c), skips, () => checkLineEndings(api, c)),
  },
  {
    id: "tab-in-container",
    // Found by this fuzzer, fixed in 55be8fa: "- ```json\n\t[1,]\n  ```\n" reported the comma at "]".
    name: "tab-indented code in a list item or blockquote keeps exact positions, and its fixes",
    weight: 0.015,
    arbitrary: tabInContainerCase,
    run: onText((api, text, options) => {
      checkLint(api, text, options);
      checkFixLocality(api, text, options);
    }),
  },
  {
    id: "deep-json",
    // Found by this fuzzer, fixed in 55be8fa (MAX_JSON_DEPTH): ~1,500 nested arrays overflowed the stack.
    name: "JSON nested 500 to 10,000 deep is linted without a crash",
    weight: 0.004,
    arbitrary: deepJsonCase,
    run: onText(checkLint),
  },
  {
    id: "deep-blockquotes",
    // Found by the hostile tests, fixed in 9768bc9: PageBuilder.visit recursed once per mdast level,
    // and ~6,000 nested blockquotes threw "RangeError: Maximum call stack size exceeded".
    name: "blockquotes nested 8,000 to 10,000 deep are linted without a crash",
    weight: 0.002,
    arbitrary: deepBlockquoteCase,
    run: onText(checkLint),
  },
  {
    id: "bom",
    // Was a known bug: a BOM given to lintText/fixText shifted every range by one (micromark drops
    // it, so mdast offsets were one short of the text's): "\uFEFF\n```json\n[1,]\n```\n" reported
    // nothing, and fixText turned "\uFEFF# T\n\n<!-- graph-docs-lint-disable -->\n" into
    // "\uFEFF# T\n\n>\n". lintText now lints the page without it and moves every position past it.
    name: "a byte order mark given to lintText/fixText changes nothing but the columns of line 1",
    weight: 0.01,
    arbitrary: bomCase,
    run(api, c) {
      const text = renderCase(c);
      const options = caseOptions(c);
      checkBomInvariance(api, c);
      checkLint(api, text, options);
      checkFixLocality(api, text, options);
    },
  },
  {
    id: "unterminated-comment",
    // Was a known bug: jsonc-parser's scanner gives an unclosed block comment at the very end of the
    // text a length one past it, and parseJson's mapRange did not clamp it: "```json\n[1,\n/*\n```\n"
    // reported json-valid "Unterminated comment" at 3:1-4:1 (with CRLF, ending between "\r" and
    // "\n"). Ranges are now clamped to the JSON text.
    name: "an unterminated /* comment ending a JSON text gets a range inside the text",
    weight: 0.01,
    arbitrary: unterminatedCommentCase,
    run(api, c) {
      checkLint(api, lintInput(c), caseOptions(c));
    },
  },
];
