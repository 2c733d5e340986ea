/**
 * Which files a run lints. Files named on the command line are taken as given (any extension);
 * folders are searched for `*.md`; globs are expanded (globby/fast-glob). Symbolic links are not
 * followed into folders, so a link loop cannot hang the search. Ignore files, `--ignore-pattern`
 * and `node_modules` are applied to every file, named or found (not with `--no-ignore`): a file
 * named explicitly but ignored is skipped silently (lint-staged passes such files).
 *
 * As in ESLint, a path, folder or glob that gives no file to lint is a pattern that matched
 * nothing: the run stops with exit code 2 before linting anything, unless
 * `--no-error-on-unmatched-pattern`.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type * as Globby from "globby";
import { matchesIgnores } from "../engine/config/index.js";
import { IgnoreChecker } from "./ignore.js";

/** A command-line pattern that gave no file to lint, and why. */
export interface UnmatchedPattern {
  pattern: string;
  /** "missing": nothing exists or matches; "ignored": everything it matches is ignored. */
  reason: "missing" | "ignored";
}

export interface FileSelection {
  files: string[];
  unmatched: UnmatchedPattern[];
}

/** The ignore settings of a run. */
export interface IgnoreSettings {
  /** `--no-ignore`: nothing is ignored. */
  noIgnore?: boolean;
  /** `--ignore-pattern` patterns, relative to `cwd`. */
  patterns?: readonly string[];
}

/** Decides whether a file is ignored by ignore files, `node_modules` and `--ignore-pattern`. */
export class FileFilter {
  private readonly checker = new IgnoreChecker();
  private readonly groups;

  constructor(
    cwd: string,
    private readonly settings: IgnoreSettings = {},
  ) {
    this.groups = settings.patterns?.length ? [{ base: cwd, patterns: [...settings.patterns] }] : [];
  }

  isIgnored(file: string): boolean {
    if (this.settings.noIgnore) return false;
    return this.checker.isIgnored(file) || matchesIgnores(file, this.groups);
  }
}

/** An error message for an unmatched pattern, in ESLint's words. */
export function unmatchedMessage({ pattern, reason }: UnmatchedPattern): string {
  return reason === "missing"
    ? `No files matching the pattern "${pattern}" were found.`
    : `All files matched by "${pattern}" are ignored.`;
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

export function pathKind(path: string): "file" | "dir" | undefined {
  try {
    return statSync(path).isDirectory() ? "dir" : "file";
  } catch {
    return undefined;
  }
}

/**
 * The files to lint for the command-line patterns. `ignoredByConfig` says whether a page's
 * configuration ignores it (its `ignores`), so that a folder whose pages are all ignored is
 * reported as ESLint reports it.
 */
export async function selectFiles(
  args: readonly string[],
  cwd: string,
  filter: FileFilter = new FileFilter(cwd),
  ignoredByConfig: (file: string) => Promise<boolean> = async () => false,
): Promise<FileSelection> {
  const files = new Set<string>();
  const unmatched: UnmatchedPattern[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = pathKind(path);
    if (kind === "file") {
      // A file named explicitly but ignored is skipped silently.
      if (!filter.isIgnored(path)) files.add(path);
      continue;
    }
    let found: string[];
    if (kind === "dir") found = await (await loadGlobby()).globby("**/*.md", { ...GLOB_OPTIONS, cwd: path });
    else if (GLOB_CHARS.test(arg) && (await loadGlobby()).isDynamicPattern(arg))
      found = await (await loadGlobby()).globby(arg, { ...GLOB_OPTIONS, cwd });
    else found = [];
    const kept: string[] = [];
    for (const f of found.map((f) => resolve(f)).sort())
      if (!filter.isIgnored(f) && !(await ignoredByConfig(f))) kept.push(f);
    if (found.length === 0) unmatched.push({ pattern: arg, reason: "missing" });
    else if (kept.length === 0) unmatched.push({ pattern: arg, reason: "ignored" });
    for (const f of kept) files.add(f);
  }
  return { files: [...files], unmatched };
}
