/**
 * One command-line run: select files, find each file's configuration, lint (or fix) them, filter
 * by baseline or diff, format, and choose the exit code. Everything the CLI does that is not
 * argument parsing lives here, so tests can call it without spawning a process.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { ConfigError, type ResolvedConfig, configFor, isIgnored } from "../engine/config.js";
import { fixText } from "../engine/fix.js";
import { type LintOptions, type LintResult, describeFsError, lintText, resultOf } from "../engine/lint.js";
import { LintMessage } from "../engine/message.js";
import { encodePage, writeFileAtomic } from "../engine/write.js";
import { decodeSource } from "../parse/source.js";
import { formatters } from "../report/index.js";
import { createBaseline, filterByBaseline, readBaseline, writeBaseline } from "../engine/baseline.js";
import { LintCache } from "./cache.js";
import { selectFiles } from "./files.js";
import { changedSince, filterByChangedLines } from "./git.js";
import { formatDiffs } from "../report/diff.js";
import { UsageError } from "./errors.js";

export interface RunOptions {
  patterns: string[];
  format: string;
  config?: string;
  docsRoot?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  reportUnusedDisableDirectives?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  changedSince?: string;
  baseline?: string;
  writeBaseline?: string;
  cache?: boolean;
  cacheLocation?: string;
  cwd?: string;
}

export interface RunIo {
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export async function run(options: RunOptions, io: RunIo): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const format = formatters[options.format];
  if (!format)
    throw new UsageError(
      `unknown format "${options.format}"; expected one of: ${Object.keys(formatters).join(", ")}`,
    );
  if (options.stdin && options.patterns.length > 0)
    throw new UsageError('"-" (stdin) cannot be combined with file arguments');
  if (!options.stdin && options.patterns.length === 0 && !options.changedSince)
    throw new UsageError("no files, folders or globs given");

  let exitCode = 0;
  let results: LintResult[] = [];
  const cache = options.cache
    ? LintCache.open(options.cacheLocation ?? resolve(cwd, "node_modules/.cache/graph-docs-lint/cache.json"))
    : undefined;

  if (options.stdin) {
    const filename = resolve(cwd, options.stdinFilename ?? "<stdin>.md");
    const config = await configFor(filename, options.config);
    const text = await io.readStdin();
    results.push(
      await lintSource(
        filename,
        Buffer.from(text, "utf8"),
        config,
        { ...options, fix: false },
        io,
        undefined,
      ),
    );
  } else {
    let files: string[];
    let missing: string[] = [];
    const changed = options.changedSince ? changedSince(options.changedSince, cwd) : undefined;
    if (changed) {
      const scope = options.patterns.length > 0 ? options.patterns.map((p) => resolve(cwd, p)) : [cwd];
      files = [...changed.files.keys()].filter((f) =>
        scope.some((s) => f === s || f.startsWith(s.endsWith("/") ? s : `${s}/`)),
      );
    } else {
      ({ files, missing } = await selectFiles(options.patterns, cwd));
    }
    for (const path of missing) io.stderr(`graph-docs-lint: no such file or directory: ${path}\n`);
    if (missing.length > 0) exitCode = 2;
    for (const file of files) {
      const config = await configFor(file, options.config);
      if (isIgnored(file, config)) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        results.push(unreadable(file, describeFsError(error)));
        continue;
      }
      results.push(await lintSource(file, bytes, config, options, io, cache));
    }
    if (changed) results = filterByChangedLines(results, changed);
  }
  cache?.save();

  for (const r of results) {
    if (r.unreadable) {
      io.stderr(
        `graph-docs-lint: ${relative(cwd, r.filePath) || r.filePath}: ${r.messages[0]?.reason ?? "cannot be read"}\n`,
      );
      exitCode = 2;
    }
  }

  if (options.writeBaseline) {
    const path = resolve(cwd, options.writeBaseline);
    const baseline = createBaseline(results, dirname(path));
    writeBaseline(path, baseline);
    const count = Object.values(baseline.files).reduce((n, list) => n + list.length, 0);
    io.stderr(
      `graph-docs-lint: wrote ${count} finding(s) of ${Object.keys(baseline.files).length} file(s) to ${relative(cwd, path) || path}\n`,
    );
    return exitCode;
  }
  if (options.baseline) {
    const path = resolve(cwd, options.baseline);
    results = filterByBaseline(results, readBaseline(path), dirname(path));
  }
  if (options.quiet) {
    results = results.map((r) =>
      resultOf(
        r.filePath,
        r.messages.filter((m) => m.severity === 2),
        r.source,
        r.bom,
        r.unreadable,
      ),
    );
  }

  let text = format(results, cwd);
  if (options.fixDryRun && options.format === "stylish") text = formatDiffs(results, cwd) + text;
  if (options.outputFile) {
    const path = resolve(cwd, options.outputFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } else await io.stdout(text);

  if (exitCode !== 0) return exitCode;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`graph-docs-lint: too many warnings (${warnings}; maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

async function lintSource(
  file: string,
  bytes: Buffer,
  config: ResolvedConfig,
  options: RunOptions,
  io: RunIo,
  cache: LintCache | undefined,
): Promise<LintResult> {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return unreadable(file, `File ${decoded.message}.`);
  const lintOptions: LintOptions = {
    path: file,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    docsRoot: options.docsRoot ?? config.docsRoot,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  };
  const fixing = options.fix || options.fixDryRun;
  const cacheKey = cache?.keyFor(file, bytes, config, lintOptions);
  if (!fixing && cache && cacheKey) {
    const hit = cache.get(file, cacheKey);
    if (hit) return resultOf(file, hit, decoded.text, decoded.bom, false);
  }
  if (!fixing) {
    const result = { ...lintText(decoded.text, lintOptions), filePath: file, bom: decoded.bom };
    if (cache && cacheKey) cache.set(file, cacheKey, result.messages);
    return result;
  }
  const fixed = fixText(decoded.text, lintOptions);
  const result: LintResult = { ...resultOf(file, fixed.messages, fixed.output, decoded.bom, false) };
  if (fixed.changed) {
    result.output = fixed.output;
    result.input = decoded.text;
  }
  if (options.fix && fixed.changed) {
    const outcome = writeFileAtomic(file, encodePage(fixed.output, decoded.bom), bytes);
    if (outcome === "changed-on-disk") {
      io.stderr(`graph-docs-lint: ${file}: not fixed: the file changed on disk while it was being linted.\n`);
      return { ...lintText(decoded.text, lintOptions), filePath: file, bom: decoded.bom };
    }
  }
  return result;
}

function unreadable(filePath: string, reason: string): LintResult {
  const origin = { line: 1, column: 1, offset: 0 };
  return resultOf(
    filePath,
    [new LintMessage(reason, { ruleId: undefined, severity: 2, start: origin, end: origin })],
    undefined,
    false,
    true,
  );
}

export { ConfigError };
