// Bundles the command-line tool, its worker and the language server into dist/bundle/ (after tsc).
// Why: a cold one-page run spent about 0.2 s of its 0.55 s resolving and compiling ~150 modules
// one by one; one bundle loads in a fraction of that (see bench/results.md). The library entry
// points (dist/src/index.js, dist/src/remark.js) stay as tsc writes them.
// ajv, diff and globby are loaded on first use; ajv and diff through createRequire, which
// stays a runtime require of the installed package; globby by import(), which becomes a chunk.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names change with their content: old chunks would pile up.
rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: {
    cli: "dist/src/cli/main.js",
    // pool.ts starts `new URL("./worker.js", import.meta.url)`: the worker sits beside the chunks.
    worker: "dist/src/cli/worker.js",
    lsp: "dist/src/lsp/main.js",
  },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // jsonc-parser's `main` is a UMD build that requires its files at run time: take its ES modules.
  mainFields: ["module", "main"],
  // CommonJS packages in an ES module bundle need `require` for Node's built-in modules.
  banner: {
    js: 'import { createRequire as __gdlCreateRequire } from "node:module"; const require = __gdlCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
