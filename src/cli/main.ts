#!/usr/bin/env node
/**
 * `graph-docs-lint [options] <files, folders or globs>`: argument parsing only; the run itself
 * is src/cli/run.ts. Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage,
 * a bad configuration, or a file that cannot be read.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { rules } from "../../rules/index.js";
import { ConfigError } from "../engine/config.js";
import { BaselineError } from "../engine/baseline.js";
import { formatters } from "../report/index.js";
import { UsageError } from "./errors.js";
import { type RunOptions, run } from "./run.js";

const HELP = `Usage: graph-docs-lint [options] <file|folder|glob>...
       graph-docs-lint [options] --stdin-filename <path> -

Lints Microsoft Graph API reference pages. Folders are searched for *.md; files are linted as
given. .gitignore, .graph-docs-lintignore and node_modules are skipped.

Options:
  -f, --format <name>          Output format: ${Object.keys(formatters).join(", ")} (default: stylish)
  -o, --output-file <file>     Write the report to a file instead of stdout
  -c, --config <file>          Use this configuration file (no search for .graph-docs-lint.*)
      --docs-root <dir>        Docs root holding api/ and resources/ (default: found from each page)
      --fix                    Fix what can be fixed, in place
      --fix-dry-run            Show what --fix would change, without writing
      --quiet                  Report errors only
      --max-warnings <n>       Exit 1 when there are more than n warnings
      --report-unused-disable-directives
                               Report graph-docs-lint-disable comments that suppress nothing
      --stdin-filename <path>  Path to lint standard input as (with "-")
      --changed-since <ref>    Lint the markdown files changed since a git ref; report only
                               findings on added or changed lines
      --baseline <file>        Report only findings that the baseline does not record
      --write-baseline <file>  Record the current findings as the baseline, then exit
      --cache                  Reuse the results of unchanged files
      --cache-location <file>  Cache file (default: node_modules/.cache/graph-docs-lint/cache.json)
      --list-rules             List the rules and exit
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage, bad configuration or unreadable file.
`;

/** The package's version: package.json is up from dist/src/cli/ (tsc) or dist/bundle/ (the bundle). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const path = join(dir, "package.json");
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "graph-docs-lint" && pkg.version) return pkg.version;
  }
  return "unknown";
}

/** Writes all of `text` to stdout, even when stdout is a pipe, before the process may exit. */
function writeOut(text: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once("drain", () => done());
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function fail(message: string): number {
  process.stderr.write(`graph-docs-lint: ${message}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "stylish" },
        "output-file": { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "docs-root": { type: "string" },
        fix: { type: "boolean" },
        "fix-dry-run": { type: "boolean" },
        quiet: { type: "boolean" },
        "max-warnings": { type: "string" },
        "report-unused-disable-directives": { type: "boolean" },
        "stdin-filename": { type: "string" },
        "changed-since": { type: "string" },
        baseline: { type: "string" },
        "write-baseline": { type: "string" },
        cache: { type: "boolean" },
        "cache-location": { type: "string" },
        "list-rules": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    return fail(
      `${error instanceof Error ? error.message : String(error)}\nRun "graph-docs-lint --help" for usage.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await writeOut(HELP);
    return 0;
  }
  if (values.version) {
    await writeOut(`${packageVersion()}\n`);
    return 0;
  }
  if (values["list-rules"]) {
    const lines = rules.map(
      (r) => `${r.meta.id}${r.meta.fixable ? " (fixable)" : ""}: ${r.meta.description}`,
    );
    await writeOut(lines.join("\n") + "\n");
    return 0;
  }
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      return fail(`--max-warnings takes a whole number, not "${values["max-warnings"]}"`);
  }
  const stdin = positionals.includes("-");
  const options: RunOptions = {
    patterns: positionals.filter((p) => p !== "-"),
    format: values.format,
    config: values.config,
    docsRoot: values["docs-root"],
    fix: values.fix,
    fixDryRun: values["fix-dry-run"],
    outputFile: values["output-file"],
    maxWarnings,
    quiet: values.quiet,
    reportUnusedDisableDirectives: values["report-unused-disable-directives"],
    stdin,
    stdinFilename: values["stdin-filename"],
    changedSince: values["changed-since"],
    baseline: values.baseline,
    writeBaseline: values["write-baseline"],
    cache: values.cache,
    cacheLocation: values["cache-location"],
  };
  try {
    return await run(options, { stdout: writeOut, stderr: (t) => process.stderr.write(t), readStdin });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof BaselineError) {
      return fail(error.message);
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `graph-docs-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
