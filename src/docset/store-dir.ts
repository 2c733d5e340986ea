/**
 * Where and how the docs index keeps what it learned between runs (request names, page facts):
 * `<tmp>/graph-docs-lint-<uid>/`, one folder per user, so that on a shared machine nobody else's
 * files are read as this user's (a planted entry could only change findings, but should not be
 * able to). Deleting it is always safe.
 */
import { createHash } from "node:crypto";
import { type Dirent, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

export function storeDir(): string {
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return join(tmpdir(), `graph-docs-lint-${user}`);
}

/**
 * Writes a store file atomically (a temporary file renamed over it: a reader in another process or
 * thread sees the old file or the new one, never half of one). A folder that cannot be written is
 * not an error: the store is a cache, and the next run reads the pages again.
 */
export function writeStoreFile(path: string, data: unknown): void {
  writeStoreContent(path, () => JSON.stringify(data));
}

/** Writes a store file of `content` (text or bytes) atomically, as writeStoreFile does. */
export function writeStoreContent(path: string, content: () => string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${threadId}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, content());
    renameSync(temporary, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is not usable: nothing to clean.
    }
  }
}

/** The files below `dir` whose names end with one of `extensions`, in a stable order. */
export function filesBelow(dir: string, extensions: readonly string[]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesBelow(path, extensions);
    return extensions.some((e) => entry.name.endsWith(e)) ? [path] : [];
  });
}

let codeFiles: string | undefined;

/**
 * This build of the linter with the shape `storeVersion` of one store's files: a store folder named
 * by it is not read by another build, since the code that wrote it may have read files otherwise.
 * The build is named by the sizes and times of its code files (the folder this module was loaded
 * from: dist/ when built, src/ under a test runner): a `stat` per file, no reading, once per process.
 */
export function linterBuildStamp(storeVersion: number): string {
  codeFiles ??= codeFilesStamp();
  return createHash("sha256").update(`${storeVersion}\n${codeFiles}`).digest("hex").slice(0, 16);
}

function codeFilesStamp(): string {
  let root = dirname(fileURLToPath(import.meta.url));
  // Up to the package: the folder that holds `dist/` or `src/`.
  while (!/^(dist|src)$/.test(relative(dirname(root), root)) && dirname(root) !== root) root = dirname(root);
  return filesBelow(root, [".js", ".ts"])
    .map((path) => {
      let stamp = "";
      try {
        const stats = statSync(path);
        stamp = `${stats.size}:${stats.mtimeMs}`;
      } catch {
        // A file gone since the listing: named without a stamp.
      }
      return `${path.split(sep).slice(-3).join("/")}:${stamp}\n`;
    })
    .join("");
}
