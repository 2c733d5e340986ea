/**
 * Request names across a docs tree, for the rule that reports a request name used twice.
 *
 * A request's `name` is its identity outside the page: responses and test scenarios refer to it,
 * and the SDK snippets of the example are generated into files named after it
 * (`includes/snippets/csharp/<name>-csharp-snippets.md`). Finding a name on other pages must not
 * parse the tree, so the `api/*.md` files of a docs root are read as text once per process, and
 * their annotation comments are scanned for `"blockType": "request"` and `"name"`: a linear scan,
 * no markdown parse. Names are keyed as the snippet files are named (`snippetKey`), so that
 * `get_user` and `Get-User` collide as their snippets do. The answer is cached per docs index (one per docs root per process), so that
 * `clearDocsIndexes` after a change in the tree also drops it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DocsIndex } from "./index.js";

export interface RequestNameUse {
  /** The name as written. */
  name: string;
  /** Absolute path of the page. */
  file: string;
  /** 1-based line of the annotation comment. */
  line: number;
}

const REQUEST_BLOCK = /"blockType"\s*:\s*"request"/;
const NAME = /"name"\s*:\s*"((?:[^"\\\r\n]|\\.)*)"/;

/**
 * The key of a request name: what the snippet files are named after (lower case, `-` for `_`:
 * `reportroot_getM365AppUserCounts_csv` → `reportroot-getm365appusercounts-csv-csharp-snippets.md`).
 */
export function snippetKey(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

const perIndex = new WeakMap<DocsIndex, ReadonlyMap<string, readonly RequestNameUse[]>>();

/** The request names of one page's text, each with the line of its annotation comment. */
export function scanRequestNames(text: string): Array<{ name: string; line: number }> {
  const found: Array<{ name: string; line: number }> = [];
  let line = 1;
  let counted = 0;
  for (let open = text.indexOf("<!--"); open !== -1;) {
    const close = text.indexOf("-->", open + 4);
    const end = close === -1 ? text.length : close;
    const comment = text.slice(open + 4, end);
    if (comment.includes("{") && REQUEST_BLOCK.test(comment)) {
      const name = NAME.exec(comment)?.[1];
      if (name !== undefined) {
        for (let i = text.indexOf("\n", counted); i !== -1 && i < open; i = text.indexOf("\n", i + 1)) {
          line++;
          counted = i + 1;
        }
        found.push({ name: unescapeJson(name), line });
      }
    }
    if (close === -1) break;
    open = text.indexOf("<!--", close + 3);
  }
  return found;
}

function unescapeJson(value: string): string {
  if (!value.includes("\\")) return value;
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}

/**
 * Every request name of the `api/` pages of the docs root of `docs`, by `snippetKey`, with the
 * pages that use it; empty when there is no docs root. Read on first use, then cached with the index.
 */
export function requestNamesOf(docs: DocsIndex): ReadonlyMap<string, readonly RequestNameUse[]> {
  const cached = perIndex.get(docs);
  if (cached) return cached;
  const names = docs.root ? readRequestNames(docs.root) : new Map<string, RequestNameUse[]>();
  perIndex.set(docs, names);
  return names;
}

function readRequestNames(root: string): Map<string, RequestNameUse[]> {
  const names = new Map<string, RequestNameUse[]>();
  const dir = join(root, "api");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".md"));
  } catch {
    files = [];
  }
  files.sort();
  for (const f of files) {
    const file = join(dir, f);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const { name, line } of scanRequestNames(text)) {
      const key = snippetKey(name);
      const uses = names.get(key);
      if (uses) uses.push({ name, file, line });
      else names.set(key, [{ name, file, line }]);
    }
  }
  return names;
}
