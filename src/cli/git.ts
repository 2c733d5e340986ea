/**
 * `--changed-since REF`: the markdown files changed since a git ref (committed, staged, unstaged,
 * and new untracked files), and for each the lines the diff added or changed, so that a pull
 * request on a legacy page fails only for what it introduced.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { type LintResult, withMessages } from "../engine/result.js";
import { UsageError } from "./errors.js";

export interface ChangedLines {
  /** Absolute path → changed line numbers (1-based), or "all" for a new file. */
  files: Map<string, Set<number> | "all">;
}

function git(args: string[], cwd: string): string {
  // Unquoted paths: git would otherwise escape non-ASCII file names.
  const r = spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.error) throw new UsageError(`--changed-since needs git: ${r.error.message}`);
  if (r.status !== 0)
    throw new UsageError(`git ${args.join(" ")} failed: ${r.stderr.trim().split("\n")[0] ?? ""}`);
  return r.stdout;
}

/**
 * Line numbers in the new file that each `@@ -a,b +c,d @@` hunk of a zero-context diff adds. The
 * hunk header's counts say how many lines belong to the hunk, so an added line that itself starts
 * with "++" (shown as "+++ …") is not mistaken for the next file's header.
 */
export function addedLines(diff: string): Map<string, Set<number>> {
  const byFile = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split("\n")) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith("+")) newLeft--;
      else if (line.startsWith("-")) oldLeft--;
      else if (line.startsWith(" ")) {
        oldLeft--;
        newLeft--;
      }
      continue;
    }
    if (line.startsWith("+++ ")) {
      const name = line.slice(4).trim();
      current = name === "/dev/null" ? undefined : new Set();
      if (current) byFile.set(name.replace(/^b\//, ""), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      for (let l = start; l < start + newLeft; l++) current?.add(l);
    }
  }
  return byFile;
}

export function changedSince(ref: string, cwd: string): ChangedLines {
  const top = git(["rev-parse", "--show-toplevel"], cwd).trim();
  const check = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
    cwd,
    encoding: "utf8",
  });
  if (check.status !== 0)
    throw new UsageError(`--changed-since: "${ref}" is not a commit in this repository`);
  const diff = git(
    ["diff", "--no-color", "--no-ext-diff", "-U0", "--diff-filter=ACMR", ref, "--", "*.md"],
    top,
  );
  const files = new Map<string, Set<number> | "all">();
  for (const [name, lines] of addedLines(diff)) files.set(resolve(top, name), lines);
  const untracked = git(["ls-files", "--others", "--exclude-standard", "--", "*.md"], top);
  for (const name of untracked.split("\n").filter(Boolean)) files.set(resolve(top, name), "all");
  return { files };
}

/** Keeps the findings on changed lines (a file that cannot be read is always reported). */
export function filterByChangedLines(results: LintResult[], changed: ChangedLines): LintResult[] {
  return results.map((result) => {
    const lines = changed.files.get(result.filePath);
    if (lines === "all" || result.unreadable) return result;
    return withMessages(
      result,
      result.messages.filter((m) => lines?.has(m.startPoint.line)),
    );
  });
}
