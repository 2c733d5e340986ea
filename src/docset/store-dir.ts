/**
 * Where and how the docs index keeps what it learned between runs (request names, page facts):
 * `<tmp>/graph-docs-lint-<uid>/`, one folder per user, so that on a shared machine nobody else's
 * files are read as this user's (a planted entry could only change findings, but should not be
 * able to). Deleting it is always safe.
 */
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { buildIdentity } from "../util/package-info.js";

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

let build: string | undefined;

/**
 * This build of the linter with the shape `storeVersion` of one store's files: a store named by it
 * is not read by another build, since the code that wrote it may have read files otherwise. The
 * build is named once per process by the sizes and times of its code files (see buildIdentity).
 */
export function linterBuildStamp(storeVersion: number): string {
  build ??= buildIdentity("stamp");
  return createHash("sha256").update(`${storeVersion}\n${build}`).digest("hex").slice(0, 16);
}
