/**
 * The yaml package, loaded on first use: most runs never need it (front matter is read without it,
 * see page/front-matter.ts, and few projects write their configuration in YAML), and loading it
 * costs a one-page run about 15 ms.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

let yamlModule: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yamlModule;
}
