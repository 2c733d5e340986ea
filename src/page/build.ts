/**
 * mdast → page model. One walk over the tree in document order collects headings, comments,
 * annotations, code blocks (and the HTTP examples among them), tables and the namespace line.
 */
import type { Code, Heading as MdHeading, Html, Nodes, Paragraph, Root, Yaml } from "mdast";
import { parseBlockBody, parseHttpMessage } from "../parse/http.js";
import { readableText } from "../parse/inline.js";
import { parseBlocks } from "../parse/blocks.js";
import { parseMarkdown } from "../parse/markdown.js";
import { LineIndex, type Range } from "../parse/source.js";
import { type SourceLine, findPipeTables } from "../parse/table.js";
import { readAnnotation } from "./annotations.js";
import type {
  Annotation,
  CodeBlock,
  Heading,
  HttpExample,
  Page,
  PageLink,
  TabGroup,
  TabMarker,
} from "./model.js";
import { frontMatterValue, readFrontMatter } from "./front-matter.js";
import { jsonDocumentsOf, visibleRanges } from "./page-json.js";
import { pairExamples } from "./pairing.js";
import { plainTextExamples } from "./plain-text.js";
import { headingAnchor, sectionKindOf } from "./sections.js";
import { readTable, recoverTranslatedNames } from "./tables.js";

const HTTP_LANGS = new Set(["http", "msgraph-interactive"]);
/**
 * DocFX tab markers look like level-1 headings: `# [HTTP](#tab/http)`; translated pages give
 * them an anchor, `# <a name="http"></a>[HTTP](#tab/http)`.
 */
const TAB_HEADING = /^#{1,6}[ \t]+(?:<a\s[^<>]*><\/a>[ \t]*)?\[([^\]]*)\]\(#tab\/([^)]*)\)\s*$/;

export interface BuildOptions {
  path?: string;
  /**
   * Parse with remark-parse's full tree instead of the builder's own reading of micromark's events
   * (see parse/blocks.ts). The model is the same; tests compare the two.
   */
  fullTree?: boolean;
}

/** Builds the page model of a page's text (BOM already removed). */
/**
 * A namespace line in another language (`命名空间：microsoft.graph.callRecords`): one word that is
 * not English, a colon (full-width too), and a name in Graph's namespaces, alone on its line.
 */
const TRANSLATED_NAMESPACE_LINE = /^[^\s\p{ASCII}]{1,20}[:：]\s*(microsoft\.graph(?:\.[A-Za-z]\w*)*)$/u;

export function buildPage(text: string, options: BuildOptions = {}): Page {
  const lines = new LineIndex(text);
  const tree = options.fullTree ? parseMarkdown(text) : parseBlocks(text, lines);
  return new PageBuilder(text, lines, options.path).build(tree);
}

class PageBuilder {
  readonly lines: LineIndex;
  readonly page: Page;
  private pendingAnnotation: Annotation | undefined;
  private openTabGroup: TabGroup | undefined;
  private readonly slugCounts = new Map<string, number>();
  private headingStack: Heading[] = [];

  constructor(
    readonly text: string,
    lines: LineIndex,
    path: string | undefined,
  ) {
    this.lines = lines;
    this.page = {
      path,
      text,
      lines: this.lines,
      format: "markdown",
      frontMatter: undefined,
      title: undefined,
      namespace: undefined,
      headings: [],
      annotations: [],
      codeBlocks: [],
      examples: [],
      exchanges: [],
      pairingProblems: [],
      propertyTables: [],
      enumTables: [],
      jsonDocuments: [],
      comments: [],
      links: [],
      anchors: [],
      tabGroups: [],
      paragraphs: [],
      visibleText: [],
    };
  }

  build(root: Root): Page {
    this.visitChildren(root);
    const page = this.page;
    if (page.codeBlocks.length === 0 && page.annotations.length === 0) this.readPlainTextExamples();
    recoverTranslatedNames(page);
    const pairing = pairExamples(page.examples);
    page.exchanges = pairing.exchanges;
    page.pairingProblems = pairing.problems;
    page.jsonDocuments = jsonDocumentsOf(page);
    page.title =
      frontMatterValue(page.frontMatter, "title") ?? page.headings.find((h) => h.depth === 1)?.text;
    page.visibleText = visibleRanges(this.text.length, page.comments, page.frontMatter);
    return page;
  }

  /**
   * Visits the tree in document order with an explicit stack, not recursion: containers can nest
   * thousands deep (`>>>>…`), which would overflow the call stack.
   */
  private visitChildren(node: { children: Nodes[] }): void {
    const stack: Nodes[] = [...node.children].reverse();
    while (stack.length > 0) {
      const next = stack.pop()!;
      const children = this.visit(next);
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  /** Handles one node; returns the children to visit next when the node is a plain container. */
  private visit(node: Nodes): Nodes[] | undefined {
    switch (node.type) {
      case "yaml":
        this.onFrontMatter(node);
        return;
      case "heading":
        this.onHeading(node);
        return;
      case "html":
        this.onHtml(node);
        return;
      case "code":
        this.onCode(node);
        return;
      case "paragraph":
        this.pendingAnnotation = undefined;
        this.onParagraph(node);
        return;
      case "thematicBreak":
        this.pendingAnnotation = undefined;
        if (this.openTabGroup) {
          this.openTabGroup.closing = this.range(node);
          this.openTabGroup.end = this.openTabGroup.closing.end;
          this.openTabGroup = undefined;
        }
        return;
      case "definition":
        this.addLink("definition", node.url, this.range(node));
        return;
      default:
        return "children" in node ? node.children : undefined;
    }
  }

  private range(node: Nodes): Range {
    return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
  }

  private sourceLines(from: number, to: number): SourceLine[] {
    const out: SourceLine[] = [];
    for (let line = from; line <= to; line++) {
      out.push({ text: this.lines.lineText(line), start: this.lines.lineStart(line) });
    }
    return out;
  }

  private onFrontMatter(node: Yaml): void {
    const { start, end } = this.range(node);
    const first = this.lines.point(start).line + 1;
    const last = this.lines.point(end).line - 1;
    const contentStart = this.lines.lineStart(first);
    const contentEnd = last >= first ? this.lines.lineEnd(last) : contentStart;
    this.page.frontMatter = readFrontMatter(this.text.slice(contentStart, contentEnd), contentStart, {
      start,
      end,
    });
  }

  private onHeading(node: MdHeading): void {
    const range = this.range(node);
    const source = this.text.slice(range.start, range.end);
    // Tab markers are not sections, and an annotation above a tab marker still belongs to its block.
    const tab = TAB_HEADING.exec(source.trim());
    if (tab) {
      this.onTabMarker({ title: tab[1]!, id: tab[2]!, depth: node.depth, ...range });
      return;
    }
    this.pendingAnnotation = undefined;
    this.visitInline(node);
    const text = readableText(source.replace(/^#+[ \t]*/, "").replace(/[ \t]#+[ \t]*$/, ""));
    const anchor = headingAnchor(source);
    const key = (anchor ?? headingSlug(text)).toLowerCase();
    const heading: Heading = { depth: node.depth, text, anchor, key, section: sectionKindOf(key), ...range };
    this.page.headings.push(heading);
    this.openTabGroup?.headings.push(heading);
    this.addHeadingAnchor(heading);
    while (
      this.headingStack.length > 0 &&
      this.headingStack[this.headingStack.length - 1]!.depth >= heading.depth
    ) {
      this.headingStack.pop();
    }
    this.headingStack.push(heading);
  }

  private onHtml(node: Html): void {
    const range = this.range(node);
    const value = this.text.slice(range.start, range.end);
    if (!value.startsWith("<!--")) this.addHtmlAnchors(value, range.start);
    let cursor = 0;
    let sawAnnotation = false;
    for (let open = value.indexOf("<!--"); open !== -1; open = value.indexOf("<!--", cursor)) {
      const close = value.indexOf("-->", open + 4);
      const end = close === -1 ? value.length : close + 3;
      const comment = { start: range.start + open, end: range.start + end };
      this.page.comments.push(comment);
      const annotation = readAnnotation(value.slice(open, end), comment.start);
      if (annotation) {
        this.page.annotations.push(annotation);
        this.pendingAnnotation = annotation;
        sawAnnotation = true;
      }
      cursor = end;
    }
    // Other HTML (an anchor, a markdownlint directive) does not separate an annotation from its block.
    if (!sawAnnotation && !value.trimStart().startsWith("<")) this.pendingAnnotation = undefined;
  }

  private onCode(node: Code): void {
    const range = this.range(node);
    const annotation = this.pendingAnnotation;
    this.pendingAnnotation = undefined;
    const contentLines = this.codeContentLines(node, range);
    const lang = node.lang?.toLowerCase() ?? undefined;
    const json = lang === "json" ? parseBlockBody(contentLines)?.json : undefined;
    const block: CodeBlock = { lang, annotation, contentLines, json, ...range };
    this.page.codeBlocks.push(block);
    const annotatedExample = annotation?.blockType === "request" || annotation?.blockType === "response";
    if ((lang !== undefined && HTTP_LANGS.has(lang)) || annotatedExample) {
      this.addExample("fence", contentLines, range, annotation);
    }
  }

  /** The code block's lines with their page offsets: each value line is a suffix of its source line. */
  private codeContentLines(node: Code, range: Range): SourceLine[] {
    if (node.value === "" && node.position?.start.line === node.position?.end.line) return [];
    const valueLines = node.value.split(/\r?\n|\r/);
    const firstLine =
      this.lines.point(range.start).line +
      (node.lang !== undefined || isFenced(this.text, range.start) ? 1 : 0);
    return valueLines.map((text, k) => {
      const line = firstLine + k;
      const lineStart = this.lines.lineStart(line);
      const lineEnd = this.lines.lineEnd(line);
      const source = this.text.slice(lineStart, lineEnd);
      if (source.endsWith(text)) return { text, start: lineEnd - text.length };
      // The parser expanded a tab of the indentation into spaces: the line's content (without its
      // leading white space, which no example reads) still ends the source line.
      const content = text.trimStart();
      if (source.endsWith(content)) return { text: content, start: lineEnd - content.length };
      return { text: source, start: lineStart };
    });
  }

  private addExample(
    source: HttpExample["source"],
    lines: SourceLine[],
    range: Range,
    annotation: Annotation | undefined,
  ): void {
    const message = parseHttpMessage(lines);
    // A block annotated as a request or response may hold the JSON body alone.
    if (!message.status && message.requestLines.length === 0) message.body = parseBlockBody(lines);
    // An annotation's block type decides; otherwise the block's first line (a block annotated
    // "ignored" still shows readers a request or a response, but is not paired: see pairing.ts).
    const blockType = annotation?.blockType;
    const kind =
      blockType === "request" || blockType === "response"
        ? blockType
        : message.status
          ? "response"
          : message.requestLines.length > 0
            ? "request"
            : "other";
    this.page.examples.push({
      source,
      annotation,
      kind,
      message,
      headingPath: [...this.headingStack],
      ...range,
    });
  }

  private onParagraph(node: Paragraph): void {
    const range = this.range(node);
    const startLine = this.lines.point(range.start).line;
    const endLine = this.lines.point(range.end).line;
    const lines = this.sourceLines(startLine, endLine).map(stripContainerPrefix);
    if (!this.page.namespace) this.readNamespace(lines);
    const heading = this.headingStack[this.headingStack.length - 1];
    for (const table of findPipeTables(lines)) readTable(table, heading, this.page);
    this.visitInline(node);
    this.page.paragraphs.push({
      text: readableText(this.text.slice(range.start, range.end)),
      headingPath: [...this.headingStack],
      ...range,
    });
  }

  /**
   * Inline content (a paragraph, a heading, emphasis, link text): comments hide text, links and
   * images are link targets, `[!INCLUDE [x](path)]` is an include, `<a name="x">` an anchor.
   */
  private visitInline(root: Nodes): void {
    const stack: Nodes[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === "html") {
        if (node.value.startsWith("<!--")) this.page.comments.push(this.range(node));
        else this.addHtmlAnchors(node.value, this.range(node).start);
        continue;
      }
      if (node.type === "link" || node.type === "image") {
        const range = this.range(node);
        const before = this.text.slice(Math.max(0, range.start - 12), range.start);
        const kind = node.type === "image" ? "image" : /\[!INCLUDE\s*$/i.test(before) ? "include" : "link";
        this.addLink(kind, node.url, range);
      }
      if ("children" in node)
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }

  private addLink(kind: PageLink["kind"], url: string, range: Range): void {
    const source = this.text.slice(range.start, range.end);
    // The target is written after "](" in a link, after ": " in a definition; it may be in <…>.
    const opener = kind === "definition" ? source.indexOf("]:") + 2 : source.lastIndexOf("](") + 2;
    let at = source.indexOf(url, Math.max(0, opener));
    if (at === -1) at = Math.max(0, opener);
    const start = range.start + at;
    this.page.links.push({ kind, url, urlRange: { start, end: start + url.length }, ...range });
  }

  private addHtmlAnchors(html: string, base: number): void {
    for (const m of html.matchAll(/<a\s[^<>]*?\bname=["']([^"'<>]+)["']|\bid=["']([^"'<>]+)["']/gi)) {
      const name = m[1] ?? m[2]!;
      const start = base + m.index;
      this.page.anchors.push({ name, kind: "html", start, end: start + m[0].length });
    }
  }

  /** The anchor DocFX generates for a heading: GitHub-style slug, `-1`, `-2` for repeats. */
  private addHeadingAnchor(heading: Heading): void {
    const slug = headingSlug(heading.text);
    if (!slug) return;
    const seen = this.slugCounts.get(slug) ?? 0;
    this.slugCounts.set(slug, seen + 1);
    const name = seen === 0 ? slug : `${slug}-${seen}`;
    this.page.anchors.push({ name, kind: "heading", start: heading.start, end: heading.end });
  }

  private onTabMarker(marker: TabMarker): void {
    if (!this.openTabGroup) {
      this.openTabGroup = {
        tabs: [],
        closing: undefined,
        headings: [],
        start: marker.start,
        end: marker.end,
      };
      this.page.tabGroups.push(this.openTabGroup);
    }
    this.openTabGroup.tabs.push(marker);
    this.openTabGroup.end = marker.end;
  }

  private readNamespace(lines: SourceLine[]): void {
    for (const line of lines) {
      const readable = readableText(line.text);
      const m = /^Namespace:\s*([A-Za-z][\w.]*)/.exec(readable) ?? TRANSLATED_NAMESPACE_LINE.exec(readable);
      if (!m) continue;
      const value = m[1]!;
      const at = line.text.lastIndexOf(value);
      this.page.namespace = {
        value,
        range: { start: line.start + Math.max(0, at), end: line.start + Math.max(0, at) + value.length },
      };
      return;
    }
  }

  /** A page that is not markdown (a published page saved as text): its examples (plain-text.ts). */
  private readPlainTextExamples(): void {
    for (const { first, last } of plainTextExamples(this.lines)) {
      this.page.format = "plain";
      const range = { start: this.lines.lineStart(first), end: this.lines.lineEnd(last) };
      this.addExample("plain", this.sourceLines(first, last), range, undefined);
    }
  }
}

/** GitHub-style heading slug, as DocFX (markdig's AutoIdentifiers) makes it. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function isFenced(text: string, start: number): boolean {
  const c = text.slice(start, start + 8).trimStart();
  return c.startsWith("```") || c.startsWith("~~~");
}

/** Removes blockquote markers and indentation so that table rows inside containers parse. */
function stripContainerPrefix(line: SourceLine): SourceLine {
  const m = /^[ \t>]*/.exec(line.text);
  const cut = m ? m[0].length : 0;
  return cut === 0 ? line : { text: line.text.slice(cut), start: line.start + cut };
}
