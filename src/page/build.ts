/**
 * mdast → page model. One walk over the tree in document order collects headings, comments,
 * annotations, code blocks (and the HTTP examples among them), tables and the namespace line.
 */
import type { Code, Heading as MdHeading, Html, Nodes, Paragraph, Root, Yaml } from "mdast";
import { type JsonDocument, type JsonValue, joinMultilineStrings, parseJson } from "../parse/json.js";
import {
  type HttpBody,
  isRequestLine,
  isStatusLine,
  parseHttpBody,
  parseHttpMessage,
} from "../parse/http.js";
import { readableText, readableTextWithCode } from "../parse/inline.js";
import { parseBlocks } from "../parse/blocks.js";
import { parseMarkdown } from "../parse/markdown.js";
import { LineIndex, type Range } from "../parse/source.js";
import { type PipeTable, type SourceLine, findPipeTables } from "../parse/table.js";
import type {
  Annotation,
  CodeBlock,
  EnumMember,
  EnumTable,
  FrontMatter,
  Heading,
  HttpExample,
  Page,
  PageJson,
  PageLink,
  TabGroup,
  TabMarker,
  PropertyRow,
} from "./model.js";
import { readFrontMatter } from "./front-matter.js";
import { pairExamples } from "./pairing.js";
import { documentedValues } from "./possible-values.js";
import { enumNameOf, headingAnchor, sectionKindOf } from "./sections.js";
import { NAME_CELL, headerWords, isMemberTable, propertyColumns, tableRole } from "./tables.js";

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
    const json = lang === "json" ? parseJsonLines(contentLines) : undefined;
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
    if (!message.status && message.requestLines.length === 0) message.body = bodyOf(lines);
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
    for (const table of findPipeTables(lines)) this.onTable(table);
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
      const m = /^Namespace:\s*([A-Za-z][\w.]*)/.exec(readable);
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

  private onTable(table: PipeTable): void {
    const heading = this.headingStack[this.headingStack.length - 1];
    const section = heading?.section ?? "other";
    const header = headerWords(table);
    const enumName = enumTableName(heading, this.page);
    if (enumName && isMemberTable(table, header)) {
      this.page.enumTables.push(enumTableOf(enumName, table));
      return;
    }
    const columns = propertyColumns(table, header, section);
    if (!columns) return;
    const rows: PropertyRow[] = [];
    for (const cells of table.rows) {
      const nameCell = cells[columns.name];
      const typeCell = cells[columns.type];
      if (!nameCell || !typeCell) continue;
      const name = readableText(nameCell.raw);
      if (!NAME_CELL.test(name)) continue;
      const descriptionCell = columns.description === undefined ? undefined : cells[columns.description];
      const description = readableTextWithCode(descriptionCell?.raw ?? "");
      rows.push({
        name,
        nameRange: { start: nameCell.start, end: nameCell.end },
        type: readableText(typeCell.raw),
        typeLink: /\]\(([^()\s]*)\)/.exec(typeCell.raw)?.[1],
        description,
        documentedValues: documentedValues(description),
        cells,
        start: cells[0]!.start,
        end: cells[cells.length - 1]!.end,
      });
    }
    const role = tableRole(section, heading?.text);
    this.page.propertyTables.push({ heading, section, role, rows, start: table.start, end: table.end });
  }

  /**
   * Pages that are not markdown (a published page saved as text): a request line or status line,
   * its headers, and the JSON object after it make an example.
   */
  private readPlainTextExamples(): void {
    const count = this.lines.lineCount;
    for (let line = 1; line <= count; line++) {
      const text = this.lines.lineText(line);
      if (!isRequestLine(text) && !isStatusLine(text)) continue;
      let last = line;
      // Headers, then a blank line, then the body.
      while (
        last + 1 <= count &&
        /^[A-Za-z][\w-]*:\s?/.test(this.lines.lineText(last + 1)) &&
        !isRequestLine(this.lines.lineText(last + 1))
      )
        last++;
      let next = last + 1;
      while (next <= count && this.lines.lineText(next).trim() === "") next++;
      if (next <= count && /^\s*[[{]/.test(this.lines.lineText(next))) last = jsonEndLine(this.lines, next);
      this.page.format = "plain";
      const lines = this.sourceLines(line, last);
      const start = this.lines.lineStart(line);
      this.addExample("plain", lines, { start, end: this.lines.lineEnd(last) }, undefined);
      line = last;
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

/** The line on which a JSON value that starts on `from` closes (string-aware bracket count). */
function jsonEndLine(lines: LineIndex, from: number): number {
  let depth = 0;
  let inString = false;
  for (let line = from; line <= lines.lineCount; line++) {
    const text = lines.lineText(line);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return line;
      }
    }
    inString = false;
    // An unclosed body ends before the next example.
    const nextText = lines.lineText(line + 1);
    if (line > from && (isRequestLine(nextText) || isStatusLine(nextText))) return line;
  }
  return lines.lineCount;
}

/** The non-blank lines of a block as a body. */
function bodyOf(lines: SourceLine[]): HttpBody | undefined {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first]!.text.trim() === "") first++;
  while (last >= first && lines[last]!.text.trim() === "") last--;
  return first <= last ? parseHttpBody(lines.slice(first, last + 1)) : undefined;
}

function parseJsonLines(lines: SourceLine[]): JsonDocument | undefined {
  return bodyOf(lines)?.json;
}

/** Reads `<!-- { … } -->` as an annotation, or undefined for other comments. */
function readAnnotation(comment: string, commentStart: number): Annotation | undefined {
  const open = comment.indexOf("{");
  if (open === -1 || comment.slice(4, open).trim() !== "") return undefined;
  const closeComment = comment.endsWith("-->") ? comment.length - 3 : comment.length;
  const close = comment.lastIndexOf("}", closeComment);
  if (close < open) return undefined;
  const jsonText = comment.slice(open, close + 1);
  const base = commentStart + open;
  const json = parseJson(jsonText, (o) => base + o);
  const data =
    json.errors.length === 0
      ? toPlainObject(json.root)
      : (toPlainObject(parseJson(repairJson(jsonText)).root) ?? toPlainObject(json.root));
  const plain = data ?? {};
  return {
    json,
    data: plain,
    blockType: typeof plain.blockType === "string" ? plain.blockType : undefined,
    names: namesOf(plain.name),
    declaredType: declaredTypeOf(plain),
    isCollection: plain.isCollection === true,
    truncated: plain.truncated === true || plain.truncated === "true",
    jsonRange: { start: base, end: base + jsonText.length },
    start: commentStart,
    end: commentStart + comment.length,
  };
}

/** `name` as a list: one name, or several (a response that answers several requests). */
function namesOf(value: unknown): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v !== "");
  return [];
}

/** ApiDoctor reads `@type` first, then `@odata.type`. */
function declaredTypeOf(data: Record<string, unknown>): Annotation["declaredType"] {
  for (const key of ["@type", "@odata.type"] as const) {
    const text = data[key];
    if (typeof text === "string" && text.trim() !== "") return { key, text };
  }
  return undefined;
}

/** Best-effort repair of hand-written JSON, to read an annotation's values (positions are not used). */
function repairJson(text: string): string {
  return joinMultilineStrings(text.replace(/([{,][ \t\r\n]*)([A-Za-z_@$][\w.@$-]*)([ \t]*:)/g, '$1"$2"$3'));
}

function toPlainObject(value: JsonValue | undefined): Record<string, unknown> | undefined {
  const plain = toPlain(value);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain)
    ? (plain as Record<string, unknown>)
    : undefined;
}

function toPlain(value: JsonValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case "object":
      return Object.fromEntries(value.properties.map((p) => [p.key, toPlain(p.value)]));
    case "array":
      return value.items.map(toPlain);
    case "null":
      return null;
    default:
      return value.value;
  }
}

function frontMatterValue(frontMatter: FrontMatter | undefined, key: string): string | undefined {
  return frontMatter?.entries.find((e) => e.key === key)?.value;
}

/**
 * The enum type a table under `heading` defines: the heading's `fooType values` section, or the
 * members section of an enum page (`doc_type: enumPageType`), named by the page's title.
 */
function enumTableName(heading: Heading | undefined, page: Page): string | undefined {
  if (!heading) return undefined;
  if (heading.section === "enum-values") return enumNameOf(heading.key, heading.text);
  if (heading.section !== "members") return undefined;
  if (frontMatterValue(page.frontMatter, "doc_type") !== "enumPageType") return undefined;
  const title =
    page.headings.find((h) => h.depth === 1)?.text ?? frontMatterValue(page.frontMatter, "title") ?? "";
  // "fooType enum type", or its translation: the title's first name.
  return /^(\S+) enum type$/i.exec(title)?.[1] ?? /^[A-Za-z_][\w.]*/.exec(title)?.[0];
}

/** The enum table: the first column's names are its members; its other cells are reported. */
function enumTableOf(name: string, table: PipeTable): EnumTable {
  const members: string[] = [];
  const notNames: EnumMember[] = [];
  for (const row of table.rows) {
    const cell = row[0];
    const text = readableText(cell?.raw ?? "");
    if (!cell || text === "") continue;
    if (/^[\w.-]+$/.test(text)) members.push(text);
    else notNames.push({ name: text, start: cell.start, end: cell.end });
  }
  return { name, members, notNames, start: table.start, end: table.end };
}

function jsonDocumentsOf(page: Page): PageJson[] {
  const seen = new Set<JsonDocument>();
  const out: PageJson[] = [];
  const add = (entry: PageJson | undefined) => {
    if (entry && !seen.has(entry.json)) {
      seen.add(entry.json);
      out.push(entry);
    }
  };
  for (const a of page.annotations)
    add({ kind: "annotation", json: a.json, range: a.jsonRange, annotation: a, contentType: undefined });
  for (const e of page.examples) {
    const body = e.message.body;
    if (!body?.json) continue;
    const contentType = e.message.headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
    add({
      kind: "body",
      json: body.json,
      range: { start: body.start, end: body.end },
      annotation: e.annotation,
      contentType,
    });
  }
  // A ```json block that is also an example was parsed twice; keep the example's body.
  const exampleStarts = new Set(page.examples.map((e) => e.start));
  for (const c of page.codeBlocks) {
    const first = c.contentLines[0];
    const last = c.contentLines[c.contentLines.length - 1];
    if (exampleStarts.has(c.start) || !c.json || !first || !last) continue;
    const range = { start: first.start, end: last.start + last.text.length };
    add({ kind: "code", json: c.json, range, annotation: c.annotation, contentType: undefined });
  }
  return out;
}

/** The complement of comments and the front matter block, plus the front matter values. */
function visibleRanges(length: number, comments: Range[], frontMatter: FrontMatter | undefined): Range[] {
  const hidden = [...comments];
  if (frontMatter) hidden.push({ start: frontMatter.start, end: frontMatter.end });
  hidden.sort((a, b) => a.start - b.start);
  const visible: Range[] = [];
  for (const entry of frontMatter?.entries ?? []) if (entry.valueRange) visible.push(entry.valueRange);
  let cursor = 0;
  for (const range of hidden) {
    if (range.start > cursor) visible.push({ start: cursor, end: range.start });
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < length) visible.push({ start: cursor, end: length });
  return visible;
}
