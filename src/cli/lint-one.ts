/**
 * The work done for one file of a run — configuration, ignore check, read, lint or fix, write —
 * shared by the main thread and the worker threads.
 */
import { readFileSync, statSync } from "node:fs";
import { type ResolvedConfig, configFor, isIgnored } from "../engine/config.js";
import { fixText } from "../engine/fix.js";
import {
  type LintOptions,
  type LintResult,
  describeFsError,
  lintText,
  resultOf,
  tooLargeReason,
} from "../engine/lint.js";
import { LintMessage, type PlainMessage, fromPlainMessage, toPlainMessage } from "../engine/message.js";
import { encodePage, writeFileAtomic } from "../engine/write.js";
import { decodeSource } from "../parse/source.js";
import { type CacheKeys, type LintCache, outsideResources } from "./cache.js";

/** The options of a run that matter for one file (plain data: it is sent to worker threads). */
export interface FileLintSettings {
  config?: string;
  docsRoot?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

export interface FileOutcome {
  /** Undefined when the file is ignored by its configuration. */
  result: LintResult | undefined;
  /** Things to tell the user on stderr (a fix not written, …). */
  notices: string[];
  /** The cache key of the bytes linted, when the result may be cached. */
  cacheKey: string | undefined;
}

export function lintOptionsFor(
  file: string,
  config: ResolvedConfig,
  settings: FileLintSettings,
): LintOptions {
  return {
    path: file,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    docsRoot: settings.docsRoot ?? config.docsRoot,
    reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives,
    maxPageBytes: config.maxPageBytes,
  };
}

/** Lints (or fixes) one file; `cache` is consulted and `keys` computes its cache key. */
export async function lintOneFile(
  file: string,
  settings: FileLintSettings,
  keys?: CacheKeys,
  cache?: LintCache,
): Promise<FileOutcome> {
  const config = await configFor(file, settings.config);
  if (isIgnored(file, config)) return { result: undefined, notices: [], cacheKey: undefined };
  let bytes: Buffer;
  try {
    // A page over the size limit is not read at all.
    const tooLarge = tooLargeReason(statSync(file).size, config.maxPageBytes);
    if (tooLarge) return { result: unreadableResult(file, tooLarge), notices: [], cacheKey: undefined };
    bytes = readFileSync(file);
  } catch (error) {
    return { result: unreadableResult(file, describeFsError(error)), notices: [], cacheKey: undefined };
  }
  return lintBytes(file, bytes, config, settings, keys, cache, true);
}

/** The cached outcome of a file, when the cache holds one for its current bytes and settings. */
export async function cachedOutcome(
  file: string,
  settings: FileLintSettings,
  keys: CacheKeys,
  cache: LintCache,
): Promise<FileOutcome | undefined> {
  const config = await configFor(file, settings.config);
  if (isIgnored(file, config)) return { result: undefined, notices: [], cacheKey: undefined };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (tooLargeReason(bytes.length, config.maxPageBytes)) return undefined;
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return undefined;
  const hit = cache.get(file, keys.keyFor(file, bytes, config, lintOptionsFor(file, config, settings)));
  return hit
    ? { result: resultOf(file, hit, decoded.text, decoded.bom, false), notices: [], cacheKey: undefined }
    : undefined;
}

export function lintBytes(
  file: string,
  bytes: Buffer,
  config: ResolvedConfig,
  settings: FileLintSettings,
  keys?: CacheKeys,
  cache?: LintCache,
  /** The bytes were just read from `file` (not standard input): see LintOptions.textIsFile. */
  fromDisk = false,
): FileOutcome {
  // Like bytes that are not text: one message, exit 2, never parsed (nor cached).
  const tooLarge = tooLargeReason(bytes.length, config.maxPageBytes);
  if (tooLarge) return { result: unreadableResult(file, tooLarge), notices: [], cacheKey: undefined };
  const decoded = decodeSource(bytes);
  if (!decoded.ok)
    return { result: unreadableResult(file, `File ${decoded.message}.`), notices: [], cacheKey: undefined };
  const options = lintOptionsFor(file, config, settings);
  const fixing = settings.fix || settings.fixDryRun;
  if (!fixing) {
    const cacheKey = keys?.keyFor(file, bytes, config, options);
    const hit = cacheKey ? cache?.get(file, cacheKey) : undefined;
    if (hit)
      return {
        result: resultOf(file, hit, decoded.text, decoded.bom, false),
        notices: [],
        cacheKey: undefined,
      };
    const result = {
      ...lintText(decoded.text, { ...options, textIsFile: fromDisk }),
      filePath: file,
      bom: decoded.bom,
    };
    return { result, notices: [], cacheKey };
  }
  const fixed = fixText(decoded.text, options);
  const result = resultOf(file, fixed.messages, fixed.output, decoded.bom, false);
  if (fixed.changed) {
    result.output = fixed.output;
    result.input = decoded.text;
  }
  if (settings.fix && fixed.changed) {
    const outcome = writeFileAtomic(file, encodePage(fixed.output, decoded.bom), bytes);
    if (outcome === "changed-on-disk") {
      const unfixed = { ...lintText(decoded.text, options), filePath: file, bom: decoded.bom };
      return {
        result: unfixed,
        notices: [`${file}: not fixed: the file changed on disk while it was being linted.`],
        cacheKey: undefined,
      };
    }
  }
  return { result, notices: [], cacheKey: undefined };
}

export function unreadableResult(filePath: string, reason: string): LintResult {
  const origin = { line: 1, column: 1, offset: 0 };
  const message = new LintMessage(reason, { ruleId: undefined, severity: 2, start: origin, end: origin });
  return resultOf(filePath, [message], undefined, false, true);
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
export function toPlainResult(result: LintResult, keepSource: boolean, forCache: boolean): PlainResult {
  const plain: PlainResult = { ...result, messages: result.messages.map(toPlainMessage) };
  if (!keepSource && plain.output === undefined) plain.source = undefined;
  plain.dependencies = forCache ? plain.dependencies?.filter(outsideResources) : undefined;
  if (plain.dependencies?.length === 0) plain.dependencies = undefined;
  return plain;
}

export function fromPlainResult(plain: PlainResult): LintResult {
  return { ...plain, messages: plain.messages.map(fromPlainMessage) };
}
