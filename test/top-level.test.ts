/**
 * The split reader: which top-level blocks are read without micromark (src/parse/top-level.ts),
 * and the links of plain paragraphs and headings (src/parse/plain-inline.ts). That the split
 * reading equals micromark's whole reading is tested in parse-blocks.test.ts and the fuzz run.
 */
import { describe, expect, it } from "vitest";
import { plainInlineLinks } from "../src/parse/plain-inline.js";
import { LineIndex } from "../src/parse/source.js";
import { topLevelBlocks } from "../src/parse/top-level.js";
import { md } from "./helpers.js";

/** Each block as "kind first-last" (1-based lines). */
function blocksOf(text: string): string[] {
  return topLevelBlocks(text, new LineIndex(text)).map(
    (b) => `${b.kind} ${b.firstLine + 1}-${b.lastLine + 1}`,
  );
}

describe("topLevelBlocks", () => {
  it("reads a Graph page's fences, comments, headings, tables and paragraphs apart, and leaves the rest to micromark", () => {
    const page = md(
      "---",
      "title: Get user",
      "---",
      "",
      "# Get user",
      "Namespace: microsoft.graph",
      "",
      "## Permissions",
      "| Permission type | Permissions |",
      "|:---|:---|",
      "",
      "- a list",
      "> [!NOTE]",
      "",
      '<!-- { "blockType": "request",',
      '  "name": "get_user" } -->',
      "```http",
      "GET /me",
      "```",
      "Text right after a fence.",
    );
    expect(blocksOf(page)).toEqual([
      "frontmatter 1-3",
      "prose 4-4",
      "heading 5-5",
      "paragraph 6-6",
      "prose 7-7",
      "heading 8-8",
      "paragraph 9-10",
      "prose 11-14",
      "html 15-16",
      "fence 17-19",
      "paragraph 20-20",
      "prose 21-21",
    ]);
  });

  it("takes a paragraph only where a new block starts, and only up to a blank line", () => {
    expect(blocksOf(md("Text", "| continues it |"))).toEqual(["paragraph 1-2", "prose 3-3"]);
    expect(blocksOf(md("Text", "- interrupts it"))).toEqual(["prose 1-3"]);
    expect(blocksOf(md("", "Setext", "---"))).toEqual(["prose 1-4"]);
    expect(blocksOf(md("| a |", "- not plain"))).toEqual(["prose 1-3"]);
    expect(blocksOf(md("", "1. list", "", "Plain"))).toEqual(["prose 1-3", "paragraph 4-4", "prose 5-5"]);
  });

  it("ends a paragraph at a fence, an ATX heading or a comment, which interrupt it", () => {
    expect(blocksOf(md("For the signed-in user:", "<!-- c -->", "```http", "GET /me", "```"))).toEqual([
      "paragraph 1-1",
      "html 2-2",
      "fence 3-5",
      "prose 6-6",
    ]);
    expect(blocksOf(md("Text", "# H"))).toEqual(["paragraph 1-1", "heading 2-2", "prose 3-3"]);
    // `<div>` (HTML block type 6) would interrupt it too, but the scanner does not read such blocks.
    expect(blocksOf(md("Text", "<div>"))).toEqual(["prose 1-3"]);
  });

  it("reads DocFX include lines as a paragraph: a `[` before any `]` cannot start a reference definition", () => {
    const tab = md("[!INCLUDE [sample-code](a.md)]", "[!INCLUDE [sdk](b.md)]", "", "# [C#](#tab/csharp)");
    expect(blocksOf(tab)).toEqual(["paragraph 1-2", "prose 3-3", "heading 4-4", "prose 5-5"]);
    // A label may be a definition's (`[a]: /u`), span lines (`[a` …), or hold an escape: micromark reads those.
    expect(blocksOf(md("[a]: /u"))).toEqual(["prose 1-2"]);
    expect(blocksOf(md("[a", "b]: /u"))).toEqual(["prose 1-3"]);
    expect(blocksOf(md("[a\\[b](c)"))).toEqual(["prose 1-2"]);
    // After a first line, a `[` line continues the paragraph (a definition cannot interrupt one).
    expect(blocksOf(md("Text", "[a]: /u"))).toEqual(["paragraph 1-2", "prose 3-3"]);
  });

  it("reads a block quote of paragraphs (`> [!NOTE]`, `>**Note:**`) up to a blank line", () => {
    expect(blocksOf(md("> [!NOTE]", "> Text [a](b.md).", ">", ">**Note:** more", "", "After"))).toEqual([
      "quote 1-4",
      "prose 5-5",
      "paragraph 6-6",
      "prose 7-7",
    ]);
    // Anything nested, indented, lazy or a definition: micromark reads it.
    expect(blocksOf(md("> - item"))).toEqual(["prose 1-2"]);
    expect(blocksOf(md(">>  x"))).toEqual(["prose 1-2"]);
    expect(blocksOf(md(">     code"))).toEqual(["prose 1-2"]);
    expect(blocksOf(md("> quote", "lazy"))).toEqual(["prose 1-3"]);
    expect(blocksOf(md("> [a]: /u"))).toEqual(["prose 1-2"]);
  });

  it("reads a `**` line as text, not a list item or a thematic break", () => {
    expect(blocksOf(md("**Note:** text"))).toEqual(["paragraph 1-1", "prose 2-2"]);
    expect(blocksOf(md("** x"))).toEqual(["paragraph 1-1", "prose 2-2"]);
    expect(blocksOf(md("* x"))).toEqual(["prose 1-2"]);
    expect(blocksOf(md("***"))).toEqual(["prose 1-2"]);
  });

  it("reads front matter from its `---` line to the next, white space after either allowed", () => {
    expect(blocksOf(md("--- ", "title: T", "---\t", "Text"))).toEqual([
      "frontmatter 1-3",
      "paragraph 4-4",
      "prose 5-5",
    ]);
    expect(blocksOf(md("---", "---"))).toEqual(["frontmatter 1-2", "prose 3-3"]);
  });

  it("gives the rest of the page to micromark when it cannot be sure where it stands", () => {
    // A fence not at column 0 may be inside a list item: the column-0 fence after it may close it.
    expect(blocksOf(md("- item", "  ```", "```", "| in code? |", "```"))).toEqual(["prose 1-6"]);
    // Never closed: a top-level fence runs to the end of the page.
    expect(blocksOf(md("# T", "```json", "{}"))).toEqual(["heading 1-1", "prose 2-4"]);
    expect(blocksOf(md("---", "title: never closed"))).toEqual(["prose 1-3"]);
  });

  it("keeps every line of a possible HTML block with micromark until all its ends are met", () => {
    // `<?php` starts a block that runs to `?>`, across blank lines, even after a paragraph.
    expect(blocksOf(md("text", "<span>", "<?php", "", "# not a heading", "?>", "", "# H"))).toEqual([
      "prose 1-7",
      "heading 8-8",
      "prose 9-9",
    ]);
    // An indented comment may sit in a list item; its `-->` and a blank line must both come.
    expect(blocksOf(md("  <!-- a -->", "# H1", "", "# H2"))).toEqual([
      "prose 1-3",
      "heading 4-4",
      "prose 5-5",
    ]);
    // A comment at column 0 is a top-level block, closed by `-->` (`<!-->` closes itself).
    expect(blocksOf(md("<!-->", "# H"))).toEqual(["html 1-1", "heading 2-2", "prose 3-3"]);
  });

  it("scans a page of 100,000 possible HTML starts in linear time (each kind of end is kept once)", () => {
    const text = md(
      ...Array.from({ length: 100_000 }, (_, i) => ["<?x", "<!-- y", "<div>", "<![CDATA["][i % 4]!),
    );
    expect(blocksOf(text)).toEqual(["prose 1-100001"]);
  });

  it("handles CRLF and CR line endings", () => {
    expect(blocksOf("# T\r\n```\r\nx\r\n```\r\n")).toEqual(["heading 1-1", "fence 2-4", "prose 5-5"]);
    expect(blocksOf("# T\r| a |\r")).toEqual(["heading 1-1", "paragraph 2-2", "prose 3-3"]);
  });
});

describe("plainInlineLinks", () => {
  const links = (text: string, referencesDefined = false): [string, string][] | undefined =>
    plainInlineLinks(text, 0, text.length, referencesDefined)?.map((l) => [
      text.slice(l.start, l.end),
      l.url,
    ]);

  it.each<[string, [string, string][]]>([
    [
      "| id | [user](user.md) | [b](c.md#d) |",
      [
        ["[user](user.md)", "user.md"],
        ["[b](c.md#d)", "c.md#d"],
      ],
    ],
    ["`[in code](x)` then [out](y)", [["[out](y)", "y"]]],
    ["[a `]` b](c)", [["[a `]` b](c)", "c"]]],
    ["[a `b](c)` d", []],
    ["`` ` `` [x](y) ``", [["[x](y)", "y"]]],
    ["[a [b](c) d](e)", [["[b](c)", "c"]]],
    ["[a [b] c](d)", [["[a [b] c](d)", "d"]]],
    [
      "[a]() [b](c&amp;d) [e](%20)",
      [
        ["[a]()", ""],
        ["[b](c&amp;d)", "c&d"],
        ["[e](%20)", "%20"],
      ],
    ],
    ["[shortcut] and ] and [ alone", []],
    ["unmatched ` run and [x](y)", [["[x](y)", "y"]]],
    ["text\nacross [a\nb](c)", [["[a\nb](c)", "c"]]],
    ["[a]\n(b)", []],
  ])("%j", (text, expected) => expect(links(text)).toEqual(expected));

  it.each([
    "an autolink <https://x>",
    "<br/> html",
    "an \\[escape](x)",
    "an ![image](p.png)",
    "[a](b c)",
    '[a](b "title")',
    "[a](<b>)",
    "[a](b(c))",
  ])("gives up on %j", (text) => expect(links(text)).toBeUndefined());

  it("gives up on `[label]` without a destination only when the page defines references", () => {
    expect(links("see [x] and [y][z]")).toEqual([]);
    expect(links("see [x]", true)).toBeUndefined();
  });

  it("reads 100,000 links inside 100,000 open brackets in linear time", () => {
    const text = "[".repeat(100_000) + "[a](b)".repeat(100_000);
    expect(links(text)?.length).toBe(100_000);
  });

  it("reads a paragraph full of unmatched backtick runs in linear time", () => {
    const text = Array.from({ length: 1_000 }, (_, i) => "`".repeat(i + 1)).join(" x ");
    expect(links(text)).toEqual([]);
  });
});
