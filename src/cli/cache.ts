/**
 * `--cache`: results of unchanged files are reused between runs.
 *
 * A result is reused only when its key matches, and the key covers everything a result depends on:
 * the file's bytes, the resolved configuration and lint options, the content of the metadata (CSDL)
 * file the page is held to, the linter itself (its version and the content of its built code), and
 * the docs tree the index reads from (the names and contents of every page in `resources/`, and
 * the request names and paths the `api/` pages document). Editing an enum page anywhere in the
 * tree therefore invalidates the pages of that tree, and a result is never served stale.
 * Everything is hashed by content, not modification time, so a fresh checkout in CI still hits a
 * restored cache.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { docsIndexFor, findDocsRoot } from "../docset/index.js";
import { requestNamesOf } from "../docset/request-names.js";
import type { ResolvedConfig } from "../engine/config/index.js";
import { requestPathsOf } from "../docset/request-paths.js";
import type { LintOptions } from "../engine/lint.js";
import { type LintMessage, type PlainMessage, fromPlainMessage, toPlainMessage } from "../engine/message.js";
import { buildIdentity } from "../util/package-info.js";

const CACHE_VERSION = 1;

interface CacheEntry {
  key: string;
  messages: PlainMessage[];
  /** Files outside `resources/` the result depends on (a type's linked page), by content hash. */
  deps?: Record<string, string>;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

function contentHash(file: string): string {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return "missing";
  }
}

/** `resources/` pages are covered by the tree signature of the key; other files are listed. */
export function outsideResources(file: string): boolean {
  return basename(dirname(file)) !== "resources";
}

/** Computes cache keys; one per run (the docs tree signatures are computed once). */
export class CacheKeys {
  private readonly treeSignatures = new Map<string, string>();
  /** The linter's identity: its version and the content of its built code (see buildIdentity). */
  private readonly identity = buildIdentity("content");

  /** Content hashes of the metadata files, once per run. */
  private readonly metadataHashes = new Map<string, string>();

  /** The key of a result; `metadataFiles` are the CSDL files the page was held to (metadataFilesFor). */
  keyFor(
    file: string,
    bytes: Uint8Array,
    config: ResolvedConfig,
    options: LintOptions,
    metadataFiles: readonly string[] = [],
  ): string {
    const root = options.docsRoot ? resolve(options.docsRoot) : findDocsRoot(dirname(file));
    const settings = {
      rules: config.rules,
      ruleOptions: config.ruleOptions,
      unused: options.reportUnusedDisableDirectives ?? false,
      root,
      metadata: metadataFiles.map((m) => [m, this.metadataHash(m)]),
    };
    return createHash("sha256")
      .update(this.identity)
      .update("\0")
      .update(bytes)
      .update("\0")
      .update(JSON.stringify(settings))
      .update("\0")
      .update(root ? this.treeSignature(root) : "")
      .digest("hex");
  }

  private metadataHash(file: string): string {
    let hash = this.metadataHashes.get(file);
    if (hash === undefined) {
      hash = contentHash(file);
      this.metadataHashes.set(file, hash);
    }
    return hash;
  }

  /** Names and contents of every page under `resources/`, hashed; once per run. */
  private treeSignature(root: string): string {
    let signature = this.treeSignatures.get(root);
    if (signature === undefined) {
      const hash = createHash("sha256");
      const dir = join(root, "resources");
      let names: string[] = [];
      try {
        names = readdirSync(dir).sort();
      } catch {
        names = [];
      }
      for (const name of names) {
        try {
          hash
            .update(`${name}\0`)
            .update(readFileSync(join(dir, name)))
            .update("\n");
        } catch {
          hash.update(`${name}\0unreadable\n`);
        }
      }
      // annotation-valid compares request names across the api/ pages: their names count too.
      for (const [key, uses] of requestNamesOf(docsIndexFor(root))) {
        hash.update(`${key}\0${uses.map((u) => u.file).join("\0")}\n`);
      }
      // external-path-prefix asks which request paths the api/ pages document: those count too.
      for (const { method, path, file } of requestPathsOf(docsIndexFor(root)).entries) {
        hash.update(`${method} ${path}\0${file}\n`);
      }
      signature = hash.digest("hex");
      this.treeSignatures.set(root, signature);
    }
    return signature;
  }
}

export class LintCache {
  private dirty = false;

  private constructor(
    readonly path: string,
    private readonly data: CacheFile,
  ) {}

  /** Opens the cache file; a missing, unreadable or outdated one starts empty. */
  static open(path: string): LintCache {
    let data: CacheFile = { version: CACHE_VERSION, entries: {} };
    try {
      const read = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
      if (read.version === CACHE_VERSION && typeof read.entries === "object" && read.entries !== null)
        data = read;
    } catch {
      // start empty
    }
    return new LintCache(resolve(path), data);
  }

  get(file: string, key: string): LintMessage[] | undefined {
    const entry = this.data.entries[file];
    if (!entry || entry.key !== key || !Array.isArray(entry.messages)) return undefined;
    for (const [dep, hash] of Object.entries(entry.deps ?? {}))
      if (contentHash(dep) !== hash) return undefined;
    return entry.messages.map(fromPlainMessage);
  }

  set(file: string, key: string, messages: LintMessage[], dependencies: string[] = []): void {
    const deps = dependencies.filter(outsideResources);
    const entry: CacheEntry = { key, messages: messages.map(toPlainMessage) };
    if (deps.length > 0) entry.deps = Object.fromEntries(deps.map((d) => [d, contentHash(d)]));
    this.data.entries[file] = entry;
    this.dirty = true;
  }

  /** Writes the cache (atomically: a reader never sees half a file), dropping deleted files. */
  save(): void {
    if (!this.dirty) return;
    for (const file of Object.keys(this.data.entries)) if (!existsSync(file)) delete this.data.entries[file];
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data));
    renameSync(temp, this.path);
    this.dirty = false;
  }
}
