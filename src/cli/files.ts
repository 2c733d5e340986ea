/**
 * Which files a run lints. Files named on the command line are taken as given (any extension);
 * folders are searched for `*.md` with globby, which applies `.gitignore` files the way git does
 * (nested ones included) and skips `node_modules`. Symbolic links are not followed into folders,
 * so a link loop cannot hang the search.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { globby, isDynamicPattern } from "globby";

export interface FileSelection {
  files: string[];
  /** Paths that matched nothing: each is reported and makes the run exit 2. */
  missing: string[];
}

const IGNORED = ["**/node_modules/**", "**/.git/**"];

export async function selectFiles(args: string[], cwd = process.cwd()): Promise<FileSelection> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let kind: "file" | "dir" | undefined;
    try {
      const stat = statSync(path);
      kind = stat.isDirectory() ? "dir" : "file";
    } catch {
      kind = undefined;
    }
    if (kind === "file") {
      files.add(path);
    } else if (kind === "dir") {
      const found = await globby("**/*.md", {
        cwd: path,
        absolute: true,
        gitignore: true,
        ignore: IGNORED,
        followSymbolicLinks: false,
        dot: false,
      });
      found.sort().forEach((f) => files.add(resolve(f)));
    } else if (isDynamicPattern(arg)) {
      const found = await globby(arg, {
        cwd,
        absolute: true,
        gitignore: true,
        ignore: IGNORED,
        followSymbolicLinks: false,
      });
      if (found.length === 0) missing.push(arg);
      found.sort().forEach((f) => files.add(resolve(f)));
    } else {
      missing.push(arg);
    }
  }
  return { files: [...files], missing };
}
