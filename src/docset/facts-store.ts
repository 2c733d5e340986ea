/**
 * What the docs index learned from each page it read (its enums and resource definition), kept
 * between runs so that linting one page does not parse the same resource pages again in every
 * process (a pre-commit hook runs one process per commit, an editor one per start).
 *
 * One small file per page, in `<tmpdir>/graph-docs-lint-<uid>/facts-<linter>/`, reused while the page's
 * size and modification time are unchanged (ESLint's "metadata" cache strategy) and the linter is
 * the same build: `<linter>` names the built code by its files' sizes and times, so a rebuilt
 * linter starts afresh. A page rewritten with the same size and time is the one change missed.
 * Reading one stored file costs a `stat` and a small JSON parse instead of a markdown parse of the
 * page; a store that cannot be read or written is ignored.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { EnumDefinition, PageFacts, PropertyDefinition, ResourceDefinition } from "./definitions.js";
import { linterBuildStamp, storeDir, writeStoreFile } from "./store-dir.js";

/** Bump when what is stored changes shape. */
const STORE_VERSION = 7;

interface StoredFacts {
  version: number;
  file: string;
  size: number;
  mtimeMs: number;
  enums: EnumDefinition[];
  resource:
    | {
        names: string[];
        definition: Omit<ResourceDefinition, "properties"> & { properties: PropertyDefinition[] };
      }
    | undefined;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export class FactsStore {
  /** The store of this build of the linter; `dir` overrides the folder (tests). */
  constructor(private readonly dir: string = defaultStoreDir()) {}

  /** The stamp of a file, or undefined when it cannot be read. */
  static stamp(file: string): FileStamp | undefined {
    try {
      const stats = statSync(file);
      return { size: stats.size, mtimeMs: stats.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /** The stored facts of `file` when stored for this stamp; undefined when not stored. */
  get(file: string, stamp: FileStamp): PageFacts | undefined {
    let stored: StoredFacts;
    try {
      stored = JSON.parse(readFileSync(this.pathOf(file), "utf8")) as StoredFacts;
    } catch {
      return undefined;
    }
    if (
      stored.version !== STORE_VERSION ||
      stored.file !== file ||
      stored.size !== stamp.size ||
      stored.mtimeMs !== stamp.mtimeMs
    )
      return undefined;
    const resource = stored.resource && {
      names: stored.resource.names,
      definition: {
        ...stored.resource.definition,
        properties: new Map(stored.resource.definition.properties.map((p) => [p.name, p])),
      },
    };
    return { enums: stored.enums, resource };
  }

  /** Stores the facts of `file` read at `stamp` (atomically; errors are ignored). */
  set(file: string, stamp: FileStamp, facts: PageFacts): void {
    const stored: StoredFacts = {
      version: STORE_VERSION,
      file,
      ...stamp,
      enums: facts.enums,
      resource: facts.resource && {
        names: facts.resource.names,
        definition: {
          ...facts.resource.definition,
          properties: [...facts.resource.definition.properties.values()],
        },
      },
    };
    writeStoreFile(this.pathOf(file), stored);
  }

  private pathOf(file: string): string {
    return join(this.dir, `${createHash("sha256").update(file).digest("hex").slice(0, 32)}.json`);
  }
}

let defaultDir: string | undefined;

function defaultStoreDir(): string {
  defaultDir ??= join(storeDir(), `facts-${linterBuildStamp(STORE_VERSION)}`);
  return defaultDir;
}
