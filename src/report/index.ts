import type { LintResult } from "../engine/lint.js";
import { formatJson } from "./json.js";
import { formatStylish } from "./stylish.js";

export const formatters: Record<string, (results: LintResult[]) => string> = {
  stylish: formatStylish,
  json: formatJson,
};
