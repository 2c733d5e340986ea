/** A configuration that cannot be read, parsed, validated or resolved, and how to name its file. */
import { isAbsolute, relative, sep } from "node:path";

export class ConfigError extends Error {
  /** Absolute path of the config file at fault. */
  readonly file: string;
  /** JSON pointer of the offending key (`/rules/no-trailing-comma`), or "" for the whole file. */
  readonly pointer: string;
  /** What is wrong there. */
  readonly detail: string;
  /** Where in the file, for syntax errors. */
  readonly position: { line: number; column: number } | undefined;

  /** The message names the file by its absolute path; `describe(base)` shortens it. */
  constructor(file: string, pointer: string, detail: string, position?: { line: number; column: number }) {
    super(describeProblem(file, pointer, detail, position));
    this.name = "ConfigError";
    this.file = file;
    this.pointer = pointer;
    this.detail = detail;
    this.position = position;
  }

  /** The message with the file named relative to `base` (the working folder) when it is inside it. */
  describe(base: string): string {
    return describeProblem(displayPath(this.file, base), this.pointer, this.detail, this.position);
  }
}

function describeProblem(
  file: string,
  pointer: string,
  detail: string,
  position: { line: number; column: number } | undefined,
): string {
  const where = position ? `${file}:${position.line}:${position.column}` : file;
  return pointer ? `${where}: ${pointer}: ${detail}` : `${where}: ${detail}`;
}

/** True when a path from `relative()` points below the folder it was taken from. */
export function isInside(rel: string): boolean {
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A path as messages show it: relative to `base` when inside it, else absolute. */
export function displayPath(file: string, base: string): string {
  const rel = relative(base, file);
  return isInside(rel) ? rel : file;
}
