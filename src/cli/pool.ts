/**
 * Linting many files on all cores: the files are dealt round-robin to worker threads (neighbouring
 * files are often alike in size), each worker lints its share and posts results back, and the
 * results are returned in the original order.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type FileLintSettings, type FileOutcome, type PlainResult, fromPlainResult } from "./lint-one.js";
import { UsageError } from "./errors.js";
import type { WorkerInput } from "./worker.js";

/** Below this many files, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

interface WorkerReply {
  index: number;
  result?: PlainResult;
  notices?: string[];
  cacheKey?: string;
  error?: { name: string; message: string };
}

/**
 * A larger young generation than V8's default (16 MB semi-spaces on 64-bit): linting allocates many
 * short-lived objects per page (tokens, nodes, strings), and with the default a quarter of a
 * whole-tree run went to scavenges. Measured on the corpus: see bench/results.md.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96 };

export function workerCount(files: number): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / MIN_FILES_FOR_WORKERS)));
}

export async function lintInWorkers(
  files: string[],
  settings: FileLintSettings,
  threads: number,
  options: { keepSource: boolean; withCacheKeys: boolean },
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(files.length);
  const shares = Array.from({ length: threads }, () => [] as WorkerInput["files"]);
  files.forEach((file, index) => shares[index % threads]!.push({ index, file }));
  const url = new URL("./worker.js", import.meta.url);
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((done, fail) => {
          const input: WorkerInput = { files: share, settings, ...options };
          const worker = new Worker(url, { workerData: input, resourceLimits: WORKER_LIMITS });
          worker.on("message", (reply: WorkerReply) => {
            if (reply.error) {
              // A bad configuration found by a worker is the user's error, as on the main thread.
              const error =
                reply.error.name === "ConfigError"
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
          });
          worker.on("error", fail);
          worker.on("exit", () => done());
        }),
    ),
  );
  return outcomes;
}
