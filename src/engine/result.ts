/** The result of linting one file: its messages, counts, and what the reporters need of the page. */
import type { LintMessage } from "./message.js";

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  /**
   * The page text that the messages' offsets index, or undefined when the file could not be read:
   * for `lintFile`, the file's text without its byte order mark; for `lintText`, the text as given.
   */
  source: string | undefined;
  /** True when the page starts with a byte order mark (removed from `source` by `lintFile`). */
  bom: boolean;
  /** True when the file could not be read or decoded: the run exits 2. */
  unreadable: boolean;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** With --fix or --fix-dry-run: the fixed text, when fixes changed it (`source` is then the same). */
  output?: string;
  /** With `output`: the text before fixing. */
  input?: string;
  /** Files of the docs tree the result depends on (for caches). */
  dependencies?: string[];
}

export interface ResultParts {
  filePath: string;
  messages: LintMessage[];
  source: string | undefined;
  /** The page started with a byte order mark (default false). */
  bom?: boolean;
  /** The file could not be read or decoded (default false). */
  unreadable?: boolean;
}

/** A result with its counts computed from its messages. */
export function resultOf(parts: ResultParts): LintResult {
  const errors = parts.messages.filter((m) => m.severity === 2);
  const warnings = parts.messages.filter((m) => m.severity === 1);
  return {
    filePath: parts.filePath,
    messages: parts.messages,
    source: parts.source,
    bom: parts.bom ?? false,
    unreadable: parts.unreadable ?? false,
    errorCount: errors.length,
    warningCount: warnings.length,
    fixableErrorCount: errors.filter((m) => m.fix).length,
    fixableWarningCount: warnings.filter((m) => m.fix).length,
  };
}

/** The same result with other messages (after a baseline or diff filter), counts recomputed. */
export function withMessages(result: LintResult, messages: LintMessage[]): LintResult {
  const out: LintResult = {
    ...resultOf({ ...result, messages }),
    output: result.output,
    input: result.input,
  };
  if (result.dependencies) out.dependencies = result.dependencies;
  return out;
}
