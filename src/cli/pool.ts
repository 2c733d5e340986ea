/**
 * Linting many files on all cores: the files are dealt to worker threads in runs of neighbouring
 * files, each worker lints its share (its resource pages first) and posts results back, and the
 * results are returned in the original order.
 */
import { availableParallelism } from "node:os";
import { basename, dirname } from "node:path";
import { type ResourceLimits, Worker } from "node:worker_threads";
import { CacheKeys } from "./cache.js";
import { type FileLintSettings, type FileOutcome, fromPlainResult, lintOneFile } from "./lint-one.js";
import { UsageError } from "./errors.js";
import type { WorkerInput, WorkerReply } from "./worker.js";

/** Below this many files, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

/**
 * Each worker's heap: a young generation larger than V8's default (linting allocates many
 * short-lived tokens, nodes and strings per page, and with the default a quarter of a whole-tree
 * run went to scavenges), and an old generation capped near what a worker keeps (its docs index,
 * under 100 MB on the whole Graph tree), so that V8 collects instead of growing the heap: together
 * they keep a whole-tree run under 400 MB. A page too large for a worker's heap is linted again on
 * the main thread, whose heap is not capped (see lintInWorkers). Figures: bench/results.md.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 128 };

/** How many consecutive files go to one worker before the next worker's turn. */
const FILES_PER_RUN = 256;

export function workerCount(files: number): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / MIN_FILES_FOR_WORKERS)));
}

export async function lintInWorkers(
  files: string[],
  settings: FileLintSettings,
  threads: number,
  options: { keepSource: boolean; withCacheKeys: boolean },
  hooks: {
    /** Called as each file is done (progress). */
    onFileDone?: () => void;
    /** The workers' heaps (tests make them too small). */
    limits?: ResourceLimits;
  } = {},
): Promise<FileOutcome[]> {
  const limits = hooks.limits ?? WORKER_LIMITS;
  const outcomes = new Array<FileOutcome | undefined>(files.length);
  const shares = Array.from({ length: threads }, () => [] as WorkerInput["files"]);
  // Runs of neighbouring files go to the same worker: neighbours (`user-get`, `user-update`, …)
  // look up the same types, so each worker parses a type's pages once and the other worker mostly
  // needs other types (or finds them in the facts store). Dealing file by file made both workers
  // parse the same pages at the same moment: 1,000 pages took 7.5 s, in runs of 256 4.5 s.
  const run = Math.min(FILES_PER_RUN, Math.ceil(files.length / threads));
  files.forEach((file, index) => shares[Math.floor(index / run) % threads]!.push({ index, file }));
  // Each worker lints its resource pages first: the docs index learns their facts from those lints
  // (DocsIndex.learnFrom) instead of parsing them again when API pages look their types up.
  for (const share of shares)
    share.sort((a, b) => Number(isResourcePage(b.file)) - Number(isResourcePage(a.file)));
  const url = new URL("./worker.js", import.meta.url);
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((done, fail) => {
          const input: WorkerInput = { files: share, settings, ...options };
          const worker = new Worker(url, { workerData: input, resourceLimits: limits });
          worker.on("message", (replies: WorkerReply[]) => {
            for (const reply of replies) {
              if (reply.error) {
                // A bad configuration (or a metadata file changed into a bad one since the run checked
                // it) found by a worker is the user's error, as on the main thread.
                const error =
                  reply.error.name === "ConfigError" || reply.error.name === "MetadataError"
                    ? new UsageError(reply.error.message)
                    : new Error(reply.error.message);
                fail(error);
                void worker.terminate();
                return;
              }
              outcomes[reply.index] = {
                result: reply.result ? fromPlainResult(reply.result) : undefined,
                notices: reply.notices ?? [],
                cacheKey: reply.cacheKey,
              };
              hooks.onFileDone?.();
            }
          });
          // A worker that dies (out of memory on a huge page, most likely) leaves its remaining
          // files to the main thread below; the run goes on.
          worker.on("error", () => done());
          worker.on("exit", () => done());
        }),
    ),
  );
  return finishOnMainThread(files, outcomes, settings, options, hooks.onFileDone);
}

function isResourcePage(file: string): boolean {
  return basename(dirname(file)) === "resources";
}

/** Lints, here, the files a worker did not answer for (it died); the others are kept. */
async function finishOnMainThread(
  files: string[],
  outcomes: Array<FileOutcome | undefined>,
  settings: FileLintSettings,
  options: { keepSource: boolean; withCacheKeys: boolean },
  onFileDone: (() => void) | undefined,
): Promise<FileOutcome[]> {
  let keys: CacheKeys | undefined;
  const finished: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    let outcome = outcomes[index];
    if (!outcome) {
      keys ??= options.withCacheKeys ? new CacheKeys() : undefined;
      outcome = await lintOneFile(file, settings, keys);
      onFileDone?.();
    }
    finished.push(outcome);
  }
  return finished;
}
