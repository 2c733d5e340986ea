/**
 * The remark plugin: in a unified pipeline, and in the real remark-cli (from the build: `npm test`
 * builds first).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import graphDocsLint, { type GraphDocsLintOptions } from "../src/remark.js";
import { md, writeFile } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PLUGIN = join(ROOT, "dist", "src", "remark.js");
// remark-cli exports nothing but its bin.
const REMARK_CLI = join(ROOT, "node_modules", "remark-cli", "cli.js");
const USER_POST = join(ROOT, "fixtures", "api", "user-post.md");
const SEED = join(ROOT, "fixtures", "pages", "stub-beta.txt");
const DOCS_URL = "https://github.com/graph-docs-lint/graph-docs-lint/blob/main/docs/rules/";

let dir: string;

function write(path: string, text: string): string {
  return writeFile(dir, path, text);
}

async function run(path: string, options?: GraphDocsLintOptions, before?: () => (tree: Root) => void) {
  const file = new VFile({ path, value: readFileSync(path, "utf8") });
  const processor = unified().use(remarkParse);
  if (before) processor.use(before);
  processor.use(graphDocsLint, options);
  await processor.run(processor.parse(file), file);
  return file;
}

function remark(args: string[], cwd = dir): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [REMARK_CLI, "--no-color", "--no-stdout", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  if (result.error) throw result.error;
  return result;
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "gdl-remark-")));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("remark plugin", () => {
  it("adds a message per finding, as remark-lint does", async () => {
    const page = join(dir, "unified", "user-post.md");
    mkdirSync(dirname(page), { recursive: true });
    copyFileSync(USER_POST, page);
    const file = await run(page);
    const text = readFileSync(page, "utf8");
    const comma = text.indexOf('"xWwvJ]6NMw+bWH-d",') + '"xWwvJ]6NMw+bWH-d"'.length;
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([
      ["no-trailing-comma", 59, 35, true],
      ["no-trailing-comma", 72, 35, true],
      ["no-trailing-comma", 73, 4, true],
    ]);
    const second = file.messages[1]!;
    expect(second.source).toBe("graph-docs-lint");
    expect(second.url).toBe(`${DOCS_URL}no-trailing-comma.md`);
    expect(second.reason).toBe("Trailing comma before '}' in example JSON: JSON does not allow it.");
    expect(second.place).toEqual({
      start: { line: 72, column: 35, offset: comma },
      end: { line: 72, column: 36, offset: comma + 1 },
    });
    expect(second.name).toBe(`${page}:72:35-72:36`);
  });

  it("reports warnings as not fatal, and follows the rule settings it is given", async () => {
    const page = write(
      "settings/page.md",
      md("# Page", "", "TODO write this.", "", "```json", "[1,]", "```"),
    );
    const file = await run(page, { rules: { "no-todo-placeholder": "warn", "no-trailing-comma": "off" } });
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([
      ["no-todo-placeholder", 3, 1, false],
    ]);
  });

  it("reads the file's configuration, under the plugin's options", async () => {
    write("configured/.graph-docs-lint.json", JSON.stringify({ rules: { "no-todo-placeholder": "off" } }));
    const page = write(
      "configured/page.md",
      md("# Page", "", "TODO write this.", "", "```json", "[1,]", "```"),
    );
    expect((await run(page)).messages.map((m) => m.ruleId)).toEqual(["no-trailing-comma"]);
    const overridden = await run(page, { rules: { "no-todo-placeholder": "warn" } });
    expect(overridden.messages.map((m) => m.ruleId)).toEqual(["no-todo-placeholder", "no-trailing-comma"]);
    expect((await run(page, { config: false })).messages.map((m) => m.ruleId)).toEqual([
      "no-todo-placeholder",
      "no-trailing-comma",
    ]);
  });

  it("fails the file with one message when the configuration's metadata file is not CSDL", async () => {
    write("csdl/.graph-docs-lint.json", JSON.stringify({ metadata: { beta: "beta.xml" } }));
    write("csdl/beta.xml", "<edmx:Edmx");
    const page = write("csdl/beta/page.md", md("# Page", "", "TODO write this."));
    const file = await run(page);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([
      ["metadata", 1, 1, true],
    ]);
    expect(file.messages[0]!.reason).toMatch(/^Invalid metadata: .*beta\.xml:1:10: is not well-formed XML: /);
    // A page of another version is held to no file: linted as before.
    const v1 = write("csdl/v1.0/page.md", md("# Page", "", "TODO write this."));
    expect((await run(v1)).messages.map((m) => m.ruleId)).toEqual(["no-todo-placeholder"]);
  });

  it("reports unused disable directives when the configuration asks for them", async () => {
    write("unused/.graph-docs-lint.json", JSON.stringify({ reportUnusedDisableDirectives: true }));
    const text = md("# Page", "", "<!-- graph-docs-lint-disable-next-line json-valid -->", "Nothing to do.");
    const page = write("unused/page.md", text);
    expect((await run(page)).messages.map((m) => [m.line, m.reason])).toEqual([
      [3, "Unused graph-docs-lint-disable-next-line directive (no problems from json-valid)."],
    ]);
    expect((await run(write("plain/page.md", text))).messages).toEqual([]);
  });

  it("lints the file's text even when an earlier plugin changed the tree", async () => {
    const page = write("tree/page.md", md("# Page", "", "TODO write this."));
    const emptyTree = () => (tree: Root) => {
      tree.children = [];
    };
    const file = await run(page, undefined, emptyTree);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["no-todo-placeholder", 3, 1]]);
  });

  it("is exported as graph-docs-lint/remark", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const m = await import("graph-docs-lint/remark"); console.log(typeof m.default, m.default.name);',
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("function graphDocsLint");
  });
});

describe("remark-cli", () => {
  beforeAll(() => {
    copyFileSync(SEED, join(dir, "seed.md"));
    write("clean.md", md("# Clean page", "", "Nothing to report."));
  });

  it("reports the findings with --use and exits 1 on errors", () => {
    const result = remark(["seed.md", "clean.md", "--use", PLUGIN]);
    expect(result.status).toBe(1);
    const report = result.stderr;
    expect(report).toMatch(/^clean\.md: no issues found$/m);
    expect(report).toMatch(/^seed\.md$/m);
    const findings = [
      ...report.matchAll(/^\s*(\d+:\d+-\d+:\d+)\s+(error|warning)\s.*?\s(\S+)\s+graph-docs-lint\s*$/gm),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(findings).toEqual([
      "4:10-4:106 error no-todo-placeholder",
      "6:17-6:68 error no-todo-placeholder",
      "20:37-20:68 error no-todo-placeholder",
      "21:41-21:72 error no-todo-placeholder",
      "22:14-22:45 error no-todo-placeholder",
      "31:6-31:18 error external-path-prefix",
      "39:23-39:52 error no-todo-placeholder",
      "40:23-40:52 error no-todo-placeholder",
      "55:38-55:50 error external-path-prefix",
      "60:12-60:20 error enum-value-documented",
      "61:12-61:20 error enum-value-documented",
      "80:12-80:20 error enum-value-documented",
      "81:12-81:20 error enum-value-documented",
    ]);
    expect(report).toMatch(/✖ 13 errors/);
  });

  it("exits 0 on a clean file", () => {
    const result = remark(["clean.md", "--use", PLUGIN, "--frail"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/clean\.md: no issues found/);
  });

  it("takes options from a .remarkrc.mjs; warnings fail only with --frail, --quiet hides clean files", () => {
    const project = join(dir, "rc");
    mkdirSync(project);
    copyFileSync(SEED, join(project, "seed.md"));
    writeFileSync(join(project, "clean.md"), md("# Clean page", "", "Nothing to report."));
    writeFileSync(
      join(project, ".remarkrc.mjs"),
      [
        `import graphDocsLint from ${JSON.stringify(pathToFileURL(PLUGIN).href)};`,
        "",
        "export default {",
        "  plugins: [",
        "    [",
        "      graphDocsLint,",
        '      { rules: { "no-todo-placeholder": "warn", "external-path-prefix": "off", "enum-value-documented": "off" } },',
        "    ],",
        "  ],",
        "};",
        "",
      ].join("\n"),
    );
    const lenient = remark(["seed.md", "clean.md", "--quiet"], project);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).not.toMatch(/clean\.md/);
    expect(lenient.stderr).toMatch(/^\s*4:10-4:106\s+warning\s.*no-todo-placeholder\s+graph-docs-lint$/m);
    expect(lenient.stderr).toMatch(/⚠ 7 warnings/);
    expect(lenient.stderr).not.toMatch(/external-path-prefix|enum-value-documented/);

    const frail = remark(["seed.md", "clean.md", "--quiet", "--frail"], project);
    expect(frail.status).toBe(1);
    expect(frail.stderr).toMatch(/^\s*40:23-40:52\s+warning\s.*no-todo-placeholder\s+graph-docs-lint$/m);
  });
});
