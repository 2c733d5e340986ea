/**
 * What a scan finds in each `.md` file of a folder, kept between runs: request names in the `api/`
 * pages, the words a tree uses in its `resources/` pages. Linting one page must not read a whole
 * folder of the tree, so each file's result is stored (see store-dir.ts) and reused while the
 * file's size and modification time are unchanged (ESLint's "metadata" cache strategy): a `stat`
 * of each file instead of reading it. A file rewritten with the same size and time is the one
 * change this misses. Unwritable or corrupt stores are ignored (the files are scanned).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { linterBuildStamp, storeDir, writeStoreFile } from "./store-dir.js";

export interface FolderScan<T> {
  /** Names the store file (`request-names`), so that two scans of a folder keep apart. */
  kind: string;
  /** Bump when `scan` changes what it finds. */
  version: number;
  /** What one file holds; the bytes are valid only during the call. */
  scan(bytes: Buffer): T;
}

interface StoredResult<T> {
  size: number;
  mtimeMs: number;
  result: T;
}

/**
 * The result of `scan` for each `.md` file directly in `dir`, by file name, in name order: from the
 * store when the file is unchanged, else read and scanned. `folder` overrides the store's folder
 * (tests); `false` keeps nothing.
 */
export function scanFolder<T>(dir: string, scan: FolderScan<T>, folder?: string | false): Map<string, T> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".md"));
  } catch {
    names = [];
  }
  names.sort();
  const path = folder === false ? undefined : storePath(folder ?? storeDir(), scan, dir);
  const stored =
    path === undefined ? new Map<string, StoredResult<T>>() : readStore<T>(path, dir, scan.version);
  const results = new Map<string, T>();
  let changed = stored.size !== names.length;
  for (const name of names) {
    const file = dir + sep + name;
    const entry = stored.get(name);
    if (entry && sameStamp(file, entry)) {
      results.set(name, entry.result);
      continue;
    }
    const read = readWhole(file);
    if (!read) continue;
    const result = scan.scan(read.bytes);
    stored.set(name, { size: read.size, mtimeMs: read.mtimeMs, result });
    results.set(name, result);
    changed = true;
  }
  if (path !== undefined && changed) {
    const files: Record<string, StoredResult<T>> = {};
    for (const name of names) {
      const entry = stored.get(name);
      if (entry) files[name] = entry;
    }
    writeStoreFile(path, { version: scan.version, dir, files });
  }
  return results;
}

/**
 * The store file of a scan of `dir`, named by this build of the linter too: results written by
 * other code (an older scan's shape) are never read.
 */
function storePath(folder: string, scan: FolderScan<unknown>, dir: string): string {
  const where = createHash("sha256").update(dir).digest("hex").slice(0, 16);
  return join(folder, `${scan.kind}-${linterBuildStamp(scan.version)}-${where}.json`);
}

function readStore<T>(path: string, dir: string, version: number): Map<string, StoredResult<T>> {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as {
      version?: number;
      dir?: string;
      files?: Record<string, StoredResult<T>>;
    };
    if (data.version === version && data.dir === dir && data.files)
      return new Map(Object.entries(data.files));
  } catch {
    // No store yet, or one that cannot be read: scan the files.
  }
  return new Map();
}

function sameStamp(file: string, entry: { size: number; mtimeMs: number }): boolean {
  try {
    const stats = statSync(file);
    return entry.size === stats.size && entry.mtimeMs === stats.mtimeMs;
  } catch {
    return false;
  }
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
