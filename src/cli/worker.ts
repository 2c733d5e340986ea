/**
 * A worker thread of a whole-tree run: lints the files it is sent and posts the results back in
 * batches. Each worker has its own docs index and configuration cache (module state), filled as it
 * goes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ConfigError } from "../engine/config/index.js";
import { MetadataError } from "../metadata/index.js";
import { CacheKeys } from "./cache.js";
import { type FileLintSettings, type PlainResult, lintOneFile, toPlainResult } from "./lint-one.js";

export interface WorkerInput {
  files: Array<{ index: number; file: string }>;
  settings: FileLintSettings;
  keepSource: boolean;
  withCacheKeys: boolean;
}

/** One file's answer from a worker; a worker posts them in batches (arrays). */
export interface WorkerReply {
  index: number;
  result?: PlainResult;
  notices?: string[];
  cacheKey?: string;
  error?: { name: string; message: string };
}

/** A batch is posted when it holds this many results… */
const BATCH_FILES = 64;
/** …or when its first result is this old (the run's progress display stays live). */
const BATCH_MS = 100;

const input = workerData as WorkerInput;
const keys = input.withCacheKeys ? new CacheKeys() : undefined;
// One message per file cost a whole-tree run about 6 % of each worker's time in postMessage.
let batch: WorkerReply[] = [];
let batchStart = 0;
const flush = (): void => {
  if (batch.length > 0) parentPort!.postMessage(batch);
  batch = [];
};
for (const { index, file } of input.files) {
  try {
    const outcome = await lintOneFile(file, input.settings, keys);
    if (batch.length === 0) batchStart = performance.now();
    batch.push({
      index,
      result: outcome.result
        ? toPlainResult(outcome.result, { keepSource: input.keepSource, forCache: input.withCacheKeys })
        : undefined,
      notices: outcome.notices,
      cacheKey: outcome.cacheKey,
    });
    if (batch.length >= BATCH_FILES || performance.now() - batchStart >= BATCH_MS) flush();
  } catch (error) {
    // A configuration error names its file relative to the working folder, as on the main thread.
    const message =
      error instanceof ConfigError || error instanceof MetadataError
        ? error.describe(process.cwd())
        : (error as Error).message;
    flush();
    parentPort!.postMessage([{ index, error: { name: (error as Error).name, message } }]);
    batch = [];
    break;
  }
}
flush();
