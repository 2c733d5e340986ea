/**
 * The programmatic API: lint text or files, fix text, and the rules. The CLI, the language server
 * and the remark plugin are built on these.
 */
export {
  lintText,
  lintFile,
  lintPage,
  type LintOptions,
  type LintResult,
  type RuleSetting,
} from "./engine/lint.js";
export { fixText, applyFixes, type FixResult } from "./engine/fix.js";
export { LintMessage } from "./engine/message.js";
export type { Rule, RuleMeta, RuleContext, Report, Fix } from "./engine/rule.js";
export { configFor, loadConfigFile, ConfigError, type ResolvedConfig } from "./engine/config.js";
export { buildPage } from "./page/build.js";
export type { Page } from "./page/model.js";
export { rules, rulesById } from "../rules/index.js";
