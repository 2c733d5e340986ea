/** What every output format is: results, and the context they are shown in, to text. */
import type { LintResult } from "../engine/result.js";
import type { RuleMeta } from "../engine/rule.js";

/** What a formatter needs besides the results. */
export interface FormatContext {
  /** The folder paths are shown relative to. */
  cwd: string;
  /** The rules of the run (SARIF describes each). */
  rules: readonly RuleMeta[];
  /** ANSI colours (the readable formats only). */
  color: boolean;
}

/** A formatter: results to text. */
export type Formatter = (results: LintResult[], context: FormatContext) => string;
