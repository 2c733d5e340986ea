/**
 * Markdown text → the part of mdast the page model reads, straight from micromark's events.
 *
 * The page builder reads block nodes (front matter, headings, HTML, code, paragraphs, thematic
 * breaks, definitions) and, inside paragraphs and headings, only links, images and inline HTML:
 * everything else it reads from the source lines. `remark-parse` builds the whole tree through
 * mdast-util-from-markdown, and micromark spends much of its time on inline constructs nobody here
 * reads (emphasis, character references, hard breaks). This module runs the same
 * micromark tokenizer, so the block structure, code, HTML and links are exactly CommonMark's, with
 * those inline constructs turned off, and turns the events into a flat list of the nodes the builder
 * visits, in document order. Top-level blocks that are simple to read exactly (fenced code,
 * comments, ATX headings, plain paragraphs and tables) are read without micromark: see
 * src/parse/top-level.ts. On the Graph docs it takes a ninth of the time of `remark-parse`.
 *
 * What differs from remark-parse's tree (none of it is read by the builder): containers (lists,
 * block quotes) are not nodes, their content is listed in order at the top level; a paragraph's and
 * a heading's children are only its links, images and inline HTML, in order, with links and images
 * not nested; emphasis is text; reference-style links are not nodes (as remark's `linkReference`,
 * which the builder does not read).
 */
import type { Code, Definition, Heading, Html, Image, Link, Paragraph, Root, RootContent, Yaml } from "mdast";
import { parse, postprocess, preprocess } from "micromark";
import { frontmatter } from "micromark-extension-frontmatter";
import { decodeString } from "micromark-util-decode-string";
import type { Event, Extension, ParseOptions, Token } from "micromark-util-types";
import { deepNesting } from "./nesting.js";
import { LineIndex } from "./source.js";
import { type TopLevelBlock, topLevelBlocks } from "./top-level.js";
import { fencedCode, plainInline, positionBetween, quoteParagraphs } from "./fast-blocks.js";

/** Inline constructs no rule reads (by name); links, autolinks, images, code spans, escapes and inline HTML stay on. */
const UNREAD_CONSTRUCTS: Extension = { disable: { null: ["hardBreakEscape"] } };

/**
 * Characters that start only constructs no rule reads: `*` and `_` (emphasis), `&` (character
 * references). Their constructs are removed outright, not disabled: a disabled construct's character
 * still ends a run of text, and micromark merges the runs back with one `splice` each, which is
 * quadratic on a long line full of them (2 MB of "`code` **b** " took two minutes).
 */
const UNREAD_MARKERS = [42, 95, 38] as const;

const parseOptions: ParseOptions = { extensions: [frontmatter(["yaml"]), UNREAD_CONSTRUCTS] };

let sharedParser: ReturnType<typeof parse> | undefined;

/**
 * The micromark parser, without the constructs of UNREAD_MARKERS, reset for a new document.
 * Building one (combining the construct maps) cost more than reading a small page; its only
 * per-document state is the reference definitions seen and the lines found lazy.
 */
function parser(): ReturnType<typeof parse> {
  if (!sharedParser) {
    sharedParser = parse(parseOptions);
    // parse() builds fresh construct maps for each call: deleting from them touches nothing shared.
    for (const code of UNREAD_MARKERS) {
      delete sharedParser.constructs.text[code];
      delete sharedParser.constructs.string[code];
    }
  }
  sharedParser.defined = [];
  sharedParser.lazy = {};
  return sharedParser;
}

type InlineNode = Link | Image | Html;
type LinePoint = { line: number; column: number; offset: number };
type InlineParent = Paragraph | Heading;
/**
 * How much of a fast block's first line micromark needs to see after a prose range: enough to be
 * the same kind of block start ("```", "#", "<!--", a letter or `|`).
 */
const LOOKAHEAD: Record<TopLevelBlock["kind"], number> = {
  prose: 0,
  frontmatter: 3,
  fence: 3,
  heading: 1,
  html: 4,
  paragraph: 2,
  quote: 1,
};

/** micromark's events for a range of lines, and the offset where the range's own nodes end. */
type MicromarkRange = { events: Event[]; boundary: number };

/**
 * Parses `text` into the flat tree described above. Top-level fenced code, comments, ATX headings
 * and plain paragraphs are read directly (src/parse/top-level.ts, src/parse/plain-inline.ts);
 * micromark reads the ranges between them, each from its own start point, with one shared list of
 * reference definitions.
 */
export function parseBlocks(text: string, lines: LineIndex = new LineIndex(text)): Root {
  // Containers nested past any real page's depth cost micromark superlinear time: the lines from
  // there on are not parsed (the engine reports where; see src/parse/nesting.ts).
  const deep = deepNesting(text);
  if (deep) return parseBlocks(text.slice(0, deep.offset));
  // micromark drops a byte order mark and turns NUL into U+FFFD: leave those pages to it whole.
  if (text.charCodeAt(0) === 0xfeff || text.includes("\0")) return parseBlocksWhole(text);
  const blocks = topLevelBlocks(text, lines);
  if (blocks.length === 1 && blocks[0]!.kind === "prose") return parseBlocksWhole(text);
  const context = parser();
  const pointAt = (line: number): LinePoint => ({
    line: line + 1,
    column: 1,
    offset: lines.lineStarts[line]!,
  });
  /**
   * micromark's reading of lines `first`–`last`, and of the first `lookahead` characters of the
   * next line. A prose range is followed by the start of a fast block (the kind's shortest form:
   * "```", "#", "<!--", one character of a plain line), as in the whole page: that line closes
   * any list item or block quote still open, and where micromark ends a block inside one depends
   * on it. Nodes from that line on are dropped.
   */
  const tokenize = (first: number, last: number, lookahead: number): MicromarkRange => {
    const boundary = lines.lineStarts[last + 1] ?? text.length;
    // Which lines are lazy is flow-time state keyed by line number, and the next line is read twice.
    context.lazy = {};
    const events = context
      .document(pointAt(first))
      .write(preprocess()(text.slice(lines.lineStarts[first], boundary + lookahead), undefined, true));
    return { events, boundary };
  };
  const isBlankRange = (first: number, last: number): boolean =>
    /^[ \t\r\n]*$/.test(text.slice(lines.lineStarts[first], lines.lineEnd(last + 1)));

  // First every prose range's block structure, which registers the reference definitions; links
  // are resolved afterwards (postprocess), as in one document.
  const parts: (MicromarkRange | RootContent | RootContent[])[] = [];
  const inlineBlocks: { index: number; block: TopLevelBlock }[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === "prose") {
      // Blank lines after a top-level block (or at the start) make no node: nothing is open.
      if (!isBlankRange(block.firstLine, block.lastLine))
        parts.push(tokenize(block.firstLine, block.lastLine, LOOKAHEAD[blocks[i + 1]?.kind ?? "prose"]));
    } else if (block.kind === "fence")
      parts.push(fencedCode(text, lines, block.firstLine, block.lastLine, block.marker));
    else if (block.kind === "frontmatter")
      parts.push({
        type: "yaml",
        value: "",
        position: positionBetween(lines, 0, lines.lineEnd(block.lastLine + 1)),
      } satisfies Yaml);
    else if (block.kind === "html") {
      const start = lines.lineStarts[block.firstLine]!;
      const end = lines.lineEnd(block.lastLine + 1);
      parts.push({
        type: "html",
        value: text.slice(start, end),
        position: positionBetween(lines, start, end),
      });
    } else {
      inlineBlocks.push({ index: parts.length, block });
      parts.push({ events: [], boundary: 0 });
    }
  });
  const referencesDefined = context.defined.length > 0;
  for (const { index, block } of inlineBlocks) {
    if (block.kind === "quote") {
      parts[index] =
        quoteParagraphs(text, lines, block.paragraphs, referencesDefined) ??
        tokenize(block.firstLine, block.lastLine, 0);
      continue;
    }
    const start = lines.lineStarts[block.firstLine]!;
    const end = lines.lineEnd(block.lastLine + 1);
    const inline = plainInline(text, lines, start, end, referencesDefined);
    if (!inline) {
      // A top-level heading or paragraph (followed by a blank line) is read the same on its own.
      parts[index] = tokenize(block.firstLine, block.lastLine, 0);
      continue;
    }
    parts[index] =
      block.kind === "heading"
        ? { type: "heading", depth: block.depth as Heading["depth"], ...inline }
        : { type: "paragraph", ...inline };
  }
  const reader = new EventReader(text);
  for (const part of parts) {
    if (Array.isArray(part)) {
      for (const node of part) reader.add(node);
    } else if ("events" in part) {
      reader.read(postprocess(part.events));
      reader.dropFrom(part.boundary);
    } else reader.add(part);
  }
  return reader.root;
}

/**
 * The micromark-only reading of the whole page (what parseBlocks must equal; used by tests), up to
 * where containers nest too deeply, as parseBlocks.
 */
export function parseBlocksWhole(text: string): Root {
  const deep = deepNesting(text);
  if (deep) return parseBlocksWhole(text.slice(0, deep.offset));
  const events = postprocess(
    parser()
      .document()
      .write(preprocess()(text, undefined, true)),
  );
  const reader = new EventReader(text);
  reader.read(events);
  return reader.root;
}

class EventReader {
  readonly root: Root = { type: "root", children: [] };
  private inlineParent: InlineParent | undefined;
  private code: Code | undefined;
  private codeParts: string[] = [];
  private definition: Definition | undefined;
  private headingDepthSet = false;
  /** Open links and images, innermost last; `hasResource` tells an inline link from a reference. */
  private readonly labels: { node: Link | Image; hasResource: boolean }[] = [];

  constructor(private readonly text: string) {}

  read(events: Event[]): void {
    for (const [kind, token, context] of events) {
      if (kind === "enter") this.enter(token, context);
      else this.exit(token);
    }
  }

  private enter(token: Token, context: Event[2]): void {
    // `yaml` is micromark-extension-frontmatter's token type, not in micromark's own type map.
    switch (token.type as string) {
      case "paragraph":
        this.inlineParent = { type: "paragraph", children: [], position: positionOf(token) };
        this.add(this.inlineParent);
        return;
      case "atxHeading":
      case "setextHeading":
        this.inlineParent = { type: "heading", depth: 1, children: [], position: positionOf(token) };
        this.headingDepthSet = false;
        this.add(this.inlineParent);
        return;
      case "atxHeadingSequence":
        // The opening sequence comes first; a closing `##` does not change the depth.
        if (this.inlineParent?.type === "heading" && !this.headingDepthSet) {
          this.inlineParent.depth = depthOf(token.end.offset - token.start.offset);
          this.headingDepthSet = true;
        }
        return;
      case "setextHeadingLineSequence":
        if (this.inlineParent?.type === "heading")
          this.inlineParent.depth = this.text.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
        return;
      case "codeFenced":
      case "codeIndented":
        this.code = { type: "code", lang: null, meta: null, value: "", position: positionOf(token) };
        this.codeParts = [];
        this.add(this.code);
        return;
      case "codeFencedFenceInfo":
        if (this.code) this.code.lang = decodeString(context.sliceSerialize(token));
        return;
      case "codeFencedFenceMeta":
        if (this.code) this.code.meta = decodeString(context.sliceSerialize(token));
        return;
      case "codeFlowValue":
        this.codeParts.push(context.sliceSerialize(token));
        return;
      case "lineEnding":
        if (this.code) this.codeParts.push(context.sliceSerialize(token));
        return;
      case "htmlFlow":
        this.add(this.html(token));
        return;
      case "htmlText":
        this.inlineParent?.children.push(this.html(token));
        return;
      case "thematicBreak":
        this.add({ type: "thematicBreak", position: positionOf(token) });
        return;
      case "definition":
        this.definition = {
          type: "definition",
          identifier: "",
          label: null,
          url: "",
          title: null,
          position: positionOf(token),
        };
        this.add(this.definition);
        return;
      case "definitionDestinationString":
        if (this.definition) this.definition.url = decodeString(context.sliceSerialize(token));
        return;
      case "link":
      case "image": {
        const position = positionOf(token);
        const node: Link | Image =
          token.type === "link"
            ? { type: "link", url: "", title: null, children: [], position }
            : { type: "image", url: "", title: null, alt: null, position };
        this.labels.push({ node, hasResource: false });
        this.inlineParent?.children.push(node as InlineNode as Paragraph["children"][number]);
        return;
      }
      case "autolink": {
        const node: Link = { type: "link", url: "", title: null, children: [], position: positionOf(token) };
        this.labels.push({ node, hasResource: true });
        this.inlineParent?.children.push(node);
        return;
      }
      case "autolinkProtocol":
      case "autolinkEmail": {
        const open = this.labels[this.labels.length - 1];
        const address = context.sliceSerialize(token);
        if (open) open.node.url = token.type === "autolinkEmail" ? `mailto:${address}` : address;
        return;
      }
      case "resourceDestinationString": {
        const open = this.labels[this.labels.length - 1];
        if (open) open.node.url = decodeString(context.sliceSerialize(token));
        return;
      }
      case "resource": {
        const open = this.labels[this.labels.length - 1];
        if (open) open.hasResource = true;
        return;
      }
      case "yaml":
        this.add({ type: "yaml", value: "", position: positionOf(token) } satisfies Yaml);
        return;
      default:
        return;
    }
  }

  private exit(token: Token): void {
    switch (token.type) {
      case "paragraph":
      case "atxHeading":
      case "setextHeading":
        this.inlineParent = undefined;
        return;
      case "codeFenced":
        if (this.code) this.code.value = this.codeParts.join("").replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "");
        this.code = undefined;
        return;
      case "codeIndented":
        if (this.code) this.code.value = this.codeParts.join("").replace(/(\r?\n|\r)$/, "");
        this.code = undefined;
        return;
      case "definition":
        this.definition = undefined;
        return;
      case "link":
      case "image":
      case "autolink": {
        const open = this.labels.pop();
        // A reference (`[text][id]`, `[id]`) is not a link node, as in remark's tree.
        if (open && !open.hasResource && this.inlineParent) {
          const siblings = this.inlineParent.children as InlineNode[];
          const at = siblings.lastIndexOf(open.node);
          if (at !== -1) siblings.splice(at, 1);
        }
        return;
      }
      default:
        return;
    }
  }

  /** Drops the nodes read so far that start at or after `offset` (they come last). */
  dropFrom(offset: number): void {
    const children = this.root.children;
    while (children.length > 0 && (children[children.length - 1]!.position?.start.offset ?? 0) >= offset)
      children.pop();
  }

  add(node: RootContent): void {
    this.root.children.push(node);
  }

  private html(token: Token): Html {
    return {
      type: "html",
      value: this.text.slice(token.start.offset, token.end.offset),
      position: positionOf(token),
    };
  }
}

function depthOf(hashes: number): Heading["depth"] {
  return Math.min(6, Math.max(1, hashes)) as Heading["depth"];
}

function positionOf(token: Token): NonNullable<Root["position"]> {
  return {
    start: { line: token.start.line, column: token.start.column, offset: token.start.offset },
    end: { line: token.end.line, column: token.end.column, offset: token.end.offset },
  };
}
