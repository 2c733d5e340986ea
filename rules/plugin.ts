/**
 * graph-docs-lint's rules as a plugin: the rules and the presets built from them. The front ends
 * (the command line, the language server, the remark plugin and the package's API) import it and
 * hand it down to the engine, the configuration loader and the reporters, which never import the
 * rules themselves.
 */
import type { RulePlugin, RuleSetting } from "../src/engine/rule.js";
import { rules } from "./index.js";

export const plugin: RulePlugin = {
  rules,
  presets: {
    // Every rule at its default severity.
    "graph-docs-lint:recommended": Object.fromEntries(
      rules.map((r): [string, RuleSetting] => [r.meta.id, r.meta.defaultSeverity]),
    ),
    // Every rule an error.
    "graph-docs-lint:strict": Object.fromEntries(
      rules.map((r): [string, RuleSetting] => [r.meta.id, "error"]),
    ),
  },
};
