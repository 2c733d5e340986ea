/**
 * `.gitignore` and `.graph-docs-lintignore`, read the way git reads `.gitignore`: each ignore file
 * applies to the paths below its folder, and a deeper file overrides a shallower one. Only the folders on a file's way up to the repository root
 * are read (and cached), so checking the few files a pre-commit hook passes costs a few reads, not
 * a walk of the tree. Matching is the `ignore` package's (the gitignore implementation ESLint and
 * globby use).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

export const IGNORE_FILES = [".gitignore", ".graph-docs-lintignore"];

export class IgnoreChecker {
  private readonly byDir = new Map<string, Ignore | undefined>();
  private readonly rootOf = new Map<string, string>();

  /** True when an ignore file in one of the file's folders ignores it, or it is in node_modules. */
  isIgnored(file: string): boolean {
    if (file.split(sep).includes("node_modules")) return true;
    const stop = this.repositoryRoot(dirname(file));
    // As in git, the deepest ignore file with a pattern matching the path decides (so `!page.md`
    // in a sub-folder re-includes what a parent folder ignores).
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const rules = this.rulesIn(dir);
      if (rules) {
        const verdict = rules.test(relative(dir, file).split(sep).join("/"));
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      if (dir === stop || dirname(dir) === dir) return false;
    }
  }

  private rulesIn(dir: string): Ignore | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let rules: Ignore | undefined;
    for (const name of IGNORE_FILES) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      try {
        rules = (rules ?? ignore()).add(readFileSync(path, "utf8"));
      } catch {
        // an unreadable ignore file ignores nothing
      }
    }
    this.byDir.set(dir, rules);
    return rules;
  }

  /** The nearest folder holding `.git`, else the filesystem root. */
  private repositoryRoot(dir: string): string {
    const cached = this.rootOf.get(dir);
    if (cached) return cached;
    let root = dir;
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, ".git"))) {
        root = d;
        break;
      }
      if (dirname(d) === d) {
        root = d;
        break;
      }
    }
    this.rootOf.set(dir, root);
    return root;
  }
}
