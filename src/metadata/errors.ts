/**
 * The one error a metadata file gives: the front ends stop the run on it (exit code 2) and print
 * its message, which names the file as the caller gave it and, when the fault has a place, its
 * 1-based line and column (`file:line:column: detail`, the form editors and terminals link).
 */
export class MetadataError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, detail: string, position?: { line: number; column: number }) {
    super(position ? `${file}:${position.line}:${position.column}: ${detail}` : `${file}: ${detail}`);
    this.name = "MetadataError";
    this.file = file;
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** The detail for a file that could not be opened or read, from its `errno` code. */
export function readFailureDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "cannot be read: no such file";
  if (code === "EISDIR") return "cannot be read: it is a directory";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  return `cannot be read (${code ?? String(error)})`;
}
