/**
 * The models of metadata files, kept between runs so that a one-page run does not parse 4 MB of
 * XML in every process (a pre-commit hook starts one per commit, an editor one per start).
 *
 * Three kinds of files in `<tmp>/graph-docs-lint-<uid>/metadata-<build>/` (see store-dir.ts):
 * - `model-<sha256>.json` and `types-<sha256>.jsonl`: the model of one content, named by the
 *   SHA-256 of the file's bytes, so a copy of the same file, or the same file touched, is not
 *   parsed again. The first holds the schemas and every type's name, the second the types, each
 *   read when looked up (stored-model.ts).
 * - `stamp-<hash of the path>.json`: which content a path held at a size and modification time.
 *
 * Why a stamp in front of the content hash: reading and hashing the 4 MB beta file costs a fresh
 * process about 30 ms (read 15 ms, SHA-256 10–16 ms), more than reading the stored names; a `stat`
 * costs 0.1 ms. As in the facts store (ESLint's "metadata" strategy), a file rewritten with the
 * same size and modification time is the one change missed. A store that cannot be read or
 * written is ignored: the file is parsed again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { linterBuildStamp, storeDir, writeStoreContent, writeStoreFile } from "../docset/store-dir.js";
import type { CsdlModel } from "./model.js";
import { encodeModel, storedTypeSource } from "./stored-model.js";
import type { TypeSource } from "./type-source.js";

/** Bump when what is stored changes shape. */
const STORE_VERSION = 2;

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface StoredStamp extends FileStamp {
  version: number;
  file: string;
  sha256: string;
}

export class MetadataStore {
  /** The store of this build of the linter; `dir` overrides the folder (tests). */
  constructor(readonly dir: string = defaultStoreDir()) {}

  /** The SHA-256 of the bytes of `file` (an absolute path) last seen at this stamp, if stored. */
  contentHash(file: string, stamp: FileStamp): string | undefined {
    const stored = readJson(this.stampPath(file)) as Partial<StoredStamp> | undefined;
    return stored?.version === STORE_VERSION &&
      stored.file === file &&
      stored.size === stamp.size &&
      stored.mtimeMs === stamp.mtimeMs &&
      typeof stored.sha256 === "string"
      ? stored.sha256
      : undefined;
  }

  setContentHash(file: string, stamp: FileStamp, sha256: string): void {
    const stored: StoredStamp = { version: STORE_VERSION, file, ...stamp, sha256 };
    writeStoreFile(this.stampPath(file), stored);
  }

  /** The types of the stored model of the content with this SHA-256, if stored, named after `file`. */
  source(sha256: string, file: string): TypeSource | undefined {
    return storedTypeSource(this.modelPaths(sha256), { version: STORE_VERSION, sha256 }, file);
  }

  setModel(sha256: string, model: CsdlModel): void {
    const paths = this.modelPaths(sha256);
    const { header, body } = encodeModel(STORE_VERSION, sha256, model);
    // The body first: a header that can be read has its body (see stored-model.ts).
    writeStoreContent(paths.body, () => body);
    writeStoreFile(paths.header, header);
  }

  private stampPath(file: string): string {
    return join(this.dir, `stamp-${sha256Hex(file).slice(0, 32)}.json`);
  }

  private modelPaths(sha256: string): { header: string; body: string } {
    return { header: join(this.dir, `model-${sha256}.json`), body: join(this.dir, `types-${sha256}.jsonl`) };
  }
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

let defaultDir: string | undefined;

function defaultStoreDir(): string {
  defaultDir ??= join(storeDir(), `metadata-${linterBuildStamp(STORE_VERSION)}`);
  return defaultDir;
}
