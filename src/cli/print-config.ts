/**
 * `--print-config <file>`: the configuration that applies to a file, as JSON, with the command
 * line's settings (`--rule`, `--docs-root`, `--metadata`, `--report-unused-disable-directives`)
 * applied, as ESLint's `--print-config` prints it. Rule settings are written as a configuration file writes
 * them; `files` lists the configuration files it came from, and `ignored` says whether the file is
 * skipped.
 */
import type { MetadataSetting, ResolvedConfig } from "../engine/config/index.js";
import { DEFAULT_MAX_PAGE_BYTES } from "../engine/read-page.js";

export function printedConfig(
  config: ResolvedConfig,
  overrides: {
    docsRoot?: string;
    reportUnusedDisableDirectives?: boolean;
    metadata?: MetadataSetting;
    ignored: boolean;
  },
): string {
  const rules = Object.fromEntries(
    Object.entries(config.rules).map(([id, setting]) => [
      id,
      Object.hasOwn(config.ruleOptions, id) ? [setting, config.ruleOptions[id]] : setting,
    ]),
  );
  const printed = {
    files: config.files,
    ignored: overrides.ignored,
    rules,
    ignores: config.ignores,
    docsRoot: overrides.docsRoot ?? config.docsRoot ?? null,
    maxPageBytes: config.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES,
    reportUnusedDisableDirectives:
      overrides.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? false,
    metadata: printedMetadata(overrides.metadata ?? config.metadata),
  };
  return JSON.stringify(printed, null, 2) + "\n";
}

/**
 * The metadata setting as a configuration writes it (absolute paths): a path, or paths by version.
 * `--metadata` may give both; then the file for every other page is under `"*"`.
 */
function printedMetadata(setting: MetadataSetting | undefined): string | Record<string, string> | null {
  if (!setting) return null;
  const versions = Object.keys(setting.byVersion);
  if (versions.length === 0) return setting.all ?? null;
  return setting.all === undefined ? { ...setting.byVersion } : { ...setting.byVersion, "*": setting.all };
}
