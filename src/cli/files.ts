/**
 * Which files a run lints. Files named on the command line are taken as given (any extension);
 * folders are searched for `*.md`; globs are expanded (globby/fast-glob). Symbolic links are not
 * followed into folders, so a link loop cannot hang the search. `.gitignore`,
 * `.graph-docs-lintignore` and `node_modules` are applied to every file, named or found: a file
 * named explicitly but ignored is skipped silently (lint-staged passes such files).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type * as Globby from "globby";
import { IgnoreChecker } from "./ignore.js";

export interface FileSelection {
  files: string[];
  /** Paths that matched nothing: each is reported and makes the run exit 2. */
  missing: string[];
}

const GLOB_OPTIONS = {
  absolute: true,
  ignore: ["**/node_modules/**", "**/.git/**"],
  followSymbolicLinks: false,
};

/** globby is loaded only when a folder or glob needs expanding (a hook passing files does not pay). */
async function loadGlobby(): Promise<typeof Globby> {
  return import("globby");
}

/** Characters that make an argument a glob rather than a path (fast-glob's dynamic pattern test). */
const GLOB_CHARS = /[*?[\]{}()!]/;

export async function selectFiles(
  args: string[],
  cwd = process.cwd(),
  ignored = new IgnoreChecker(),
): Promise<FileSelection> {
  const files = new Set<string>();
  const missing: string[] = [];
  const add = (found: string[]) =>
    found
      .map((f) => resolve(f))
      .sort()
      .forEach((f) => ignored.isIgnored(f) || files.add(f));
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let kind: "file" | "dir" | undefined;
    try {
      kind = statSync(path).isDirectory() ? "dir" : "file";
    } catch {
      kind = undefined;
    }
    if (kind === "file") add([path]);
    else if (kind === "dir")
      add(await (await loadGlobby()).globby("**/*.md", { ...GLOB_OPTIONS, cwd: path }));
    else if (GLOB_CHARS.test(arg) && (await loadGlobby()).isDynamicPattern(arg)) {
      const found = await (await loadGlobby()).globby(arg, { ...GLOB_OPTIONS, cwd });
      if (found.length === 0) missing.push(arg);
      add(found);
    } else missing.push(arg);
  }
  return { files: [...files], missing };
}
