/**
 * Configuration files, after ESLint and markdownlint-cli2.
 *
 * A page's configuration is the nearest `.graph-docs-lint.jsonc`, `.graph-docs-lint.json`,
 * `.graph-docs-lint.yaml`, `.graph-docs-lint.yml`, or `package.json` with a `"graph-docs-lint"` key,
 * found by walking up from the page's folder to the filesystem root (in that order within one
 * folder; the first found wins, and configurations further up are not merged in). A file named with
 * `--config` replaces the search.
 *
 * Configuration is data: discovery never loads JavaScript. Only a `.js`/`.mjs`/`.cjs` file named
 * explicitly with `--config` is imported (its default export is the configuration).
 *
 * Every configuration is validated against `schemas/graph-docs-lint.schema.json` (shipped with the
 * package); a bad one throws a `ConfigError` naming the file, the JSON pointer of the offending key
 * and what was expected.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import ignore, { type Ignore } from "ignore";
import { type ParseError, ParseErrorCode, parse as parseJsonc } from "jsonc-parser";
import { rules as allRules } from "../../rules/index.js";
import { yaml } from "../parse/yaml.js";
import { escapePointerSegment, unescapePointerSegment } from "../util/json-pointer.js";
import { closest } from "../util/near-miss.js";
import type { RuleSetting } from "./lint.js";

export interface ResolvedConfig {
  /** Severity of every known rule. */
  rules: Record<string, RuleSetting>;
  /** Options of the rules that have some. */
  ruleOptions: Record<string, unknown>;
  /** Gitignore-style patterns, each group relative to `base`, the folder of the config that declared it. */
  ignores: Array<{ base: string; patterns: string[] }>;
  /** Absolute docs root, or undefined to find it from each page. */
  docsRoot: string | undefined;
  /** Pages larger than this many bytes are not linted; undefined for the default (10 MiB). */
  maxPageBytes: number | undefined;
  /** Absolute paths of the config files that made this config (the file itself, then what it extends). */
  files: string[];
}

/** A configuration that cannot be read, parsed, validated or resolved. */
export class ConfigError extends Error {
  /** Absolute path of the config file at fault. */
  readonly file: string;
  /** JSON pointer of the offending key (`/rules/no-trailing-comma`), or "" for the whole file. */
  readonly pointer: string;

  constructor(file: string, pointer: string, detail: string, position?: { line: number; column: number }) {
    const where = position ? `${displayPath(file)}:${position.line}:${position.column}` : displayPath(file);
    super(pointer ? `${where}: ${pointer}: ${detail}` : `${where}: ${detail}`);
    this.name = "ConfigError";
    this.file = file;
    this.pointer = pointer;
  }
}

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

const SETTING_EXPECTED = 'must be "off", "warn" or "error", or [severity, options]';
const JS_EXTENSIONS = new Set([".js", ".mjs", ".cjs"]);

/** The built-in configurations `extends` can name. */
export const PRESETS: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>> = {
  "graph-docs-lint:recommended": Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity])),
  "graph-docs-lint:strict": Object.fromEntries(allRules.map((r) => [r.meta.id, "error"])),
};

/** The recommended preset: every rule at its default severity, no options, no files. */
export const defaultConfig: ResolvedConfig = Object.freeze({
  rules: Object.freeze({ ...PRESETS["graph-docs-lint:recommended"] }),
  ruleOptions: Object.freeze({}),
  ignores: Object.freeze([]) as unknown as ResolvedConfig["ignores"],
  docsRoot: undefined,
  maxPageBytes: undefined,
  files: Object.freeze([]) as unknown as string[],
}) as ResolvedConfig;

// ---------------------------------------------------------------------------------------------
// Caches

/** Resolved configuration per folder searched (the folder of a linted file and its ancestors). */
const directoryCache = new Map<string, ResolvedConfig>();
/** Configurations per config file, as they set things (without the defaults filled in). */
const fileCache = new Map<string, Layer>();
/** Explicit (`--config`) configurations per absolute path. */
const explicitCache = new Map<string, Promise<ResolvedConfig>>();
/** Compiled ignore matchers per `ignores` entry. */
const ignoreMatchers = new WeakMap<object, Ignore>();

/** Forgets every configuration loaded, so edited files are read again. */
export function clearConfigCache(): void {
  directoryCache.clear();
  fileCache.clear();
  explicitCache.clear();
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Loads the configuration named with `--config` (JSONC, JSON, YAML, package.json, or JavaScript). */
export async function loadConfigFile(path: string): Promise<ResolvedConfig> {
  const file = resolve(path);
  let pending = explicitCache.get(file);
  if (!pending) {
    pending = loadExplicit(file);
    explicitCache.set(file, pending);
    pending.catch(() => explicitCache.delete(file));
  }
  return pending;
}

/**
 * The configuration of the file at `filePath`: the one named with `--config` when `explicit` is
 * given, else the nearest config file up from the file's folder, else `defaultConfig`.
 */
export async function configFor(filePath: string, explicit?: string): Promise<ResolvedConfig> {
  if (explicit !== undefined) return loadConfigFile(explicit);
  return discover(dirname(resolve(filePath)));
}

/** True when `filePath` matches the `ignores` of its configuration (a later `!pattern` lints it again). */
export function isIgnored(filePath: string, config: ResolvedConfig): boolean {
  const path = resolve(filePath);
  let ignored = false;
  for (const entry of config.ignores) {
    const rel = relative(entry.base, path);
    if (!isInside(rel)) continue;
    let matcher = ignoreMatchers.get(entry);
    if (!matcher) {
      matcher = ignore().add(entry.patterns);
      ignoreMatchers.set(entry, matcher);
    }
    const result = matcher.test(rel.split(sep).join("/"));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

// ---------------------------------------------------------------------------------------------
// Discovery

function discover(start: string): ResolvedConfig {
  const searched: string[] = [];
  let found: ResolvedConfig | undefined;
  for (let dir = start; ;) {
    const cached = directoryCache.get(dir);
    if (cached) {
      found = cached;
      break;
    }
    searched.push(dir);
    const source = configSourceIn(dir);
    if (source) {
      found = complete(loadLayer(source, []));
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const config = found ?? defaultConfig;
  for (const dir of searched) directoryCache.set(dir, config);
  return config;
}

/** A configuration's data, where it came from, and the JSON pointer prefix of its keys. */
interface Source {
  file: string;
  data: unknown;
  /** "" for config files, "/graph-docs-lint" in package.json. */
  prefix: string;
}

/** The config file in `dir`, if any (a package.json counts only with a "graph-docs-lint" key). */
function configSourceIn(dir: string): Source | undefined {
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

/** What one configuration sets, its extends applied; rules it does not name are absent. */
interface Layer {
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, unknown>;
  ignores: Array<{ base: string; patterns: string[] }>;
  docsRoot: string | undefined;
  maxPageBytes?: number;
  files: string[];
}

interface RawConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting | [RuleSetting] | [RuleSetting, unknown]>;
  ignores?: string[];
  docsRoot?: string;
  maxPageBytes?: number;
}

async function loadExplicit(file: string): Promise<ResolvedConfig> {
  const ext = extname(file).toLowerCase();
  if (!JS_EXTENSIONS.has(ext)) return complete(loadLayer(readSource(file, ""), []));
  if (!isFile(file)) throw new ConfigError(file, "", readFailure(file));
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
  return complete(loadLayer({ file, data: module.default, prefix: "" }, []));
}

/** Reads a data config file for `--config` or `extends`; package.json gives its "graph-docs-lint" key. */
function readSource(file: string, extendedAt: string): Source {
  if (basename(file) === "package.json") {
    const pkg = parseJsonFile(file, readText(file));
    if (!isObject(pkg) || !Object.hasOwn(pkg, PACKAGE_JSON_KEY))
      throw new ConfigError(file, "", `has no "${PACKAGE_JSON_KEY}" key`);
    return { file, data: pkg[PACKAGE_JSON_KEY], prefix: `/${PACKAGE_JSON_KEY}` };
  }
  const ext = extname(file).toLowerCase();
  if (JS_EXTENSIONS.has(ext))
    throw new ConfigError(
      file,
      extendedAt,
      "JavaScript configs are not loaded through extends; name a .jsonc, .json, .yaml or .yml file",
    );
  if (![".jsonc", ".json", ".yaml", ".yml"].includes(ext))
    throw new ConfigError(
      file,
      "",
      "unsupported config file type; expected .jsonc, .json, .yaml, .yml, package.json, or (with --config) .js or .mjs",
    );
  return readDataSource(file);
}

function readDataSource(file: string): Source {
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
    throw new ConfigError(file, "", readFailure(file, error));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readFailure(file: string, error?: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR") return "cannot be read: it is a directory";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (error === undefined || code === "ENOENT") return "cannot be read: no such file";
  return `cannot be read (${code ?? String(error)})`;
}

/**
 * Resolves one configuration: its `extends` in order, then its own settings on top.
 * `chain` holds the files being loaded above this one, to catch `extends` cycles.
 */
function loadLayer(source: Source, chain: readonly string[]): Layer {
  const cached = fileCache.get(source.file);
  if (cached) return cached;
  const raw = validate(source);
  const dir = dirname(source.file);
  const layer: Layer = { rules: {}, ruleOptions: {}, ignores: [], docsRoot: undefined, files: [source.file] };
  const stack = [...chain, source.file];
  const bases = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  bases.forEach((entry, i) => {
    const pointer = `${source.prefix}/extends${Array.isArray(raw.extends) ? `/${i}` : ""}`;
    merge(layer, resolveExtends(entry, dir, source.file, pointer, stack));
  });
  const own: Layer = { rules: {}, ruleOptions: {}, ignores: [], docsRoot: undefined, files: [] };
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (typeof setting === "string") {
      own.rules[id] = setting;
    } else {
      own.rules[id] = setting[0];
      if (setting.length > 1) own.ruleOptions[id] = setting[1];
    }
  }
  if (raw.ignores && raw.ignores.length > 0) own.ignores.push({ base: dir, patterns: [...raw.ignores] });
  if (raw.docsRoot !== undefined) own.docsRoot = resolve(dir, raw.docsRoot);
  if (raw.maxPageBytes !== undefined) own.maxPageBytes = raw.maxPageBytes;
  merge(layer, own);
  fileCache.set(source.file, layer);
  return layer;
}

function resolveExtends(entry: string, dir: string, file: string, pointer: string, stack: string[]): Layer {
  if (entry.startsWith("graph-docs-lint:")) {
    const preset = PRESETS[entry];
    if (!preset)
      throw new ConfigError(
        file,
        pointer,
        `unknown preset "${entry}"; expected ${quoteList(Object.keys(PRESETS))}`,
      );
    return { rules: { ...preset }, ruleOptions: {}, ignores: [], docsRoot: undefined, files: [] };
  }
  if (!isPathLike(entry))
    throw new ConfigError(
      file,
      pointer,
      `"${entry}" is neither a preset (${quoteList(Object.keys(PRESETS))}) nor a relative path; write "./${entry}"`,
    );
  const target = resolve(dir, entry);
  const cycleStart = stack.indexOf(target);
  if (cycleStart >= 0) {
    const cycle = [...stack.slice(cycleStart), target].map(displayPath).join(" → ");
    throw new ConfigError(file, pointer, `extends cycle: ${cycle}`);
  }
  if (!isFile(target))
    throw new ConfigError(file, pointer, `cannot find "${entry}" (resolved to ${displayPath(target)})`);
  return fileCache.get(target) ?? loadLayer(readSource(target, pointer), stack);
}

function isPathLike(entry: string): boolean {
  return /^\.{1,2}([\\/]|$)/.test(entry) || isAbsolute(entry);
}

/** Applies `top` over `base`: rules override (a bare severity keeps the base's options), ignores add up. */
function merge(base: Layer, top: Layer): void {
  for (const [id, severity] of Object.entries(top.rules)) base.rules[id] = severity;
  for (const [id, options] of Object.entries(top.ruleOptions)) base.ruleOptions[id] = options;
  base.ignores.push(...top.ignores);
  if (top.docsRoot !== undefined) base.docsRoot = top.docsRoot;
  if (top.maxPageBytes !== undefined) base.maxPageBytes = top.maxPageBytes;
  for (const f of top.files) if (!base.files.includes(f)) base.files.push(f);
}

/** A layer on top of the defaults: every known rule gets a severity. */
function complete(layer: Layer): ResolvedConfig {
  return {
    rules: { ...defaultConfig.rules, ...layer.rules },
    ruleOptions: { ...layer.ruleOptions },
    ignores: layer.ignores.map((g) => ({ base: g.base, patterns: [...g.patterns] })),
    docsRoot: layer.docsRoot,
    maxPageBytes: layer.maxPageBytes,
    files: [...layer.files],
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing

const JSONC_ERRORS: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: "unexpected character",
  [ParseErrorCode.InvalidNumberFormat]: "invalid number",
  [ParseErrorCode.PropertyNameExpected]: "expected a property name in double quotes",
  [ParseErrorCode.ValueExpected]: "expected a value",
  [ParseErrorCode.ColonExpected]: "expected ':' after the property name",
  [ParseErrorCode.CommaExpected]: "expected ',' between values",
  [ParseErrorCode.CloseBraceExpected]: "expected '}' to close the object",
  [ParseErrorCode.CloseBracketExpected]: "expected ']' to close the array",
  [ParseErrorCode.EndOfFileExpected]: "unexpected text after the end of the value",
  [ParseErrorCode.InvalidCommentToken]: "invalid comment",
  [ParseErrorCode.UnexpectedEndOfComment]: "unterminated comment",
  [ParseErrorCode.UnexpectedEndOfString]: "unterminated string",
  [ParseErrorCode.UnexpectedEndOfNumber]: "number ends unexpectedly",
  [ParseErrorCode.InvalidUnicode]: "invalid unicode escape",
  [ParseErrorCode.InvalidEscapeCharacter]: "invalid escape character",
  [ParseErrorCode.InvalidCharacter]: "control character not allowed in a string",
};

/** JSON with comments and trailing commas (also for .json files, as VS Code reads its settings). */
function parseJsonFile(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const kind = extname(file).toLowerCase() === ".jsonc" ? "JSONC" : "JSON";
    throw new ConfigError(
      file,
      "",
      `invalid ${kind}: ${JSONC_ERRORS[first.error] ?? "syntax error"}`,
      positionAt(text, first.offset),
    );
  }
  return data;
}

function parseYamlFile(file: string, text: string): unknown {
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const detail = first.message.split("\n")[0] ?? "syntax error";
    throw new ConfigError(file, "", `invalid YAML: ${detail}`, positionAt(text, first.pos[0]));
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

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Validation

let schemaCache: Record<string, unknown> | undefined;
let validator: ValidateFunction | undefined;

/** The path of the JSON Schema shipped with the package. */
export function schemaPath(): string {
  const relativePath = join("schemas", "graph-docs-lint.schema.json");
  // src/engine/ when run from source, dist/src/engine/ when built: look up for the package's schemas/.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ;) {
    const candidate = join(dir, relativePath);
    if (isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`graph-docs-lint: cannot find ${relativePath}`);
    dir = parent;
  }
}

/** The configuration JSON Schema (`schemas/graph-docs-lint.schema.json`). */
export function configSchema(): Record<string, unknown> {
  schemaCache ??= JSON.parse(readFileSync(schemaPath(), "utf8")) as Record<string, unknown>;
  return schemaCache;
}

function compiledValidator(): ValidateFunction {
  if (!validator) {
    // ajv is loaded on first use: a run without a configuration file does not pay for it.
    const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
    const ajv = new Ajv({ allErrors: false, strict: true, strictTuples: false });
    ajv.addKeyword("markdownDescription");
    validator = ajv.compile(configSchema());
  }
  return validator;
}

function validate(source: Source): RawConfig {
  const check = compiledValidator();
  if (check(source.data)) return source.data as RawConfig;
  const error = pickError(check.errors ?? []);
  const { pointer, detail } = describeError(error, source.data);
  throw new ConfigError(source.file, source.prefix + pointer, detail);
}

/** The most specific error: the one deepest in the data. */
function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const e of errors) if (!best || depth(pointerOf(e)) > depth(pointerOf(best))) best = e;
  return best;
}

function depth(pointer: string): number {
  return pointer === "" ? 0 : pointer.split("/").length - 1;
}

/** The JSON pointer of the value at fault (the unknown key itself for `additionalProperties`). */
function pointerOf(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return `${error.instancePath}/${escapePointerSegment(key)}`;
  }
  return error.instancePath;
}

/** A readable message for a schema violation: where, and what was expected there. */
function describeError(error: ErrorObject | undefined, data: unknown): { pointer: string; detail: string } {
  if (!error) return { pointer: "", detail: "is not a valid configuration" };
  const pointer = pointerOf(error);
  const segments = pointer.split("/").slice(1).map(unescapePointerSegment);
  const [key, index, sub] = segments;
  if (key === undefined) return { pointer, detail: "must be an object (a graph-docs-lint configuration)" };
  const knownKeys = Object.keys((configSchema().properties ?? {}) as object);
  switch (key) {
    case "$schema":
      return { pointer, detail: "must be a string (the URL or path of the JSON Schema)" };
    case "extends":
      if (index === undefined || !Array.isArray((data as RawConfig).extends))
        return {
          pointer: "/extends",
          detail: `must be a preset (${quoteList(Object.keys(PRESETS))}) or a relative path to a config file, or an array of them`,
        };
      return {
        pointer: `/extends/${index}`,
        detail: `must be a non-empty string: a preset (${quoteList(Object.keys(PRESETS))}) or a relative path to a config file`,
      };
    case "rules": {
      if (index === undefined)
        return {
          pointer,
          detail: `must be an object mapping rule ids to "off", "warn" or "error", or [severity, options]`,
        };
      const rulePointer = `/rules/${escapePointerSegment(index)}`;
      if (error.keyword === "additionalProperties" && sub === undefined)
        return { pointer: rulePointer, detail: unknownRule(index) };
      return { pointer: rulePointer, detail: SETTING_EXPECTED };
    }
    case "ignores":
      if (index === undefined)
        return { pointer, detail: "must be an array of gitignore-style patterns (strings)" };
      return { pointer: `/ignores/${index}`, detail: "must be a string (a gitignore-style pattern)" };
    case "docsRoot":
      return { pointer, detail: "must be a string (a folder path, relative to the config file)" };
    case "maxPageBytes":
      return { pointer, detail: "must be a whole number of bytes, at least 1" };
    default:
      if (error.keyword === "additionalProperties" && segments.length === 1)
        return {
          pointer,
          detail: `unknown key${suggestion(key, knownKeys)}; expected one of ${quoteList(knownKeys)}`,
        };
      return { pointer, detail: error.message ?? "is not valid" };
  }
}

function unknownRule(id: string): string {
  const ids = allRules.map((r) => r.meta.id);
  return `unknown rule "${id}"${suggestion(id, ids)}; known rules: ${ids.join(", ")}`;
}

/** ` (did you mean "x"?)` when a known name is close to `name`. */
function suggestion(name: string, known: readonly string[]): string {
  const best = closest(name, known);
  return best !== undefined && best.distance <= Math.max(2, Math.floor(best.name.length / 4))
    ? ` (did you mean "${best.name}"?)`
    : "";
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `"a", "b" or "c"`. */
function quoteList(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1] ?? ""}`;
}

/** True when a path from `relative()` points below the folder it was taken from. */
function isInside(rel: string): boolean {
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A config path as messages show it: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return isInside(rel) ? rel : file;
}
