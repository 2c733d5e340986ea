/**
 * Splits a page into the top-level blocks that can be read without micromark, and the rest.
 *
 * Most of a Graph page is fenced code (JSON examples), pipe tables (property tables), plain
 * paragraphs, headings and annotation comments, and micromark, which reads every character through
 * its state machines, spent most of its time there. Each is easy to read exactly when it stands at
 * the top level of the document, so this scanner finds them and leaves everything between them
 * ("prose": lists, block quotes, front matter, indented or unusual blocks) to micromark, which
 * reads each prose range from its own start point. That is only correct at points where
 * CommonMark's block parser is at the top level, and the scanner stays conservative about them:
 *
 * - A line that starts at column 0 with a code fence, an ATX heading (`## `) or a comment (`<!--`)
 *   starts a top-level block wherever it stands: those block starts are never a lazy paragraph
 *   continuation, so they close every open list item and block quote. The only blocks that absorb
 *   such a line are a top-level fenced code block or HTML block, which the scanner tracks.
 * - A line starting at column 0 with a letter, `|` or a non-ASCII character, right after a blank
 *   line or one of those top-level blocks, starts a top-level paragraph for the same reason (no
 *   paragraph is open to continue); so does a `[` line that cannot start a link reference
 *   definition (DocFX's `[!INCLUDE [name](path)]`: a label holds no unescaped `[`). It is taken
 *   when every line up to the next blank line, or up to a fence, ATX heading or comment line
 *   (which interrupt a paragraph), starts that way or with `[` (a definition cannot interrupt a
 *   paragraph): none of them can start another block or make the paragraph a setext heading.
 * - Front matter (`---` on the first line to the next `---` line) is read as
 *   micromark-extension-frontmatter reads it.
 * - A block quote of notes (`> [!NOTE]`, `>**Note:** …`) starting where a paragraph could, whose
 *   every line starts with `>` and holds paragraph text as above (or nothing), up to a blank line
 *   or a line that interrupts a paragraph: its paragraphs are read like top-level ones.
 * - A line that may start an HTML block keeps every line after it with micromark until each way
 *   that block could end has come (its marker, a blank line), whatever it turns out to be.
 * - Anything the scanner cannot place for certain (a fence marker anywhere but column 0, a fence
 *   or comment never closed, front matter without its closing line, a fence marker inside a
 *   possible HTML block) makes the rest of the page one prose range: the scanner may miss a fast
 *   block, never misplace one.
 *
 * test/parse-blocks.test.ts and the fuzz run (property "split-reading", run under micromark's
 * development build with its assertions) hold the result to micromark's reading of the whole
 * page; scripts/corpus-parse-check.mjs does so on every corpus file.
 */

import type { LineIndex } from "./source.js";

/** A top-level block; line numbers are 0-based indexes into LineIndex.lineStarts. */
export type TopLevelBlock =
  | { kind: "prose"; firstLine: number; lastLine: number }
  | { kind: "frontmatter"; firstLine: number; lastLine: number }
  | { kind: "fence"; firstLine: number; lastLine: number; marker: string }
  | { kind: "html"; firstLine: number; lastLine: number }
  | { kind: "heading"; firstLine: number; lastLine: number; depth: number }
  | { kind: "paragraph"; firstLine: number; lastLine: number }
  | { kind: "quote"; firstLine: number; lastLine: number; paragraphs: QuoteParagraph[] };

/** A paragraph inside a top-level block quote: its lines, and where its text starts on the first. */
export interface QuoteParagraph {
  firstLine: number;
  lastLine: number;
  /** The length of the first line's `>` marker with the space after it. */
  markerLength: number;
}

/** The opening sequence of a fenced code block at column 0 (```` ``` ````, `~~~`), or undefined. */
export function fenceOpening(line: string): string | undefined {
  const c = line.charCodeAt(0);
  if (c !== 96 && c !== 126) return undefined;
  let n = 1;
  while (line.charCodeAt(n) === c) n++;
  if (n < 3) return undefined;
  // A backtick fence's info string cannot contain a backtick (the line would be a code span).
  if (c === 96 && line.indexOf("`", n) !== -1) return undefined;
  return line.slice(0, n);
}

/** Whether `line` closes a fence opened by `marker`: up to 3 spaces, as long a run, white space. */
export function closesFence(line: string, marker: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = marker.charCodeAt(0);
  let n = 0;
  while (line.charCodeAt(i + n) === c) n++;
  if (n < marker.length) return false;
  for (let k = i + n; k < line.length; k++) {
    const w = line.charCodeAt(k);
    if (w !== 32 && w !== 9) return false;
  }
  return true;
}

function isBlank(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const w = line.charCodeAt(k);
    if (w !== 32 && w !== 9) return false;
  }
  return true;
}

function hasFenceMarker(line: string): boolean {
  return line.includes("```") || line.includes("~~~");
}

const THEMATIC_DASHES = /^---[ \t]*$/;

/** The depth of an ATX heading that starts at column 0 (`## Title`), or undefined. */
function atxHeadingDepth(line: string): number | undefined {
  let depth = 0;
  while (depth < 7 && line.charCodeAt(depth) === 35 /* # */) depth++;
  if (depth === 0 || depth > 6) return undefined;
  const after = line.charCodeAt(depth);
  return Number.isNaN(after) || after === 32 || after === 9 ? depth : undefined;
}

/**
 * Whether a line starts with a character that starts no block and cannot interrupt a paragraph:
 * an ASCII letter, `|`, or any non-ASCII character, or with `**` and text (`**Note:**`: a `*` list
 * marker needs white space after it, a `***` break has nothing else). (Digits may start an
 * ordered list; `[` a reference definition.)
 */
function startsPlainLine(line: string, from = 0): boolean {
  const c = line.charCodeAt(from);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 124 || c >= 128) return true;
  return c === 42 && line.charCodeAt(from + 1) === 42 && /[^*\s]/.test(line.slice(from + 2));
}

/**
 * Whether a line starting with `[` cannot start a link reference definition: an unescaped `[`
 * comes before any `]` (a definition's label holds no unescaped bracket: DocFX's `[!INCLUDE
 * [name](path)]`), or the first `]` is not followed by the `:` a definition needs (`[!NOTE]`).
 * A backslash before either gives up (it may escape a bracket).
 */
function startsNoDefinition(line: string, from = 0): boolean {
  if (line.charCodeAt(from) !== 91 /* [ */) return false;
  for (let k = from + 1; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 91) return true;
    if (c === 93) return line.charCodeAt(k + 1) !== 58; /* : */
    if (c === 92) return false;
  }
  return false;
}

/** Whether a line may start a paragraph the scanner reads (a plain line, or `[` and no definition). */
function startsParagraph(line: string, from = 0): boolean {
  return startsPlainLine(line, from) || startsNoDefinition(line, from);
}

/**
 * Whether a line may follow the first line of a top-level paragraph as its text: a plain line, or
 * one starting with `[` (a link reference definition cannot interrupt a paragraph).
 */
function continuesParagraph(line: string, from = 0): boolean {
  return startsPlainLine(line, from) || line.charCodeAt(from) === 91;
}

/**
 * Whether a line at column 0 interrupts a paragraph and starts a block the scanner reads: a code
 * fence, an ATX heading or a comment (CommonMark's HTML block type 2, which may interrupt one).
 */
function interruptsParagraph(line: string): boolean {
  return fenceOpening(line) !== undefined || atxHeadingDepth(line) !== undefined || line.startsWith("<!--");
}

/**
 * The paragraphs of a block quote whose every line starts with `>` at column 0, from line `first`
 * up to (not including) a blank line, the end of the page, or a line that interrupts a paragraph,
 * each `>` followed by nothing, one space, or a line that starts a paragraph. Inside, lines of only
 * `>` separate paragraphs, and every other line must start a paragraph or continue one as at the
 * top level (nothing nested, no lazy line). Undefined when the quote is not like that.
 */
function quoteAt(
  first: number,
  count: number,
  lineText: (n: number) => string,
): { lastLine: number; paragraphs: QuoteParagraph[] } | undefined {
  const paragraphs: QuoteParagraph[] = [];
  let open: QuoteParagraph | undefined;
  let n = first;
  for (; n < count; n++) {
    const line = lineText(n);
    if (line.charCodeAt(0) !== 62 /* > */) break;
    const markerLength = line.charCodeAt(1) === 32 ? 2 : 1;
    const c = line.charCodeAt(markerLength);
    const blank = isBlank(line.slice(markerLength));
    // A tab after `>` counts as spaces to a tab stop, and more white space may indent code.
    if (c === 9 || (c === 32 && !blank)) return undefined;
    if (blank) {
      open = undefined;
    } else if (open) {
      if (!continuesParagraph(line, markerLength)) return undefined;
      open.lastLine = n;
    } else {
      if (!startsParagraph(line, markerLength)) return undefined;
      open = { firstLine: n, lastLine: n, markerLength };
      paragraphs.push(open);
    }
  }
  if (n === first || (n < count && !isBlank(lineText(n)) && !interruptsParagraph(lineText(n))))
    return undefined;
  return { lastLine: n - 1, paragraphs };
}

/**
 * The end conditions of an HTML block that may start on `line`, or undefined when none can: a
 * blank line, and for CommonMark's types 1–5 (raw tags, comments, processing instructions,
 * declarations, CDATA) also a line containing the type's marker. The block is taken to run until
 * every condition has been met, which is never before it really ends, whatever the type.
 */
function htmlBlockConditions(line: string): HtmlCondition[] | undefined {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  if (line.charCodeAt(i) !== 60 /* < */) return undefined;
  const rest = line.slice(i);
  const conditions: HtmlCondition[] = [{ marker: undefined }];
  const marker = (text: string, from: number): void => {
    if (line.indexOf(text, from) === -1) conditions.push({ marker: text });
  };
  if (rest.startsWith("<!--")) marker("-->", i + 2);
  else if (rest.startsWith("<?")) marker("?>", i + 2);
  else if (rest.startsWith("<![CDATA[")) marker("]]>", i + 9);
  else if (rest.startsWith("<!")) marker(">", i + 2);
  else {
    // Waiting for the same raw tag, in lower case, is never shorter than for any of the four.
    const raw = /^<(script|pre|style|textarea)/i.exec(rest);
    if (raw) marker(`</${raw[1]!.toLowerCase()}>`, i + 1);
  }
  return conditions;
}

/** An end condition of an HTML block that may be open: a line holding `marker`, or a blank line. */
interface HtmlCondition {
  marker: string | undefined;
}

/** The top-level blocks of a page, in order, covering every line once. */
export function topLevelBlocks(text: string, lines: LineIndex): TopLevelBlock[] {
  const count = lines.lineStarts.length;
  const lineText = (n: number): string => lines.lineText(n + 1);
  const blocks: TopLevelBlock[] = [];
  let proseFrom = 0;
  const flushProse = (upTo: number): void => {
    if (upTo > proseFrom) blocks.push({ kind: "prose", firstLine: proseFrom, lastLine: upTo - 1 });
  };
  const giveUp = (): TopLevelBlock[] => {
    flushProse(count);
    return blocks;
  };

  let n = 0;
  // Front matter runs from a `---` first line to the next `---` line (each may end in white
  // space), as micromark-extension-frontmatter reads it; the next line starts a block.
  if (THEMATIC_DASHES.test(lineText(0))) {
    let close = 1;
    while (close < count && !THEMATIC_DASHES.test(lineText(close))) close++;
    if (close === count) return giveUp();
    blocks.push({ kind: "frontmatter", firstLine: 0, lastLine: close });
    n = close + 1;
    proseFrom = n;
  }

  let atBlockStart = true;
  /** End conditions of HTML blocks that may be open; the scan is back at the top level when none is left. */
  let html: HtmlCondition[] = [];
  const take = (block: TopLevelBlock): void => {
    flushProse(block.firstLine);
    blocks.push(block);
    proseFrom = block.lastLine + 1;
  };
  for (; n < count; n++) {
    const line = lineText(n);
    if (html.length > 0) {
      if (hasFenceMarker(line)) return giveUp();
      const blank = isBlank(line);
      html = html.filter((c) => (c.marker === undefined ? !blank : line.indexOf(c.marker) === -1));
      // Another block may start inside what looked like HTML (the first was a paragraph's text).
      // Conditions are kept once each (at most nine kinds), so that a page of `<` lines stays linear.
      if (!blank)
        for (const c of htmlBlockConditions(line) ?? [])
          if (!html.some((open) => open.marker === c.marker)) html.push(c);
      atBlockStart = blank;
      continue;
    }
    if (isBlank(line)) {
      atBlockStart = true;
      continue;
    }
    const marker = fenceOpening(line);
    if (marker !== undefined) {
      let close = n + 1;
      while (close < count && !closesFence(lineText(close), marker)) close++;
      if (close === count) return giveUp();
      take({ kind: "fence", firstLine: n, lastLine: close, marker });
      n = close;
      atBlockStart = true;
      continue;
    }
    if (hasFenceMarker(line)) return giveUp();
    if (line.startsWith("<!--")) {
      // A comment at column 0 is a top-level HTML block to the line holding `-->` (the opening
      // dashes count: `<!-->` is closed).
      let close = n;
      let from = 2;
      while (close < count && lineText(close).indexOf("-->", from) === -1) {
        close++;
        from = 0;
      }
      if (close === count) return giveUp();
      take({ kind: "html", firstLine: n, lastLine: close });
      n = close;
      atBlockStart = true;
      continue;
    }
    const conditions = htmlBlockConditions(line);
    if (conditions !== undefined) {
      html = conditions;
      atBlockStart = false;
      continue;
    }
    const depth = atxHeadingDepth(line);
    if (depth !== undefined) {
      take({ kind: "heading", firstLine: n, lastLine: n, depth });
      atBlockStart = true;
      continue;
    }
    const quote = atBlockStart ? quoteAt(n, count, lineText) : undefined;
    if (quote) {
      take({ kind: "quote", firstLine: n, ...quote });
      n = quote.lastLine;
      atBlockStart = false;
      continue;
    }
    if (atBlockStart && startsParagraph(line)) {
      let last = n;
      while (last + 1 < count && continuesParagraph(lineText(last + 1))) last++;
      const next = last + 1 < count ? lineText(last + 1) : "";
      if (last + 1 === count || isBlank(next) || interruptsParagraph(next)) {
        take({ kind: "paragraph", firstLine: n, lastLine: last });
        n = last;
        atBlockStart = false;
        continue;
      }
    }
    atBlockStart = false;
  }
  return giveUp();
}
