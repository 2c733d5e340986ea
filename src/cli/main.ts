#!/usr/bin/env node
/**
 * `graph-docs-lint [options] [files, folders or globs]`: reads the arguments, answers the options
 * that do not lint (help, version, rules, --init, --print-config), and hands the rest to the run
 * (src/cli/run.ts). Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage, a
 * bad configuration, a pattern that matched nothing, or a file that cannot be read.
 */
import { relative, resolve } from "node:path";
import { BaselineError } from "../engine/baseline.js";
import { ConfigError, isIgnored, withRuleOverrides } from "../engine/config/index.js";
import { MetadataError } from "../metadata/index.js";
import { FORMAT_NAMES, isFormatName } from "../report/index.js";
import { packageVersion } from "../util/package-info.js";
import { type OptionValues, helpText, parseArguments } from "./args.js";
import { UsageError } from "./errors.js";
import { FileFilter } from "./files.js";
import { writeStarterConfig } from "./init.js";
import { quietOnClosedPipe, writeTo } from "./output.js";
import { metadataOptionOf } from "./metadata-option.js";
import { printedConfig } from "./print-config.js";
import { parseRuleOptions } from "./rule-option.js";
import { configLoader, rulePlugin } from "./rules.js";
import { type RunOptions, run } from "./run.js";

const stdout = (text: string) => writeTo(process.stdout, text);
const stderr = (text: string) => void writeTo(process.stderr, text);

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const flag = (values: OptionValues, name: string): boolean | undefined => {
  const value = values.get(name);
  return typeof value === "boolean" ? value : undefined;
};
const text = (values: OptionValues, name: string): string | undefined => {
  const value = values.get(name);
  return typeof value === "string" ? value : undefined;
};
const list = (values: OptionValues, name: string): string[] => {
  const value = values.get(name);
  return Array.isArray(value) ? value : [];
};

/** `--max-warnings`: a whole number, or -1 for no limit (ESLint's default). */
function maxWarningsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < -1)
    throw new UsageError(`--max-warnings takes a whole number (or -1 for no limit), not "${value}"`);
  return n === -1 ? undefined : n;
}

function ruleOverridesOf(values: OptionValues) {
  const ids = new Set(rulePlugin.rules.map((r) => r.meta.id));
  return parseRuleOptions(list(values, "rule"), (id) =>
    ids.has(id) ? undefined : configLoader.unknownRule(id),
  );
}

function runOptionsOf(values: OptionValues, positionals: string[], cwd: string): RunOptions {
  const format = text(values, "format") ?? "stylish";
  if (!isFormatName(format))
    throw new UsageError(`unknown format "${format}"; expected one of: ${FORMAT_NAMES.join(", ")}`);
  return {
    patterns: positionals.filter((p) => p !== "-"),
    stdin: positionals.includes("-"),
    format,
    config: text(values, "config"),
    docsRoot: text(values, "docs-root"),
    metadata: metadataOptionOf(list(values, "metadata"), cwd),
    fix: flag(values, "fix"),
    fixDryRun: flag(values, "fix-dry-run"),
    outputFile: text(values, "output-file"),
    maxWarnings: maxWarningsOf(text(values, "max-warnings")),
    quiet: flag(values, "quiet"),
    reportUnusedDisableDirectives: flag(values, "report-unused-disable-directives") || undefined,
    stdinFilename: text(values, "stdin-filename"),
    changedSince: text(values, "changed-since"),
    baseline: text(values, "baseline"),
    writeBaseline: text(values, "write-baseline"),
    cache: flag(values, "cache"),
    cacheLocation: text(values, "cache-location"),
    ruleOverrides: ruleOverridesOf(values),
    ignorePatterns: list(values, "ignore-pattern"),
    noIgnore: flag(values, "ignore") === false,
    errorOnUnmatchedPattern: flag(values, "error-on-unmatched-pattern") !== false,
    color: flag(values, "color"),
    stats: flag(values, "stats"),
    cwd,
  };
}

async function printConfig(file: string, options: RunOptions): Promise<void> {
  const path = resolve(options.cwd, file);
  const config = withRuleOverrides(await configLoader.configFor(path, options.config), options.ruleOverrides);
  const ignored =
    !options.noIgnore &&
    (isIgnored(path, config) ||
      new FileFilter(options.cwd, { patterns: options.ignorePatterns }).isIgnored(path));
  const docsRoot = options.docsRoot === undefined ? undefined : resolve(options.cwd, options.docsRoot);
  await stdout(
    printedConfig(config, {
      docsRoot,
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
      metadata: options.metadata,
      ignored,
    }),
  );
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  try {
    const { values, positionals } = parseArguments(argv);
    if (values.get("help")) {
      await stdout(helpText(FORMAT_NAMES));
      return 0;
    }
    if (values.get("version")) {
      await stdout(`${packageVersion()}\n`);
      return 0;
    }
    if (values.get("list-rules")) {
      const lines = rulePlugin.rules.map(
        (r) => `${r.meta.id}${r.meta.fixable ? " (fixable)" : ""}: ${r.meta.description}`,
      );
      await stdout(lines.join("\n") + "\n");
      return 0;
    }
    if (values.get("init")) {
      const path = writeStarterConfig(cwd, rulePlugin);
      await stdout(
        `Wrote ${relative(cwd, path)}: every rule at its default severity. Edit it to turn rules down or off.\n`,
      );
      return 0;
    }
    const options = runOptionsOf(values, positionals, cwd);
    const configTarget = text(values, "print-config");
    if (configTarget !== undefined) {
      await printConfig(configTarget, options);
      return 0;
    }
    return await run(options, {
      stdout,
      stderr,
      readStdin,
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
      env: process.env,
    });
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.describe(cwd));
    if (error instanceof MetadataError) return fail(error.describe(cwd));
    if (error instanceof UsageError || error instanceof BaselineError) return fail(error.message);
    throw error;
  }
}

function fail(message: string): number {
  stderr(`graph-docs-lint: ${message}\n`);
  return 2;
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    stderr(`graph-docs-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
