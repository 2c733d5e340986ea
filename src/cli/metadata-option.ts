/**
 * `--metadata <file>` (the CSDL for every page) and `--metadata <version>=<file>` (for the pages
 * under one API version folder), repeatable, as one setting that replaces the configuration's
 * `metadata` key. Paths are relative to the working folder.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { API_VERSIONS } from "../docset/api-version.js";
import type { MetadataSetting } from "../engine/config/index.js";
import { quoteList } from "../engine/config/validate.js";
import { UsageError } from "./errors.js";

/** `name=` at the start of a value: a version, when it is not part of a file's name. */
const VERSION_PREFIX = /^([^=/\\]+)=(.*)$/s;

export function metadataOptionOf(values: readonly string[], cwd: string): MetadataSetting | undefined {
  if (values.length === 0) return undefined;
  let all: string | undefined;
  const byVersion: Record<string, string> = {};
  for (const value of values) {
    const match = VERSION_PREFIX.exec(value);
    // `a=b.xml` that exists is a file whose name holds "="; `v2=x.xml` is a version misspelled.
    if (match && !existsSync(resolve(cwd, value))) {
      const [, version = "", file = ""] = match;
      if (!API_VERSIONS.includes(version))
        throw new UsageError(
          `--metadata ${value}: unknown API version "${version}"; expected ${quoteList(API_VERSIONS)} (or a file for every page)`,
        );
      if (file === "") throw new UsageError(`--metadata ${value}: no file after "${version}="`);
      if (byVersion[version] !== undefined)
        throw new UsageError(`--metadata ${version}=… is given twice; give one file per version`);
      byVersion[version] = resolve(cwd, file);
      continue;
    }
    if (value === "") throw new UsageError("--metadata needs a file, not an empty value");
    if (all !== undefined)
      throw new UsageError(
        `--metadata is given two files for every page (${all} and ${value}); use <version>=<file> for one per API version`,
      );
    all = resolve(cwd, value);
  }
  return all === undefined ? { byVersion } : { all, byVersion };
}
