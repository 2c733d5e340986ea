#!/usr/bin/env node
/**
 * `graph-docs-lint [options] <files, folders or globs>`
 * Exit codes: 0 no errors, 1 errors found, 2 bad usage or a file that could not be read.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { lintFile, type LintResult } from "../engine/lint.js";
import { formatters } from "../report/index.js";
import { rules } from "../../rules/index.js";
import { selectFiles } from "./files.js";

const HELP = `Usage: graph-docs-lint [options] <file|folder|glob>...

Lints Microsoft Graph API reference pages. Folders are searched for *.md
(.gitignore and node_modules are skipped); files are linted as given.

Options:
  -f, --format <name>    Output format: ${Object.keys(formatters).join(", ")} (default: stylish)
      --docs-root <dir>  Docs root holding api/ and resources/ (default: found from each page)
      --list-rules       List the rules and exit
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or a file that cannot be read.
`;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Writes all of `text` to stdout, even when stdout is a pipe, before the process may exit. */
function writeOut(text: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once("drain", () => done());
  });
}

function usageError(message: string): number {
  process.stderr.write(`graph-docs-lint: ${message}\nRun "graph-docs-lint --help" for usage.\n`);
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
        "docs-root": { type: "string" },
        "list-rules": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
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
    await writeOut(
      rules
        .map((r) => `${r.meta.id}${r.meta.fixable ? " (fixable)" : ""}: ${r.meta.description}`)
        .join("\n") + "\n",
    );
    return 0;
  }
  const format = formatters[values.format];
  if (!format)
    return usageError(
      `unknown format "${values.format}"; expected one of: ${Object.keys(formatters).join(", ")}`,
    );
  if (positionals.length === 0) return usageError("no files, folders or globs given");

  const { files, missing } = await selectFiles(positionals);
  for (const path of missing) process.stderr.write(`graph-docs-lint: no such file or directory: ${path}\n`);
  const results: LintResult[] = files.map((file) => lintFile(file, { docsRoot: values["docs-root"] }));
  for (const r of results) {
    if (r.unreadable)
      process.stderr.write(`graph-docs-lint: ${r.filePath}: ${r.messages[0]?.reason ?? "cannot be read"}\n`);
  }
  await writeOut(format(results));
  if (missing.length > 0 || results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
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
