import type { LintResult } from "../engine/lint.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

/** A formatter: results to text. `cwd` is the folder paths are shown relative to (default: the process's). */
export type Formatter = (results: LintResult[], cwd?: string) => string;

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
