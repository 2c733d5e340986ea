/**
 * Request names across a docs tree, for the rule that reports a request name used twice.
 *
 * A request's `name` is its identity outside the page: responses and test scenarios refer to it,
 * and the SDK snippets of the example are generated into files named after it
 * (`includes/snippets/csharp/<name>-csharp-snippets.md`). Finding a name on other pages must not
 * parse the tree, so the `api/*.md` files of a docs root are read as text once per process, and
 * their annotation comments are scanned for `"blockType": "request"` and `"name"`: a linear scan,
 * no markdown parse. Names are keyed as the snippet files are named (`snippetKey`), so that
 * `get_user` and `Get-User` collide as their snippets do. The answer is cached per docs index (one per docs root per process), so that
 * `clearDocsIndexes` after a change in the tree also drops it.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { DocsIndex } from "./index.js";
import { storeDir, writeStoreFile } from "./store-dir.js";

export interface RequestNameUse {
  /** The name as written. */
  name: string;
  /** Absolute path of the page. */
  file: string;
  /** 1-based line of the annotation comment. */
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
export function scanRequestNames(text: string): Array<{ name: string; line: number }> {
  return scanRequestNameBytes(Buffer.from(text, "utf8"));
}

/**
 * scanRequestNames on a file's bytes: only the comments are decoded. Reading the 5,000 `api/`
 * pages of a version as strings was most of a first one-page run; as bytes, the text never
 * reaches the JavaScript heap. Lines are counted by `\n` bytes (UTF-8 never uses 0x0A otherwise).
 */
function scanRequestNameBytes(bytes: Buffer): Array<{ name: string; line: number }> {
  const found: Array<{ name: string; line: number }> = [];
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

/** One buffer for every file read by readWhole (grown when a file is larger). */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/**
 * A file's bytes, size and modification time, read through one descriptor into a shared buffer:
 * the 5,000 reads of a first run then cost no `stat` of their own and no buffer each. The bytes
 * are valid until the next call.
 */
function readWhole(file: string): { bytes: Buffer; size: number; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.size + 1 > readBuffer.length) readBuffer = Buffer.allocUnsafe(2 * stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(2 * readBuffer.length);
        readBuffer.copy(bigger);
        readBuffer = bigger;
      }
      const count = readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return { bytes: readBuffer.subarray(0, length), size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
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
  const names = docs.root ? readRequestNames(docs.root) : new Map<string, RequestNameUse[]>();
  perIndex.set(docs, names);
  return names;
}

function readRequestNames(root: string): Map<string, RequestNameUse[]> {
  const names = new Map<string, RequestNameUse[]>();
  const dir = join(root, "api");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".md"));
  } catch {
    files = [];
  }
  files.sort();
  const store = RequestNameStore.open(dir);
  for (const f of files) {
    const file = dir + sep + f;
    const found = store.namesOf(f, file);
    if (!found) continue;
    for (const { name, line } of found) {
      const key = snippetKey(name);
      const uses = names.get(key);
      if (uses) uses.push({ name, file, line });
      else names.set(key, [{ name, file, line }]);
    }
  }
  store.save(files);
  return names;
}

interface StoredNames {
  size: number;
  mtimeMs: number;
  names: Array<{ name: string; line: number }>;
}

/** Bump when scanRequestNames changes what it finds. */
const STORE_VERSION = 1;

/**
 * The request names of each `api/` page, kept between runs (see store-dir.ts) and reused
 * while a file's size and modification time are unchanged (ESLint's "metadata" cache strategy).
 * Why: linting one page must not read the whole tree, and reading the 5,000 `api/` pages of a
 * version as text is most of a cold one-page run (0.15 s); a `stat` of each is a tenth of that.
 * A file rewritten with the same size and modification time is the one change this misses, as with
 * ESLint's default cache strategy. Unwritable or corrupt stores are ignored (the files are scanned).
 */
export class RequestNameStore {
  private readonly entries: Map<string, StoredNames>;
  private changed = false;

  private constructor(
    private readonly apiDir: string,
    private readonly path: string | undefined,
    entries: Map<string, StoredNames>,
  ) {
    this.entries = entries;
  }

  /** The store of one `api/` folder, in `folder` (default: see store-dir.ts). */
  static open(apiDir: string, folder: string | undefined = storeDir()): RequestNameStore {
    if (folder === undefined) return new RequestNameStore(apiDir, undefined, new Map());
    const key = createHash("sha256").update(apiDir).digest("hex").slice(0, 16);
    const path = join(folder, `request-names-${key}.json`);
    let entries = new Map<string, StoredNames>();
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as {
        version?: number;
        dir?: string;
        files?: Record<string, StoredNames>;
      };
      if (data.version === STORE_VERSION && data.dir === apiDir && data.files)
        entries = new Map(Object.entries(data.files));
    } catch {
      // No store yet, or one that cannot be read: scan the files.
    }
    return new RequestNameStore(apiDir, path, entries);
  }

  /** The names of one file, from the store when its size and time match, else read and scanned. */
  namesOf(name: string, file: string): Array<{ name: string; line: number }> | undefined {
    const stored = this.entries.get(name);
    if (stored) {
      let stats;
      try {
        stats = statSync(file);
      } catch {
        return undefined;
      }
      if (stored.size === stats.size && stored.mtimeMs === stats.mtimeMs) return stored.names;
    }
    const read = readWhole(file);
    if (!read) return undefined;
    const names = scanRequestNameBytes(read.bytes);
    this.entries.set(name, { size: read.size, mtimeMs: read.mtimeMs, names });
    this.changed = true;
    return names;
  }

  /** Writes the store when a file was read (atomically; files no longer listed are dropped). */
  save(listed: string[]): void {
    if (!this.path || (!this.changed && this.entries.size === listed.length)) return;
    const files: Record<string, StoredNames> = {};
    for (const name of listed) {
      const entry = this.entries.get(name);
      if (entry) files[name] = entry;
    }
    writeStoreFile(this.path, { version: STORE_VERSION, dir: this.apiDir, files });
  }
}
