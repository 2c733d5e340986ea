/**
 * The one error a metadata file gives: the front ends stop the run on it (exit code 2) and print
 * its message, which names the file as the caller gave it and, when the fault has a place, its
 * 1-based line and column (`file:line:column: detail`, the form editors and terminals link).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";

export class MetadataError extends Error {
  readonly file: string;
  /** What is wrong, without the file and position. */
  readonly detail: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, detail: string, position?: { line: number; column: number }) {
    super(describeProblem(file, detail, position));
    this.name = "MetadataError";
    this.file = file;
    this.detail = detail;
    this.line = position?.line;
    this.column = position?.column;
  }

  /**
   * The message with the file named relative to `base` (the working folder) when it is inside it,
   * else absolute: front ends load absolute paths and show them as the user would type them.
   */
  describe(base: string): string {
    const absolute = resolve(base, this.file);
    const rel = relative(base, absolute);
    const inside = rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    const position =
      this.line !== undefined && this.column !== undefined
        ? { line: this.line, column: this.column }
        : undefined;
    return describeProblem(inside ? rel : absolute, this.detail, position);
  }
}

function describeProblem(file: string, detail: string, position?: { line: number; column: number }): string {
  return position ? `${file}:${position.line}:${position.column}: ${detail}` : `${file}: ${detail}`;
}

/** The detail for a file that could not be opened or read, from its `errno` code. */
export function readFailureDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "cannot be read: no such file";
  if (code === "EISDIR") return "cannot be read: it is a directory";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  return `cannot be read (${code ?? String(error)})`;
}
