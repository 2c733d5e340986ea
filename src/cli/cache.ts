/**
 * `--cache`: results of unchanged files are reused between runs.
 *
 * A result is reused only when its key matches, and the key covers everything a result depends on:
 * the file's bytes (hash), the resolved configuration and lint options, the linter's version and
 * build, and the docs tree the index reads from (a signature of every page in `resources/`: name,
 * size and modification time). Editing an enum page anywhere in the tree therefore invalidates the
 * pages of that tree; a result is never served stale.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findDocsRoot } from "../docset/index.js";
import type { ResolvedConfig } from "../engine/config.js";
import type { LintOptions } from "../engine/lint.js";
import { type LintMessage, type PlainMessage, fromPlainMessage, toPlainMessage } from "../engine/message.js";

const CACHE_VERSION = 1;

interface CacheFile {
  version: number;
  entries: Record<string, { key: string; messages: PlainMessage[] }>;
}

/** The linter's identity: package version plus the build's modification time. */
function linterIdentity(): string {
  const here = fileURLToPath(import.meta.url);
  let version = "unknown";
  for (let dir = dirname(here); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "graph-docs-lint") {
        version = pkg.version ?? version;
        break;
      }
    } catch {
      // keep walking up
    }
  }
  return `${version}@${statSync(here).mtimeMs}`;
}

/** Computes cache keys; one per run (the docs tree signatures are computed once). */
export class CacheKeys {
  private readonly treeSignatures = new Map<string, string>();
  private readonly identity = linterIdentity();

  keyFor(file: string, bytes: Uint8Array, config: ResolvedConfig, options: LintOptions): string {
    const root = options.docsRoot ? resolve(options.docsRoot) : findDocsRoot(dirname(file));
    const settings = {
      rules: config.rules,
      ruleOptions: config.ruleOptions,
      unused: options.reportUnusedDisableDirectives ?? false,
      root,
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

  /** Name, size and modification time of every page under `resources/`, hashed; once per run. */
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
          const s = statSync(join(dir, name));
          hash.update(`${name}\0${s.size}\0${s.mtimeMs}\n`);
        } catch {
          hash.update(`${name}\0gone\n`);
        }
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
    return entry.messages.map(fromPlainMessage);
  }

  set(file: string, key: string, messages: LintMessage[]): void {
    this.data.entries[file] = { key, messages: messages.map(toPlainMessage) };
    this.dirty = true;
  }

  /** Writes the cache (atomically: a reader never sees half a file). */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data));
    renameSync(temp, this.path);
    this.dirty = false;
  }
}
