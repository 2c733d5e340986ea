/**
 * Loading a metadata file: once per process (by resolved path, while its size and modification
 * time stay the same, so a language server that runs for hours sees a new download), from the
 * store between runs when this content was read before (store.ts), else by parsing the XML.
 *
 * Nothing in the file is executed or fetched, and memory stays bounded: a file over `maxBytes`
 * (64 MiB by default, fifteen times the 4.2 MB beta CSDL of 2021) is refused before it is read,
 * and only regular files are opened (a FIFO or device would block or never end).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { decodeSource } from "../parse/source.js";
import { MetadataError, readFailureDetail } from "./errors.js";
import { MetadataIndex } from "./metadata-index.js";
import type { CsdlModel } from "./model.js";
import { readCsdl } from "./read.js";
import { type FileStamp, MetadataStore, sha256Hex } from "./store.js";
import { modelOf, type TypeSource, typeSourceOf } from "./type-source.js";

/** The largest metadata file read by default: 64 MiB. */
export const MAX_METADATA_BYTES = 64 * 1024 * 1024;

export interface LoadMetadataOptions {
  /** The store's folder; `false` for no store (every new process parses). Default: the user's store. */
  storeDir?: string | false;
  /** The largest file read, in bytes (default MAX_METADATA_BYTES). */
  maxBytes?: number;
  /** Called before each parse of the XML (tests count parses through it). */
  onParse?: (file: string) => void;
}

interface Loaded extends FileStamp {
  source: TypeSource;
  /** The whole model, once asked for (a stored model is decoded type by type as looked up). */
  model: CsdlModel | undefined;
  index: MetadataIndex | undefined;
}

/** Models read in this process, by absolute path. */
const loaded = new Map<string, Loaded>();

/**
 * The model of the CSDL file `file`: a path, relative to the working folder or absolute, that
 * messages and `model.file` name as the first caller in this process gave it. Throws a
 * MetadataError when the file cannot be read, is too large, or is not well-formed CSDL XML.
 */
export function loadMetadata(file: string, options: LoadMetadataOptions = {}): CsdlModel {
  const entry = load(file, options);
  entry.model ??= modelOf(entry.source);
  return entry.model;
}

/**
 * The lookup index of the metadata file `file`, once per process and content (what rules use: from
 * the store, it decodes only the types looked up). Throws as loadMetadata does.
 */
export function loadMetadataIndex(file: string, options: LoadMetadataOptions = {}): MetadataIndex {
  const entry = load(file, options);
  entry.index ??= new MetadataIndex(entry.model ?? entry.source);
  return entry.index;
}

/** Forgets the models read in this process (tests; a front end never needs it). */
export function clearMetadataCache(): void {
  loaded.clear();
}

function load(file: string, options: LoadMetadataOptions): Loaded {
  const path = resolve(file);
  // Asked for every page: a file read before and unchanged costs one `stat`, not an open.
  const known = loaded.get(path);
  if (known && isSameFile(path, known)) return known;
  const maxBytes = options.maxBytes ?? MAX_METADATA_BYTES;
  const { fd, stats } = openRegularFile(file, path);
  try {
    const stamp = stampWithin(file, stats, maxBytes);
    if (known && known.size === stamp.size && known.mtimeMs === stamp.mtimeMs) return known;
    const store = options.storeDir === false ? undefined : new MetadataStore(options.storeDir);
    const stored = fromStore(store, file, path, stamp);
    const entry: Loaded = stored
      ? { ...stamp, source: stored, model: undefined, index: undefined }
      : { ...stamp, ...fromFile(store, file, path, fd, stamp, options), index: undefined };
    loaded.set(path, entry);
    return entry;
  } finally {
    closeSync(fd);
  }
}

/** Whether the file at `path` is still the regular file of that size and time. */
function isSameFile(path: string, { size, mtimeMs }: FileStamp): boolean {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size === size && stats.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Opens the file for reading, refusing anything but a regular file. Non-blocking, so that opening
 * a FIFO does not wait for a writer (it has no effect on regular files; Windows has no such flag).
 */
function openRegularFile(file: string, path: string): { fd: number; stats: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new MetadataError(file, readFailureDetail(error));
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw new MetadataError(file, readFailureDetail(error));
  }
  if (stats.isFile()) return { fd, stats };
  closeSync(fd);
  const what = stats.isDirectory() ? "it is a directory" : "it is not a regular file";
  throw new MetadataError(file, `cannot be read: ${what}`);
}

/** The file's size and time, once its size is known to be within the limit. */
function stampWithin(file: string, { size, mtimeMs }: Stats, maxBytes: number): FileStamp {
  if (size > maxBytes) {
    throw new MetadataError(
      file,
      `is ${mebibytes(size)} MiB, over the ${mebibytes(maxBytes)} MiB limit for a metadata file: not read`,
    );
  }
  return { size, mtimeMs };
}

function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
}

function fromStore(
  store: MetadataStore | undefined,
  file: string,
  path: string,
  stamp: FileStamp,
): TypeSource | undefined {
  const sha256 = store?.contentHash(path, stamp);
  return sha256 === undefined ? undefined : store?.source(sha256, file);
}

function fromFile(
  store: MetadataStore | undefined,
  file: string,
  path: string,
  fd: number,
  stamp: FileStamp,
  options: LoadMetadataOptions,
): Pick<Loaded, "source" | "model"> {
  const bytes = readBytes(file, fd, stamp.size);
  const sha256 = sha256Hex(bytes);
  let loaded: Pick<Loaded, "source" | "model">;
  const stored = store?.source(sha256, file);
  if (stored) {
    loaded = { source: stored, model: undefined };
  } else {
    options.onParse?.(file);
    const model = readCsdl(decodeText(file, bytes), file);
    store?.setModel(sha256, model);
    loaded = { source: typeSourceOf(model), model };
  }
  store?.setContentHash(path, stamp, sha256);
  return loaded;
}

/** Up to `size` bytes (the size checked against the limit: a file growing meanwhile is cut there). */
function readBytes(file: string, fd: number, size: number): Uint8Array {
  const buffer = Buffer.alloc(size);
  let filled = 0;
  try {
    while (filled < size) {
      const read = readSync(fd, buffer, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
  } catch (error) {
    throw new MetadataError(file, readFailureDetail(error));
  }
  return buffer.subarray(0, filled);
}

function decodeText(file: string, bytes: Uint8Array): string {
  const decoded = decodeSource(bytes);
  if (decoded.ok) return decoded.text;
  throw new MetadataError(
    file,
    decoded.reason === "binary"
      ? `is not XML: it holds a NUL byte (byte ${decoded.byteOffset}), as binary and UTF-16 files do; CSDL is read as UTF-8`
      : `is not UTF-8 text: invalid UTF-8 at byte ${decoded.byteOffset}`,
  );
}
