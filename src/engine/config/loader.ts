/**
 * Finding and loading configurations, after ESLint and markdownlint-cli2.
 *
 * A page's configuration is the nearest `.graph-docs-lint.jsonc`, `.graph-docs-lint.json`,
 * `.graph-docs-lint.yaml`, `.graph-docs-lint.yml`, or `package.json` with a `"graph-docs-lint"` key,
 * found by walking up from the page's folder to the filesystem root (in that order within one
 * folder; the first found wins, and configurations further up are not merged in). A file named with
 * `--config` replaces the search. Discovery never loads JavaScript: only a `.js`/`.mjs`/`.cjs` file
 * named explicitly with `--config` is imported.
 *
 * A loader serves one rule plugin (its rule ids and presets) and caches what it read, per folder
 * and per file, until `clear()`.
 */
import { dirname, extname, isAbsolute, resolve } from "node:path";
import type { RulePlugin, RuleSetting } from "../rule.js";
import { ConfigError, displayPath } from "./error.js";
import { type Layer, complete, emptyLayer, merge, ownLayer } from "./layers.js";
import { configSourceIn, importConfigSource, isFile, isJavaScriptConfig, readConfigSource } from "./read.js";
import type { ConfigSource, ResolvedConfig } from "./types.js";
import { ConfigValidator, quoteList } from "./validate.js";

export class ConfigLoader {
  /** Every rule at its default severity, nothing else set: the configuration of a page without one. */
  readonly defaultConfig: ResolvedConfig;
  private readonly defaults: Readonly<Record<string, RuleSetting>>;
  private readonly validator: ConfigValidator;
  /** Resolved configuration per folder searched (the folder of a linted file and its ancestors). */
  private readonly byDirectory = new Map<string, ResolvedConfig>();
  /** Configurations per config file, as they set things (without the defaults filled in). */
  private readonly byFile = new Map<string, Layer>();
  /** Explicit (`--config`) configurations per absolute path. */
  private readonly explicit = new Map<string, Promise<ResolvedConfig>>();

  constructor(private readonly plugin: RulePlugin) {
    this.defaults = Object.fromEntries(plugin.rules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    this.defaultConfig = Object.freeze(complete(emptyLayer(), this.defaults));
    this.validator = new ConfigValidator(plugin);
  }

  /** Forgets every configuration loaded, so edited files are read again. */
  clear(): void {
    this.byDirectory.clear();
    this.byFile.clear();
    this.explicit.clear();
  }

  /** The configuration named with `--config` (JSONC, JSON, YAML, package.json, or JavaScript). */
  loadConfigFile(path: string): Promise<ResolvedConfig> {
    const file = resolve(path);
    let pending = this.explicit.get(file);
    if (!pending) {
      pending = this.loadExplicit(file);
      this.explicit.set(file, pending);
      pending.catch(() => this.explicit.delete(file));
    }
    return pending;
  }

  /**
   * The configuration of the file at `filePath`: the one named with `--config` when `explicit` is
   * given, else the nearest config file up from the file's folder, else `defaultConfig`.
   */
  async configFor(filePath: string, explicit?: string): Promise<ResolvedConfig> {
    if (explicit !== undefined) return this.loadConfigFile(explicit);
    return this.discover(dirname(resolve(filePath)));
  }

  /** The message of an unknown rule id (for other places that take rule ids, such as `--rule`). */
  unknownRule(id: string): string {
    return this.validator.unknownRule(id);
  }

  private discover(start: string): ResolvedConfig {
    const searched: string[] = [];
    let found: ResolvedConfig | undefined;
    for (let dir = start; ;) {
      const cached = this.byDirectory.get(dir);
      if (cached) {
        found = cached;
        break;
      }
      searched.push(dir);
      const source = configSourceIn(dir);
      if (source) {
        found = complete(this.loadLayer(source, []), this.defaults);
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    const config = found ?? this.defaultConfig;
    for (const dir of searched) this.byDirectory.set(dir, config);
    return config;
  }

  private async loadExplicit(file: string): Promise<ResolvedConfig> {
    const source = isJavaScriptConfig(file) ? await importConfigSource(file) : readConfigSource(file, "");
    return complete(this.loadLayer(source, []), this.defaults);
  }

  /**
   * Resolves one configuration: its `extends` in order, then its own settings on top.
   * `chain` holds the files being loaded above this one, to catch `extends` cycles.
   */
  private loadLayer(source: ConfigSource, chain: readonly string[]): Layer {
    const cached = this.byFile.get(source.file);
    if (cached) return cached;
    const raw = this.validator.validate(source);
    const dir = dirname(source.file);
    const layer = emptyLayer([source.file]);
    const stack = [...chain, source.file];
    const bases = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    bases.forEach((entry, i) => {
      const pointer = `${source.prefix}/extends${Array.isArray(raw.extends) ? `/${i}` : ""}`;
      merge(layer, this.resolveExtends(entry, dir, source.file, pointer, stack));
    });
    merge(layer, ownLayer(raw, dir));
    this.byFile.set(source.file, layer);
    return layer;
  }

  private resolveExtends(entry: string, dir: string, file: string, pointer: string, stack: string[]): Layer {
    const presets = this.plugin.presets;
    const names = Object.keys(presets);
    const preset = presets[entry];
    if (preset) return { ...emptyLayer(), rules: { ...preset } };
    if (entry.includes(":") && !isPathLike(entry))
      throw new ConfigError(file, pointer, `unknown preset "${entry}"; expected ${quoteList(names)}`);
    if (!isPathLike(entry)) throw new ConfigError(file, pointer, bareNameProblem(entry, names));
    const target = resolve(dir, entry);
    const cycleStart = stack.indexOf(target);
    if (cycleStart >= 0) {
      // Named relative to the folder of the first file of the cycle: the same from any working folder.
      const base = dirname(stack[cycleStart]!);
      const cycle = [...stack.slice(cycleStart), target].map((f) => displayPath(f, base)).join(" → ");
      throw new ConfigError(file, pointer, `extends cycle: ${cycle}`);
    }
    if (!isFile(target))
      throw new ConfigError(file, pointer, `cannot find "${entry}" (resolved to ${target})`);
    return this.byFile.get(target) ?? this.loadLayer(readConfigSource(target, pointer), stack);
  }
}

function isPathLike(entry: string): boolean {
  return /^\.{1,2}([\\/]|$)/.test(entry) || isAbsolute(entry);
}

/**
 * Why a bare name (neither `prefix:preset` nor `./path`) cannot be extended, and what was meant:
 * the preset of that name (`recommended` → `graph-docs-lint:recommended`), or, for a file name,
 * the relative path.
 */
function bareNameProblem(entry: string, presets: readonly string[]): string {
  const preset = presets.find((name) => name.slice(name.indexOf(":") + 1) === entry);
  if (preset) return `unknown preset "${entry}"; write "${preset}"`;
  if (extname(entry) !== "" || entry.includes("/"))
    return `"${entry}" is neither a preset (${quoteList(presets)}) nor a relative path; write "./${entry}"`;
  return `"${entry}" is neither a preset (${quoteList(presets)}) nor a relative path to a config file (./${entry}.jsonc)`;
}
