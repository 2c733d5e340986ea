/**
 * The output formats. Each is loaded when it is asked for, so that a one-page run in the default
 * format does not load (or, bundled, parse) the SARIF, XML or JSON writers.
 */
import type { Formatter } from "./format.js";

const LOADERS = {
  stylish: async () => (await import("./stylish.js")).formatStylish,
  json: async () => (await import("./json.js")).formatJson,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  github: async () => (await import("./github.js")).formatGithub,
  unix: async () => (await import("./unix.js")).formatUnix,
  checkstyle: async () => (await import("./checkstyle.js")).formatCheckstyle,
  junit: async () => (await import("./junit.js")).formatJunit,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof LOADERS;

/** The format names, in the order the help lists them. */
export const FORMAT_NAMES = Object.keys(LOADERS) as FormatName[];

/** Formats whose output is for people: statistics are appended to them (to stderr for the others). */
export const READABLE_FORMATS: ReadonlySet<string> = new Set<FormatName>(["stylish", "unix"]);

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(LOADERS, name);
}

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]();
}
