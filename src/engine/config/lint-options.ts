/**
 * A page's configuration as the engine's lint options: the one place each front end (command line,
 * language server, remark plugin) turns what it resolved into what `lintText` takes.
 */
import type { LintOptions } from "../lint.js";
import type { RuleSetting } from "../rule.js";
import { type MetadataSetting, betaMetadataIndexFor, metadataIndexFor } from "./metadata.js";
import type { ResolvedConfig } from "./types.js";

/** What a front end sets over the configuration (command-line options, plugin options). */
export interface LintOverrides {
  /** The page's path. */
  path?: string;
  /** The docs root, over the configuration's `docsRoot`. */
  docsRoot?: string;
  /** Over the configuration's `reportUnusedDisableDirectives`. */
  reportUnusedDisableDirectives?: boolean;
  /** The metadata files, over the configuration's `metadata` (`--metadata`): replaces it whole. */
  metadata?: MetadataSetting;
}

/**
 * The lint options of a page. Loads the page's metadata file, and beta's for a v1.0 page when both
 * are configured (once per process): throws a MetadataError when a file cannot be used.
 */
export function lintOptionsFor(config: ResolvedConfig, overrides: LintOverrides = {}): LintOptions {
  const metadata = overrides.metadata ?? config.metadata;
  return {
    path: overrides.path,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    docsRoot: overrides.docsRoot ?? config.docsRoot,
    reportUnusedDisableDirectives:
      overrides.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? false,
    maxPageBytes: config.maxPageBytes,
    metadata: metadataIndexFor(metadata, overrides.path),
    betaMetadata: betaMetadataIndexFor(metadata, overrides.path),
  };
}

/** Rule settings over a configuration's (`--rule`, the remark plugin's `rules` and `ruleOptions`). */
export interface RuleOverrides {
  rules?: Record<string, RuleSetting>;
  ruleOptions?: Record<string, unknown>;
}

/** The configuration with `overrides` applied to its rules. */
export function withRuleOverrides(
  config: ResolvedConfig,
  overrides: RuleOverrides | undefined,
): ResolvedConfig {
  if (!overrides?.rules && !overrides?.ruleOptions) return config;
  return {
    ...config,
    rules: { ...config.rules, ...overrides.rules },
    ruleOptions: { ...config.ruleOptions, ...overrides.ruleOptions },
  };
}
