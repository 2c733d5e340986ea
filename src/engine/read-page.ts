/**
 * Reading a page: from a file or from bytes (standard input) to its text, or to the one reason it
 * cannot be linted (missing, unreadable, too large, binary, not UTF-8). Shared by `lintFile` and
 * the command line, which also needs the bytes (for its cache keys and for writing fixes back).
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { decodeSource } from "../parse/source.js";
import { LintMessage } from "./message.js";
import { type LintResult, resultOf } from "./result.js";

/** The page size, in bytes, above which a page is not linted unless `maxPageBytes` says otherwise. */
export const DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024;

/** A page's text, or why it cannot be linted. */
export type PageRead =
  { ok: true; bytes: Buffer; text: string; bom: boolean } | { ok: false; reason: string };

/** The message for a page of `bytes` bytes when it is over the limit, else undefined. */
export function tooLargeReason(bytes: number, limit = DEFAULT_MAX_PAGE_BYTES): string | undefined {
  if (bytes <= limit) return undefined;
  const n = (b: number) => b.toLocaleString("en-US");
  return `Page is too large to lint: ${n(bytes)} bytes, over the limit of ${n(limit)} (maxPageBytes); not linted.`;
}

/** Decodes a page's bytes (a leading byte order mark is removed and noted). */
export function decodePage(bytes: Buffer, maxPageBytes?: number): PageRead {
  // Like bytes that are not text: one message, never parsed.
  const tooLarge = tooLargeReason(bytes.length, maxPageBytes);
  if (tooLarge) return { ok: false, reason: tooLarge };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { ok: false, reason: `File ${decoded.message}.` };
  return { ok: true, bytes, text: decoded.text, bom: decoded.bom };
}

/**
 * Reads and decodes a page file; a page over the size limit is not read at all. The size comes from
 * the open file (one path lookup a page: a `stat` by path cost a whole-tree run 1 % of its time).
 */
export function readPage(path: string, maxPageBytes?: number): PageRead {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const tooLarge = tooLargeReason(fstatSync(fd).size, maxPageBytes);
    if (tooLarge) return { ok: false, reason: tooLarge };
    bytes = readFileSync(fd);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decodePage(bytes, maxPageBytes);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "No such file or directory.";
    case "EACCES":
    case "EPERM":
      return "Permission denied: the file cannot be read.";
    case "EISDIR":
      return "Is a directory.";
    default:
      return `Cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))}).`;
  }
}

/** The result of a file that cannot be linted: one fatal message at its start. */
export function unreadableResult(filePath: string, reason: string): LintResult {
  const origin = { line: 1, column: 1, offset: 0 };
  const message = new LintMessage(reason, { ruleId: undefined, severity: 2, start: origin, end: origin });
  return resultOf({ filePath, messages: [message], source: undefined, unreadable: true });
}
