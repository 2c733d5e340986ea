/** `--fix-dry-run` in the readable format: a unified diff of each file the fixes would change. */
import { relative } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { LintResult } from "../engine/lint.js";

export function formatDiffs(results: LintResult[], cwd = process.cwd()): string {
  let out = "";
  for (const r of results) {
    if (r.output === undefined || r.input === undefined) continue;
    const name = relative(cwd, r.filePath) || r.filePath;
    out += createTwoFilesPatch(`a/${name}`, `b/${name}`, r.input, r.output, "", "", { context: 2 });
  }
  return out;
}
