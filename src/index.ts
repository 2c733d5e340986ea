/**
 * The programmatic API (the package root): lint text or files, fix text, read configurations,
 * and the rules. It is a front end like the command line: it hands graph-docs-lint's rule plugin
 * (rules/plugin.ts) to the engine, so the functions below lint with every rule unless given others.
 */
import { plugin } from "../rules/plugin.js";
import { ConfigLoader, type ResolvedConfig } from "./engine/config/index.js";
import * as fix from "./engine/fix.js";
import * as lint from "./engine/lint.js";
import type { LintMessage } from "./engine/message.js";
import type { LintResult } from "./engine/result.js";
import type { Rule } from "./engine/rule.js";
import type { Page } from "./page/model.js";

export type { LintOptions, RuleSetting } from "./engine/lint.js";
export type { LintResult } from "./engine/result.js";
export type { FixResult } from "./engine/fix.js";
export { applyFixes } from "./engine/fix.js";
export { LintMessage } from "./engine/message.js";
export type { Rule, RuleMeta, RuleContext, RulePlugin, Report, Fix } from "./engine/rule.js";
export {
  ConfigError,
  ConfigLoader,
  lintOptionsFor,
  withRuleOverrides,
  type ResolvedConfig,
} from "./engine/config/index.js";
export { buildPage } from "./page/build.js";
export type { Page } from "./page/model.js";
export { rules, rulesById } from "../rules/index.js";
export { plugin };

/** Lints page text (a leading byte order mark is allowed). */
export function lintText(
  text: string,
  options: lint.LintOptions = {},
  rules: readonly Rule[] = plugin.rules,
): LintResult {
  return lint.lintText(text, options, rules);
}

/** Reads, decodes and lints a file; a file that cannot be read gives one fatal message. */
export function lintFile(
  path: string,
  options: Omit<lint.LintOptions, "path"> = {},
  rules: readonly Rule[] = plugin.rules,
): LintResult {
  return lint.lintFile(path, options, rules);
}

/** Lints a page model, then applies its inline directives. */
export function lintPage(
  page: Page,
  options: lint.LintOptions = {},
  rules: readonly Rule[] = plugin.rules,
): LintMessage[] {
  return lint.lintPage(page, options, rules);
}

/** Fixes what can be fixed, linting again until nothing changes (at most 10 passes). */
export function fixText(
  text: string,
  options: lint.LintOptions = {},
  rules: readonly Rule[] = plugin.rules,
): fix.FixResult {
  return fix.fixText(text, options, rules);
}

/** The configurations this API reads, cached until `clearConfigCache()`. */
const configs = new ConfigLoader(plugin);

/** Every rule at its default severity: the configuration of a page without a configuration file. */
export const defaultConfig: ResolvedConfig = configs.defaultConfig;

/**
 * The configuration of the file at `filePath`: the one named by `explicit` (as `--config`), else
 * the nearest configuration file up from the file's folder, else `defaultConfig`.
 */
export function configFor(filePath: string, explicit?: string): Promise<ResolvedConfig> {
  return configs.configFor(filePath, explicit);
}

/** Loads a configuration file as `--config` does (JSONC, JSON, YAML, package.json, or JavaScript). */
export function loadConfigFile(path: string): Promise<ResolvedConfig> {
  return configs.loadConfigFile(path);
}

/** Forgets the configurations read, so edited files are read again. */
export function clearConfigCache(): void {
  configs.clear();
}
