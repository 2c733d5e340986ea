/**
 * Hostile inputs: each gives a clear message or a bounded result, never a hang, a stack trace or a
 * crash of the whole run. The CLI runs from the build (`npm test` builds first) as a child process
 * with a timeout, so a hang fails its test instead of the suite; each hostile file is linted
 * together with an ordinary one, whose result must still be reported.
 *
 * Tests marked `it.fails` reproduce reported bugs; each flips to `it` when its bug is fixed.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectFiles } from "../src/cli/files.js";
import { clearDocsIndexes, docsIndexFor } from "../src/docset/index.js";
import { fixText } from "../src/index.js";
import { lintFile, lintText } from "../src/index.js";
import { CLI, PAGES, writeFile } from "./helpers.js";

let dir: string;
/** An ordinary page linted beside each hostile one: one TODO, so one error. */
let companion: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "graph-docs-lint-hostile-")));
  companion = write("companion.md", "# Companion\n\nTODO\n");
});

afterAll(() => {
  // A test that failed half-way may leave a file unreadable: make everything removable.
  try {
    chmodSync(join(dir, "unreadable.md"), 0o644);
  } catch {
    // not created
  }
  rmSync(dir, { recursive: true, force: true });
});

function write(path: string, content: string | Uint8Array): string {
  return writeFile(dir, path, content);
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string; fatal?: true }>;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with the JSON format; a run that outlives `timeoutMs` fails the test as a hang. */
function cli(args: string[], timeoutMs: number, cwd = dir): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, "--format", "json", ...args], {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ETIMEDOUT"
        ? `the CLI did not finish within ${timeoutMs / 1000} s (a hang)`
        : `the CLI could not run: ${result.error.message}`,
    );
  }
  if (result.signal)
    throw new Error(`the CLI was killed by ${result.signal}: ${result.stderr.slice(0, 2000)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No stack trace and no internal error on stderr: a user-facing message, not a crash. */
function expectNoCrash(run: Run): void {
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stderr).not.toContain("internal error");
  expect(run.stderr).not.toContain("FATAL ERROR");
}

/** The run finished with results for exactly `files`, in the JSON report. */
function resultsOf(run: Run, files: string[]): JsonResult[] {
  expectNoCrash(run);
  const results = JSON.parse(run.stdout) as JsonResult[];
  expect(results.map((r) => r.filePath).sort()).toEqual([...files].sort());
  return results;
}

/** The message for containers nested past the bound (src/parse/nesting.ts). */
const DEEP =
  "Lists and block quotes nest more than 100 levels deep here: the rest of the page is not linted.";

/** `levels` lines, each a list item indented two more than the one before. */
function staircase(levels: number): string {
  return Array.from({ length: levels }, (_, i) => "  ".repeat(i) + "- item\n").join("");
}

/** A file's messages in a JSON report: rule id, line, message. */
function messagesOf(results: JsonResult[], file: string): Array<[string | null, number, string]> {
  const result = results.find((r) => r.filePath === file)!;
  return result.messages.map((m) => [m.ruleId, m.line, m.message]);
}

/** Lints a hostile file with the companion: exit 0 or 1, both results reported. */
function expectBounded(file: string, timeoutMs: number): JsonResult[] {
  const run = cli([file, companion], timeoutMs);
  expect([0, 1]).toContain(run.status);
  const results = resultsOf(run, [file, companion]);
  const other = results.find((r) => r.filePath === companion)!;
  expect(other.messages.map((m) => m.ruleId)).toEqual(["no-todo-placeholder"]);
  return results;
}

describe("huge and deep pages", () => {
  // Was a bug: a 50 MB page (1,586 copies of the seed pages) exhausted the default 4 GB heap after
  // ~400 s of CPU time and the whole run aborted ("FATAL ERROR: Reached heap limit", SIGABRT, no
  // report): linting costs ~1.8 s and ~80 MB of heap per MB of page. Pages over maxPageBytes (10 MiB
  // by default) are now refused before they are read, like a file that is not text: exit 2.
  it("a 50 MB page: refused with a clear message, exit 2, the other file still reported", () => {
    const pages = readdirSync(PAGES)
      .sort()
      .map((f) => readFileSync(join(PAGES, f), "utf8"))
      .join("\n");
    const file = join(dir, "huge.md");
    const fd = openSync(file, "w");
    try {
      for (let size = 0; size < 50 * 1024 * 1024; size += pages.length + 1) writeSync(fd, pages + "\n");
    } finally {
      closeSync(fd);
    }
    try {
      const run = cli([file, companion], 60_000);
      expect(run.status).toBe(2);
      const results = resultsOf(run, [file, companion]);
      expect(results.find((r) => r.filePath === file)!.messages).toEqual([
        expect.objectContaining({
          ruleId: null,
          fatal: true,
          message: expect.stringMatching(
            /^Page is too large to lint: 5\d,\d{3},\d{3} bytes, over the limit of 10,485,760 \(maxPageBytes\); not linted\.$/,
          ),
        }),
      ]);
      expect(results.find((r) => r.filePath === companion)!.messages.map((m) => m.ruleId)).toEqual([
        "no-todo-placeholder",
      ]);
      expect(run.stderr).toContain("huge.md: Page is too large to lint");
    } finally {
      unlinkSync(file);
    }
  }, 120_000);

  // Was a bug: 10,000 nested blockquotes overflowed the stack in PageBuilder.visit (the mdast was
  // walked recursively); the walk now uses an explicit stack. Past 100 levels the page is not parsed.
  it("10,000 nested blockquotes: linted up to the nesting bound, which is reported", () => {
    const file = write("blockquotes.md", ">".repeat(10_000) + " text\n");
    expect(messagesOf(expectBounded(file, 30_000), file)).toEqual([[null, 1, DEEP]]);
  }, 60_000);

  // Was a bug: micromark's container handling is superlinear in the depth (1,000 nested list
  // levels took 13 s, 2,000 took 97 s, 10,000 "- - - …" ran for minutes): past 100 levels
  // (src/parse/nesting.ts) the rest of the page is not parsed, and the linter says where.
  it.each([
    ["10,000 list markers on one line", () => "- ".repeat(10_000) + "text\n", 1],
    ["3,000 list levels, each line indented two more", () => staircase(3_000), 101],
  ])(
    "%s: linted up to the nesting bound, which is reported",
    (_name, page, line) => {
      const file = write("lists.md", page());
      const results = expectBounded(file, 30_000);
      expect(messagesOf(results, file).filter(([ruleId]) => ruleId === null)).toEqual([[null, line, DEEP]]);
    },
    60_000,
  );

  it("100 list levels, each line indented two more, with a TODO at the bottom: linted whole", () => {
    const file = write("lists-100.md", staircase(100) + "  ".repeat(100) + "TODO\n");
    expect(messagesOf(expectBounded(file, 30_000), file)).toEqual([
      ["no-todo-placeholder", 101, 'TODO placeholder "TODO" must be replaced with real content.'],
    ]);
  }, 60_000);

  // Was a bug: JSON nested 10,000 deep in an ```http body overflowed the stack in convert()
  // (src/parse/json.ts, ~1,500 levels suffice; jsonc-parser's parseTree overflows at ~5,000
  // nested objects): "internal error: Maximum call stack size exceeded", exit 2, no report.
  it("a JSON body nested 10,000 deep in an ```http block", () => {
    const body = '{"value": '.repeat(5_000) + "[".repeat(5_000) + "1" + "]".repeat(5_000) + "}".repeat(5_000);
    expectBounded(write("deep-json.md", "```http\nPOST /me/events\n\n" + body + "\n```\n"), 60_000);
  }, 90_000);

  it("a single line of 1 MB of prose, links and CJK text", () => {
    const unit = "The member 成员 🚀 of a [group](../resources/group.md), TODO. ";
    const results = expectBounded(
      write("long-line.md", unit.repeat(Math.ceil(1_000_000 / unit.length)) + "\n"),
      60_000,
    );
    expect(results.find((r) => r.filePath.endsWith("long-line.md"))!.messages.length).toBeGreaterThan(10_000);
  }, 90_000);

  // Was a bug: micromark merges the text runs its construct characters split with one splice each,
  // quadratic on a long line full of them: "`code` **b** " x 2 MB took two minutes. The page model's
  // parser (src/parse/blocks.ts) removes the constructs no rule reads (`*`, `_`, `&`): 1.6 s.
  it("a single line of 2 MB of code spans and emphasis", () => {
    expectBounded(write("markup-line.md", "`code` **b** ".repeat(Math.ceil(2_000_000 / 13)) + "\n"), 30_000);
  }, 60_000);

  // Was a bug: dropTranslations (src/parse/inline.ts) called lastIndexOf back to the start of the
  // text for every `sxs-lookup` span without a translation before it: quadratic. One 2 MB line of
  // such spans took ~2 minutes (1 MB: ~27 s); it now scans forward once.
  it("a single line of 2 MB of sxs-lookup spans", () => {
    const span = '<span class="sxs-lookup">';
    expectBounded(write("sxs-line.md", span.repeat(Math.ceil(2_000_000 / span.length)) + "\n"), 20_000);
  }, 40_000);
});

describe("regular expressions that backtracked (scripts/check-regex.mjs) on page text", () => {
  // Each input is 200-400 KB: a linear scan takes well under a second, the old regexes 10-40 s.

  // Was a bug: DELIMITER_ROW (src/parse/table.ts) was quadratic (recheck: 2nd degree) on a table
  // line like "-|-:" + tabs + ":-x": 100 KB took ~8 s, 200 KB ~33 s.
  it("a 200 KB table delimiter-like line", () => {
    expectBounded(write("redos-table.md", "| a | b |\n|-|-:" + "\t".repeat(200_000) + ":-x\n"), 10_000);
  }, 30_000);

  // Was a bug: isPlaceholderBody (src/parse/json-syntax.ts) was quadratic on a body "[<" + tabs + "[<]":
  // 100 KB took ~7 s, 200 KB ~28 s.
  it("a 200 KB placeholder-like JSON body", () => {
    expectBounded(write("redos-body.md", "```json\n[<" + "\t".repeat(200_000) + "[<]\n```\n"), 10_000);
  }, 30_000);

  // Was a bug: repairJson's multi-line string regex (src/page/build.ts) was quadratic on a broken
  // annotation holding '\x01\\"\\' runs: 100 KB took ~2 s, 400 KB ~35 s.
  it("a 400 KB broken annotation", () => {
    const annotation = '<!-- {"a": ' + '\u0001\\"\\'.repeat(100_000) + '\r"\n"} -->\n';
    expectBounded(write("redos-annotation.md", annotation), 10_000);
  }, 30_000);
});

describe("bytes that are not a page", () => {
  it("invalid UTF-8: a clear message, exit 2, the other file still reported", () => {
    const file = write(
      "latin1.md",
      Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x0a]),
    );
    const run = cli([file, companion], 30_000);
    expect(run.status).toBe(2);
    const results = resultsOf(run, [file, companion]);
    expect(results.find((r) => r.filePath === file)!.messages[0]!.message).toMatch(/not valid UTF-8.*byte 5/);
    expect(run.stderr).toContain("latin1.md: File is not valid UTF-8");
  });

  it("a NUL byte: a clear message, exit 2, the other file still reported", () => {
    const file = write("nul.md", "# Title\n\0\nTODO\n");
    const run = cli([file, companion], 30_000);
    expect(run.status).toBe(2);
    const results = resultsOf(run, [file, companion]);
    expect(results.find((r) => r.filePath === file)!.messages[0]!.message).toMatch(
      /binary file \(NUL byte at byte 8\)/,
    );
  });
});

describe("the page size limit (maxPageBytes)", () => {
  it("a page over the configuration's maxPageBytes: one message, exit 2; one at the limit is linted", () => {
    const project = join(dir, "size-limit");
    write("size-limit/.graph-docs-lint.json", JSON.stringify({ maxPageBytes: 20 }));
    const over = write("size-limit/over.md", "# Over\n\nTODO: 21 bit\n"); // 21 bytes
    const at = write("size-limit/at.md", "# At\n\nTODO: 20 byte\n"); // 20 bytes
    const run = cli([over, at], 30_000, project);
    expect(run.status).toBe(2);
    const results = resultsOf(run, [over, at]);
    expect(results.find((r) => r.filePath === over)!.messages.map((m) => m.message)).toEqual([
      "Page is too large to lint: 21 bytes, over the limit of 20 (maxPageBytes); not linted.",
    ]);
    expect(results.find((r) => r.filePath === at)!.messages.map((m) => m.ruleId)).toEqual([
      "no-todo-placeholder",
    ]);
    // --fix leaves a page it does not lint alone.
    expect(cli(["--fix", over], 30_000, project).status).toBe(2);
    expect(readFileSync(over, "utf8")).toBe("# Over\n\nTODO: 21 bit\n");
  });

  it("lintText, fixText and lintFile refuse a page over maxPageBytes (UTF-8 bytes, BOM included)", () => {
    const text = "\uFEFF# \u00e9\n\n```json\n[1,]\n```\n"; // the BOM and "é" count 3 and 2 bytes
    const bytes = Buffer.byteLength(text, "utf8");
    const refused = lintText(text, { maxPageBytes: bytes - 1 });
    expect(refused.unreadable).toBe(true);
    expect(refused.messages.map((m) => m.reason)).toEqual([
      `Page is too large to lint: ${bytes} bytes, over the limit of ${bytes - 1} (maxPageBytes); not linted.`,
    ]);
    expect(lintText(text, { maxPageBytes: bytes }).messages.map((m) => m.ruleId)).toEqual([
      "no-trailing-comma",
    ]);
    const fixed = fixText(text, { maxPageBytes: bytes - 1 });
    expect(fixed).toMatchObject({ output: text, changed: false, fixCount: 0 });
    const file = write("size-limit/api.md", text);
    expect(lintFile(file, { maxPageBytes: bytes - 1 }).messages.map((m) => m.reason)).toEqual(
      refused.messages.map((m) => m.reason),
    );
    expect(lintFile(file, { maxPageBytes: bytes }).unreadable).toBe(false);
  });
});

describe("files that move under the linter", () => {
  it("a file deleted between listing and reading gives a clear message", async () => {
    const file = write("vanishing/page.md", "# Page\n");
    const { files, unmatched } = await selectFiles([join(dir, "vanishing")], dir);
    expect(files).toEqual([file]);
    expect(unmatched).toEqual([]);
    unlinkSync(file);
    const result = lintFile(files[0]!);
    expect(result.unreadable).toBe(true);
    expect(result.messages.map((m) => m.reason)).toEqual(["No such file or directory."]);
  });

  it("a dangling symlink beside a page: named as matching nothing, exit 2, nothing linted (as ESLint)", () => {
    const link = join(dir, "dangling.md");
    symlinkSync(join(dir, "no-such-target.md"), link);
    const run = cli([link, companion], 30_000);
    expect(run.status).toBe(2);
    expectNoCrash(run);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`graph-docs-lint: No files matching the pattern "${link}" were found.\n`);
    // Allowed to match nothing, the link is skipped and the page reported.
    const allowed = cli(["--no-error-on-unmatched-pattern", link, companion], 30_000);
    expect(allowed.status).toBe(1);
    resultsOf(allowed, [companion]);
  });

  it("a folder with a symlink loop (`ln -s .. loop`) terminates", () => {
    const folder = join(dir, "looped");
    const page = write("looped/sub/page.md", "# Page\n\nTODO\n");
    symlinkSync("..", join(folder, "sub", "loop"));
    symlinkSync(".", join(folder, "self"));
    const run = cli([folder], 30_000);
    expect(run.status).toBe(1);
    resultsOf(run, [page]);
  });

  it("an unreadable file: a clear message (as root, which reads it anyway: no crash)", () => {
    const file = write("unreadable.md", "# Page\n\nTODO\n");
    chmodSync(file, 0o000);
    try {
      const run = cli([file, companion], 30_000);
      const results = resultsOf(run, [file, companion]);
      if (process.getuid?.() === 0) {
        // root reads a mode-000 file: it is linted like any other.
        expect(run.status).toBe(1);
      } else {
        expect(run.status).toBe(2);
        expect(results.find((r) => r.filePath === file)!.messages[0]!.message).toBe(
          "Permission denied: the file cannot be read.",
        );
        expect(run.stderr).toContain("Permission denied");
      }
    } finally {
      chmodSync(file, 0o644);
    }
  });
});

describe("nothing outside the page's data is executed or read", () => {
  it("a discovered .graph-docs-lint.js / .mjs / .cjs is never executed", () => {
    const project = join(dir, "js-config");
    const marker = join(project, "executed.txt");
    const payload = `process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexport default { rules: { "no-todo-placeholder": "off" } };\n`;
    write("js-config/.graph-docs-lint.js", payload);
    write("js-config/.graph-docs-lint.mjs", payload);
    write("js-config/.graph-docs-lint.cjs", payload.replace("export default", "module.exports ="));
    const page = write("js-config/page.md", "# Page\n\nTODO\n");
    const run = cli([page], 30_000, project);
    expect(existsSync(marker)).toBe(false);
    // The JavaScript configs were not loaded: the rule they turn off still reports.
    expect(run.status).toBe(1);
    expect(resultsOf(run, [page])[0]!.messages.map((m) => m.ruleId)).toEqual(["no-todo-placeholder"]);
  });

  it("a JavaScript file named by `extends` in a data config is refused, not executed", () => {
    const project = join(dir, "js-extends");
    const marker = join(project, "executed.txt");
    write(
      "js-extends/evil.js",
      `process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};\n`,
    );
    write("js-extends/.graph-docs-lint.json", JSON.stringify({ extends: "./evil.js" }));
    const page = write("js-extends/page.md", "# Page\n");
    const run = cli([page], 30_000, project);
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(2);
    expectNoCrash(run);
    expect(run.stderr).toContain("JavaScript configs are not loaded through extends");
  });

  it("a type link or [!INCLUDE] pointing outside the docs root is never read", () => {
    // <dir>/outside/enums.md lists "evil" as a member of fooType; the docs root is <dir>/a/b/docs.
    const outside = write(
      "outside/enums.md",
      "# Enums\n\n### fooType values\n\n| Member\n|:---\n| evil\n| good\n",
    );
    write("outside/secret.md", "TODO: never read\n");
    const root = join(dir, "a", "b", "docs");
    write("a/b/docs/resources/widget.md", "# widget resource type\n");
    const page = write(
      "a/b/docs/api/widget-post.md",
      [
        "# Create widget",
        "",
        "[!INCLUDE [secret](../../../../outside/secret.md)]",
        "",
        "## Request body",
        "",
        "| Property | Type | Description |",
        "|:---|:---|:---|",
        "| state | [fooType](../../../../outside/enums.md#footype-values) | The state. Possible values are: `good`. |",
        "",
        "## Example",
        "",
        '<!-- { "blockType": "request", "name": "create_widget" } -->',
        "```http",
        "POST https://graph.microsoft.com/v1.0/widgets",
        "Content-Type: application/json",
        "",
        '{ "state": "evil" }',
        "```",
        "",
      ].join("\n"),
    );
    clearDocsIndexes();
    const result = lintFile(page);
    const dependencies = [...docsIndexFor(root).dependencies];
    expect(dependencies).not.toContain(outside);
    expect(dependencies.every((f) => f.startsWith(root))).toBe(true);
    // The enum did not resolve from the outside page: "evil" is checked against `good` alone.
    const enumFindings = result.messages.filter((m) => m.ruleId === "enum-value-documented");
    expect(enumFindings).toHaveLength(1);
    expect(enumFindings[0]!.reason).toContain('"evil" is not a documented value');
    // links-resolve names the link that leaves the docs root (without reading it).
    expect(
      result.messages.some((m) => m.ruleId === "links-resolve" && m.reason.includes("outside the docs root")),
    ).toBe(true);
    clearDocsIndexes();
  });
});
