/**
 * Request names across a docs tree, for the rule that reports a request name used twice.
 *
 * A request's `name` is its identity outside the page: responses and test scenarios refer to it,
 * and the SDK snippets of the example are generated into files named after it
 * (`includes/snippets/csharp/<name>-csharp-snippets.md`). Finding a name on other pages must not
 * parse the tree, so the `api/*.md` files of a docs root are read as bytes once per process, and
 * their annotation comments are scanned for `"blockType": "request"` and `"name"`: a linear scan,
 * no markdown parse, whose findings are kept between runs (api-page-store.ts). Names are keyed as the snippet files are named (`snippetKey`), so that
 * `get_user` and `Get-User` collide as their snippets do. The answer is cached per docs index (one per docs root per process), so that
 * `clearDocsIndexes` after a change in the tree also drops it.
 */
import { ApiFolder, type ApiPageScan, ApiPageStore, apiFolderOf, scanApiPages } from "./api-page-store.js";
import type { DocsIndex } from "./index.js";

export interface RequestNameUse {
  /** The name as written. */
  name: string;
  /** Absolute path of the page. */
  file: string;
  /** 1-based line of the annotation comment. */
  line: number;
}

/** A request name found on a page, with the 1-based line of its annotation comment. */
export interface RequestNameAt {
  name: string;
  line: number;
}

const REQUEST_BLOCK = /"blockType"\s*:\s*"request"/;
const NAME = /"name"\s*:\s*"((?:[^"\\\r\n]|\\.)*)"/;

/**
 * The key of a request name: what the snippet files are named after (lower case, `-` for `_`:
 * `reportroot_getM365AppUserCounts_csv` → `reportroot-getm365appusercounts-csv-csharp-snippets.md`).
 */
export function snippetKey(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

const perIndex = new WeakMap<DocsIndex, ReadonlyMap<string, readonly RequestNameUse[]>>();

/** The request names of one page's text, each with the line of its annotation comment. */
export function scanRequestNames(text: string): RequestNameAt[] {
  return scanRequestNameBytes(Buffer.from(text, "utf8"));
}

/**
 * scanRequestNames on a file's bytes: only the comments are decoded. Reading the 5,000 `api/`
 * pages of a version as strings was most of a first one-page run; as bytes, the text never
 * reaches the JavaScript heap. Lines are counted by `\n` bytes (UTF-8 never uses 0x0A otherwise).
 */
function scanRequestNameBytes(bytes: Buffer): RequestNameAt[] {
  const found: RequestNameAt[] = [];
  let line = 1;
  let counted = 0;
  for (let open = bytes.indexOf(COMMENT_OPEN); open !== -1;) {
    const close = bytes.indexOf(COMMENT_CLOSE, open + 4);
    const end = close === -1 ? bytes.length : close;
    // Cheap test on the bytes before decoding: an annotation holds `{` and `request`.
    const brace = bytes.indexOf(BRACE, open + 4);
    if (brace !== -1 && brace < end) {
      const comment = bytes.toString("utf8", open + 4, end);
      if (REQUEST_BLOCK.test(comment)) {
        const name = NAME.exec(comment)?.[1];
        if (name !== undefined) {
          for (
            let i = bytes.indexOf(NEWLINE, counted);
            i !== -1 && i < open;
            i = bytes.indexOf(NEWLINE, i + 1)
          ) {
            line++;
            counted = i + 1;
          }
          found.push({ name: unescapeJson(name), line });
        }
      }
    }
    if (close === -1) break;
    open = bytes.indexOf(COMMENT_OPEN, close + 3);
  }
  return found;
}

const COMMENT_OPEN = Buffer.from("<!--");
const COMMENT_CLOSE = Buffer.from("-->");
const BRACE = 0x7b;
const NEWLINE = 0x0a;

function unescapeJson(value: string): string {
  if (!value.includes("\\")) return value;
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}

/**
 * Every request name of the `api/` pages of the docs root of `docs`, by `snippetKey`, with the
 * pages that use it; empty when there is no docs root. Read on first use, then cached with the index.
 */
export function requestNamesOf(docs: DocsIndex): ReadonlyMap<string, readonly RequestNameUse[]> {
  const cached = perIndex.get(docs);
  if (cached) return cached;
  const folder = apiFolderOf(docs);
  const names = folder ? readRequestNames(folder) : new Map<string, RequestNameUse[]>();
  perIndex.set(docs, names);
  return names;
}

function readRequestNames(folder: ApiFolder): Map<string, RequestNameUse[]> {
  const names = new Map<string, RequestNameUse[]>();
  for (const { file, found } of scanApiPages(folder, REQUEST_NAME_SCAN)) {
    for (const { name, line } of found) {
      const key = snippetKey(name);
      const uses = names.get(key);
      if (uses) uses.push({ name, file, line });
      else names.set(key, [{ name, file, line }]);
    }
  }
  return names;
}

/** The names of each `api/` page, kept between runs (see api-page-store.ts). */
const REQUEST_NAME_SCAN: ApiPageScan<RequestNameAt[]> = {
  kind: "request-names",
  // 2: entries keep the names under `found` (api-page-store.ts), not `names`.
  version: 2,
  scan: scanRequestNameBytes,
};

/** The store of request names of one `api/` folder, in `folder` (default: see store-dir.ts). */
export function openRequestNameStore(apiDir: string, folder?: string): ApiPageStore<RequestNameAt[]> {
  return ApiPageStore.open(new ApiFolder(apiDir), REQUEST_NAME_SCAN, folder);
}
