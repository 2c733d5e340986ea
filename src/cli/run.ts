/**
 * One command-line run: select files, find each file's configuration, lint (or fix) them, filter
 * by baseline or diff, format, and choose the exit code. Everything the CLI does after parsing its
 * arguments lives here.
 */
import { statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import {
  type MetadataSetting,
  type RuleOverrides,
  metadataFilesFor,
  metadataFilesOf,
} from "../engine/config/index.js";
import { createBaseline, filterByBaseline, readBaseline, writeBaseline } from "../engine/baseline.js";
import { type LintResult, withMessages } from "../engine/result.js";
import { MetadataError, loadMetadataIndex } from "../metadata/index.js";
import { type FormatName, READABLE_FORMATS, loadFormatter } from "../report/index.js";
import { CacheKeys, LintCache } from "./cache.js";
import { useColor } from "./color.js";
import { UsageError } from "./errors.js";
import { FileFilter, type UnmatchedPattern, pathKind, selectFiles, unmatchedMessage } from "./files.js";
import { changedSince, filterByChangedLines } from "./git.js";
import {
  type FileLintSettings,
  type FileOutcome,
  cachedOutcome,
  fileConfig,
  ignoredByConfig,
  lintOneFile,
  lintStdin,
} from "./lint-one.js";
import { writeReportFile } from "./output.js";
import { lintInWorkers, workerCount } from "./pool.js";
import { type Progress, progressFor } from "./progress.js";
import { rulePlugin } from "./rules.js";

export interface RunOptions {
  patterns: string[];
  format: FormatName;
  config?: string;
  docsRoot?: string;
  /** `--metadata` files, over the configuration's. */
  metadata?: MetadataSetting;
  fix?: boolean;
  fixDryRun?: boolean;
  outputFile?: string;
  /** Exit 1 with more warnings than this; undefined: no limit. */
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
  /** `--rule` settings. */
  ruleOverrides?: RuleOverrides;
  /** `--ignore-pattern` patterns. */
  ignorePatterns?: string[];
  /** `--no-ignore`. */
  noIgnore?: boolean;
  /** False with `--no-error-on-unmatched-pattern`. */
  errorOnUnmatchedPattern: boolean;
  /** `--color` (true) or `--no-color` (false); undefined: decided from the environment. */
  color?: boolean;
  stats?: boolean;
  cwd: string;
}

export interface RunIo {
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export async function run(options: RunOptions, io: RunIo): Promise<number> {
  const { cwd } = options;
  if (options.stdin && options.patterns.length > 0)
    throw new UsageError('"-" (stdin) cannot be combined with file arguments');
  // Standard input can be fixed with --fix-dry-run (the fixed text is the output), never written.
  if (options.stdin && options.fix)
    throw new UsageError("--fix cannot write to standard input; use --fix-dry-run");
  const settings: FileLintSettings = {
    config: options.config,
    docsRoot: options.docsRoot,
    metadata: options.metadata,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    ruleOverrides: options.ruleOverrides,
    noIgnore: options.noIgnore,
  };
  const filter = new FileFilter(cwd, { noIgnore: options.noIgnore, patterns: options.ignorePatterns });

  let exitCode = 0;
  let results: LintResult[] = [];
  if (options.stdin) {
    const filename = resolve(cwd, options.stdinFilename ?? "<stdin>.md");
    const bytes = await io.readStdin();
    // An ignored --stdin-filename is skipped like an ignored file named on the command line.
    if (!filter.isIgnored(filename)) {
      await checkMetadata([filename], settings, cwd);
      const outcome = await lintStdin(filename, bytes, settings);
      if (outcome.result) results.push(outcome.result);
    }
  } else {
    const changed = options.changedSince ? changedSince(options.changedSince, cwd) : undefined;
    // With no path, the current folder (ESLint's default).
    const patterns = options.patterns.length === 0 && !changed ? ["."] : options.patterns;
    const { files, unmatched } = changed
      ? changedFiles(changed, patterns, cwd, filter)
      : await selectFiles(patterns, cwd, filter, (file) => ignoredByConfig(file, settings));
    if (unmatched.length > 0 && options.errorOnUnmatchedPattern) {
      // As ESLint: nothing is linted when a pattern matched nothing.
      for (const u of unmatched) io.stderr(`graph-docs-lint: ${unmatchedMessage(u)}\n`);
      return 2;
    }
    await checkMetadata(files, settings, cwd);
    const cache = options.cache
      ? LintCache.open(
          options.cacheLocation ?? resolve(cwd, "node_modules/.cache/graph-docs-lint/cache.json"),
        )
      : undefined;
    const progress = progressFor(files.length, { isTTY: io.stderrIsTTY, write: io.stderr }, io.env);
    const outcomes = await lintAll(files, settings, {
      keepSource: Boolean(options.writeBaseline || options.baseline),
      keys: cache ? new CacheKeys() : undefined,
      cache,
      progress,
    });
    progress.end();
    cache?.save();
    for (const outcome of outcomes) {
      for (const notice of outcome.notices) io.stderr(`graph-docs-lint: ${notice}\n`);
      if (outcome.result) results.push(outcome.result);
    }
    if (changed) results = filterByChangedLines(results, changed);
  }

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
  if (options.quiet)
    results = results.map((r) =>
      withMessages(
        r,
        r.messages.filter((m) => m.severity === 2),
      ),
    );

  await report(results, options, io);

  if (exitCode !== 0) return exitCode;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`graph-docs-lint: too many warnings (${warnings}; maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** Formats the results and writes them: to the output file or stdout; statistics after them. */
async function report(results: LintResult[], options: RunOptions, io: RunIo): Promise<void> {
  const color = useColor(options.color, io.env, {
    isTTY: io.stdoutIsTTY,
    toFile: options.outputFile !== undefined,
  });
  const context = { cwd: options.cwd, rules: rulePlugin.rules.map((r) => r.meta), color };
  let text = (await loadFormatter(options.format))(results, context);
  if (options.fixDryRun && options.format === "stylish") {
    // jsdiff is loaded only when there is a diff to print.
    const { formatDiffs } = await import("../report/diff.js");
    text = formatDiffs(results, options.cwd) + text;
  }
  let stats = "";
  if (options.stats) stats = (await import("../report/stats.js")).formatStats(results);
  // Statistics follow a readable report; they never go into a machine-read one.
  if (READABLE_FORMATS.has(options.format)) text += stats;
  else if (stats) io.stderr(stats.replace(/^\n/, ""));
  if (options.outputFile) {
    const path = resolve(options.cwd, options.outputFile);
    writeReportFile(path, text, relative(options.cwd, path) || path);
  } else await io.stdout(text);
}

/**
 * Loads, here and before any page is linted, the metadata files the pages use: a file that cannot
 * be used stops the run once (exit 2) instead of failing every page, and a file read for the first
 * time is parsed once, into the per-user store the worker threads then load it from. A page uses
 * its version's file, and a v1.0 page beta's too when both are configured (metadataFilesFor). A
 * file the settings name that no page of this run uses (v1.0's, when only beta pages are linted) is
 * only checked to exist: parsing 4 MB of XML for nothing would cost a cold one-page run most of a second.
 */
async function checkMetadata(files: string[], settings: FileLintSettings, cwd: string): Promise<void> {
  const named = new Set(metadataFilesOf(settings.metadata));
  const used = new Set<string>();
  for (const file of files) {
    const setting = settings.metadata ?? (await fileConfig(file, settings)).metadata;
    for (const m of metadataFilesOf(setting)) named.add(m);
    for (const m of metadataFilesFor(setting, file)) used.add(m);
  }
  for (const file of named) {
    if (!used.has(file) && isRegularFile(file)) continue;
    try {
      loadMetadataIndex(file);
    } catch (error) {
      // Named as the user would type it: relative to the working folder when inside it.
      if (error instanceof MetadataError) throw new UsageError(error.describe(cwd));
      throw error;
    }
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The files `--changed-since` lints: those git lists, under the paths given, not ignored. */
function changedFiles(
  changed: ReturnType<typeof changedSince>,
  patterns: string[],
  cwd: string,
  filter: FileFilter,
): { files: string[]; unmatched: UnmatchedPattern[] } {
  const unmatched: UnmatchedPattern[] = patterns
    .filter((p) => pathKind(resolve(cwd, p)) === undefined)
    .map((pattern) => ({ pattern, reason: "missing" }));
  const scope = patterns.length > 0 ? patterns.map((p) => resolve(cwd, p)) : [cwd];
  const files = [...changed.files.keys()]
    .filter((f) => !filter.isIgnored(f))
    .filter((f) => scope.some((s) => f === s || f.startsWith(s.endsWith(sep) ? s : `${s}${sep}`)));
  return { files, unmatched };
}

/**
 * Lints the files in order: cache hits first, then the rest on worker threads when there are
 * enough of them to pay for starting workers, else here.
 */
async function lintAll(
  files: string[],
  settings: FileLintSettings,
  context: {
    keepSource: boolean;
    keys: CacheKeys | undefined;
    cache: LintCache | undefined;
    progress: Progress;
  },
): Promise<FileOutcome[]> {
  const threads = workerCount(files.length);
  const outcomes: FileOutcome[] = [];
  if (threads <= 1) {
    for (const file of files) {
      const outcome = await lintOneFile(file, settings, context.keys, context.cache);
      if (outcome.cacheKey && outcome.result)
        context.cache?.set(file, outcome.cacheKey, outcome.result.messages, outcome.result.dependencies);
      outcomes.push(outcome);
      context.progress.tick();
    }
    return outcomes;
  }
  // Cache hits are served here; only the misses go to the workers.
  const pending: number[] = [];
  const fixing = settings.fix || settings.fixDryRun;
  for (const [i, file] of files.entries()) {
    const { keys, cache } = context;
    const hit = keys && cache && !fixing ? await cachedOutcome(file, settings, keys, cache) : undefined;
    if (hit) {
      outcomes[i] = hit;
      context.progress.tick();
    } else pending.push(i);
  }
  const done = await lintInWorkers(
    pending.map((i) => files[i]!),
    settings,
    threads,
    { keepSource: context.keepSource, withCacheKeys: context.cache !== undefined },
    { onFileDone: () => context.progress.tick() },
  );
  done.forEach((outcome, k) => {
    const i = pending[k]!;
    outcomes[i] = outcome;
    if (outcome.cacheKey && outcome.result)
      context.cache?.set(files[i]!, outcome.cacheKey, outcome.result.messages, outcome.result.dependencies);
  });
  return outcomes;
}
