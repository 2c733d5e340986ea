/**
 * One command-line run: select files, find each file's configuration, lint (or fix) them, filter
 * by baseline or diff, format, and choose the exit code. Everything the CLI does that is not
 * argument parsing lives here, so tests can call it without spawning a process.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { createBaseline, filterByBaseline, readBaseline, writeBaseline } from "../engine/baseline.js";
import { ConfigError, configFor, isIgnored } from "../engine/config.js";
import { type LintResult, withMessages } from "../engine/lint.js";
import { formatDiffs } from "../report/diff.js";
import { formatters } from "../report/index.js";
import { CacheKeys, LintCache } from "./cache.js";
import { UsageError } from "./errors.js";
import { selectFiles } from "./files.js";
import { IgnoreChecker } from "./ignore.js";
import { changedSince, filterByChangedLines } from "./git.js";
import {
  type FileLintSettings,
  type FileOutcome,
  cachedOutcome,
  lintBytes,
  lintOneFile,
} from "./lint-one.js";
import { lintInWorkers, workerCount } from "./pool.js";

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
  const settings: FileLintSettings = {
    config: options.config,
    docsRoot: options.docsRoot,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  };
  const cache = options.cache
    ? LintCache.open(options.cacheLocation ?? resolve(cwd, "node_modules/.cache/graph-docs-lint/cache.json"))
    : undefined;
  const keys = cache ? new CacheKeys() : undefined;
  const keepSource = Boolean(options.writeBaseline || options.baseline);

  if (options.stdin) {
    // Standard input can be fixed with --fix-dry-run (the fixed text is the output), never written.
    if (options.fix) throw new UsageError("--fix cannot write to standard input; use --fix-dry-run");
    const filename = resolve(cwd, options.stdinFilename ?? "<stdin>.md");
    const config = await configFor(filename, options.config);
    const text = await io.readStdin();
    // An ignored --stdin-filename is skipped like an ignored file named on the command line.
    if (!isIgnored(filename, config) && !new IgnoreChecker().isIgnored(filename)) {
      const outcome = lintBytes(filename, Buffer.from(text, "utf8"), config, { ...settings, fix: false });
      if (outcome.result) results.push(outcome.result);
    }
  } else {
    let files: string[];
    let missing: string[] = [];
    const changed = options.changedSince ? changedSince(options.changedSince, cwd) : undefined;
    if (changed) {
      const scope = options.patterns.length > 0 ? options.patterns.map((p) => resolve(cwd, p)) : [cwd];
      const ignored = new IgnoreChecker();
      files = [...changed.files.keys()]
        .filter((f) => !ignored.isIgnored(f))
        .filter((f) => scope.some((s) => f === s || f.startsWith(s.endsWith(sep) ? s : `${s}${sep}`)));
    } else {
      ({ files, missing } = await selectFiles(options.patterns, cwd));
    }
    for (const path of missing) io.stderr(`graph-docs-lint: no such file or directory: ${path}\n`);
    if (missing.length > 0) exitCode = 2;
    const outcomes = await lintAll(files, settings, { keepSource, keys, cache });
    for (const outcome of outcomes) {
      for (const notice of outcome.notices) io.stderr(`graph-docs-lint: ${notice}\n`);
      if (outcome.result) results.push(outcome.result);
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
      withMessages(
        r,
        r.messages.filter((m) => m.severity === 2),
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

/**
 * Lints the files in order: cache hits first, then the rest on worker threads when there are
 * enough of them to pay for starting workers, else here.
 */
async function lintAll(
  files: string[],
  settings: FileLintSettings,
  context: { keepSource: boolean; keys: CacheKeys | undefined; cache: LintCache | undefined },
): Promise<FileOutcome[]> {
  const threads = workerCount(files.length);
  const outcomes: FileOutcome[] = [];
  if (threads <= 1) {
    for (const file of files) {
      const outcome = await lintOneFile(file, settings, context.keys, context.cache);
      if (outcome.cacheKey && outcome.result)
        context.cache?.set(file, outcome.cacheKey, outcome.result.messages, outcome.result.dependencies);
      outcomes.push(outcome);
    }
    return outcomes;
  }
  // Cache hits are served here; only the misses go to the workers.
  const pending: number[] = [];
  const fixing = settings.fix || settings.fixDryRun;
  for (const [i, file] of files.entries()) {
    const { keys, cache } = context;
    const hit = keys && cache && !fixing ? await cachedOutcome(file, settings, keys, cache) : undefined;
    if (hit) outcomes[i] = hit;
    else pending.push(i);
  }
  const done = await lintInWorkers(
    pending.map((i) => files[i]!),
    settings,
    threads,
    { keepSource: context.keepSource, withCacheKeys: context.cache !== undefined },
  );
  done.forEach((outcome, k) => {
    const i = pending[k]!;
    outcomes[i] = outcome;
    if (outcome.cacheKey && outcome.result)
      context.cache?.set(files[i]!, outcome.cacheKey, outcome.result.messages, outcome.result.dependencies);
  });
  return outcomes;
}

export { ConfigError };
