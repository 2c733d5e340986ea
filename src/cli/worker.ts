/**
 * A worker thread of a whole-tree run: lints the files it is sent and posts each result back.
 * Each worker has its own docs index and configuration cache (module state), filled as it goes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ConfigError } from "../engine/config/index.js";
import { MetadataError } from "../metadata/index.js";
import { CacheKeys } from "./cache.js";
import { type FileLintSettings, lintOneFile, toPlainResult } from "./lint-one.js";

export interface WorkerInput {
  files: Array<{ index: number; file: string }>;
  settings: FileLintSettings;
  keepSource: boolean;
  withCacheKeys: boolean;
}

const input = workerData as WorkerInput;
const keys = input.withCacheKeys ? new CacheKeys() : undefined;
for (const { index, file } of input.files) {
  try {
    const outcome = await lintOneFile(file, input.settings, keys);
    parentPort!.postMessage({
      index,
      result: outcome.result
        ? toPlainResult(outcome.result, { keepSource: input.keepSource, forCache: input.withCacheKeys })
        : undefined,
      notices: outcome.notices,
      cacheKey: outcome.cacheKey,
    });
  } catch (error) {
    // A configuration error names its file relative to the working folder, as on the main thread.
    const message =
      error instanceof ConfigError || error instanceof MetadataError
        ? error.describe(process.cwd())
        : (error as Error).message;
    parentPort!.postMessage({ index, error: { name: (error as Error).name, message } });
    break;
  }
}
