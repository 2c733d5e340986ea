/**
 * `--init`: a starter `.graph-docs-lint.jsonc` in the current folder (the root of a docs clone),
 * naming every rule at its default severity so that a team can turn one down where it starts, and
 * pointing editors at the schema. An existing configuration in the folder is never overwritten.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY } from "../engine/config/index.js";
import type { RulePlugin } from "../engine/rule.js";
import { packageInfo } from "../util/package-info.js";
import { UsageError } from "./errors.js";

export const INIT_FILE = ".graph-docs-lint.jsonc";

/** The starter configuration's text. */
export function starterConfig(plugin: RulePlugin): string {
  const docs = packageInfo()?.repositoryUrl;
  const width = Math.max(...plugin.rules.map((r) => r.meta.id.length)) + 3;
  const rules = plugin.rules.map(
    (r) => `    ${`"${r.meta.id}":`.padEnd(width)} "${r.meta.defaultSeverity}", // ${r.meta.description}`,
  );
  return [
    "// graph-docs-lint configuration (JSON with comments)." +
      (docs ? ` Every key: ${docs}/blob/main/docs/configuration.md` : ""),
    "{",
    '  "$schema": "./node_modules/graph-docs-lint/schemas/graph-docs-lint.schema.json",',
    '  "extends": ["graph-docs-lint:recommended"],',
    '  // Each rule at its default. "warn" reports without failing the run; "off" turns a rule off.',
    '  "rules": {',
    ...rules,
    "  },",
    "  // Gitignore-style patterns of pages not to lint, relative to this file (drafts/, **/*-preview.md).",
    '  "ignores": [],',
    "}",
    "",
  ].join("\n");
}

/** Writes the starter configuration into `dir`; refuses when the folder already has a configuration. */
export function writeStarterConfig(dir: string, plugin: RulePlugin): string {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    if (name === "package.json" && !hasConfigKey(path)) continue;
    throw new UsageError(
      `--init: this folder already has a configuration (${name === "package.json" ? `the "${PACKAGE_JSON_KEY}" key of package.json` : name}); not overwritten`,
    );
  }
  const path = join(dir, INIT_FILE);
  writeFileSync(path, starterConfig(plugin), { flag: "wx" });
  return path;
}

function hasConfigKey(packageJson: string): boolean {
  try {
    const data: unknown = JSON.parse(readFileSync(packageJson, "utf8"));
    return typeof data === "object" && data !== null && Object.hasOwn(data, PACKAGE_JSON_KEY);
  } catch {
    return false;
  }
}
