/**
 * The command-line options an ESLint user reaches for, through the built CLI: --rule,
 * --print-config, --init, --ignore-pattern and --no-ignore, patterns that match nothing, and
 * argument errors in plain words.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoStackTrace, md, requireBuiltCli, runCli, tempFolder, writeFile } from "./helpers.js";

requireBuiltCli();
const tmp = tempFolder("gdl-options-");

/** Two TODOs (lines 3 and 5) and a trailing comma (line 9). */
const PAGE = md("# Page", "", "TODO one", "", "TODO two", "", "```json", "{", '  "a": 1,', "}", "```");

/** A fresh folder, a git repository so that no ignore file above it is read. */
function project(files: Record<string, string> = { "page.md": PAGE }): string {
  const dir = tmp.fresh("o");
  const init = spawnSync("git", ["init", "-q"], { cwd: dir, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number }>;
}

/** [file relative to dir, rule id, severity] of each finding of a JSON report. */
function findings(stdout: string, dir: string): Array<[string, string | null, number]> {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) =>
    r.messages.map((m): [string, string | null, number] => [
      r.filePath.slice(dir.length + 1),
      m.ruleId,
      m.severity,
    ]),
  );
}

describe("--rule", () => {
  it.each([
    ["id: severity", ["--rule", "no-todo-placeholder: warn"], [1, 1, 2]],
    ["a number", ["--rule", "no-todo-placeholder: 0"], [2]],
    ["[severity, options]", ["--rule", 'no-todo-placeholder: [1, {"x": 1}]'], [1, 1, 2]],
    ["several pairs", ["--rule", "no-todo-placeholder: off, no-trailing-comma: warn"], [1]],
    ["repeated", ["--rule", "no-todo-placeholder: off", "--rule", "no-trailing-comma: 1"], [1]],
    ["a JSON object", ["--rule", '{"no-todo-placeholder": "warn", "no-trailing-comma": "off"}'], [1, 1]],
  ])("takes %s, over the configuration file", (_name, args, severities) => {
    const dir = project({
      "page.md": PAGE,
      ".graph-docs-lint.json": '{ "rules": { "no-trailing-comma": "error" } }',
    });
    const result = runCli([...args, "--format", "json", "page.md"], dir);
    expect(findings(result.stdout, dir).map(([, , severity]) => severity)).toEqual(severities);
    expect(result.status).toBe(severities.includes(2) ? 1 : 0);
  });

  it.each([
    [
      "an unknown rule",
      "no-todo-placehold: warn",
      'unknown rule "no-todo-placehold" (did you mean "no-todo-placeholder"?)',
    ],
    [
      "a bad severity",
      "no-todo-placeholder: loud",
      '"no-todo-placeholder" must be "off", "warn" or "error" (or 0, 1, 2)',
    ],
    ["no colon", "no-todo-placeholder", 'takes "id: severity"'],
  ])("%s is a usage error", (_name, value, expected) => {
    const result = runCli(["--rule", value, "page.md"], project());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`graph-docs-lint: --rule`);
    expect(result.stderr).toContain(expected);
    expectNoStackTrace(result.stderr);
  });
});

describe("--print-config", () => {
  it("prints the configuration of a file, with --rule and --docs-root applied, and lints nothing", () => {
    const dir = project({
      "docs/.graph-docs-lint.jsonc":
        '{ "extends": "graph-docs-lint:strict", "rules": { "json-valid": ["warn", { "a": 1 }] }, "ignores": ["drafts/"] }',
    });
    const result = runCli(
      ["--print-config", "docs/page.md", "--rule", "annotation-json: off", "--docs-root", "tree"],
      dir,
    );
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown> & { rules: Record<string, unknown> };
    expect(printed).toMatchObject({
      files: [join(dir, "docs", ".graph-docs-lint.jsonc")],
      ignored: false,
      ignores: [{ base: join(dir, "docs"), patterns: ["drafts/"] }],
      docsRoot: join(dir, "tree"),
      maxPageBytes: 10485760,
      reportUnusedDisableDirectives: false,
    });
    expect(printed.rules["json-valid"]).toEqual(["warn", { a: 1 }]);
    expect(printed.rules["annotation-json"]).toBe("off");
    expect(printed.rules["no-todo-placeholder"]).toBe("error");
    expect(runCli(["--print-config", "docs/drafts/x.md"], dir).stdout).toContain('"ignored": true');
  });

  it("a broken configuration: exit 2 with its message", () => {
    const dir = project({ ".graph-docs-lint.json": '{ "extends": "recommended" }' });
    const result = runCli(["--print-config", "page.md"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'graph-docs-lint: .graph-docs-lint.json: /extends: unknown preset "recommended"; write "graph-docs-lint:recommended"\n',
    );
  });
});

describe("--init", () => {
  it("writes a starter .graph-docs-lint.jsonc that the linter reads: every rule at its default", () => {
    const dir = project({});
    const result = runCli(["--init"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "Wrote .graph-docs-lint.jsonc: every rule at its default severity. Edit it to turn rules down or off.\n",
    );
    const text = readFileSync(join(dir, ".graph-docs-lint.jsonc"), "utf8");
    expect(text).toContain('"extends": ["graph-docs-lint:recommended"]');
    const printed = JSON.parse(runCli(["--print-config", "page.md"], dir).stdout) as {
      files: string[];
      rules: Record<string, string>;
    };
    expect(printed.files).toEqual([join(dir, ".graph-docs-lint.jsonc")]);
    const defaults = JSON.parse(runCli(["--print-config", "page.md"], project({})).stdout) as {
      rules: Record<string, string>;
    };
    expect(printed.rules).toEqual(defaults.rules);
    for (const id of Object.keys(defaults.rules)) expect(text).toContain(`"${id}":`);
  });

  it.each([
    [".graph-docs-lint.yaml", "rules: {}\n", ".graph-docs-lint.yaml"],
    ["package.json", '{ "graph-docs-lint": {} }', 'the "graph-docs-lint" key of package.json'],
  ])("never overwrites a configuration: %s", (name, text, named) => {
    const dir = project({ [name]: text });
    const result = runCli(["--init"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `graph-docs-lint: --init: this folder already has a configuration (${named}); not overwritten\n`,
    );
    expect(existsSync(join(dir, ".graph-docs-lint.jsonc"))).toBe(false);
  });
});

describe("ignoring files", () => {
  const files = {
    "api/a.md": PAGE,
    "api/drafts/b.md": PAGE,
    "api/c-preview.md": PAGE,
    ".graph-docs-lintignore": "api/c-preview.md\n",
    ".graph-docs-lint.json": '{ "ignores": ["api/drafts/"] }',
  };
  const linted = (stdout: string, dir: string) => [...new Set(findings(stdout, dir).map(([file]) => file))];

  it("applies ignore files and the configuration's ignores, and --ignore-pattern on top", () => {
    const dir = project(files);
    expect(linted(runCli(["--format", "json", "api"], dir).stdout, dir)).toEqual(["api/a.md"]);
    const more = runCli(
      ["--format", "json", "--ignore-pattern", "a.md", "--ignore-pattern", "nothing", "api"],
      dir,
    );
    expect(more.status).toBe(2);
    expect(more.stderr).toBe('graph-docs-lint: All files matched by "api" are ignored.\n');
  });

  it("--no-ignore lints them all", () => {
    const dir = project(files);
    const result = runCli(["--format", "json", "--no-ignore", "--ignore-pattern", "a.md", "api"], dir);
    expect(linted(result.stdout, dir)).toEqual(["api/a.md", "api/c-preview.md", "api/drafts/b.md"]);
  });

  it("a file named on the command line but ignored is skipped silently (lint-staged passes such files)", () => {
    const dir = project(files);
    const result = runCli(["--format", "json", "--ignore-pattern", "*.md", "api/a.md"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});

describe("patterns that match nothing (ESLint's behaviour)", () => {
  it.each([
    [
      "an empty folder",
      { "empty/.keep": "" },
      ["empty"],
      'No files matching the pattern "empty" were found.',
    ],
    ["a missing file", {}, ["nope.md"], 'No files matching the pattern "nope.md" were found.'],
    [
      "a glob matching nothing",
      {},
      ["docs/**/*.md"],
      'No files matching the pattern "docs/**/*.md" were found.',
    ],
    [
      "a folder whose pages are all ignored",
      { "api/a.md": PAGE, ".graph-docs-lintignore": "api/\n" },
      ["api"],
      'All files matched by "api" are ignored.',
    ],
  ])("%s: exit 2, one message, nothing linted", (_name, files, args, message) => {
    const dir = project(files as Record<string, string>);
    const result = runCli(args, dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`graph-docs-lint: ${message}\n`);
    const allowed = runCli(["--no-error-on-unmatched-pattern", ...args], dir);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toBe("No problems found (0 files checked).\n");
  });

  it("--changed-since with a path that does not exist: exit 2", () => {
    const dir = project({ "page.md": PAGE });
    for (const args of [
      ["add", "."],
      ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"],
    ])
      expect(spawnSync("git", args, { cwd: dir }).status).toBe(0);
    const result = runCli(["--changed-since", "HEAD", "nope/"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('graph-docs-lint: No files matching the pattern "nope/" were found.\n');
    // An existing path with nothing changed under it is not an error: there is nothing to lint.
    expect(runCli(["--changed-since", "HEAD", "."], dir).status).toBe(0);
  });
});

describe("argument errors in plain words", () => {
  it.each([
    [["--bogus", "page.md"], "unknown option --bogus"],
    [["--rules", "x", "page.md"], "unknown option --rules (did you mean --rule?)"],
    [["page.md", "--format"], "option --format needs a value: <name>"],
    [["page.md", "-f"], "option -f needs a value: <name>"],
    [["--rule"], "option --rule needs a value: 'id: severity'"],
    [["--fix=yes", "page.md"], "option --fix does not take a value"],
    [
      ["--format", "xml", "page.md"],
      'unknown format "xml"; expected one of: stylish, json, sarif, github, unix, checkstyle, junit',
    ],
    [["--max-warnings", "x", "page.md"], '--max-warnings takes a whole number (or -1 for no limit), not "x"'],
  ])("%j", (args, message) => {
    const result = runCli(args, project());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(`graph-docs-lint: ${message}`);
    expectNoStackTrace(result.stderr);
  });

  it("takes a value that starts with a dash, and `--` before paths that do", () => {
    const dir = project({ "-odd.md": PAGE });
    const result = runCli(["--format", "json", "--", "-odd.md"], dir);
    expect(result.status).toBe(1);
    expect(findings(result.stdout, dir).map(([file]) => file)).toEqual(["-odd.md", "-odd.md", "-odd.md"]);
  });
});
