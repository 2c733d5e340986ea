/**
 * Link resolution for `links-resolve`: where a relative link, image or include points on disk, whether
 * that file exists with exactly the name written, and which bookmarks a target page has.
 *
 * Everything is cached with the docs index (so that `clearDocsIndexes` after a change in the tree
 * also drops these answers; a page with no docs tree caches nothing beyond itself): each directory is listed once with
 * `readdirSync` and names are checked against the listing (exact, then case-insensitively, for the
 * near miss), and each target page is parsed at most once, only when a link asks for one of its
 * bookmarks. Nothing outside the boundary is ever read.
 *
 * **The boundary.** A page's links may leave its docs root: the Graph docs keep `includes/` shared
 * by `v1.0/` and `beta/` in the folder above them (`../../includes/limited-info.md` from `api/`).
 * DocFX builds what its `docfx.json` covers, so the boundary is the nearest folder at or above the
 * docs root that holds a `docfx.json`; without one, the parent of a docs root named `v1.0` or `beta`
 * (the Graph layout), else the docs root itself. A page with no docs root has no boundary: its links
 * are resolved from its folder and never reported as outside.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { buildPage } from "../page/build.js";
import { closest } from "../util/near-miss.js";
import { decodeSource } from "../parse/source.js";
import type { DocsIndex } from "./index.js";

/** A link target split into its parts, or undefined when the rule does not check it. */
export interface LinkTarget {
  /** The file part, percent-decoded (`../resources/user.md`); empty for `#bookmark`. */
  path: string;
  /** The bookmark, percent-decoded, without `#`; undefined when there is none. */
  fragment: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Splits a link's URL into path and bookmark. Absolute URLs (`https:`, `mailto:`, any scheme),
 * protocol-relative and site-root paths (`/graph/...`, served by learn.microsoft.com), DocFX tab
 * links (`#tab/http`) and empty targets give undefined: they are not files of the tree.
 */
export function parseLinkTarget(url: string): LinkTarget | undefined {
  const trimmed = url.trim();
  if (trimmed === "" || SCHEME.test(trimmed) || trimmed.startsWith("/") || trimmed.startsWith("\\"))
    return undefined;
  if (trimmed.startsWith("~/")) return undefined;
  const hash = trimmed.indexOf("#");
  let path = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash === -1 ? undefined : trimmed.slice(hash + 1);
  if (fragment !== undefined && fragment.startsWith("tab/")) return undefined;
  const query = path.indexOf("?");
  if (query !== -1) path = path.slice(0, query);
  return { path: decode(path), fragment: fragment === undefined ? undefined : decode(fragment) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** How a path resolves on disk. */
export type FileLookup =
  | { status: "found"; path: string }
  /** Exists only when letter case is ignored; `actual` is the path with the names as on disk. */
  | { status: "case"; path: string; actual: string }
  /** `near`: an existing file whose name is within two edits of the missing one (a likely typo). */
  | { status: "missing"; path: string; near: string | undefined }
  | { status: "outside"; path: string };

interface Listing {
  names: Set<string>;
  byLower: Map<string, string>;
}

class LinkCaches {
  private readonly listings = new Map<string, Listing | undefined>();
  /**
   * Lookups by folder and target: the pages of one folder link to the same few hundred files
   * (every API page to `../resources/user.md`), and resolving a path segment by segment cost a
   * whole-tree run 4 % of its time. Answers change only with the listings, which are kept as long.
   */
  readonly lookups = new Map<string, FileLookup>();
  private readonly anchors = new Map<string, Set<string> | undefined>();
  private readonly boundaries = new Map<string, string>();

  /** The folder links must stay inside, for pages of the docs root `root`. */
  boundary(root: string): string {
    let found = this.boundaries.get(root);
    if (found === undefined) {
      found = findBoundary(root);
      this.boundaries.set(root, found);
    }
    return found;
  }

  listing(dir: string): Listing | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    let listing: Listing | undefined;
    try {
      const names = readdirSync(dir);
      const byLower = new Map<string, string>();
      for (const name of names) if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
      listing = { names: new Set(names), byLower };
    } catch {
      listing = undefined;
    }
    this.listings.set(dir, listing);
    return listing;
  }

  /** The bookmarks of the page at `file` (headings and HTML anchors), parsed once. */
  anchorsOf(file: string): Set<string> | undefined {
    if (this.anchors.has(file)) return this.anchors.get(file);
    let names: Set<string> | undefined;
    try {
      const decoded = decodeSource(readFileSync(file));
      if (decoded.ok) names = new Set(buildPage(decoded.text, { path: file }).anchors.map((a) => a.name));
    } catch {
      names = undefined;
    }
    this.anchors.set(file, names);
    return names;
  }
}

function findBoundary(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    try {
      if (statSync(join(dir, "docfx.json")).isFile()) return dir;
    } catch {
      // not here
    }
    if (dirname(dir) === dir) break;
  }
  const name = basename(root);
  return name === "v1.0" || name === "beta" ? dirname(root) : root;
}

const perIndex = new WeakMap<DocsIndex, LinkCaches>();

function cachesFor(docs: DocsIndex): LinkCaches {
  // Pages with no docs tree share one empty index that is never replaced: their answers are not
  // kept beyond the page.
  if (!docs.root) return new LinkCaches();
  let caches = perIndex.get(docs);
  if (!caches) {
    caches = new LinkCaches();
    perIndex.set(docs, caches);
  }
  return caches;
}

/**
 * True when `path` is `dir` or inside it. Both come from `resolve` (absolute, normalized), so on
 * POSIX a prefix test answers (`path.relative` cost a whole-tree run 1 % of its time here); Windows
 * paths compare without letter case, which `relative` knows.
 */
function isInside(path: string, dir: string): boolean {
  if (sep === "/") return path === dir || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Resolves link targets of pages of one docs tree. */
export class LinkResolver {
  private readonly caches: LinkCaches;
  /** The folder links must stay inside; undefined when the page has no docs root. */
  readonly boundary: string | undefined;

  constructor(docs: DocsIndex) {
    this.caches = cachesFor(docs);
    this.boundary = docs.root ? this.caches.boundary(resolve(docs.root)) : undefined;
  }

  /** Looks up `target` (a decoded relative path) as written on a page in folder `fromDir`. */
  lookup(fromDir: string, target: string): FileLookup {
    const key = `${fromDir}\0${target}`;
    let found = this.caches.lookups.get(key);
    if (found === undefined) {
      found = this.lookupInFolder(fromDir, target) ?? this.lookupOnDisk(fromDir, target);
      this.caches.lookups.set(key, found);
    }
    return found;
  }

  /**
   * A target whose folder part was found as written, and whose name that folder's listing holds:
   * found, from the folder's answer (kept) and one listing. Most targets are a page's own include
   * files (`../includes/snippets/csharp/get-user-csharp-snippets.md`), each linked once, in a few
   * folders. Undefined for anything else, which lookupOnDisk answers.
   */
  private lookupInFolder(fromDir: string, target: string): FileLookup | undefined {
    const slash = target.lastIndexOf("/");
    const name = target.slice(slash + 1);
    if (slash <= 0 || name === "" || name === "." || name === "..") return undefined;
    const folder = this.lookup(fromDir, target.slice(0, slash));
    if (folder.status !== "found" || !this.caches.listing(folder.path)?.names.has(name)) return undefined;
    return { status: "found", path: join(folder.path, name) };
  }

  private lookupOnDisk(fromDir: string, target: string): FileLookup {
    const path = resolve(fromDir, target);
    if (this.boundary && !isInside(path, this.boundary)) return { status: "outside", path };
    // The page's own folder exists as named; check the names from where the target leaves it.
    let base = resolve(fromDir);
    while (!isInside(path, base)) base = dirname(base);
    if (this.boundary && !isInside(base, this.boundary)) base = this.boundary;
    const rest = relative(base, path);
    if (rest === "") return { status: "found", path };
    let actual = base;
    let caseOnly = false;
    const segments = rest.split(sep);
    for (const [i, segment] of segments.entries()) {
      const listing = this.caches.listing(actual);
      if (!listing) return { status: "missing", path, near: undefined };
      if (listing.names.has(segment)) {
        actual = join(actual, segment);
        continue;
      }
      const other = listing.byLower.get(segment.toLowerCase());
      if (other === undefined) {
        const last = i === segments.length - 1;
        const near = last ? nearName(segment, listing) : undefined;
        return { status: "missing", path, near: near === undefined ? undefined : join(actual, near) };
      }
      caseOnly = true;
      actual = join(actual, other);
    }
    return caseOnly ? { status: "case", path, actual } : { status: "found", path };
  }

  /**
   * `path` (a relative path as written, decoded) with each name spelled as on disk: the fix for a
   * target that resolves only case-insensitively. `.` and `..` segments are kept as written.
   */
  correctCase(fromDir: string, path: string): string {
    let current = resolve(fromDir);
    const out: string[] = [];
    for (const segment of path.split("/")) {
      if (segment === "" || segment === "." || segment === "..") {
        out.push(segment);
        current = resolve(current, segment === "" ? "." : segment);
        continue;
      }
      const listing = this.caches.listing(current);
      const name = listing?.names.has(segment)
        ? segment
        : (listing?.byLower.get(segment.toLowerCase()) ?? segment);
      out.push(name);
      current = join(current, name);
    }
    return out.join("/");
  }

  /** The bookmarks of a target page, or undefined when it cannot be read. */
  anchorsOf(file: string): Set<string> | undefined {
    if (this.boundary && !isInside(file, this.boundary)) return undefined;
    return this.caches.anchorsOf(file);
  }
}

/** A name in the listing within two edits of `name` (a likely typo), preferring the closest. */
function nearName(name: string, listing: Listing): string | undefined {
  const near = closest(name, listing.byLower.keys(), 2);
  return near && listing.byLower.get(near.name);
}
