/** The `ignores` of a configuration: gitignore-style patterns, each group relative to its folder. */
import { relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { isInside } from "./error.js";
import type { IgnoreGroup } from "./types.js";

/** Compiled matchers per group (groups are shared by the configurations that extend them). */
const matchers = new WeakMap<IgnoreGroup, Ignore>();

/** True when `filePath` matches one of the groups (a later `!pattern` lints it again). */
export function matchesIgnores(filePath: string, groups: readonly IgnoreGroup[]): boolean {
  const path = resolve(filePath);
  let ignored = false;
  for (const group of groups) {
    const rel = relative(group.base, path);
    if (!isInside(rel)) continue;
    let matcher = matchers.get(group);
    if (!matcher) {
      matcher = ignore().add(group.patterns);
      matchers.set(group, matcher);
    }
    const result = matcher.test(rel.split(sep).join("/"));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** True when `filePath` matches the `ignores` of its configuration. */
export function isIgnored(filePath: string, config: { ignores: readonly IgnoreGroup[] }): boolean {
  return matchesIgnores(filePath, config.ignores);
}
