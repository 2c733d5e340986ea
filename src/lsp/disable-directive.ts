/**
 * The edit of the "Disable <rule> for this line" quick fix: where a disable directive can go
 * without changing what the page means, and the directive itself (spelled by
 * src/engine/directives.ts, which reads it back).
 */
import type { Node, Parent, Root } from "mdast";
import { type DirectiveKind, directiveComment } from "../engine/directives.js";
import type { Fix } from "../engine/rule.js";
import { LineIndex } from "../parse/source.js";

const CONTAINERS = new Set(["root", "list", "listItem", "blockquote"]);
const BLOCKS = new Set([
  "paragraph",
  "heading",
  "thematicBreak",
  "blockquote",
  "list",
  "listItem",
  "html",
  "code",
  "definition",
  "yaml",
  "table",
]);

interface Located {
  type: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

function located(node: Node): Located | undefined {
  const p = node.position;
  if (p?.start.offset === undefined || p.end.offset === undefined) return undefined;
  return {
    type: node.type,
    start: p.start.offset,
    end: p.end.offset,
    startLine: p.start.line,
    endLine: p.end.line,
  };
}

/** The innermost leaf block (paragraph, heading, code, html, front matter…) holding an offset. */
function leafBlockAt(tree: Root, offset: number): Located | undefined {
  let parent: Parent = tree;
  let found: Located | undefined;
  for (;;) {
    let next: Node | undefined;
    for (const child of parent.children) {
      const at = BLOCKS.has(child.type) ? located(child) : undefined;
      if (at && at.start <= offset && (offset < at.end || (offset === at.end && at.start === at.end))) {
        next = child;
        found = at;
        break;
      }
    }
    if (!next || !CONTAINERS.has(next.type) || !("children" in next)) return found;
    parent = next as Parent;
  }
}

/** Nodes whose inside an inserted HTML comment would become part of (code) or break (a comment). */
function opaqueNodes(tree: Root): Located[] {
  const out: Located[] = [];
  const walk = (node: Node) => {
    if (node.type === "html" || node.type === "code" || node.type === "inlineCode") {
      const at = located(node);
      if (at) out.push(at);
      return;
    }
    if ("children" in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(tree);
  return out;
}

const insert = (at: number, value: string): Fix => ({ range: { start: at, end: at }, text: value });
const indentOf = (s: string) => /^[ \t]*/.exec(s)?.[0] ?? "";

/**
 * The edits that disable `ruleId` for a finding at `offset` (into `text`, the page without BOM).
 *
 * `<!-- graph-docs-lint-disable-next-line rule -->` goes on a new line above the finding's line,
 * with its indentation, when that line starts a block. A new line anywhere else would change the
 * page: inside a fenced code block or a multi-line comment (an annotation) it would be code or end
 * the comment, in the middle of a paragraph or a table it would split it. There the directive is
 * `disable-line` at the end of the line, or, inside code and comments, a `disable`/`enable` pair
 * around the block; a finding in the front matter gets `disable-file` below the front matter.
 */
export function disableDirectiveEdit(
  text: string,
  tree: Root,
  offset: number,
  ruleId: string,
): { title: string; edits: Fix[] } {
  const lines = new LineIndex(text);
  const comment = (kind: DirectiveKind) => directiveComment(kind, [ruleId]);
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
  const line = lines.point(offset).line;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const block = leafBlockAt(tree, offset);

  if (block?.type === "yaml") {
    return {
      title: `Disable ${ruleId} for this file`,
      edits: [insert(lines.lineEnd(block.endLine), `${eol}${comment("disable-file")}`)],
    };
  }
  const startsBlock =
    !block || (block.startLine === line && text.slice(lineStart, block.start).trim() === "");
  if (startsBlock) {
    return {
      title: `Disable ${ruleId} for this line`,
      edits: [insert(lineStart, `${indentOf(lines.lineText(line))}${comment("disable-next-line")}${eol}`)],
    };
  }
  const opaque = opaqueNodes(tree).some((n) => n.start < lineEnd && lineEnd < n.end);
  if (!opaque && block.type !== "code" && block.type !== "html") {
    return {
      title: `Disable ${ruleId} for this line`,
      edits: [insert(lineEnd, ` ${comment("disable-line")}`)],
    };
  }
  const firstLineStart = lines.lineStart(block.startLine);
  let indent = indentOf(lines.lineText(block.startLine));
  // An indented code block: the directives go at its container's indentation, outside the code.
  if (block.type === "code" && !/^[ \t]*(```|~~~)/.test(text.slice(firstLineStart))) {
    indent = indent.replace(/^( {4}|\t| {0,3}\t)/, "");
  }
  const what = block.type === "code" ? "code block" : block.type === "html" ? "comment" : "block";
  return {
    title: `Disable ${ruleId} for this ${what}`,
    edits: [
      insert(firstLineStart, `${indent}${comment("disable")}${eol}`),
      insert(lines.lineEnd(block.endLine), `${eol}${indent}${comment("enable")}`),
    ],
  };
}
