/**
 * What a linear scan finds in each `api/` page of a docs tree (request names, request paths), kept
 * between runs. Rules that compare a page with every other page of the tree must not parse the
 * tree, and should not even read it on every run: reading the 5,000 `api/` pages of a version is
 * most of a cold one-page run (0.15 s), a `stat` of each a tenth of that.
 *
 * Each scan has its own store file per `api/` folder (`<kind>-v<version>-<hash>.json` in the
 * per-user folder of store-dir.ts); a file's entry is reused while its size and modification time
 * are unchanged (ESLint's "metadata" cache strategy). A file rewritten with the same size and
 * modification time is the one change this misses. Unwritable or corrupt stores are ignored (the
 * files are scanned).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { type FileStamp, FactsStore } from "./facts-store.js";
import type { DocsIndex } from "./index.js";
import { storeDir, writeStoreFile } from "./store-dir.js";

/** A scan of one page's bytes, with what names its store. */
export interface ApiPageScan<T> {
  /** Names the store file: `<kind>-v<version>-<hash of the api/ folder>.json`. */
  kind: string;
  /** Bump when the scan changes what it finds: stores of another version are not read. */
  version: number;
  /** What the page holds; the bytes are valid only during the call. */
  scan(bytes: Buffer): T;
}

interface StoredScan<T> {
  size: number;
  mtimeMs: number;
  found: T;
}

/**
 * The `.md` files of an `api/` folder, listed once, and their size and modification time, taken
 * once: the scans of one docs index share them, so that a page that needs both the tree's request
 * names and its request paths costs one `stat` per page, not two. Kept as long as the answers
 * built from them (per docs index: `clearDocsIndexes` drops both).
 */
export class ApiFolder {
  private listing: string[] | undefined;
  private readonly stamps = new Map<string, FileStamp | undefined>();

  constructor(readonly dir: string) {}

  /** The `.md` file names, sorted. */
  files(): string[] {
    if (!this.listing) {
      try {
        this.listing = readdirSync(this.dir)
          .filter((f) => f.toLowerCase().endsWith(".md"))
          .sort();
      } catch {
        this.listing = [];
      }
    }
    return this.listing;
  }

  pathOf(name: string): string {
    return this.dir + sep + name;
  }

  /** The file's size and time, undefined when it cannot be read. */
  stampOf(name: string): FileStamp | undefined {
    if (!this.stamps.has(name)) this.stamps.set(name, FactsStore.stamp(this.pathOf(name)));
    return this.stamps.get(name);
  }

  /** The stamp of a file as it was just read. */
  learnStamp(name: string, stamp: FileStamp): void {
    this.stamps.set(name, stamp);
  }
}

const foldersByIndex = new WeakMap<DocsIndex, ApiFolder>();

/** The `api/` folder of a docs index's root, shared by its scans; undefined without a root. */
export function apiFolderOf(docs: DocsIndex): ApiFolder | undefined {
  if (docs.root === undefined) return undefined;
  let folder = foldersByIndex.get(docs);
  if (!folder) {
    folder = new ApiFolder(join(docs.root, "api"));
    foldersByIndex.set(docs, folder);
  }
  return folder;
}

/** One scan's results for the files of one `api/` folder, kept between runs. */
export class ApiPageStore<T> {
  private changed = false;

  private constructor(
    private readonly folder: ApiFolder,
    private readonly scanner: ApiPageScan<T>,
    private readonly path: string | undefined,
    private readonly entries: Map<string, StoredScan<T>>,
  ) {}

  /** The store of `scanner` for one `api/` folder, in `storeFolder` (default: see store-dir.ts). */
  static open<T>(
    folder: ApiFolder,
    scanner: ApiPageScan<T>,
    storeFolder: string | undefined = storeDir(),
  ): ApiPageStore<T> {
    if (storeFolder === undefined) return new ApiPageStore(folder, scanner, undefined, new Map());
    const key = createHash("sha256").update(folder.dir).digest("hex").slice(0, 16);
    // The version in the name: two builds of the linter with different scans (a branch and main)
    // keep a store each instead of rewriting one store for each other.
    const path = join(storeFolder, `${scanner.kind}-v${scanner.version}-${key}.json`);
    let entries = new Map<string, StoredScan<T>>();
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as {
        version?: number;
        dir?: string;
        files?: Record<string, StoredScan<T>>;
      };
      if (data.version === scanner.version && data.dir === folder.dir && data.files)
        entries = new Map(Object.entries(data.files));
    } catch {
      // No store yet, or one that cannot be read: scan the files.
    }
    return new ApiPageStore(folder, scanner, path, entries);
  }

  /** What the scan finds in one file: from the store when its size and time match, else read and scanned. */
  scanOf(name: string): T | undefined {
    const stored = this.entries.get(name);
    if (stored) {
      const stamp = this.folder.stampOf(name);
      if (!stamp) return undefined;
      if (stored.size === stamp.size && stored.mtimeMs === stamp.mtimeMs) return stored.found;
    }
    const read = readWhole(this.folder.pathOf(name));
    if (!read) return undefined;
    const found = this.scanner.scan(read.bytes);
    this.folder.learnStamp(name, { size: read.size, mtimeMs: read.mtimeMs });
    this.entries.set(name, { size: read.size, mtimeMs: read.mtimeMs, found });
    this.changed = true;
    return found;
  }

  /** Writes the store when a file was read (atomically; files no longer listed are dropped). */
  save(listed: readonly string[]): void {
    if (!this.path || (!this.changed && this.entries.size === listed.length)) return;
    const files: Record<string, StoredScan<T>> = {};
    for (const name of listed) {
      const entry = this.entries.get(name);
      if (entry) files[name] = entry;
    }
    writeStoreFile(this.path, { version: this.scanner.version, dir: this.folder.dir, files });
  }
}

/**
 * What `scanner` finds in each `.md` file of the folder, in file name order (absolute paths),
 * through the store in `storeFolder` (default: see store-dir.ts): unreadable files are left out.
 */
export function scanApiPages<T>(
  folder: ApiFolder,
  scanner: ApiPageScan<T>,
  storeFolder?: string,
): Array<{ file: string; found: T }> {
  const files = folder.files();
  const store = ApiPageStore.open(folder, scanner, storeFolder);
  const pages: Array<{ file: string; found: T }> = [];
  for (const name of files) {
    const found = store.scanOf(name);
    if (found !== undefined) pages.push({ file: folder.pathOf(name), found });
  }
  store.save(files);
  return pages;
}

/** One buffer for every file read by readWhole (grown when a file is larger). */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/**
 * A file's bytes, size and modification time, read through one descriptor into a shared buffer:
 * the 5,000 reads of a first run then cost no `stat` of their own and no buffer each, and the
 * text never reaches the JavaScript heap as a string. The bytes are valid until the next call.
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
