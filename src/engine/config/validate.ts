/**
 * Validating a configuration against the JSON Schema shipped in `schemas/` (the one editors
 * autocomplete with), with the rules it accepts taken from the plugin the loader was given, and
 * turning the first violation into a ConfigError that names the key and what was expected there.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import { packageFile } from "../../util/package-info.js";
import { escapePointerSegment, unescapePointerSegment } from "../../util/json-pointer.js";
import { closest } from "../../util/near-miss.js";
import { API_VERSIONS } from "../../docset/api-version.js";
import type { RulePlugin } from "../rule.js";
import { ConfigError } from "./error.js";
import type { ConfigSource, RawConfig } from "./types.js";

const SCHEMA_FILE = ["schemas", "graph-docs-lint.schema.json"] as const;

export const SETTING_EXPECTED = 'must be "off", "warn" or "error" (or 0, 1, 2), or [severity, options]';

/** The path of the JSON Schema shipped with the package. */
export function schemaPath(): string {
  const path = packageFile(...SCHEMA_FILE);
  if (!path) throw new Error(`graph-docs-lint: cannot find ${SCHEMA_FILE.join("/")}`);
  return path;
}

let schemaCache: Record<string, unknown> | undefined;

/** The configuration JSON Schema (`schemas/graph-docs-lint.schema.json`). */
export function configSchema(): Record<string, unknown> {
  schemaCache ??= JSON.parse(readFileSync(schemaPath(), "utf8")) as Record<string, unknown>;
  return schemaCache;
}

/** The schema with the plugin's rules as the rule ids `rules` accepts. */
function schemaFor(plugin: RulePlugin): Record<string, unknown> {
  const schema = structuredClone(configSchema()) as {
    properties: { rules: { properties: Record<string, unknown> } };
  };
  schema.properties.rules.properties = Object.fromEntries(
    plugin.rules.map((r) => [r.meta.id, { $ref: "#/definitions/ruleSetting" }]),
  );
  return schema;
}

/** `"a", "b" or "c"`. */
export function quoteList(items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1] ?? ""}`;
}

/** ` (did you mean "x"?)` when a known name is close to `name`. */
export function suggestion(name: string, known: readonly string[]): string {
  const best = closest(name, known);
  return best !== undefined && best.distance <= Math.max(2, Math.floor(best.name.length / 4))
    ? ` (did you mean "${best.name}"?)`
    : "";
}

export class ConfigValidator {
  private validator: ValidateFunction | undefined;

  constructor(private readonly plugin: RulePlugin) {}

  /** The source's data as a configuration, or a ConfigError for its first violation. */
  validate(source: ConfigSource): RawConfig {
    const check = this.compiled();
    if (check(source.data)) return source.data as RawConfig;
    const { pointer, detail } = this.describe(pickError(check.errors ?? []), source.data);
    throw new ConfigError(source.file, source.prefix + pointer, detail);
  }

  private compiled(): ValidateFunction {
    if (!this.validator) {
      // ajv is loaded on first use: a run without a configuration file does not pay for it.
      const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
      const ajv = new Ajv({ allErrors: false, strict: true, strictTuples: false });
      ajv.addKeyword("markdownDescription");
      this.validator = ajv.compile(schemaFor(this.plugin));
    }
    return this.validator;
  }

  /** A readable message for a schema violation: where, and what was expected there. */
  private describe(error: ErrorObject | undefined, data: unknown): { pointer: string; detail: string } {
    if (!error) return { pointer: "", detail: "is not a valid configuration" };
    const pointer = pointerOf(error);
    const segments = pointer.split("/").slice(1).map(unescapePointerSegment);
    const [key, index, sub] = segments;
    if (key === undefined) return { pointer, detail: "must be an object (a graph-docs-lint configuration)" };
    const presets = quoteList(Object.keys(this.plugin.presets));
    switch (key) {
      case "$schema":
        return { pointer, detail: "must be a string (the URL or path of the JSON Schema)" };
      case "extends":
        if (index === undefined || !Array.isArray((data as RawConfig).extends))
          return {
            pointer: "/extends",
            detail: `must be a preset (${presets}) or a relative path to a config file, or an array of them`,
          };
        return {
          pointer: `/extends/${index}`,
          detail: `must be a non-empty string: a preset (${presets}) or a relative path to a config file`,
        };
      case "rules": {
        if (index === undefined)
          return {
            pointer,
            detail: `must be an object mapping rule ids to "off", "warn" or "error", or [severity, options]`,
          };
        const rulePointer = `/rules/${escapePointerSegment(index)}`;
        if (error.keyword === "additionalProperties" && sub === undefined)
          return { pointer: rulePointer, detail: this.unknownRule(index) };
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
      case "reportUnusedDisableDirectives":
        return { pointer, detail: "must be true or false" };
      case "metadata":
        if (index !== undefined && error.keyword === "additionalProperties")
          return {
            pointer,
            detail: `unknown API version${suggestion(index, API_VERSIONS)}; expected ${quoteList(API_VERSIONS)}`,
          };
        if (index !== undefined)
          return { pointer, detail: "must be a non-empty string (a CSDL file, relative to the config file)" };
        return {
          pointer,
          detail:
            'must be a path to a CSDL file (relative to the config file), or an object mapping API versions ("v1.0", "beta") to paths',
        };
      default: {
        const knownKeys = Object.keys((configSchema().properties ?? {}) as object);
        if (error.keyword === "additionalProperties" && segments.length === 1)
          return {
            pointer,
            detail: `unknown key${suggestion(key, knownKeys)}; expected one of ${quoteList(knownKeys)}`,
          };
        return { pointer, detail: error.message ?? "is not valid" };
      }
    }
  }

  unknownRule(id: string): string {
    const ids = this.plugin.rules.map((r) => r.meta.id);
    return `unknown rule "${id}"${suggestion(id, ids)}; known rules: ${ids.join(", ")}`;
  }
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
