/**
 * What one configuration sets (a layer) and how layers stack: a file's `extends` in order, then
 * its own settings on top, then the defaults under everything.
 */
import { resolve } from "node:path";
import type { RuleSetting } from "../rule.js";
import { type MetadataSetting, metadataSettingOf } from "./metadata.js";
import type { IgnoreGroup, RawConfig, ResolvedConfig, SeverityInFile } from "./types.js";

/** What one configuration sets, its extends applied; rules it does not name are absent. */
export interface Layer {
  rules: Record<string, RuleSetting>;
  ruleOptions: Record<string, unknown>;
  ignores: IgnoreGroup[];
  docsRoot: string | undefined;
  maxPageBytes?: number;
  reportUnusedDisableDirectives?: boolean;
  metadata?: MetadataSetting;
  files: string[];
}

export function emptyLayer(files: string[] = []): Layer {
  return { rules: {}, ruleOptions: {}, ignores: [], docsRoot: undefined, files };
}

const NUMERIC_SEVERITY: Record<0 | 1 | 2, RuleSetting> = { 0: "off", 1: "warn", 2: "error" };

/** A severity as the engine reads it: ESLint's numbers become words. */
export function severityOf(setting: SeverityInFile): RuleSetting {
  return typeof setting === "number" ? NUMERIC_SEVERITY[setting] : setting;
}

/** The settings a validated configuration writes itself, relative paths resolved from `dir`. */
export function ownLayer(raw: RawConfig, dir: string): Layer {
  const own = emptyLayer();
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (!Array.isArray(setting)) {
      own.rules[id] = severityOf(setting);
    } else {
      own.rules[id] = severityOf(setting[0]);
      if (setting.length > 1) own.ruleOptions[id] = setting[1];
    }
  }
  if (raw.ignores && raw.ignores.length > 0) own.ignores.push({ base: dir, patterns: [...raw.ignores] });
  if (raw.docsRoot !== undefined) own.docsRoot = resolve(dir, raw.docsRoot);
  if (raw.maxPageBytes !== undefined) own.maxPageBytes = raw.maxPageBytes;
  if (raw.reportUnusedDisableDirectives !== undefined)
    own.reportUnusedDisableDirectives = raw.reportUnusedDisableDirectives;
  if (raw.metadata !== undefined) own.metadata = metadataSettingOf(raw.metadata, dir);
  return own;
}

/** Applies `top` over `base`: rules override (a bare severity keeps the base's options), ignores add up. */
export function merge(base: Layer, top: Layer): void {
  for (const [id, severity] of Object.entries(top.rules)) base.rules[id] = severity;
  for (const [id, options] of Object.entries(top.ruleOptions)) base.ruleOptions[id] = options;
  base.ignores.push(...top.ignores);
  if (top.docsRoot !== undefined) base.docsRoot = top.docsRoot;
  if (top.maxPageBytes !== undefined) base.maxPageBytes = top.maxPageBytes;
  if (top.reportUnusedDisableDirectives !== undefined)
    base.reportUnusedDisableDirectives = top.reportUnusedDisableDirectives;
  // A configuration's metadata replaces what it extends: a path for every page is not mixed with
  // paths by version from another file.
  if (top.metadata !== undefined) base.metadata = top.metadata;
  for (const f of top.files) if (!base.files.includes(f)) base.files.push(f);
}

/** A layer on top of the default severities: every known rule gets one. */
export function complete(layer: Layer, defaults: Readonly<Record<string, RuleSetting>>): ResolvedConfig {
  return {
    rules: { ...defaults, ...layer.rules },
    ruleOptions: { ...layer.ruleOptions },
    ignores: layer.ignores.map((g) => ({ base: g.base, patterns: [...g.patterns] })),
    docsRoot: layer.docsRoot,
    maxPageBytes: layer.maxPageBytes,
    reportUnusedDisableDirectives: layer.reportUnusedDisableDirectives,
    metadata: layer.metadata,
    files: [...layer.files],
  };
}
