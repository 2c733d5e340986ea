// The shell examples of the README and docs/, run for real (test/docs-examples.test.ts, and
// `npm run docs:examples` to list or `-- --update` to rewrite what they show).
//
// An example is a `$ command` line in a ```text, ```console or ```sh block, followed by the
// output the docs show (up to the next `$` line or the block's end), or, in a ```sh block, a
// command line on its own (`graph-docs-lint …` or `npx graph-docs-lint …`), whose output is not
// shown. Only graph-docs-lint's own commands are run; `npm install` and the like are not.
//
// The examples of one block run in order in a fresh folder holding a copy of fixtures/ (also as a
// docs tree at api-reference/v1.0), so that a block may write a file and use it (a baseline), with
// `graph-docs-lint` and `graph-docs-lint-lsp` on the PATH running the built bundle. A file the command names that is not there is the page of the nearest markdown
// block above the example (the rule docs show the page, then what the linter says of it).
// Output shown must equal stdout and stderr together; an example without output must not fail
// with exit status 2 (a usage or configuration error).
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const RUNNABLE = /^(?:npx\s+)?(graph-docs-lint(?:-lsp)?)(?=\s|$)/;
const SHELL_LANGS = new Set(["sh", "shell", "bash", "console", "text"]);

/**
 * The markdown files whose examples are run: the README and the pages of docs/. The rule pages
 * (docs/rules/, docs/corpus-review/) are left out for now: their examples show excerpts of pages
 * that need a docs tree or other blocks to give the findings shown; `--update` can rewrite them
 * once each example's page is whole (add "docs/rules" to SUBFOLDERS then).
 */
export function documentedFiles() {
  const SUBFOLDERS = [];
  const files = ["README.md"];
  for (const folder of ["docs", ...SUBFOLDERS.map((f) => join("docs", f))])
    for (const entry of readdirSorted(join(ROOT, folder)))
      if (entry.isFile() && entry.name.endsWith(".md")) files.push(join(folder, entry.name));
  return files;
}

function readdirSorted(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

/**
 * The examples of one markdown text: `{ line, command, expected, page }`, `line` the 1-based line
 * of the command, `expected` the lines shown after it (undefined when none are), `page` the text
 * of the nearest markdown block above it.
 */
export function extractExamples(text) {
  const lines = text.split("\n");
  const examples = [];
  let page;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, fence, lang] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end].startsWith(fence) && lines[end].trim() === fence)) end++;
    const body = lines.slice(i + 1, end);
    if (lang === "markdown" || lang === "md") page = body.join("\n") + "\n";
    else if (SHELL_LANGS.has(lang))
      examples.push(...blockExamples(body, i + 2, lang, page).map((e) => ({ ...e, block: i + 1 })));
    i = end;
  }
  return examples;
}

function blockExamples(body, firstLine, lang, page) {
  const examples = [];
  if (body.some((l) => l.startsWith("$ "))) {
    let current;
    body.forEach((line, k) => {
      if (line.startsWith("$ ")) {
        current = { line: firstLine + k, command: line.slice(2), expected: [], page };
        examples.push(current);
      } else current?.expected.push(line);
    });
    return examples.filter((e) => RUNNABLE.test(e.command));
  }
  if (lang === "sh" || lang === "shell" || lang === "bash")
    body.forEach((line, k) => {
      if (RUNNABLE.test(line))
        examples.push({ line: firstLine + k, command: line, expected: undefined, page });
    });
  return examples;
}

let shims;

/** A folder of `graph-docs-lint` and `graph-docs-lint-lsp` commands that run the built bundle. */
function shimFolder() {
  if (shims) return shims;
  shims = mkdtempSync(join(tmpdir(), "gdl-doc-bin-"));
  for (const [name, bundle] of [
    ["graph-docs-lint", "cli.js"],
    ["graph-docs-lint-lsp", "lsp.js"],
  ]) {
    const path = join(shims, name);
    writeFileSync(
      path,
      `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "dist", "bundle", bundle)}" "$@"\n`,
    );
    chmodSync(path, 0o755);
  }
  return shims;
}

/** A fresh folder with the fixtures, as fixtures/ and as a docs tree at api-reference/v1.0. */
function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), "gdl-doc-example-"));
  cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
  for (const folder of ["api", "resources"])
    cpSync(join(ROOT, "fixtures", folder), join(dir, "api-reference", "v1.0", folder), { recursive: true });
  return dir;
}

/** The relative paths a command names (its arguments that look like files). */
function namedFiles(command) {
  return command
    .replace(/#.*$/, "")
    .split(/\s+/)
    .filter((word) => /^[\w./-]+\.(md|txt)$/.test(word));
}

/**
 * Runs examples in order in one fresh folder; returns `{ actual, status }` for each, with the
 * output as the docs would show it.
 */
export function runExamples(examples) {
  const dir = sandbox();
  try {
    return examples.map((example) => runIn(dir, example));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runIn(dir, example) {
  {
    for (const file of namedFiles(example.command)) {
      const path = join(dir, file);
      if (!existsSync(path) && example.page !== undefined) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, example.page);
      }
    }
    const command = example.command.replace(/^npx\s+/, "");
    const result = spawnSync("sh", ["-c", `${command} 2>&1`], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${shimFolder()}:${process.env.PATH}`,
        NO_COLOR: "1",
        FORCE_COLOR: undefined,
        CI: undefined,
      },
      timeout: 120_000,
    });
    if (result.error) throw result.error;
    const actual = result.stdout
      .split("\n")
      .map((l) => l.trimEnd())
      .join("\n")
      .replace(/\n+$/, "")
      .split("\n");
    return { actual, status: result.status };
  }
}

/** The output an example shows, as compared: lines without trailing white space, none blank at the end. */
export function shown(expected) {
  const lines = expected.map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Examples grouped by the block they stand in (run together, in order). */
export function byBlock(examples) {
  const blocks = new Map();
  for (const e of examples)
    blocks.set(`${e.file ?? ""}:${e.block}`, [...(blocks.get(`${e.file ?? ""}:${e.block}`) ?? []), e]);
  return [...blocks.values()];
}

/** Every example of the documented files, each with where it is. */
export function allExamples() {
  return documentedFiles().flatMap((file) =>
    extractExamples(readFileSync(join(ROOT, file), "utf8")).map((example) => ({ file, ...example })),
  );
}

/** Rewrites the output each example of `file` shows with what it prints now. */
export function updateFile(file) {
  const path = join(ROOT, file);
  const lines = readFileSync(path, "utf8").split("\n");
  // From the bottom up, so that earlier line numbers stay right.
  const examples = extractExamples(lines.join("\n"));
  const runs = new Map(
    byBlock(examples).flatMap((block) => {
      const results = runExamples(block);
      return block.map((example, i) => [example, results[i]]);
    }),
  );
  // From the bottom up, so that earlier line numbers stay right.
  const shownOutput = examples.filter((e) => e.expected !== undefined).reverse();
  for (const example of shownOutput) {
    const { actual } = runs.get(example);
    lines.splice(example.line, example.expected.length, ...withTrailingBlanks(actual, example.expected));
  }
  writeFileSync(path, lines.join("\n"));
  return shownOutput.length;
}

/** The new output, keeping the blank lines that separated the old one from what follows it. */
function withTrailingBlanks(actual, expected) {
  let blanks = 0;
  for (let i = expected.length - 1; i >= 0 && expected[i].trim() === ""; i--) blanks++;
  return [...actual, ...Array(blanks).fill("")];
}
