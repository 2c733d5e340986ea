/**
 * The work done for one file of a run — configuration, ignore check, read, lint or fix, write —
 * shared by the main thread and the worker threads. Reading and linting are the engine's
 * (readPage, decodePage, lintText, fixText); this adds the cache, fixing in place and the
 * command line's settings.
 */
import {
  type MetadataSetting,
  type ResolvedConfig,
  type RuleOverrides,
  isIgnored,
  lintOptionsFor,
  metadataFilesFor,
  withRuleOverrides,
} from "../engine/config/index.js";
import { fixText } from "../engine/fix.js";
import { lintText } from "../engine/lint.js";
import { type PlainMessage, fromPlainMessage, toPlainMessage } from "../engine/message.js";
import { type PageRead, decodePage, readPage, unreadableResult } from "../engine/read-page.js";
import { type LintResult, resultOf } from "../engine/result.js";
import { encodePage, writeFileAtomic } from "../engine/write.js";
import { type CacheKeys, type LintCache, outsideResources } from "./cache.js";
import { configLoader, rulePlugin } from "./rules.js";

/** The options of a run that matter for one file (plain data: it is sent to worker threads). */
export interface FileLintSettings {
  config?: string;
  docsRoot?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** True with --report-unused-disable-directives; undefined leaves it to the configuration. */
  reportUnusedDisableDirectives?: boolean;
  /** `--rule` settings, over every page's configuration. */
  ruleOverrides?: RuleOverrides;
  /** `--no-ignore`: the configuration's `ignores` do not apply. */
  noIgnore?: boolean;
  /**
   * `--metadata` files (absolute paths), over every page's configuration. Paths, not the loaded
   * index: each worker thread loads the file itself (from the per-user store the main thread
   * filled when it checked the file before the run).
   */
  metadata?: MetadataSetting;
}

export interface FileOutcome {
  /** Undefined when the file is ignored by its configuration. */
  result: LintResult | undefined;
  /** Things to tell the user on stderr (a fix not written, …). */
  notices: string[];
  /** The cache key of the bytes linted, when the result may be cached. */
  cacheKey: string | undefined;
}

const IGNORED: FileOutcome = { result: undefined, notices: [], cacheKey: undefined };

/** The configuration of a file with the command line's `--rule` settings over it. */
export async function fileConfig(file: string, settings: FileLintSettings): Promise<ResolvedConfig> {
  return withRuleOverrides(await configLoader.configFor(file, settings.config), settings.ruleOverrides);
}

function ignoredBy(file: string, config: ResolvedConfig, settings: FileLintSettings): boolean {
  return !settings.noIgnore && isIgnored(file, config);
}

/** True when the file's configuration ignores it (never with `--no-ignore`). */
export async function ignoredByConfig(file: string, settings: FileLintSettings): Promise<boolean> {
  return !settings.noIgnore && isIgnored(file, await fileConfig(file, settings));
}

function optionsFor(file: string, config: ResolvedConfig, settings: FileLintSettings) {
  return lintOptionsFor(config, {
    path: file,
    docsRoot: settings.docsRoot,
    reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives,
    metadata: settings.metadata,
  });
}

/** The metadata files the page is held to (a result depends on their content: the cache key has it). */
function pageMetadataFiles(file: string, config: ResolvedConfig, settings: FileLintSettings) {
  return metadataFilesFor(settings.metadata ?? config.metadata, file);
}

/** Lints (or fixes) one file; `cache` is consulted and `keys` computes its cache key. */
export async function lintOneFile(
  file: string,
  settings: FileLintSettings,
  keys?: CacheKeys,
  cache?: LintCache,
): Promise<FileOutcome> {
  const config = await fileConfig(file, settings);
  if (ignoredBy(file, config, settings)) return IGNORED;
  return lintRead(file, readPage(file, config.maxPageBytes), config, settings, {
    keys,
    cache,
    fromDisk: true,
  });
}

/** Lints (or, with --fix-dry-run, fixes) bytes read from standard input as the file `file`. */
export async function lintStdin(
  file: string,
  bytes: Buffer,
  settings: FileLintSettings,
): Promise<FileOutcome> {
  const config = await fileConfig(file, settings);
  if (ignoredBy(file, config, settings)) return IGNORED;
  return lintRead(file, decodePage(bytes, config.maxPageBytes), config, { ...settings, fix: false }, {});
}

/** The cached outcome of a file, when the cache holds one for its current bytes and settings. */
export async function cachedOutcome(
  file: string,
  settings: FileLintSettings,
  keys: CacheKeys,
  cache: LintCache,
): Promise<FileOutcome | undefined> {
  const config = await fileConfig(file, settings);
  if (ignoredBy(file, config, settings)) return IGNORED;
  const read = readPage(file, config.maxPageBytes);
  if (!read.ok) return undefined;
  const options = optionsFor(file, config, settings);
  const key = keys.keyFor(file, read.bytes, config, options, pageMetadataFiles(file, config, settings));
  const hit = cache.get(file, key);
  return hit ? { result: cachedResult(file, hit, read), notices: [], cacheKey: undefined } : undefined;
}

function cachedResult(
  file: string,
  messages: LintResult["messages"],
  read: PageRead & { ok: true },
): LintResult {
  return resultOf({ filePath: file, messages, source: read.text, bom: read.bom });
}

function lintRead(
  file: string,
  read: PageRead,
  config: ResolvedConfig,
  settings: FileLintSettings,
  context: {
    keys?: CacheKeys;
    cache?: LintCache;
    /** The bytes were just read from `file` (not standard input): see LintOptions.textIsFile. */
    fromDisk?: boolean;
  },
): FileOutcome {
  // Like bytes that are not text: one message, exit 2, never parsed (nor cached).
  if (!read.ok) return { result: unreadableResult(file, read.reason), notices: [], cacheKey: undefined };
  const options = optionsFor(file, config, settings);
  const rules = rulePlugin.rules;
  if (!settings.fix && !settings.fixDryRun) {
    const cacheKey = context.keys?.keyFor(
      file,
      read.bytes,
      config,
      options,
      pageMetadataFiles(file, config, settings),
    );
    const hit = cacheKey ? context.cache?.get(file, cacheKey) : undefined;
    if (hit) return { result: cachedResult(file, hit, read), notices: [], cacheKey: undefined };
    const linted = lintText(read.text, { ...options, textIsFile: context.fromDisk ?? false }, rules);
    return { result: { ...linted, filePath: file, bom: read.bom }, notices: [], cacheKey };
  }
  const fixed = fixText(read.text, options, rules);
  const result = resultOf({ filePath: file, messages: fixed.messages, source: fixed.output, bom: read.bom });
  if (fixed.changed) {
    result.output = fixed.output;
    result.input = read.text;
  }
  if (settings.fix && fixed.changed) {
    const outcome = writeFileAtomic(file, encodePage(fixed.output, read.bom), read.bytes);
    if (outcome === "changed-on-disk") {
      const unfixed = { ...lintText(read.text, options, rules), filePath: file, bom: read.bom };
      return {
        result: unfixed,
        notices: [`${file}: not fixed: the file changed on disk while it was being linted.`],
        cacheKey: undefined,
      };
    }
  }
  return { result, notices: [], cacheKey: undefined };
}

/** A result as plain data, for the way back from a worker thread. */
export interface PlainResult extends Omit<LintResult, "messages"> {
  messages: PlainMessage[];
}

/**
 * A result as plain data for the way back from a worker thread, with only what the run uses: the
 * source only when kept (baselines) or fixed, and of the dependencies only those the cache stores
 * (none without a cache). A page whose enum was found by the heading scan depends on every
 * `resources/` page, thousands of paths: copied back for each page, they took 600 MB.
 */
export function toPlainResult(
  result: LintResult,
  keep: {
    /** The run needs each page's text (baselines). */
    keepSource: boolean;
    /** The run has a cache, which stores the dependencies outside `resources/`. */
    forCache: boolean;
  },
): PlainResult {
  const { keepSource, forCache } = keep;
  const plain: PlainResult = { ...result, messages: result.messages.map(toPlainMessage) };
  if (!keepSource && plain.output === undefined) plain.source = undefined;
  plain.dependencies = forCache ? plain.dependencies?.filter(outsideResources) : undefined;
  if (plain.dependencies?.length === 0) plain.dependencies = undefined;
  return plain;
}

export function fromPlainResult(plain: PlainResult): LintResult {
  return { ...plain, messages: plain.messages.map(fromPlainMessage) };
}
