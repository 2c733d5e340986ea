/** Configuration: finding, reading, validating and resolving it, and what a page gets from it. */
export { ConfigError } from "./error.js";
export { isIgnored, matchesIgnores } from "./ignores.js";
export { type LintOverrides, type RuleOverrides, lintOptionsFor, withRuleOverrides } from "./lint-options.js";
export { ConfigLoader } from "./loader.js";
export {
  type MetadataSetting,
  betaMetadataFileFor,
  betaMetadataIndexFor,
  metadataFileFor,
  metadataFilesFor,
  metadataFilesOf,
  metadataIndexFor,
  metadataSettingOf,
} from "./metadata.js";
export { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY } from "./read.js";
export type { IgnoreGroup, RawConfig, ResolvedConfig } from "./types.js";
export { configSchema, schemaPath } from "./validate.js";
