/**
 * The request paths a docs tree documents: the URL templates of each `api/` page's "HTTP request"
 * section (`PATCH /external/connections/{connection-id}/items/{item-id}`), for rules that ask
 * whether, and where, the tree documents a path a page uses (external-path-prefix).
 *
 * Like request-names.ts, the `api/*.md` files are read as bytes once per process, without a
 * markdown parse, what each holds is kept between runs (folder-scan.ts), and the answer is cached
 * per docs index, so that `clearDocsIndexes` after a change in the tree also drops it.
 *
 * The section is found by its heading's anchor (`## <a name="http-request"></a>HTTP 请求`: a
 * translated page rewrites the heading's text but keeps the English anchor) or by its English text
 * (`## HTTP request`, `### HTTP Requests`, `## HTTP request (to upload a new file)`), never by
 * translated words. Its templates are the request lines of the fenced blocks between that heading
 * and the next heading of its level or above, whatever their language (```` ```http ````, a bare
 * ```` ``` ````), read as examples are (src/parse/http.ts): version removed, and here the query too.
 */
import { join } from "node:path";
import { headingAnchor } from "../page/sections.js";
import { parseRequestLine } from "../parse/http.js";
import { type FolderScan, scanFolder } from "./folder-scan.js";
import type { DocsIndex } from "./index.js";
import { type PathSegment, firstLiteral, pathSegments, segmentsMatch } from "./path-template.js";

/** A request an "HTTP request" section documents. */
export interface DocumentedRequest {
  method: string;
  /** The path template as written, without host, version and query. */
  path: string;
}

export interface DocumentedPath extends DocumentedRequest {
  /** Absolute path of the page that documents it. */
  file: string;
}

/** A documented request in an index bucket, with its place in file order. */
interface Indexed {
  entry: DocumentedPath;
  order: number;
  segments?: PathSegment[];
}

/** The documented requests of a docs tree, looked up by path. */
export class RequestPathIndex {
  /**
   * By the first segment's literal text; templates that start with a parameter under "". Segments
   * are read when a lookup first needs them: a lookup reads a bucket or two of the tree's 9,000.
   */
  private readonly byFirstSegment = new Map<string, Indexed[]>();

  constructor(readonly entries: readonly DocumentedPath[]) {
    entries.forEach((entry, order) => {
      const key = firstLiteral(entry.path) ?? "";
      const bucket = this.byFirstSegment.get(key);
      if (bucket) bucket.push({ entry, order });
      else this.byFirstSegment.set(key, [{ entry, order }]);
    });
  }

  /**
   * The documented requests whose template matches `path` (a template or an example path, version
   * removed; its query is ignored), in file order, whatever their method.
   */
  matching(path: string): DocumentedPath[] {
    const segments = pathSegments(path);
    const first = firstLiteral(path);
    const candidates =
      first === undefined
        ? [...this.byFirstSegment.values()].flat()
        : [...(this.byFirstSegment.get(first) ?? []), ...(this.byFirstSegment.get("") ?? [])];
    return candidates
      .filter((candidate) =>
        segmentsMatch((candidate.segments ??= pathSegments(candidate.entry.path)), segments),
      )
      .sort((a, b) => a.order - b.order)
      .map((candidate) => candidate.entry);
  }
}

const perIndex = new WeakMap<DocsIndex, RequestPathIndex>();

/**
 * The requests documented by the `api/` pages of the docs root of `docs`; empty when there is no
 * docs root. Read on first use, then cached with the index.
 */
export function requestPathsOf(docs: DocsIndex): RequestPathIndex {
  const cached = perIndex.get(docs);
  if (cached) return cached;
  const index = docs.root ? readRequestPaths(docs.root) : new RequestPathIndex([]);
  perIndex.set(docs, index);
  return index;
}

/**
 * The requests documented by the `api/` pages of `root`, read through the store in `storeFolder`
 * (default: see store-dir.ts; `false` keeps nothing): only the pages changed since are read.
 */
export function readRequestPaths(root: string, storeFolder?: string | false): RequestPathIndex {
  const dir = join(root, "api");
  const pages = scanFolder(dir, REQUEST_PATH_SCAN, storeFolder);
  return new RequestPathIndex(
    [...pages].flatMap(([name, found]) =>
      found.map((request) => {
        const space = request.indexOf(" ");
        return { method: request.slice(0, space), path: request.slice(space + 1), file: join(dir, name) };
      }),
    ),
  );
}

/** The requests of one page's text that its "HTTP request" sections document. */
export function scanRequestPaths(text: string): DocumentedRequest[] {
  return scanRequestPathBytes(Buffer.from(text, "utf8"));
}

/**
 * Stored as `METHOD path` strings, the smallest JSON: the store of a version's 9,000 templates is
 * parsed by every run that asks.
 */
const REQUEST_PATH_SCAN: FolderScan<string[]> = {
  kind: "request-paths",
  version: 1,
  scan: (bytes) => scanRequestPathBytes(bytes).map(({ method, path }) => `${method} ${path}`),
};

const NEWLINE = 0x0a;
const HASH = 0x23;
const LINE_OF_HASH = Buffer.from("\n#");
const ENGLISH_HEADING = /^#{1,6}[ \t]+HTTP[ \t]+requests?\b/i;
/** A DocFX tab marker, with the anchor a translated page gives it (as src/page/build.ts reads them). */
const TAB_MARKER = /^#{1,6}[ \t]+(?:<a\s[^<>]*><\/a>[ \t]*)?\[[^\]]*\]\(#tab\//;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * scanRequestPaths on a file's bytes: only the lines that start with `#` and the sections they open
 * are decoded. A section runs to the next heading of its level or above, so that templates under
 * its subheadings (`### Delta function on events in a user calendar`) count. A `#` line ends a
 * section even inside a fence (request templates never start with `#`, and telling fences apart
 * would mean reading the whole page); a DocFX tab marker (`# [HTTP](#tab/http)`) does not: it is not
 * a heading, and examples put request blocks in tabs.
 */
function scanRequestPathBytes(bytes: Buffer): DocumentedRequest[] {
  const found: DocumentedRequest[] = [];
  let open: HeadingLine | undefined;
  const close = (end: number) => {
    if (open) found.push(...fencedRequests(bytes.toString("utf8", open.end, end)));
    open = undefined;
  };
  for (const heading of headingLines(bytes)) {
    if (open && heading.depth <= open.depth) close(heading.start);
    if (!open && isHttpRequestHeading(heading.text)) open = heading;
  }
  close(bytes.length);
  return found;
}

interface HeadingLine {
  start: number;
  end: number;
  text: string;
  /** The number of `#`. */
  depth: number;
}

/** The lines that start with `#`, tab markers left out, with their text and byte range. */
function headingLines(bytes: Buffer): HeadingLine[] {
  const starts = bytes[0] === HASH ? [0] : [];
  for (let i = bytes.indexOf(LINE_OF_HASH); i !== -1; i = bytes.indexOf(LINE_OF_HASH, i + 1))
    starts.push(i + 1);
  return starts
    .map((start) => {
      const end = endOfLine(bytes, start);
      const text = bytes.toString("utf8", start, end);
      return { start, end, text, depth: /^#*/.exec(text)![0].length };
    })
    .filter((line) => !TAB_MARKER.test(line.text));
}

function endOfLine(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  return end === -1 ? bytes.length : end;
}

function isHttpRequestHeading(line: string): boolean {
  const anchor = headingAnchor(line)?.toLowerCase();
  if (anchor !== undefined && /^http-requests?(?:$|-)/.test(anchor)) return true;
  return ENGLISH_HEADING.test(line);
}

/** The request lines of the fenced blocks of a section's text. */
function fencedRequests(section: string): DocumentedRequest[] {
  const requests: DocumentedRequest[] = [];
  let fence: string | undefined;
  for (const text of section.split(/\r?\n/)) {
    const marker = FENCE.exec(text)?.[1];
    if (fence === undefined) {
      fence = marker;
      continue;
    }
    if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && isClosing(text)) {
      fence = undefined;
      continue;
    }
    const request = parseRequestLine({ text: asRequestLine(text), start: 0 });
    if (request) requests.push({ method: request.method, path: request.path });
  }
  return requests;
}

/** A closing fence has nothing after its marker but white space. */
function isClosing(line: string): boolean {
  return /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/.test(line);
}

/**
 * A template line as parseRequestLine reads request lines, where templates are written more
 * loosely: the query cut (it may hold spaces: `GET /accessReviews?$filter=x eq {id}`), spaces
 * inside a parameter dropped (`{id | userPrincipalName}`), a path without its leading `/` given one
 * (`GET policies/activityBasedTimeoutPolicies`).
 */
function asRequestLine(line: string): string {
  const query = line.indexOf("?");
  return (query === -1 ? line : line.slice(0, query))
    .replace(/\{[^{}\r\n]*\}/g, (parameter) => parameter.replace(/[ \t]+/g, ""))
    .replace(/^([ \t]*[A-Z]+[ \t]+)(?=[A-Za-z])(?!https?:)/, "$1/");
}
