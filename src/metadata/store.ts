/**
 * The models of metadata files, kept between runs so that a one-page run does not parse 4 MB of
 * XML in every process (a pre-commit hook starts one per commit, an editor one per start).
 *
 * Two kinds of files in `<tmp>/graph-docs-lint-<uid>/metadata-<build>/` (see store-dir.ts):
 * - `model-<sha256>.jsonl`: the model of one content, named by the SHA-256 of the file's bytes, so a
 *   copy of the same file, or the same file touched, is not parsed again. Its first line is JSON:
 *   the schemas, references and each type's name, kind and byte offset; then each type's JSON,
 *   back to back. A run decodes only the types it looks up (type-source.ts): for the beta CSDL,
 *   the names cost a fresh process about a third of what decoding every type does.
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
import { MetadataError } from "./errors.js";
import type { CsdlModel, CsdlType, CsdlTypeKind } from "./model.js";
import type { TypeSource } from "./type-source.js";

/** Bump when what is stored changes shape. */
const STORE_VERSION = 1;

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface StoredStamp extends FileStamp {
  version: number;
  file: string;
  sha256: string;
}

/** The first line of a stored model. */
interface StoredHeader extends Pick<CsdlModel, "edmxVersion" | "schemas" | "references"> {
  version: number;
  sha256: string;
  /** Each type's qualified name, kind and start in the body (it ends where the next one starts). */
  types: [string, CsdlTypeKind, number][];
  bodyBytes: number;
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

  /**
   * The types of the stored model of the content with this SHA-256, if stored, named after `file`.
   * A stored type is decoded when looked up; one that does not decode (a damaged store) throws a
   * MetadataError naming the store file.
   */
  source(sha256: string, file: string): TypeSource | undefined {
    const path = this.modelPath(sha256);
    let bytes: Buffer;
    let header: Partial<StoredHeader>;
    let bodyStart: number;
    try {
      bytes = readFileSync(path);
      bodyStart = bytes.indexOf(10) + 1;
      header = JSON.parse(bytes.toString("utf8", 0, bodyStart)) as Partial<StoredHeader>;
    } catch {
      return undefined;
    }
    if (!isUsableHeader(header, sha256, bytes.length - bodyStart)) return undefined;
    const { types, bodyBytes } = header;
    return {
      file,
      edmxVersion: header.edmxVersion,
      schemas: header.schemas,
      references: header.references,
      names: types.map(([qualifiedName, kind]) => ({ qualifiedName, kind })),
      typeAt(i) {
        const [qualifiedName, kind, start] = types[i]!;
        const end = types[i + 1]?.[2] ?? bodyBytes;
        let type: CsdlType | undefined;
        try {
          type = JSON.parse(bytes.toString("utf8", bodyStart + start, bodyStart + end)) as CsdlType;
        } catch {
          // Reported below.
        }
        if (type?.qualifiedName !== qualifiedName || type.kind !== kind)
          throw new MetadataError(file, `its stored model ${path} is damaged (${qualifiedName}): delete it`);
        return type;
      },
    };
  }

  setModel(sha256: string, model: CsdlModel): void {
    writeStoreContent(this.modelPath(sha256), () => encodeModel(sha256, model));
  }

  private stampPath(file: string): string {
    return join(this.dir, `stamp-${sha256Hex(file).slice(0, 32)}.json`);
  }

  private modelPath(sha256: string): string {
    return join(this.dir, `model-${sha256}.jsonl`);
  }
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function isUsableHeader(
  header: Partial<StoredHeader>,
  sha256: string,
  bodyBytes: number,
): header is StoredHeader {
  return (
    header.version === STORE_VERSION &&
    header.sha256 === sha256 &&
    header.bodyBytes === bodyBytes &&
    Array.isArray(header.schemas) &&
    Array.isArray(header.references) &&
    Array.isArray(header.types)
  );
}

/** The stored form of a model: the header line, then the types' JSON back to back. */
function encodeModel(sha256: string, model: CsdlModel): Buffer {
  const bodies: Buffer[] = [];
  const types: StoredHeader["types"] = [];
  let offset = 0;
  for (const type of [...model.structuredTypes, ...model.enumTypes]) {
    const body = Buffer.from(JSON.stringify(type));
    types.push([type.qualifiedName, type.kind, offset]);
    bodies.push(body);
    offset += body.length;
  }
  const { edmxVersion, schemas, references } = model;
  const header: StoredHeader = {
    version: STORE_VERSION,
    sha256,
    edmxVersion,
    schemas,
    references,
    types,
    bodyBytes: offset,
  };
  // JSON.stringify writes no raw line break: the first one ends the header.
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies]);
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
