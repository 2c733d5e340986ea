/**
 * Reading configuration files into data: which file of a folder is its configuration, and the
 * JSONC, JSON, YAML, package.json or (named with `--config` only) JavaScript it holds. Syntax
 * errors become ConfigErrors with their line and column.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ParseError, parse as parseJsonc } from "jsonc-parser";
import { JSON_ERROR_MESSAGES } from "../../parse/json.js";
import { BOM, LineIndex } from "../../parse/source.js";
import { yaml } from "../../parse/yaml.js";
import { ConfigError } from "./error.js";
import type { ConfigSource } from "./types.js";

/** Config file names searched in each folder, in order of precedence. */
export const CONFIG_FILE_NAMES: readonly string[] = [
  ".graph-docs-lint.jsonc",
  ".graph-docs-lint.json",
  ".graph-docs-lint.yaml",
  ".graph-docs-lint.yml",
  "package.json",
];

/** The key holding the configuration in `package.json`. */
export const PACKAGE_JSON_KEY = "graph-docs-lint";

const DATA_EXTENSIONS = [".jsonc", ".json", ".yaml", ".yml"];
const JS_EXTENSIONS = [".js", ".mjs", ".cjs"];

export function isJavaScriptConfig(file: string): boolean {
  return JS_EXTENSIONS.includes(extname(file).toLowerCase());
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The config file in `dir`, if any (a package.json counts only with a "graph-docs-lint" key). */
export function configSourceIn(dir: string): ConfigSource | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(dir, name);
    if (!isFile(file)) continue;
    if (name === "package.json") {
      const pkg = parseJsonFile(file, readText(file));
      if (isObject(pkg) && Object.hasOwn(pkg, PACKAGE_JSON_KEY))
        return { file, data: pkg[PACKAGE_JSON_KEY], prefix: `/${PACKAGE_JSON_KEY}` };
      continue;
    }
    return readDataSource(file);
  }
  return undefined;
}

/**
 * Reads a data config file named by `--config` or `extends` (at `extendedAt`, a JSON pointer);
 * a package.json gives its "graph-docs-lint" key.
 */
export function readConfigSource(file: string, extendedAt: string): ConfigSource {
  if (basename(file) === "package.json") {
    const pkg = parseJsonFile(file, readText(file));
    if (!isObject(pkg) || !Object.hasOwn(pkg, PACKAGE_JSON_KEY))
      throw new ConfigError(file, "", `has no "${PACKAGE_JSON_KEY}" key`);
    return { file, data: pkg[PACKAGE_JSON_KEY], prefix: `/${PACKAGE_JSON_KEY}` };
  }
  if (isJavaScriptConfig(file))
    throw new ConfigError(
      file,
      extendedAt,
      "JavaScript configs are not loaded through extends; name a .jsonc, .json, .yaml or .yml file",
    );
  if (!DATA_EXTENSIONS.includes(extname(file).toLowerCase()))
    throw new ConfigError(
      file,
      "",
      "unsupported config file type; expected .jsonc, .json, .yaml, .yml, package.json, or (with --config) .js or .mjs",
    );
  return readDataSource(file);
}

/** Imports a JavaScript configuration named with `--config`: its default export. */
export async function importConfigSource(file: string): Promise<ConfigSource> {
  if (!isFile(file)) throw new ConfigError(file, "", readFailure());
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(
      file,
      "",
      `cannot be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (module.default === undefined)
    throw new ConfigError(file, "", "must have a default export: the configuration object");
  return { file, data: module.default, prefix: "" };
}

function readDataSource(file: string): ConfigSource {
  const text = readText(file);
  const ext = extname(file).toLowerCase();
  const data = ext === ".yaml" || ext === ".yml" ? parseYamlFile(file, text) : parseJsonFile(file, text);
  return { file, data, prefix: "" };
}

function readText(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(file, "", readFailure(error));
  }
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

export function readFailure(error?: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR") return "cannot be read: it is a directory";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (error === undefined || code === "ENOENT") return "cannot be read: no such file";
  return `cannot be read (${code ?? String(error)})`;
}

/** JSON with comments and trailing commas (also for .json files, as VS Code reads its settings). */
function parseJsonFile(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const kind = extname(file).toLowerCase() === ".jsonc" ? "JSONC" : "JSON";
    const what = JSON_ERROR_MESSAGES[first.error] ?? "syntax error";
    throw new ConfigError(
      file,
      "",
      `invalid ${kind}: ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
      new LineIndex(text).point(first.offset),
    );
  }
  return data;
}

function parseYamlFile(file: string, text: string): unknown {
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const detail = first.message.split("\n")[0] ?? "syntax error";
    throw new ConfigError(file, "", `invalid YAML: ${detail}`, new LineIndex(text).point(first.pos[0]));
  }
  try {
    // An empty document (or one with only comments) is an empty configuration.
    return doc.toJS() ?? {};
  } catch (error) {
    throw new ConfigError(
      file,
      "",
      `invalid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
