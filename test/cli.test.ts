/**
 * The command line, run as a child process from the build (`npm test` builds first).
 */
import type { SpawnSyncReturns } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  STUB_BETA,
  TABBED,
  expectNoStackTrace,
  md,
  offsetAt,
  requireBuiltCli,
  runCli,
  tempFolder,
  writeFile,
} from "./helpers.js";

requireBuiltCli();
const tmp = tempFolder("gdl-cli-");

function write(path: string, content: string | Uint8Array): string {
  return writeFile(tmp.path, path, content);
}

function cli(args: string[], cwd = tmp.path): SpawnSyncReturns<string> {
  return runCli(args, cwd);
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
}

interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

function json(result: SpawnSyncReturns<string>): JsonResult[] {
  return JSON.parse(result.stdout) as JsonResult[];
}

const CLEAN = md(
  "---",
  'title: "Get widget"',
  "---",
  "",
  "# Get widget",
  "",
  "Namespace: microsoft.graph",
  "",
  '<!-- { "blockType": "request", "name": "get_widget" } -->',
  "```http",
  "GET https://graph.microsoft.com/v1.0/widgets/w1",
  "```",
  "",
  '<!-- { "blockType": "response" } -->',
  "```http",
  "HTTP/1.1 200 OK",
  "```",
);

/** No annotations at all; a trailing comma on line 8 and a response id that does not echo (line 16). */
const NO_ANNOTATIONS = md(
  "# Create widget",
  "",
  "```http",
  "POST https://graph.microsoft.com/v1.0/widgets",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "w1",',
  "}",
  "```",
  "",
  "```http",
  "HTTP/1.1 201 Created",
  "Content-Type: application/json",
  "",
  '{ "id": "w2" }',
  "```",
);

describe("exit codes", () => {
  it("exits 0 on a clean page", () => {
    write("clean.md", CLEAN);
    const result = cli(["clean.md"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("No problems found (1 file checked).\n");
    expect(result.stderr).toBe("");
  });

  it("exits 1 when a page has errors, and lists them", () => {
    copyFileSync(TABBED, join(tmp.path, "tabbed.md"));
    const result = cli(["tabbed.md"]);
    expect(result.status).toBe(1);
    // ESLint's stylish layout: the path, then each finding's line:column, severity, message (without
    // its final period) and rule id in aligned columns, then the summary.
    expect(result.stdout.split("\n")).toEqual([
      "",
      "tabbed.md",
      "  118:21  error  Trailing comma before '}' in example JSON: JSON does not allow it   no-trailing-comma",
      '  146:9   error  Response id "part-2b9c" does not echo the request\'s id "part-2b9e"  request-response-id-match',
      "",
      "\u2716 2 problems (2 errors, 0 warnings)",
      "  1 error and 0 warnings potentially fixable with the `--fix` option.",
      "",
    ]);
    expect(result.stderr).toBe("");
  });

  it("exits 2 on an unknown option, with a message and no stack trace", () => {
    write("clean.md", CLEAN);
    const result = cli(["--bogus", "clean.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--bogus");
    expect(result.stderr).toContain("graph-docs-lint --help");
    expectNoStackTrace(result.stderr);
    expect(result.stdout).toBe("");
  });

  it("exits 2 on an unknown format", () => {
    write("clean.md", CLEAN);
    const result = cli(["--format", "xml", "clean.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"xml"');
    expectNoStackTrace(result.stderr);
  });

  it("lints the current folder when no path is given, as ESLint does", () => {
    const dir = tmp.fresh("n");
    writeFile(dir, "a.md", CLEAN);
    writeFile(dir, "sub/b.md", NO_ANNOTATIONS);
    const result = cli(["--format", "json"], dir);
    expect(result.status).toBe(1);
    expect(json(result).map((r) => [r.filePath, r.errorCount])).toEqual([
      [join(dir, "a.md"), 0],
      [join(dir, "sub", "b.md"), 2],
    ]);
  });
});

describe("files that are missing or cannot be linted", () => {
  it("stops at a missing path, as ESLint does: exit 2, the pattern named, nothing linted or reported", () => {
    write("errors.md", NO_ANNOTATIONS);
    write("clean.md", CLEAN);
    const result = cli(["--format", "json", "errors.md", "missing.md", "clean.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('graph-docs-lint: No files matching the pattern "missing.md" were found.\n');
    expect(result.stdout).toBe("");
  });

  it("with --no-error-on-unmatched-pattern, skips a missing path and lints the others", () => {
    write("errors.md", NO_ANNOTATIONS);
    write("clean.md", CLEAN);
    const result = cli([
      "--no-error-on-unmatched-pattern",
      "--format",
      "json",
      "errors.md",
      "missing.md",
      "clean.md",
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(json(result).map((r) => [r.filePath, r.errorCount])).toEqual([
      [join(tmp.path, "errors.md"), 2],
      [join(tmp.path, "clean.md"), 0],
    ]);
  });

  it("lints an empty file: no findings, exit 0", () => {
    write("empty.md", "");
    const result = cli(["--format", "json", "empty.md"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(json(result)).toEqual([
      {
        filePath: join(tmp.path, "empty.md"),
        messages: [],
        errorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it("refuses a binary file with a clear message and exit 2, without a stack trace", () => {
    write("binary.md", Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]));
    write("clean.md", CLEAN);
    const result = cli(["binary.md", "clean.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /binary\.md: File looks like a binary file \(NUL byte at byte 2\); not linted\.\n$/,
    );
    expectNoStackTrace(result.stderr);
    expect(result.stdout).toContain(
      "binary.md\n  1:1  error  File looks like a binary file (NUL byte at byte 2); not linted\n",
    );
  });

  it("reports a binary file as a fatal message in JSON", () => {
    write("binary.md", Buffer.from([0x23, 0x20, 0x00]));
    const result = cli(["--format", "json", "binary.md"]);
    expect(result.status).toBe(2);
    expect(json(result)[0]?.messages).toEqual([
      {
        ruleId: null,
        severity: 2,
        message: "File looks like a binary file (NUL byte at byte 2); not linted.",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        fatal: true,
      },
    ]);
  });

  it("refuses invalid UTF-8 with a clear message and exit 2", () => {
    write("latin1.md", Buffer.concat([Buffer.from("# Caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const result = cli(["latin1.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /latin1\.md: File is not valid UTF-8 \(first invalid byte at byte 5\); not linted\.\n$/,
    );
    expectNoStackTrace(result.stderr);
  });

  it("lints a page with no annotations", () => {
    write("no-annotations.md", NO_ANNOTATIONS);
    const result = cli(["--format", "json", "no-annotations.md"]);
    expect(result.status).toBe(1);
    expect(json(result)[0]?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ["no-trailing-comma", 8, 13],
      ["request-response-id-match", 16, 9],
    ]);
  });
});

describe("--format json", () => {
  it("gives ESLint's result shape with absolute paths and message ids", () => {
    copyFileSync(TABBED, join(tmp.path, "tabbed.md"));
    const text = readFileSync(TABBED, "utf8");
    const result = cli(["--format", "json", "tabbed.md"]);
    expect(result.status).toBe(1);
    const results = json(result);
    expect(results).toHaveLength(1);
    const [only] = results;
    expect(isAbsolute(only!.filePath)).toBe(true);
    expect(only).toEqual({
      filePath: join(tmp.path, "tabbed.md"),
      messages: [
        {
          ruleId: "no-trailing-comma",
          severity: 2,
          message: "Trailing comma before '}' in example JSON: JSON does not allow it.",
          line: 118,
          column: 21,
          messageId: "body",
          endLine: 118,
          endColumn: 22,
          fix: { range: [offsetAt(text, 118, 21), offsetAt(text, 118, 22)], text: "" },
        },
        {
          ruleId: "request-response-id-match",
          severity: 2,
          message: 'Response id "part-2b9c" does not echo the request\'s id "part-2b9e".',
          line: 146,
          column: 9,
          messageId: "notEchoed",
          endLine: 146,
          endColumn: 20,
        },
      ],
      errorCount: 2,
      warningCount: 0,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
    });
  });

  it("writes large output through a pipe completely", () => {
    const big = join(tmp.path, "big");
    mkdirSync(big);
    const copies = 300;
    for (let i = 0; i < copies; i++)
      copyFileSync(STUB_BETA, join(big, `page-${String(i).padStart(3, "0")}.md`));
    const result = cli(["--format", "json", "big"]);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(500_000);
    const results = json(result);
    expect(results).toHaveLength(copies);
    expect(results.every((r) => r.messages.length === 13 && r.errorCount === 13)).toBe(true);
    expect(results[copies - 1]?.filePath).toBe(join(big, "page-299.md"));
  });
});

describe("folder search", () => {
  it("finds *.md only, skips node_modules and .gitignore'd files", () => {
    const tree = join(tmp.path, "tree");
    const page = md("# Page", "", "TODO");
    for (const f of [
      "a.md",
      "notes.txt",
      "page.markdown",
      "node_modules/pkg/readme.md",
      "sub/node_modules/x/y.md",
      "ignored/c.md",
      "sub/d.md",
      "sub/e.md",
      "sub/deeper/f.md",
      "build.log.md",
    ])
      write(join("tree", f), page);
    write("tree/.gitignore", md("ignored/", "*.log.md"));
    write("tree/sub/.gitignore", md("e.md"));
    const result = cli(["--format", "json", "."], tree);
    expect(result.status).toBe(1);
    expect(json(result).map((r) => r.filePath)).toEqual(
      ["a.md", "sub/d.md", "sub/deeper/f.md"].map((f) => join(tree, f)),
    );
  });

  it("lints a file named on the command line whatever its extension", () => {
    write("named/notes.txt", md("# Notes", "", "TODO"));
    const result = cli(["--format", "json", "named/notes.txt"]);
    expect(result.status).toBe(1);
    expect(json(result).map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])).toEqual([
      [join(tmp.path, "named", "notes.txt"), ["no-todo-placeholder"]],
    ]);
  });
});
