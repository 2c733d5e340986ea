/**
 * The folder where the docs index keeps what it learned between runs (request names, page facts):
 * `<tmp>/graph-docs-lint-<uid>/`, one per user, so that on a shared machine nobody else's files are
 * read as this user's (a planted entry could only change findings, but should not be able to).
 * Deleting it is always safe.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";

export function storeDir(): string {
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return join(tmpdir(), `graph-docs-lint-${user}`);
}
