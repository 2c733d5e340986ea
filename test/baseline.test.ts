/**
 * Baselines through the CLI: `--write-baseline` records today's findings, `--baseline` reports only
 * new ones — robust to lines moving, counting identical findings, refusing a bad baseline file.
 */
import type { SpawnSyncReturns } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  PLAIN_TEXT,
  STUB_BETA,
  expectNoStackTrace,
  requireBuiltCli,
  runCli as cli,
  tempFolder,
  writeFile as write,
} from "./helpers.js";

/** Four trailing commas (lines 45, 57, 69, 81) and an id mismatch (line 80). */
const PLAIN = readFileSync(PLAIN_TEXT, "utf8");
/** 13 findings: TODOs, paths without /external, enum placeholders. */
const STUB = readFileSync(STUB_BETA, "utf8");

requireBuiltCli();
const root = tempFolder("gdl-baseline-");

/** A fresh project with two legacy pages. */
function project(): string {
  const dir = root.fresh("p");
  write(dir, "api/create-member.md", PLAIN);
  write(dir, "api/legacy.md", STUB);
  return dir;
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  const file = join(dir, path);
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string }>;
  errorCount: number;
}

/** `[file, ruleId, line]` of every finding of a --format json run. */
function findings(result: SpawnSyncReturns<string>, dir: string): Array<[string, string | null, number]> {
  return (JSON.parse(result.stdout) as JsonResult[]).flatMap((r) =>
    r.messages.map((m): [string, string | null, number] => [
      r.filePath.slice(dir.length + 1),
      m.ruleId,
      m.line,
    ]),
  );
}

/** Writes the baseline of the project's current findings. */
function baseline(dir: string, file = "b.json"): void {
  const result = cli(["--write-baseline", file, "api"], dir);
  expect(result.status).toBe(0);
  expect(result.stdout).toBe("");
}

function withBaseline(dir: string, file = "b.json"): SpawnSyncReturns<string> {
  return cli(["--format", "json", "--baseline", file, "api"], dir);
}

/** A JSON example with one trailing comma, as the plain page writes them (the same line text as line 45). */
const COMMA_EXAMPLE = [
  "",
  "POST https://graph.microsoft.com/beta/external/connections/contoso/widgets",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "5d0c9a2e-1b7f-4c3a-8e64-7a9f0b2d3c1e",',
  '  "label": "Lobby sensor",',
  "}",
  "",
].join("\n");

describe("--write-baseline", () => {
  it("records every finding, exits 0 although the pages have errors, and says what it wrote", () => {
    const dir = project();
    const result = cli(["--write-baseline", "b.json", "api"], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("graph-docs-lint: wrote 18 finding(s) of 2 file(s) to b.json\n");
    const data = JSON.parse(readFileSync(join(dir, "b.json"), "utf8")) as {
      version: number;
      files: Record<string, Array<{ ruleId: string; line: number; fingerprint: string }>>;
    };
    expect(data.version).toBe(1);
    expect(Object.keys(data.files)).toEqual(["api/create-member.md", "api/legacy.md"]);
    expect(data.files["api/create-member.md"]?.map((e) => [e.ruleId, e.line])).toEqual([
      ["no-trailing-comma", 45],
      ["no-trailing-comma", 57],
      ["no-trailing-comma", 69],
      ["request-response-id-match", 80],
      ["no-trailing-comma", 81],
    ]);
    expect(data.files["api/legacy.md"]).toHaveLength(13);
    // Identical findings (same rule, message and line text) get distinct fingerprints.
    const prints = data.files["api/create-member.md"]!.map((e) => e.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("into a folder that does not exist: creates the folder and writes the baseline there", () => {
    const dir = project();
    const result = cli(["--write-baseline", "nodir/b.json", "api"], dir);
    expect(result.status).toBe(0);
    expectNoStackTrace(result.stderr);
    const written = JSON.parse(readFileSync(join(dir, "nodir", "b.json"), "utf8")) as { files: object };
    expect(Object.keys(written.files)).toEqual(["../api/create-member.md", "../api/legacy.md"]);
  });

  it("a clean project gives an empty baseline", () => {
    const dir = root.fresh("p");
    write(dir, "api/clean.md", "# Clean\n\nNothing here.\n");
    const result = cli(["--write-baseline", "b.json", "api"], dir);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "b.json"), "utf8"))).toEqual({ version: 1, files: {} });
  });
});

describe("--baseline", () => {
  it("reports nothing for the findings it records: exit 0", () => {
    const dir = project();
    expect(cli(["api"], dir).status).toBe(1);
    baseline(dir);
    const result = withBaseline(dir);
    expect(result.status).toBe(0);
    expect(findings(result, dir)).toEqual([]);
    const stylish = cli(["--baseline", "b.json", "api"], dir);
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toBe("No problems found (2 files checked).\n");
  });

  it("still reports nothing after lines are inserted above the findings", () => {
    const dir = project();
    baseline(dir);
    edit(dir, "api/create-member.md", (t) => `Intro paragraph.\n\nAnother one.\n\n${t}`);
    edit(dir, "api/legacy.md", (t) => t.replace("## Permissions\n", "## Permissions\n\nA new sentence.\n"));
    const result = withBaseline(dir);
    expect(findings(result, dir)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("reports only a new defect", () => {
    const dir = project();
    baseline(dir);
    edit(dir, "api/legacy.md", (t) =>
      t.replace("Create a new widgetTag on a widget of an external connection.\n", "TODO: write this.\n"),
    );
    const result = withBaseline(dir);
    expect(result.status).toBe(1);
    expect(findings(result, dir)).toEqual([["api/legacy.md", "no-todo-placeholder", 15]]);
  });

  it("reports a new file's findings in full", () => {
    const dir = project();
    baseline(dir);
    write(dir, "api/new.md", "# New\n\nTODO\n");
    const result = withBaseline(dir);
    expect(findings(result, dir)).toEqual([["api/new.md", "no-todo-placeholder", 3]]);
  });

  it("counts identical findings: a second identical trailing comma line is reported once", () => {
    const dir = project();
    baseline(dir);
    // Line 45's text again, in a new example at the end of the page.
    edit(dir, "api/create-member.md", (t) => `${t}\n${COMMA_EXAMPLE}`);
    const result = withBaseline(dir);
    expect(result.status).toBe(1);
    const found = findings(result, dir);
    expect(found).toHaveLength(1);
    expect(found[0]?.slice(0, 2)).toEqual(["api/create-member.md", "no-trailing-comma"]);
  });

  it("counts identical findings: a duplicate added above the others is reported once too", () => {
    const dir = project();
    baseline(dir);
    edit(dir, "api/create-member.md", (t) => t.replace("Examples\n", `Examples\n${COMMA_EXAMPLE}`));
    const found = findings(withBaseline(dir), dir);
    expect(found.map(([file, rule]) => [file, rule])).toEqual([
      ["api/create-member.md", "no-trailing-comma"],
    ]);
  });

  it("reports a finding whose line text changed (it is a different finding)", () => {
    const dir = project();
    baseline(dir);
    edit(dir, "api/create-member.md", (t) =>
      t.replace('  "label": "Lobby sensor",\n}', '  "label": "Side door",\n}'),
    );
    const found = findings(withBaseline(dir), dir);
    expect(found).toEqual([["api/create-member.md", "no-trailing-comma", 45]]);
  });

  it("fixing a recorded finding reports nothing", () => {
    const dir = project();
    baseline(dir);
    edit(dir, "api/create-member.md", (t) =>
      t.replace('"label": "Lobby sensor",', '"label": "Lobby sensor"'),
    );
    const result = withBaseline(dir);
    expect(result.status).toBe(0);
    expect(findings(result, dir)).toEqual([]);
  });

  it("works from another working folder: paths are relative to the baseline file", () => {
    const dir = project();
    mkdirSync(join(dir, "conf"));
    baseline(dir, "conf/b.json");
    edit(dir, "api/legacy.md", (t) => `${t}\nTODO\n`);
    const result = cli(["--format", "json", "--baseline", "../conf/b.json", "."], join(dir, "api"));
    expect(result.status).toBe(1);
    expect(findings(result, dir)).toEqual([["api/legacy.md", "no-todo-placeholder", 85]]);
  });
});

describe("a bad baseline file", () => {
  it.each([
    [
      "that does not exist",
      undefined,
      /^graph-docs-lint: cannot read baseline .*missing\.json: no such file\n$/,
    ],
    ["that is not JSON", "{ not json", /^graph-docs-lint: cannot read baseline .*bad\.json: .+\n$/],
    [
      "that is JSON of another shape",
      '{ "version": 2, "entries": [] }',
      /^graph-docs-lint: .*bad\.json is not a graph-docs-lint baseline \(expected \{"version": 1, "files": \{…\}\}\)\n$/,
    ],
    ["that is an array", "[]", /is not a graph-docs-lint baseline/],
    ["that is null", "null", /is not a graph-docs-lint baseline/],
  ])("%s: exit 2 with a clear message, no stack trace", (_name, content, message) => {
    const dir = project();
    const name = content === undefined ? "missing.json" : "bad.json";
    if (content !== undefined) write(dir, name, content);
    const result = cli(["--baseline", name, "api"], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain("internal error");
  });
});
