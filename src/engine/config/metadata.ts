/**
 * Which CSDL file a page is held to: the `metadata` configuration key (or `--metadata`) names one
 * file for every page, or one per API version folder (`{ "v1.0": "...", "beta": "..." }`). The
 * front ends load the file chosen here (loadMetadataIndex: once per process, parsed once per
 * content in the per-user store) and give the engine its index.
 */
import { resolve } from "node:path";
import { apiVersionOf } from "../../docset/api-version.js";
import { type MetadataIndex, loadMetadataIndex } from "../../metadata/index.js";

/** The metadata files of a configuration, as absolute paths. */
export interface MetadataSetting {
  /** The file for every page that no `byVersion` entry covers (pages of no known version too). */
  all?: string;
  /** The file per API version folder name (`v1.0`, `beta`). */
  byVersion: Readonly<Record<string, string>>;
}

/** A configuration's `metadata` value (a path, or paths by version), resolved from `dir`. */
export function metadataSettingOf(value: string | Record<string, string>, dir: string): MetadataSetting {
  if (typeof value === "string") return { all: resolve(dir, value), byVersion: {} };
  return {
    byVersion: Object.fromEntries(Object.entries(value).map(([v, file]) => [v, resolve(dir, file)])),
  };
}

/** The metadata file for the page at `path`: its version's, else the one for every page. */
export function metadataFileFor(
  setting: MetadataSetting | undefined,
  path: string | undefined,
): string | undefined {
  if (!setting) return undefined;
  const version = path === undefined ? undefined : apiVersionOf(path);
  return (version !== undefined ? setting.byVersion[version] : undefined) ?? setting.all;
}

/**
 * The beta file a v1.0 page is also read against, when the setting names one for beta and another
 * for the page: what only beta's CSDL has, a v1.0 page documents too early (issue 14, "version
 * mismatch"). Undefined for every other page, and when one file serves both versions.
 */
export function betaMetadataFileFor(
  setting: MetadataSetting | undefined,
  path: string | undefined,
): string | undefined {
  if (!setting || path === undefined || apiVersionOf(path) !== "v1.0") return undefined;
  const beta = setting.byVersion["beta"];
  const own = metadataFileFor(setting, path);
  return beta !== undefined && own !== undefined && own !== beta ? beta : undefined;
}

/**
 * Every file the page at `path` is read against: its version's (see metadataFileFor), and beta's
 * for a v1.0 page (see betaMetadataFileFor). A run checks these before linting the page, and a
 * cached result depends on their content.
 */
export function metadataFilesFor(setting: MetadataSetting | undefined, path: string | undefined): string[] {
  const own = metadataFileFor(setting, path);
  const beta = betaMetadataFileFor(setting, path);
  return [own, beta].filter((file): file is string => file !== undefined);
}

/** Every file a setting names (to check them all before a run starts). */
export function metadataFilesOf(setting: MetadataSetting | undefined): string[] {
  if (!setting) return [];
  const files = Object.values(setting.byVersion);
  if (setting.all !== undefined) files.push(setting.all);
  return [...new Set(files)];
}

/**
 * The loaded index for the page at `path`, or undefined when no file applies. Throws a
 * MetadataError when the file cannot be read or is not CSDL.
 */
export function metadataIndexFor(
  setting: MetadataSetting | undefined,
  path: string | undefined,
): MetadataIndex | undefined {
  const file = metadataFileFor(setting, path);
  return file === undefined ? undefined : loadMetadataIndex(file);
}

/** The loaded beta index for a v1.0 page (see betaMetadataFileFor), or undefined. Throws as metadataIndexFor. */
export function betaMetadataIndexFor(
  setting: MetadataSetting | undefined,
  path: string | undefined,
): MetadataIndex | undefined {
  const file = betaMetadataFileFor(setting, path);
  return file === undefined ? undefined : loadMetadataIndex(file);
}
