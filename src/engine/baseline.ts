/**
 * Baselines: record today's findings and, from then on, report only new ones (a legacy corpus can
 * adopt the linter without fixing thousands of pages first).
 *
 * A finding is identified by its file, rule and a fingerprint of its content — the rule, the
 * message and the trimmed text of the line it starts on — plus its rank among identical
 * fingerprints in the file. Line numbers are not part of it, so a line inserted above a finding
 * does not make it new.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { type LintResult, withMessages } from "./result.js";
import type { LintMessage } from "./message.js";

export interface BaselineEntry {
  ruleId: string | null;
  fingerprint: string;
  /** For readers of the file only: where the finding was when the baseline was written. */
  line: number;
  message: string;
}

export interface Baseline {
  version: 1;
  files: Record<string, BaselineEntry[]>;
}

export class BaselineError extends Error {}

function lineText(source: string | undefined, line: number): string {
  if (source === undefined) return "";
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = source.indexOf("\n", start);
  return source.slice(start, end === -1 ? source.length : end).trim();
}

export function fingerprintOf(source: string | undefined, message: LintMessage): string {
  return createHash("sha256")
    .update(`${message.ruleId ?? ""}\0${message.reason}\0${lineText(source, message.startPoint.line)}`)
    .digest("hex")
    .slice(0, 24);
}

/** Each message with its fingerprint, ranked among identical fingerprints of the file. */
function fingerprints(result: LintResult): Array<[LintMessage, string]> {
  const seen = new Map<string, number>();
  return result.messages.map((m) => {
    const base = fingerprintOf(result.source, m);
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    return [m, `${base}:${rank}`];
  });
}

function keyOf(filePath: string, baselineDir: string): string {
  return relative(baselineDir, filePath).split(sep).join("/");
}

export function createBaseline(results: LintResult[], baselineDir: string): Baseline {
  const files: Record<string, BaselineEntry[]> = {};
  for (const result of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    if (result.unreadable || result.messages.length === 0) continue;
    files[keyOf(result.filePath, baselineDir)] = fingerprints(result).map(([m, fingerprint]) => ({
      ruleId: m.ruleId ?? null,
      fingerprint,
      line: m.startPoint.line,
      message: m.reason,
    }));
  }
  return { version: 1, files };
}

export function writeBaseline(path: string, baseline: Baseline): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(baseline, null, 2) + "\n");
}

export function readBaseline(path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const detail =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new BaselineError(`cannot read baseline ${path}: ${detail}`);
  }
  const b = data as Partial<Baseline>;
  if (b?.version !== 1 || typeof b.files !== "object" || b.files === null) {
    throw new BaselineError(
      `${path} is not a graph-docs-lint baseline (expected {"version": 1, "files": {…}})`,
    );
  }
  return b as Baseline;
}

/** Drops the findings the baseline records; what is left is new. */
export function filterByBaseline(
  results: LintResult[],
  baseline: Baseline,
  baselineDir: string,
): LintResult[] {
  return results.map((result) => {
    const known = new Set(
      (baseline.files[keyOf(resolve(result.filePath), baselineDir)] ?? []).map((e) => e.fingerprint),
    );
    if (known.size === 0) return result;
    const fresh = fingerprints(result)
      .filter(([, fingerprint]) => !known.has(fingerprint))
      .map(([m]) => m);
    return withMessages(result, fresh);
  });
}
