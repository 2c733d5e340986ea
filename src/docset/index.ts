/**
 * The docs index: what the rules need to know about other pages of the docs tree.
 *
 * Enum members and resource properties are defined across the tree (enum pages
 * `resources/enums*.md`, per-type enum pages, resource pages). Linting one page must not parse the
 * tree, so nothing is read up front: a type is resolved on first use by looking its name up in the
 * listing of `resources/` (one readdir) and parsing only the pages that can define it. Parsed pages
 * and answers are cached for the life of the index, which a whole-tree run shares across pages.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { Page } from "../page/model.js";
import { buildPage } from "../page/build.js";
import { decodeSource } from "../parse/source.js";
import type { TypeRef } from "../parse/type-ref.js";
import {
  type EnumDefinition,
  type PageFacts,
  type ResourceDefinition,
  factsOf,
  sameNamespace,
} from "./definitions.js";
import { FactsStore } from "./facts-store.js";
import { withTreeTypes } from "./type-words.js";

export interface DocsIndex {
  /** The docs root (the folder holding `api/` and `resources/`), when there is one. */
  readonly root: string | undefined;
  /**
   * The definition of an enum type. `nearFiles` are pages to look in first: the page that defines
   * the property, and the page its type links to (enums are often defined beside their property).
   */
  enumType(type: TypeRef, nearFiles?: string[]): EnumDefinition | undefined;
  resourceType(type: TypeRef): ResourceDefinition | undefined;
  /**
   * Every page that defines the type (in its namespace, when the reference names one), the type's
   * own page first (`user.md`, then `intune-devices-user.md`, which documents what one workload
   * adds to it).
   */
  resourcePages?(type: TypeRef): ResourceDefinition[];
  /**
   * The pages parsed for the answers given so far (not the pages the enum heading scan only read
   * as text: a result's dependencies, from `endTracking`, include those).
   */
  readonly dependencies: ReadonlySet<string>;
  /**
   * Starts recording the files the answers depend on, cached answers included: the pages they were
   * read from, and for an enum looked up by heading, every page the heading scan read.
   */
  beginTracking?(): void;
  /** Stops recording and returns the files recorded since beginTracking. */
  endTracking?(): string[];
  /**
   * Keeps the facts of a `resources/` page just built from `file` as it is on disk, so that a later
   * lookup does not parse it again (a whole-tree run lints every resource page anyway).
   */
  learnFrom?(file: string, page: Page): void;
  /**
   * A view that adds the service's types to an index (service.ts) reads the tree through this one:
   * what is learned from the tree (its vocabulary) is the tree's, whichever view asks.
   */
  readonly tree?: DocsIndex;
  /**
   * The definition of a type reached as a base type: `resourceType`, else, in a view with the
   * service's types, what the service declares of a base type the docs have no page for.
   */
  baseResource?(type: TypeRef): ResourceDefinition | undefined;
  /** In a view with the service's types: the service's enum of that name (its members). */
  serviceEnum?(type: TypeRef): EnumDefinition | undefined;
}

/** An index with no tree behind it: a page linted on its own uses its own tables. */
export const emptyDocsIndex: DocsIndex = {
  root: undefined,
  enumType: () => undefined,
  resourceType: () => undefined,
  dependencies: new Set(),
};

const rootCache = new Map<string, string | undefined>();

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` that holds both `api/` and `resources/`. */
export function findDocsRoot(dir: string): string | undefined {
  const start = resolve(dir);
  const visited: string[] = [];
  let found: string | undefined;
  for (let current = start; ; current = dirname(current)) {
    if (rootCache.has(current)) {
      found = rootCache.get(current);
      break;
    }
    visited.push(current);
    if (isDirectory(join(current, "api")) && isDirectory(join(current, "resources"))) {
      found = current;
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const dir of visited) rootCache.set(dir, found);
  return found;
}

const indexes = new Map<string, DocsTreeIndex>();

/** The shared index of a docs root (one per root per process). */
export function docsIndexFor(root: string | undefined): DocsIndex {
  if (!root) return emptyDocsIndex;
  const key = resolve(root);
  let index = indexes.get(key);
  if (!index) {
    index = new DocsTreeIndex(key);
    indexes.set(key, index);
  }
  return index;
}

/** Forgets every cached index (after files of the tree changed). */
export function clearDocsIndexes(): void {
  indexes.clear();
  rootCache.clear();
}

const sameName = (a: string | undefined, b: string | undefined) =>
  (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

export class DocsTreeIndex implements DocsIndex {
  readonly dependencies = new Set<string>();
  private resourceFiles: string[] | undefined;
  private resourcePageLists = new Map<string, ResourceDefinition[]>();
  /** What the index keeps of each page it read (not the page model: that would hold the tree). */
  private facts = new Map<string, PageFacts | undefined>();
  /** The shared enum pages' text, lower case, to find which may define a name (see enumPageDefinitions). */
  private enumPageTexts: { file: string; text: string }[] | undefined;
  private enums = new Map<string, EnumDefinition[]>();
  private resources = new Map<string, ResourceDefinition | undefined>();
  private enumHeadings: Map<string, string[]> | undefined;
  private filesByName: Map<string, string[]> | undefined;
  /** The files the heading scan read: an answer it gave depends on all of them. */
  private enumHeadingFiles: string[] = [];
  /** Enum names (lower case) whose answer came from the heading scan. */
  private scannedEnums = new Set<string>();
  private tracking: Set<string> | undefined;
  /** Whether an answer given since beginTracking came from the heading scan (see enumType). */
  private trackedHeadingScan = false;

  beginTracking(): void {
    this.tracking = new Set();
    this.trackedHeadingScan = false;
  }

  endTracking(): string[] {
    // The heading scan's files are added once here, not at each answer: a page with a hundred
    // enum properties would otherwise add the same thousands of paths a hundred times.
    if (this.trackedHeadingScan) for (const file of this.enumHeadingFiles) this.tracking?.add(file);
    const files = [...(this.tracking ?? [])];
    this.tracking = undefined;
    this.trackedHeadingScan = false;
    return files;
  }

  constructor(readonly root: string) {}

  enumType(type: TypeRef, nearFiles: string[] = []): EnumDefinition | undefined {
    for (const file of nearFiles) {
      const near = this.enumsIn(file, type.name);
      if (near.length > 0) return pickByNamespace(near, type.namespace);
    }
    const key = type.name.toLowerCase();
    let candidates = this.enums.get(key) ?? this.enumPageDefinitions(key);
    if (!candidates) {
      // Intune documents each enum on its own page (`intune-deviceconfig-foomodetype.md`); other
      // enums are defined on the resource page that uses them (`### fooType values`).
      const files = [...this.filesNamedFor(key), ...(this.enumHeadingIndex().get(key) ?? [])];
      candidates = [...new Set(files)].flatMap((file) => this.enumsIn(file, type.name));
      this.enums.set(key, candidates);
      this.scannedEnums.add(key);
    }
    for (const c of candidates) this.tracking?.add(c.file ?? "");
    // Looked for by heading: a page that gains or loses a `### fooType values` heading changes the
    // answer, so every page the scan read counts, the ones without the heading too.
    if (this.tracking && this.scannedEnums.has(key)) this.trackedHeadingScan = true;
    return pickByNamespace(candidates, type.namespace);
  }

  private enumsIn(file: string, name: string): EnumDefinition[] {
    return (this.pageFacts(file)?.enums ?? []).filter((e) => sameName(e.name, name));
  }

  /**
   * Which resource pages have a `### fooType values` heading, by enum name. Built on first need by
   * reading the files as text and matching heading lines, without parsing any page.
   */
  private enumHeadingIndex(): Map<string, string[]> {
    if (this.enumHeadings) return this.enumHeadings;
    const index = new Map<string, string[]>();
    // `### fooType values`, or on a translated page the anchor it keeps: `### <a name="footype-values"></a>…`.
    const heading =
      /^#{2,6}[ \t]+(?:`?([A-Za-z_][\w.]*)`?[ \t]+values[ \t]*\r?$|<a\s+(?:name|id)=["']([A-Za-z_][\w.]*)-values["'])/gim;
    for (const f of this.listResources()) {
      const file = join(this.root, "resources", f);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      this.enumHeadingFiles.push(file);
      for (const m of text.matchAll(heading)) {
        const key = (m[1] ?? m[2]!).toLowerCase();
        const files = index.get(key) ?? [];
        files.push(file);
        index.set(key, files);
      }
    }
    this.enumHeadings = index;
    return index;
  }

  resourceType(type: TypeRef): ResourceDefinition | undefined {
    const key = `${type.namespace ?? ""}:${type.name}`.toLowerCase();
    if (this.resources.has(key)) {
      const cached = this.resources.get(key);
      if (cached) this.tracking?.add(cached.file);
      return cached;
    }
    const picked = pickByNamespace(this.definitionsNamed(type.name), type.namespace);
    const resource = picked && withTreeTypes(this, picked);
    this.resources.set(key, resource);
    return resource;
  }

  resourcePages(type: TypeRef): ResourceDefinition[] {
    const key = `${type.namespace ?? ""}:${type.name}`.toLowerCase();
    let pages = this.resourcePageLists.get(key);
    if (!pages) {
      const found = this.definitionsNamed(type.name);
      pages = type.namespace ? found.filter((d) => sameNamespace(d.namespace, type.namespace)) : found;
      this.resourcePageLists.set(key, pages);
    }
    for (const page of pages) this.tracking?.add(page.file);
    return pages;
  }

  /** The definitions of the pages that define a type of this name, in any namespace. */
  private definitionsNamed(name: string): ResourceDefinition[] {
    const found: ResourceDefinition[] = [];
    for (const file of this.filesNamedFor(name.toLowerCase())) {
      const resource = this.pageFacts(file)?.resource;
      if (resource && resource.names.some((n) => sameName(n, name))) found.push(resource.definition);
    }
    return found;
  }

  private listResources(): string[] {
    if (!this.resourceFiles) {
      try {
        this.resourceFiles = readdirSync(join(this.root, "resources")).filter((f) =>
          f.toLowerCase().endsWith(".md"),
        );
      } catch {
        this.resourceFiles = [];
      }
    }
    return this.resourceFiles;
  }

  /** Resource files whose name is the type's name, or ends with `-<name>` (namespaced pages). */
  private filesNamedFor(lowerName: string): string[] {
    return this.resourcesByName().get(lowerName) ?? [];
  }

  /**
   * Resource files by every name they may be found under: `foo-bar-baz.md` under `foo-bar-baz`,
   * `bar-baz` and `baz`; the type's own page (`user.md`) before its namesakes
   * (`intune-devices-user.md`). Built once: a whole-tree run looks names up tens of thousands of times.
   */
  private resourcesByName(): Map<string, string[]> {
    if (this.filesByName) return this.filesByName;
    const byName = new Map<string, string[]>();
    const add = (name: string, file: string, exact: boolean): void => {
      const files = byName.get(name);
      if (!files) byName.set(name, [file]);
      else if (exact) files.unshift(file);
      else files.push(file);
    };
    for (const f of this.listResources()) {
      const base = f.slice(0, -3).toLowerCase();
      const file = join(this.root, "resources", f);
      add(base, file, true);
      for (let dash = base.indexOf("-"); dash !== -1; dash = base.indexOf("-", dash + 1))
        add(base.slice(dash + 1), file, false);
    }
    this.filesByName = byName;
    return byName;
  }

  /**
   * The definitions of an enum on the shared enum pages (`enums.md`, `enums-<namespace>.md`), or
   * undefined when none defines it. Only the pages whose text holds the name are parsed: a
   * one-page run that looks up one enum should not parse the 48 KB `enums.md` for nothing.
   */
  private enumPageDefinitions(key: string): EnumDefinition[] | undefined {
    if (!this.enumPageTexts) {
      this.enumPageTexts = [];
      for (const f of this.listResources()) {
        if (!/^enums[\w-]*\.md$/i.test(f)) continue;
        const file = join(this.root, "resources", f);
        try {
          // Lower case, escapes dropped: an enum's name is written in the page, maybe as `foo\_type`.
          const text = readFileSync(file, "utf8").toLowerCase().replaceAll("\\", "");
          this.enumPageTexts.push({ file, text });
        } catch {
          // Unreadable: as if absent (pageFacts would find nothing either).
        }
      }
    }
    const found = this.enumPageTexts
      .filter((page) => page.text.includes(key))
      .flatMap((page) =>
        (this.pageFacts(page.file)?.enums ?? []).filter((e) => e.name.toLowerCase() === key),
      );
    if (found.length === 0) return undefined;
    this.enums.set(key, found);
    return found;
  }

  learnFrom(file: string, page: Page): void {
    if (this.facts.has(file) || !file.startsWith(this.root + sep)) return;
    if (basename(dirname(file)) !== "resources") return;
    const facts = factsOf(page, file);
    this.facts.set(file, facts);
    const stamp = FactsStore.stamp(file);
    if (stamp) factsStore().set(file, stamp, facts);
  }

  private pageFacts(file: string): PageFacts | undefined {
    this.tracking?.add(file);
    if (this.facts.has(file)) return this.facts.get(file);
    // A link may point anywhere; nothing outside the docs root is ever read.
    if (!file.startsWith(this.root + sep)) return undefined;
    let facts: PageFacts | undefined;
    const stamp = FactsStore.stamp(file);
    facts = stamp ? factsStore().get(file, stamp) : undefined;
    if (facts) this.dependencies.add(file);
    else {
      try {
        const decoded = decodeSource(readFileSync(file));
        facts = decoded.ok ? factsOf(buildPage(decoded.text, { path: file }), file) : undefined;
        this.dependencies.add(file);
        if (facts && stamp) factsStore().set(file, stamp, facts);
      } catch {
        facts = undefined;
      }
    }
    this.facts.set(file, facts);
    return facts;
  }
}

let sharedFactsStore: FactsStore | undefined;

/** The store of page facts kept between runs (see facts-store.ts). */
function factsStore(): FactsStore {
  sharedFactsStore ??= new FactsStore();
  return sharedFactsStore;
}

function pickByNamespace<T extends { namespace: string | undefined }>(
  candidates: T[],
  namespace: string | undefined,
): T | undefined {
  if (candidates.length <= 1 || !namespace) return candidates[0];
  return candidates.find((c) => sameName(c.namespace, namespace)) ?? candidates[0];
}
