/**
 * The command line's options: one table that the parser reads and the help is printed from, and
 * a parser whose errors are plain sentences (Node's `parseArgs` leaked its own wording, such as an
 * unbalanced quote in `as in '-- "--rule"`, and called `--max-warnings -1` ambiguous).
 *
 * As in ESLint: `--name value` and `--name=value`; a value may start with `-` (`--max-warnings
 * -1`); `--no-name` turns a negatable option off; `--` ends the options; `-` is standard input.
 */
import { closest } from "../util/near-miss.js";
import { UsageError } from "./errors.js";

export interface OptionSpec {
  name: string;
  short?: string;
  /** Options without a value are flags. */
  value?: string;
  /** May be given several times (the values add up). */
  multiple?: boolean;
  /** Has a `--no-<name>` form. */
  negatable?: boolean;
  /** Only the `--no-<name>` form is documented (on by default). */
  onByDefault?: boolean;
  section: string;
  description: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "config",
    short: "c",
    value: "file",
    section: "Configuration",
    description: "Use this configuration file (no search for .graph-docs-lint.*)",
  },
  {
    name: "docs-root",
    value: "dir",
    section: "Configuration",
    description: "Docs root holding api/ and resources/ (default: found from each page)",
  },
  {
    name: "metadata",
    value: "[version=]file",
    multiple: true,
    section: "Configuration",
    description:
      "The service's CSDL ($metadata) for every page, or for the pages under one API version folder (v1.0=file, beta=file); repeatable; replaces the configuration's metadata",
  },
  {
    name: "rule",
    value: "'id: severity'",
    multiple: true,
    section: "Configuration",
    description: "Set a rule's severity (off, warn, error or 0, 1, 2) over the configuration",
  },
  {
    name: "report-unused-disable-directives",
    section: "Configuration",
    description: "Report graph-docs-lint-disable comments that suppress nothing",
  },
  {
    name: "ignore-pattern",
    value: "pattern",
    multiple: true,
    section: "Which files",
    description: "Skip files matching this gitignore-style pattern (relative to the current folder)",
  },
  {
    name: "ignore",
    negatable: true,
    onByDefault: true,
    section: "Which files",
    description: "Disable ignore files, ignores in configurations, and --ignore-pattern",
  },
  {
    name: "error-on-unmatched-pattern",
    negatable: true,
    onByDefault: true,
    section: "Which files",
    description: "Do not fail when a path, folder or glob matches no file",
  },
  {
    name: "stdin-filename",
    value: "path",
    section: "Which files",
    description: 'Path to lint standard input as (with "-")',
  },
  {
    name: "changed-since",
    value: "ref",
    section: "Which files",
    description:
      "Lint the markdown files changed since a git ref; report only findings on added or changed lines",
  },
  { name: "fix", section: "Fixing", description: "Fix what can be fixed, in place" },
  { name: "fix-dry-run", section: "Fixing", description: "Show what --fix would change, without writing" },
  {
    name: "format",
    short: "f",
    value: "name",
    section: "Output",
    description: "Output format: FORMATS (default: stylish)",
  },
  {
    name: "output-file",
    short: "o",
    value: "file",
    section: "Output",
    description: "Write the report to a file instead of stdout",
  },
  {
    name: "color",
    negatable: true,
    section: "Output",
    description: "Force colour on or off (default: on when stdout is a terminal; NO_COLOR, FORCE_COLOR)",
  },
  { name: "quiet", section: "Output", description: "Report errors only" },
  {
    name: "max-warnings",
    value: "n",
    section: "Output",
    description: "Exit 1 when there are more than n warnings (-1: no limit)",
  },
  {
    name: "stats",
    section: "Output",
    description: "Add the number of problems of each rule after the report",
  },
  {
    name: "baseline",
    value: "file",
    section: "Legacy trees",
    description: "Report only findings that the baseline does not record",
  },
  {
    name: "write-baseline",
    value: "file",
    section: "Legacy trees",
    description: "Record the current findings as the baseline, then exit",
  },
  { name: "cache", section: "Legacy trees", description: "Reuse the results of unchanged files" },
  {
    name: "cache-location",
    value: "file",
    section: "Legacy trees",
    description: "Cache file (default: node_modules/.cache/graph-docs-lint/cache.json)",
  },
  {
    name: "init",
    section: "Miscellaneous",
    description: "Write a starter .graph-docs-lint.jsonc in the current folder",
  },
  {
    name: "print-config",
    value: "file",
    section: "Miscellaneous",
    description: "Print the configuration that applies to a file, and exit",
  },
  { name: "list-rules", section: "Miscellaneous", description: "List the rules and exit" },
  { name: "help", short: "h", section: "Miscellaneous", description: "Show this help" },
  { name: "version", short: "v", section: "Miscellaneous", description: "Show the version" },
];

/** Parsed options: a flag's boolean, a value's string, or a repeated option's strings. */
export type OptionValues = Map<string, string | boolean | string[]>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

const HINT = 'Run "graph-docs-lint --help" for usage.';

function usage(message: string): UsageError {
  return new UsageError(`${message}\n${HINT}`);
}

export function parseArguments(
  argv: readonly string[],
  options: readonly OptionSpec[] = OPTIONS,
): ParsedArgs {
  const values: OptionValues = new Map();
  const positionals: string[] = [];
  const byName = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.flatMap((o) => (o.short ? [[o.short, o] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const equals = long ? arg.indexOf("=") : -1;
    const written = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const key = long ? written.slice(2) : written.slice(1);
    let spec = long ? byName.get(key) : byShort.get(key);
    let negated = false;
    if (!spec && long && key.startsWith("no-")) {
      const positive = byName.get(key.slice(3));
      if (positive?.negatable) {
        spec = positive;
        negated = true;
      }
    }
    if (!spec) throw usage(unknownOption(written, options));
    if (!spec.value) {
      if (inline !== undefined) throw usage(`option ${written} does not take a value`);
      values.set(spec.name, !negated);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length)
        throw usage(
          `option ${written} needs a value: ${spec.value.startsWith("'") ? spec.value : `<${spec.value}>`}`,
        );
      value = argv[++i]!;
    }
    if (spec.multiple) {
      const list = values.get(spec.name);
      values.set(spec.name, [...(Array.isArray(list) ? list : []), value]);
    } else values.set(spec.name, value);
  }
  return { values, positionals };
}

function unknownOption(written: string, options: readonly OptionSpec[]): string {
  const names = options.flatMap((o) => [`--${o.name}`, ...(o.negatable ? [`--no-${o.name}`] : [])]);
  const best = written.startsWith("--") ? closest(written, names, 3) : undefined;
  return `unknown option ${written}${best ? ` (did you mean ${best.name}?)` : ""}`;
}

const HELP_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** The help text, from the option table. */
export function helpText(formats: readonly string[], options: readonly OptionSpec[] = OPTIONS): string {
  const lines = [
    "Usage: graph-docs-lint [options] [file|folder|glob]...",
    "       graph-docs-lint [options] --stdin-filename <path> -",
    "",
    "Lints Microsoft Graph API reference pages. Folders are searched for *.md; files are linted as",
    "given; with no path, the current folder. .gitignore, .graph-docs-lintignore and node_modules",
    "are skipped.",
  ];
  let section = "";
  for (const o of options) {
    if (o.section !== section) {
      section = o.section;
      lines.push("", `${section}:`);
    }
    const flag = o.onByDefault
      ? `--no-${o.name}`
      : o.negatable
        ? `--${o.name}, --no-${o.name}`
        : `--${o.name}`;
    const left = `${o.short ? `-${o.short}, ` : "    "}${flag}${o.value ? ` ${o.value.startsWith("'") ? o.value : `<${o.value}>`}` : ""}`;
    const description = wrap(o.description.replace("FORMATS", formats.join(", ")), HELP_WIDTH - 33);
    const [first = "", ...rest] = description;
    if (left.length <= 30) lines.push(`  ${left.padEnd(30)} ${first}`);
    else lines.push(`  ${left}`, `  ${" ".repeat(30)} ${first}`);
    for (const line of rest) lines.push(`  ${" ".repeat(30)} ${line}`);
  }
  lines.push(
    "",
    "Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage, a bad",
    "configuration or metadata file, a path that matches no file, or a file that cannot be read.",
    "",
  );
  return lines.join("\n");
}
