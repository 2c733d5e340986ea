/** The shapes of a configuration: as a file writes it, as one file resolves, and as a page gets it. */
import type { RuleSetting } from "../rule.js";
import type { MetadataSetting } from "./metadata.js";

/** Gitignore-style patterns, relative to `base`: the folder of the configuration that declared them. */
export interface IgnoreGroup {
  base: string;
  patterns: string[];
}

/** A page's configuration, with every default filled in. */
export interface ResolvedConfig {
  /** Severity of every known rule. */
  rules: Record<string, RuleSetting>;
  /** Options of the rules that have some. */
  ruleOptions: Record<string, unknown>;
  ignores: IgnoreGroup[];
  /** Absolute docs root, or undefined to find it from each page. */
  docsRoot: string | undefined;
  /** Pages larger than this many bytes are not linted; undefined for the default (10 MiB). */
  maxPageBytes: number | undefined;
  /** Report disable directives that suppress nothing; undefined when no configuration says. */
  reportUnusedDisableDirectives: boolean | undefined;
  /** The service's CSDL files (absolute paths); undefined when no configuration names one. */
  metadata: MetadataSetting | undefined;
  /** Absolute paths of the config files that made this config (the file itself, then what it extends). */
  files: string[];
}

/** A severity as a file may write it: a word, or ESLint's number (0 off, 1 warn, 2 error). */
export type SeverityInFile = RuleSetting | 0 | 1 | 2;

/** A configuration as a file writes it, once it passed the schema. */
export interface RawConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, SeverityInFile | [SeverityInFile] | [SeverityInFile, unknown]>;
  ignores?: string[];
  docsRoot?: string;
  maxPageBytes?: number;
  reportUnusedDisableDirectives?: boolean;
  /** A CSDL file for every page, or one per API version folder (`v1.0`, `beta`); relative paths. */
  metadata?: string | Record<string, string>;
}

/** A configuration's data, where it came from, and the JSON pointer prefix of its keys. */
export interface ConfigSource {
  file: string;
  data: unknown;
  /** "" for config files, "/graph-docs-lint" in package.json. */
  prefix: string;
}
