/**
 * The nodes of the blocks the split reader takes from micromark (src/parse/top-level.ts), built as
 * micromark's reading of the whole page builds them (src/parse/blocks.ts compares the two).
 */
import type { Code, Link, Paragraph, Root } from "mdast";
import { decodeString } from "micromark-util-decode-string";
import { type PlainLink, plainInlineLinks } from "./plain-inline.js";
import type { LineIndex } from "./source.js";
import type { QuoteParagraph } from "./top-level.js";

/**
 * The inline content of `text[start, end)` as the plain reader finds it (src/parse/plain-inline.ts):
 * its link nodes and its position, or undefined when it holds something only micromark reads.
 */
export function plainInline(
  text: string,
  lines: LineIndex,
  start: number,
  end: number,
  referencesDefined: boolean,
): { children: Link[]; position: NonNullable<Root["position"]> } | undefined {
  const links = plainInlineLinks(text, start, end, referencesDefined);
  return links && { children: linkNodes(lines, links), position: positionBetween(lines, start, end) };
}

/** The link nodes of links the plain reader found. */
function linkNodes(lines: LineIndex, links: PlainLink[]): Link[] {
  return links.map((link) => ({
    type: "link",
    url: link.url,
    title: null,
    children: [],
    position: positionBetween(lines, link.start, link.end),
  }));
}

/**
 * The paragraphs of a top-level block quote (src/parse/top-level.ts), as micromark reads them
 * (the quote itself makes no node), or undefined when one holds inline text only micromark reads.
 * A paragraph's text runs from after its first line's `>` marker to the end of its last line; the
 * markers of the lines between are only text to the link reader, as micromark leaves them out of
 * the text but not out of the positions.
 */
export function quoteParagraphs(
  text: string,
  lines: LineIndex,
  paragraphs: QuoteParagraph[],
  referencesDefined: boolean,
): Paragraph[] | undefined {
  const read: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const start = lines.lineStarts[paragraph.firstLine]! + paragraph.markerLength;
    const end = lines.lineEnd(paragraph.lastLine + 1);
    const inline = plainInline(text, lines, start, end, referencesDefined);
    if (!inline) return undefined;
    read.push({ type: "paragraph", ...inline });
  }
  return read;
}

/** A top-level fenced code block from its opening line to its closing line, as micromark reads it. */
export function fencedCode(
  text: string,
  lines: LineIndex,
  first: number,
  last: number,
  marker: string,
): Code {
  // Info is the first word after the fence; meta the rest of the line from its next word on,
  // trailing white space included (micromark's codeFencedFenceInfo and codeFencedFenceMeta).
  const [, info = "", meta = ""] = /^[ \t]*([^ \t]*)[ \t]*([^]*)$/.exec(
    text.slice(lines.lineStarts[first]! + marker.length, lines.lineEnd(first + 1)),
  )!;
  const lang = info === "" ? null : decodeString(info);
  const metaValue = meta.trim() === "" ? null : decodeString(meta);
  // The value runs from the line after the opening fence to the line before the closing one.
  const value = last > first + 1 ? text.slice(lines.lineStarts[first + 1], lines.lineEnd(last)) : "";
  return {
    type: "code",
    lang,
    meta: metaValue,
    value,
    position: positionBetween(lines, lines.lineStarts[first]!, lines.lineEnd(last + 1)),
  };
}

export function positionBetween(lines: LineIndex, start: number, end: number): NonNullable<Root["position"]> {
  return { start: lines.point(start), end: lines.point(end) };
}
