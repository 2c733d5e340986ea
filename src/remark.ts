/**
 * graph-docs-lint as a unified (remark) plugin, for remark-cli, remark-language-server and other
 * tools of the unified ecosystem:
 *
 *   import graphDocsLint from "graph-docs-lint/remark";
 *   export default { plugins: [[graphDocsLint, { rules: { "no-todo-placeholder": "warn" } }]] };
 *
 * It is a transformer but lints the file's original text, not the tree (the rules read the source
 * lines, and remark's tree may have been changed by other plugins). Findings are added to the file
 * as remark-lint adds its own: a message with `ruleId`, `source: "graph-docs-lint"`, `url`, the
 * place of the finding, and `fatal` true for errors (false for warnings).
 *
 * The settings come from the file's configuration (`.graph-docs-lint.json` … found from the file's
 * folder, as the CLI does), overridden by the plugin's options. A configuration that cannot be
 * used, or a `metadata` file that is not usable CSDL, fails the file with one message at 1:1.
 */
import { resolve } from "node:path";
import type { Root } from "mdast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { plugin as rulePlugin } from "../rules/plugin.js";
import {
  ConfigError,
  ConfigLoader,
  type ResolvedConfig,
  lintOptionsFor,
  withRuleOverrides,
} from "./engine/config/index.js";
import { type LintOptions, lintText } from "./engine/lint.js";
import { SOURCE } from "./engine/message.js";
import type { RuleSetting } from "./engine/rule.js";
import { MetadataError } from "./metadata/index.js";
import { BOM } from "./parse/source.js";

/** The configurations read by this process's remark runs (remark-cli lints many files in one). */
const configs = new ConfigLoader(rulePlugin);

export interface GraphDocsLintOptions {
  /** Severity per rule id ("off", "warn", "error"), over the configuration's. */
  rules?: Record<string, RuleSetting>;
  /** Options per rule id, over the configuration's. */
  ruleOptions?: Record<string, unknown>;
  /** The docs root (the folder holding `api/` and `resources/`), overriding the search from the file. */
  docsRoot?: string;
  /** Read the file's graph-docs-lint configuration file (default true). */
  config?: boolean;
}

const graphDocsLint: Plugin<[(GraphDocsLintOptions | null | undefined)?], Root> = function (options) {
  const settings = options ?? {};
  return async function transformer(_tree: Root, file: VFile): Promise<undefined> {
    const path = file.path ? resolve(file.cwd, file.path) : undefined;
    let config: ResolvedConfig = configs.defaultConfig;
    if (settings.config !== false) {
      try {
        config = await configs.configFor(path ?? resolve(file.cwd, "stdin.md"));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const message = file.message(`Invalid configuration: ${error.describe(file.cwd)}`, {
          place: { line: 1, column: 1 },
          ruleId: "config",
          source: SOURCE,
        });
        message.fatal = true;
        return;
      }
    }
    let text = String(file);
    if (text.startsWith(BOM)) text = text.slice(BOM.length);
    let lintOptions: LintOptions;
    try {
      lintOptions = lintOptionsFor(
        withRuleOverrides(config, { rules: settings.rules, ruleOptions: settings.ruleOptions }),
        {
          path,
          docsRoot: settings.docsRoot !== undefined ? resolve(file.cwd, settings.docsRoot) : undefined,
        },
      );
    } catch (error) {
      // The configuration's `metadata` names a file that is not usable CSDL: as a bad configuration.
      if (!(error instanceof MetadataError)) throw error;
      const message = file.message(`Invalid metadata: ${error.describe(file.cwd)}`, {
        place: { line: 1, column: 1 },
        ruleId: "metadata",
        source: SOURCE,
      });
      message.fatal = true;
      return;
    }
    for (const finding of lintText(text, lintOptions, rulePlugin.rules).messages) {
      const message = file.message(finding.reason, {
        place: { start: finding.startPoint, end: finding.endPoint },
        ruleId: finding.ruleId,
        source: SOURCE,
      });
      if (finding.url) message.url = finding.url;
      message.fatal = finding.severity === 2;
    }
  };
};

export default graphDocsLint;
