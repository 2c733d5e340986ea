// The pages of a corpus snapshot that the corpus scripts check: the `.md` files directly in an
// `api/` or `resources/` folder, `includes/` and `node_modules/` left out, sorted; and every `.md`
// file of it, includes too (corpusMarkdownFiles). Only reads.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function corpusPages(dir) {
  return pagesUnder(dir).sort();
}

function pagesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "includes" || entry.name === "node_modules") continue;
      out.push(...pagesUnder(path));
    } else if (entry.name.endsWith(".md") && /[\\/](api|resources)$/.test(dir)) out.push(path);
  }
  return out;
}

/** Every `.md` file below `dir`, includes too (not `node_modules/` or hidden folders), sorted. */
export function corpusMarkdownFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith("."))
        out.push(...corpusMarkdownFiles(path));
    } else if (entry.name.endsWith(".md")) out.push(path);
  }
  return out.sort();
}
