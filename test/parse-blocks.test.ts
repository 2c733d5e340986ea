/**
 * The page model is built from micromark's events (src/parse/blocks.ts), not remark-parse's full
 * tree; these tests hold the two to the same model, on the fixture pages, on hand-picked markdown
 * that exercises what the reader handles itself, and on generated pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPage } from "../src/page/build.js";
import { parseBlocks, parseBlocksWhole } from "../src/parse/blocks.js";
import { FIXTURES_ROOT, blockStructureCase, fuzzCase, renderCase } from "./fuzz/arbitraries.js";
import { md } from "./helpers.js";

/** The model without the text and line index it was built from. */
function model(text: string, fullTree: boolean): unknown {
  const page = buildPage(text, { fullTree });
  return JSON.parse(JSON.stringify({ ...page, text: undefined, lines: undefined })) as unknown;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const CASES: Record<string, string> = {
  "links, images, a link around an image, and a reference link": md(
    "See [user](../resources/user.md), ![pic](img.png 'title') and [![a](b.png)](c.md).",
    "A [reference][ref] and a [shortcut] are not link nodes.",
    "",
    "[ref]: ./target.md",
    "[shortcut]: <./with space.md>",
  ),
  "links inside code spans and escaped brackets are not links": md(
    "`[not](a-link.md)` and \\[not](either.md) but [yes](yes.md).",
  ),
  "escapes and character references in destinations": md("[a](x\\_y.md) [b](a&amp;b.md) [c](%20d.md)"),
  "[!INCLUDE] and inline comments and anchors": md(
    '[!INCLUDE [permissions](../includes/p.md)] <!-- a comment --> <a name="anchor"></a> text',
  ),
  "ATX headings with closing sequences, setext headings, tab markers": md(
    "## Title ##",
    "###### six",
    "Setext one",
    "===",
    "Setext two",
    "---",
    "# [HTTP](#tab/http)",
    "text",
    "---",
  ),
  "fenced, tilde, indented, unclosed code; info and meta with escapes": md(
    "```http title=\\`x\\`",
    "GET /me",
    "```",
    "",
    "~~~json",
    '{ "a": 1 }',
    "~~~",
    "",
    "    indented",
    "    code",
    "",
    "```js",
    "never closed",
  ),
  "code and annotations inside lists and block quotes, with tabs": md(
    "1. Step",
    "",
    '   <!-- { "blockType": "request", "name": "x" } -->',
    "   ```http",
    "   POST /me",
    "   ```",
    "",
    "> [!NOTE]",
    "> ```json",
    '> {"a": [1, 2]}',
    "> ```",
    "",
    "-\t```",
    "\tcode with tab",
    "\t```",
  ),
  "HTML blocks, thematic breaks and a table": md(
    "<div>",
    "html block",
    "</div>",
    "",
    "***",
    "",
    "| Property | Type | Description |",
    "|:---|:---|:---|",
    "| id | String | The [id](x.md). |",
  ),
  "front matter with CRLF line endings":
    "---\r\ntitle: T\r\n---\r\n\r\n# T\r\n\r\n```http\r\nGET /me\r\n```\r\n",
  "emphasis and hard breaks (not read) around links": md(
    "*a [b](c.md)* **d**  ",
    "e\\",
    "f <https://example.com>",
  ),
};

describe("parseBlocks: the page model equals the one built from remark-parse's tree", () => {
  for (const [name, text] of Object.entries(CASES))
    it(name, () => expect(model(text, false)).toEqual(model(text, true)));

  it("on every fixture page", () => {
    const files = markdownFiles(FIXTURES_ROOT);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      expect(model(text, false), file).toEqual(model(text, true));
    }
  });

  it("on generated pages", () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const text = renderCase(c).replace(/^\uFEFF/, "");
        expect(model(text, false)).toEqual(model(text, true));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});

/** A tree as plain data (positions and all), to compare two readings. */
const plain = (tree: unknown): unknown => JSON.parse(JSON.stringify(tree)) as unknown;

/**
 * Pages where reading top-level blocks apart could go wrong, each found by the fuzz run or made
 * for a rule of src/parse/top-level.ts.
 */
const SPLIT_CASES: Record<string, string> = {
  "a block in a list ends where the column-0 line after it closes the list (fuzz)": md(
    "1. <!-- x",
    "   ",
    "``` js meta  ",
    "",
    "```",
  ),
  "a container prefix on the last line before a fast block (fuzz)": md(
    '<!-- { "blockType": "request" } -->',
    "",
    "> > <!-- open",
    "> > ",
    "<!-- closed -->",
  ),
  "a blank line before a fast block, inside an open list item (fuzz)": md("- <!-- x --!>", "", "Plain text"),
  "a processing instruction after a paragraph runs past blank lines (fuzz)": md(
    "---",
    "title: T",
    "---",
    " | a |",
    "</pre>",
    "<?php",
    "",
    "",
    "| [x](y.md) | `[z](w)` |",
  ),
  "a reference defined after its use, with fast blocks between": md(
    "[foo][bar](x) and [baz]",
    "",
    "```",
    "code",
    "```",
    "",
    "| [foo][bar](x) | [baz] |",
    "",
    "[bar]: /u",
    "[baz]: /v",
  ),
  "a fence inside a list item closed by a column-0 fence": md("- item", "  ```", "```", "| a |", "```"),
  "fence info and meta with entities, escapes and trailing white space": md(
    "~~~ a&amp;b \\_c  ",
    "x",
    "~~~ ",
  ),
  "tab headings, links in headings and tables, a closing fence indented by 3": md(
    "# [HTTP](#tab/http)",
    "| [a](b.md) | `[c](d)` | [e [f](g) h](i) |",
    "```json",
    "{}",
    "   ```",
    "---",
  ),
};

describe("parseBlocks: reading fast blocks apart gives micromark's tree for the whole page", () => {
  for (const [name, text] of Object.entries({ ...SPLIT_CASES, ...CASES }))
    it(name, () => expect(plain(parseBlocks(text))).toEqual(plain(parseBlocksWhole(text))));

  it("with LF, CRLF and CR line endings", () => {
    for (const text of Object.values(SPLIT_CASES)) {
      for (const eol of ["\r\n", "\r"]) {
        const other = text.replace(/\n/g, eol);
        expect(plain(parseBlocks(other))).toEqual(plain(parseBlocksWhole(other)));
      }
    }
  });

  it("on generated pages of structural lines", () => {
    fc.assert(
      fc.property(blockStructureCase, (c) => {
        const text = renderCase(c);
        expect(plain(parseBlocks(text))).toEqual(plain(parseBlocksWhole(text)));
      }),
      { numRuns: 1_000, seed: 20261124 },
    );
  });
});

describe("parseBlocks: the nodes the builder reads", () => {
  it("lists links with their decoded destination and drops references", () => {
    const tree = parseBlocks(md("[a](x\\_y.md) [b][r] ![c](d.png)", "", "[r]: e.md"));
    const paragraph = tree.children[0];
    expect(paragraph?.type).toBe("paragraph");
    const children = paragraph && "children" in paragraph ? paragraph.children : [];
    expect(children.map((n) => [n.type, "url" in n ? n.url : undefined])).toEqual([
      ["link", "x_y.md"],
      ["image", "d.png"],
    ]);
    expect(tree.children[1]).toMatchObject({ type: "definition", url: "e.md" });
  });

  it("reads code values, language and meta as remark does", () => {
    const tree = parseBlocks(md("> ```http a&amp;b", "> GET /me", ">", "> ```"));
    expect(tree.children[0]).toMatchObject({ type: "code", lang: "http", meta: "a&b", value: "GET /me\n" });
  });
});
