/** `--fix-dry-run` in the readable format: a unified diff of each file the fixes would change. */
import { createRequire } from "node:module";
import { relative } from "node:path";
import type * as Diff from "diff";
import type { LintResult } from "../engine/result.js";

export function formatDiffs(results: LintResult[], cwd: string): string {
  if (!results.some((r) => r.output !== undefined)) return "";
  // jsdiff is loaded only when there is a diff to print.
  const { createTwoFilesPatch } = createRequire(import.meta.url)("diff") as typeof Diff;
  let out = "";
  for (const r of results) {
    if (r.output === undefined || r.input === undefined) continue;
    const name = relative(cwd, r.filePath) || r.filePath;
    out += createTwoFilesPatch(`a/${name}`, `b/${name}`, r.input, r.output, "", "", { context: 2 });
  }
  return out;
}
