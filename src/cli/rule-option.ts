/**
 * `--rule`, as ESLint's: `--rule 'id: severity'`, `--rule 'id: [severity, {options}]'`, several
 * `id: value` pairs separated by commas, or a JSON object (`--rule '{"id": "warn"}'`). Severities
 * are words or ESLint's numbers (0 off, 1 warn, 2 error). The settings go over every page's
 * configuration.
 */
import { parse as parseJsonc } from "jsonc-parser";
import type { RuleOverrides } from "../engine/config/index.js";
import { severityOf } from "../engine/config/layers.js";
import { bracketMarks } from "../parse/scan.js";
import type { SeverityInFile } from "../engine/config/types.js";
import { UsageError } from "./errors.js";

const SEVERITIES: readonly unknown[] = ["off", "warn", "error", 0, 1, 2];

/**
 * The settings of `--rule` values. `unknownRule(id)` says why an id is not a rule (with a
 * suggestion), or undefined when it is one.
 */
export function parseRuleOptions(
  values: readonly string[],
  unknownRule: (id: string) => string | undefined,
): RuleOverrides {
  const overrides: Required<RuleOverrides> = { rules: {}, ruleOptions: {} };
  for (const value of values) {
    for (const [id, setting] of entriesOf(value)) {
      const problem = unknownRule(id);
      if (problem) throw new UsageError(`--rule: ${problem}`);
      const [severity, ...options] = Array.isArray(setting) ? setting : [setting];
      if (!SEVERITIES.includes(severity) || options.length > 1)
        throw new UsageError(
          `--rule: "${id}" must be "off", "warn" or "error" (or 0, 1, 2), or [severity, options], not ${JSON.stringify(setting)}`,
        );
      overrides.rules[id] = severityOf(severity as SeverityInFile);
      if (options.length === 1) overrides.ruleOptions[id] = options[0];
    }
  }
  return overrides;
}

/** The `id: value` pairs of one `--rule` value. */
function entriesOf(text: string): Array<[string, unknown]> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const data: unknown = parseJsonc(trimmed, [], { allowTrailingComma: true });
    if (typeof data !== "object" || data === null || Array.isArray(data))
      throw new UsageError(`--rule: ${JSON.stringify(text)} is not a JSON object of rule settings`);
    return Object.entries(data);
  }
  return splitTopLevel(trimmed).map((pair) => {
    const colon = pair.indexOf(":");
    if (colon === -1)
      throw new UsageError(
        `--rule takes "id: severity" (as in --rule 'no-todo-placeholder: warn'), not ${JSON.stringify(pair)}`,
      );
    return [pair.slice(0, colon).trim(), settingOf(pair.slice(colon + 1).trim())];
  });
}

/** `warn`, `2`, `"warn"`, `[warn, {…}]` or `["warn", {…}]`. */
function settingOf(text: string): unknown {
  if (text.startsWith("[")) {
    const inner = text.replace(/^\[/, "").replace(/\]$/, "");
    const comma = inner.indexOf(",");
    const first = (comma === -1 ? inner : inner.slice(0, comma)).trim();
    const rest = comma === -1 ? undefined : inner.slice(comma + 1).trim();
    const options: unknown[] = rest === undefined || rest === "" ? [] : [parseJsonc(rest)];
    return [settingOf(first), ...options];
  }
  const unquoted = text.replace(/^"(.*)"$/, "$1");
  return /^\d+$/.test(unquoted) ? Number(unquoted) : unquoted;
}

/** Splits on the commas that are not inside brackets, braces or strings. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const { at, mark, depth } of bracketMarks(text, { depth: 0, inString: false })) {
    if (mark !== "," || depth !== 0) continue;
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}
