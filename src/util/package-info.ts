/**
 * The package itself: its package.json (name, version, repository) and its code, found from where
 * this module was loaded — src/util/ under a test runner, dist/src/util/ when built, or a chunk of
 * dist/bundle/. One walk up to the package.json named graph-docs-lint, for every part that needs
 * the version, the repository's address, the shipped schemas or an identity of this build.
 */
import { createHash } from "node:crypto";
import { type Dirent, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_NAME = "graph-docs-lint";

export interface PackageInfo {
  /** The folder holding package.json. */
  root: string;
  version: string;
  /** The repository's web address (`https://github.com/owner/name`), from `repository`. */
  repositoryUrl: string | undefined;
}

interface PackageJson {
  name?: unknown;
  version?: unknown;
  repository?: unknown;
}

let cached: PackageInfo | null | undefined;

/** This package's package.json, or undefined when it cannot be found (a copied bundle). */
export function packageInfo(): PackageInfo | undefined {
  if (cached === undefined) cached = findPackage(dirname(fileURLToPath(import.meta.url))) ?? null;
  return cached ?? undefined;
}

function findPackage(start: string): PackageInfo | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = readPackageJson(join(dir, "package.json"));
    if (pkg?.name === PACKAGE_NAME) {
      return {
        root: dir,
        version: typeof pkg.version === "string" ? pkg.version : "unknown",
        repositoryUrl: repositoryWebUrl(pkg.repository),
      };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readPackageJson(path: string): PackageJson | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof data === "object" && data !== null ? (data as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** The package's version ("unknown" when its package.json cannot be found). */
export function packageVersion(): string {
  return packageInfo()?.version ?? "unknown";
}

/**
 * The web address of a package.json `repository` (a string or `{ url }`): npm's shorthands
 * (`owner/name`, `github:owner/name`) and git URLs (`git+https://…/x.git`, `git@host:owner/name`)
 * become `https://host/owner/name`.
 */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === "string"
      ? repository
      : typeof repository === "object" && repository !== null && "url" in repository
        ? (repository as { url: unknown }).url
        : undefined;
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  let url = raw.trim();
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) {
    const host = { github: "github.com", gitlab: "gitlab.com", bitbucket: "bitbucket.org" }[
      (shorthand[1] ?? "github") as "github" | "gitlab" | "bitbucket"
    ];
    url = `https://${host}/${shorthand[2]}`;
  }
  url = url
    .replace(/^git\+/, "")
    .replace(/^git@([^:]+):/, "https://$1/")
    .replace(/^(?:git|ssh):\/\/(?:[^@/]+@)?/, "https://")
    .replace(/\.git$/, "");
  // Trailing slashes, without a regex that backtracks on a long run of them.
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(0, end);
}

/**
 * The folder of the code that runs: dist/bundle/ for the bundled command line and language server
 * (every file they run is there, rebuilt from the sources by each build), else the folder of this
 * package's code this module was loaded from (dist/ when built, src/ under a test runner).
 */
function codeFolder(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  if (basename(here) === "bundle") return here;
  const info = packageInfo();
  if (!info) return undefined;
  const top = relative(info.root, here).split(sep)[0];
  return top ? join(info.root, top) : undefined;
}

/** Code files: JavaScript, and TypeScript sources (not declarations or source maps). */
function isCode(name: string): boolean {
  return name.endsWith(".js") || (name.endsWith(".ts") && !name.endsWith(".d.ts"));
}

/**
 * An identity of this build of the linter, to key what is kept between runs on: the version and
 * the code files (see codeFolder). `"content"` hashes every code file's bytes (what a cache restored on another
 * machine needs: a fresh checkout has new modification times); `"stamp"` hashes their sizes and
 * modification times only (a `stat` per file, cheap enough for a one-page run).
 */
export function buildIdentity(by: "content" | "stamp"): string {
  const hash = createHash("sha256").update(packageVersion()).update("\0");
  const folder = codeFolder();
  for (const file of folder ? codeFilesBelow(folder) : []) {
    const name = relative(folder!, file).split(sep).join("/");
    if (by === "content") {
      hash.update(`${name}\0`);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update("unreadable");
      }
      hash.update("\n");
    } else {
      let stamp = "missing";
      try {
        const stats = statSync(file);
        stamp = `${stats.size}:${stats.mtimeMs}`;
      } catch {
        // gone meanwhile: part of the identity all the same
      }
      hash.update(`${name}:${stamp}\n`);
    }
  }
  return hash.digest("hex");
}

/** The path of a file shipped with the package (`schemas/…`), or undefined without the package. */
export function packageFile(...segments: string[]): string | undefined {
  const info = packageInfo();
  return info ? join(info.root, ...segments) : undefined;
}

/** The code files below `dir`, in a stable order. */
function codeFilesBelow(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return codeFilesBelow(path);
    return isCode(entry.name) ? [path] : [];
  });
}
