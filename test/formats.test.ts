/**
 * Output as an ESLint user expects it, through the built CLI: the stylish layout and its colours,
 * the unix, checkstyle and JUnit formats (the XML ones checked against their schemas in
 * test/data), --stats, progress on a terminal, and a standard output closed early.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { CLI, md, requireBuiltCli, runCli, tempFolder, writeFile } from "./helpers.js";

requireBuiltCli();
const tmp = tempFolder("gdl-formats-");

/** One TODO (3:1) and a trailing comma (7:9, fixable). */
const PAGE = md("# Page", "", "TODO one", "", "```json", "{", '  "a": 1,', "}", "```");
const CLEAN = md("# Clean", "", "Nothing to report.");
/** The env of a run whose colour is decided by `env` alone (no variable inherited). */
const NO_COLOR_VARS = { NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined };

function project(files: Record<string, string | Uint8Array> = { "page.md": PAGE }): string {
  const dir = tmp.fresh("f");
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return runCli(args, cwd, { env: { ...process.env, ...NO_COLOR_VARS, ...env } });
}

const ESC = "\u001b[";
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[\d+m/g, "");

describe("stylish", () => {
  it("prints ESLint's layout: the path, aligned findings without a final period, the summary", () => {
    const dir = project({ "api/page.md": PAGE, "api/clean.md": CLEAN });
    const result = run(["api"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        "",
        "api/page.md",
        '  3:1  error  TODO placeholder "TODO" must be replaced with real content       no-todo-placeholder',
        "  7:9  error  Trailing comma before '}' in JSON block: JSON does not allow it  no-trailing-comma",
        "",
        "\u2716 2 problems (2 errors, 0 warnings)",
        "  1 error and 0 warnings potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });

  it("says how many files were checked when there is nothing to report", () => {
    const dir = project({ "a.md": CLEAN, "b.md": CLEAN });
    expect(run(["a.md", "b.md"], dir).stdout).toBe("No problems found (2 files checked).\n");
  });

  it.each([
    ["nothing set, stdout a pipe", [], {}, false],
    ["FORCE_COLOR=1", [], { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0", [], { FORCE_COLOR: "0" }, false],
    ["NO_COLOR=1", [], { NO_COLOR: "1" }, false],
    ["--color", ["--color"], { NO_COLOR: "1" }, true],
    ["--no-color", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["-o file", ["-o", "out.txt"], {}, false],
    ["-o file --color", ["-o", "out.txt", "--color"], {}, true],
  ])("colour with %s", (_name, args, env, coloured) => {
    const dir = project();
    const result = run([...args, "page.md"], dir, env);
    expect(result.status).toBe(1);
    const text = args.includes("-o") ? readFileSync(join(dir, "out.txt"), "utf8") : result.stdout;
    expect(text.includes(ESC)).toBe(coloured);
    if (coloured) {
      // The same report underneath: underlined path, red severity, dim place and rule, bold summary.
      expect(stripAnsi(text)).toBe(run(["page.md"], dir).stdout);
      expect(text).toContain(`${ESC}4mpage.md${ESC}24m`);
      expect(text).toContain(`${ESC}31merror${ESC}39m`);
      expect(text).toContain(`${ESC}2m3:1${ESC}22m`);
      expect(text).toContain(`${ESC}2mno-todo-placeholder${ESC}22m`);
    }
  });
});

describe("unix", () => {
  it("prints path:line:column: message [Severity/rule-id], then the count", () => {
    const dir = project({ "page.md": PAGE, "clean.md": CLEAN });
    const result = run(["--format", "unix", "page.md", "clean.md"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'page.md:3:1: TODO placeholder "TODO" must be replaced with real content. [Error/no-todo-placeholder]',
        "page.md:7:9: Trailing comma before '}' in JSON block: JSON does not allow it. [Error/no-trailing-comma]",
        "",
        "2 problems",
        "",
      ].join("\n"),
    );
    expect(run(["--format", "unix", "clean.md"], dir).stdout).toBe("");
  });
});

/** A page whose messages quote characters XML must escape or cannot hold at all. */
const AWKWARD = md(
  "# Awkward",
  "",
  "<!-- graph-docs-lint-disable-next-line a&<\"'>b x]]>y bad\u0001name -->",
  "TODO",
);

async function validate(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "report.xml", contents: xml }],
    schema: [readFileSync(new URL(`./data/${schema}`, import.meta.url), "utf8")],
  });
  return result.errors.map((e) => e.message);
}

describe.each([
  ["checkstyle", "checkstyle.xsd"],
  ["junit", "junit.xsd"],
])("%s", (format, schema) => {
  it("is well-formed and valid against its schema, with awkward messages, clean and unreadable files", async () => {
    const dir = project({
      "page.md": PAGE,
      "awkward.md": AWKWARD,
      "clean.md": CLEAN,
      "binary.md": Buffer.from([0x23, 0, 1]),
    });
    const result = run(["--format", format, "page.md", "awkward.md", "clean.md", "binary.md"], dir);
    expect(result.status).toBe(2);
    expect(await validate(result.stdout, schema)).toEqual([]);
    expect(result.stdout).toContain("Unknown rule &quot;a&amp;&lt;&quot;&apos;&gt;b&quot;");
    expect(result.stdout).toContain("bad\ufffdname");
  });

  it("a report that breaks the schema is caught (the check can fail)", async () => {
    const dir = project();
    const xml = run(["--format", format, "page.md"], dir).stdout;
    const broken =
      format === "checkstyle"
        ? xml.replace('line="3"', 'line="three"')
        : xml.replace(/(<testsuite [^>]*?) failures="\d+"/, "$1");
    expect(broken).not.toBe(xml);
    expect(await validate(broken, schema)).not.toEqual([]);
  });
});

describe("checkstyle", () => {
  it("has one <file> per file and one <error> per finding, with the rule as source", () => {
    const dir = project({ "page.md": PAGE, "clean.md": CLEAN });
    const result = run(["--format", "checkstyle", "page.md", "clean.md"], dir);
    expect(result.stdout).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        `  <file name="${join(dir, "page.md")}">`,
        '    <error line="3" column="1" severity="error" message="TODO placeholder &quot;TODO&quot; must be replaced with real content. (no-todo-placeholder)" source="graph-docs-lint.rules.no-todo-placeholder" />',
        '    <error line="7" column="9" severity="error" message="Trailing comma before &apos;}&apos; in JSON block: JSON does not allow it. (no-trailing-comma)" source="graph-docs-lint.rules.no-trailing-comma" />',
        "  </file>",
        `  <file name="${join(dir, "clean.md")}">`,
        "  </file>",
        "</checkstyle>",
        "",
      ].join("\n"),
    );
  });
});

describe("junit", () => {
  it("has a suite per file: a failing case per finding, an error for an unreadable file, a passing case for a clean one", () => {
    const dir = project({ "page.md": PAGE, "clean.md": CLEAN, "binary.md": Buffer.from([0]) });
    const xml = run(["--format", "junit", "page.md", "clean.md", "binary.md"], dir).stdout;
    const suites = [
      ...xml.matchAll(/<testsuite [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)" name="([^"]+)"/g),
    ];
    expect(suites.map((m) => [m[4], Number(m[1]), Number(m[2]), Number(m[3])])).toEqual([
      [join(dir, "page.md"), 2, 2, 0],
      [join(dir, "clean.md"), 1, 0, 0],
      [join(dir, "binary.md"), 1, 0, 1],
    ]);
    expect(xml).toContain('<testsuites name="graph-docs-lint" tests="4" failures="2" errors="1">');
    expect(xml).toContain(
      `<testcase time="0" name="graph-docs-lint.no-trailing-comma" classname="${join(dir, "page")}"><failure message="Trailing comma before &apos;}&apos; in JSON block: JSON does not allow it."><![CDATA[line 7, col 9, Error - Trailing comma before '}' in JSON block: JSON does not allow it. (no-trailing-comma)]]></failure></testcase>`,
    );
  });
});

describe("--stats", () => {
  const STATS = [
    "",
    "Rule                 Errors  Warnings  Fixable",
    "no-todo-placeholder       2         0        0",
    "no-trailing-comma         1         0        1",
    "Total                     3         0        1",
    "",
  ].join("\n");

  it("adds the problems of each rule after a readable report", () => {
    const dir = project({ "page.md": PAGE, "two.md": md("# Two", "", "TODO") });
    const result = run(["--stats", "page.md", "two.md"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout.endsWith(`potentially fixable with the \`--fix\` option.\n${STATS}`)).toBe(true);
    const unix = run(["--stats", "--format", "unix", "page.md", "two.md"], dir);
    expect(unix.stdout.endsWith(`\n3 problems\n${STATS}`)).toBe(true);
  });

  it("goes to stderr with a machine-read format, which stays as it is", () => {
    const dir = project({ "page.md": PAGE, "two.md": md("# Two", "", "TODO") });
    const result = run(["--stats", "--format", "json", "page.md", "two.md"], dir);
    expect(result.stdout).toBe(run(["--format", "json", "page.md", "two.md"], dir).stdout);
    expect(result.stderr).toBe(STATS.slice(1));
  });
});

describe("progress on a long run", () => {
  /** 200 pages: a run large enough for worker threads, and for progress. */
  function manyPages(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`p${String(i).padStart(3, "0")}.md`] = md("# P", "", "TODO");
    return project(files);
  }

  /** Runs the CLI on a terminal (`script` gives it one), stdout to /dev/null; returns what the terminal showed. */
  function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ") + " > /dev/null";
    const result = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, ...NO_COLOR_VARS, ...env },
    });
    if (result.error) throw result.error;
    return result.stdout;
  }

  it("shows files done on a terminal's stderr, and clears its line at the end", () => {
    const dir = manyPages();
    const shown = onTerminal(["--format", "json", "."], dir, {});
    expect(shown).toContain("\rgraph-docs-lint: 0/200 files");
    expect(shown).toContain("\rgraph-docs-lint: 200/200 files");
    expect(shown.endsWith("\r\u001b[K")).toBe(true);
  });

  it("never in CI, nor when stderr is not a terminal", () => {
    const dir = manyPages();
    expect(onTerminal(["--format", "json", "."], dir, { CI: "true" })).toBe("");
    const piped = run(["--format", "json", "."], dir);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toBe("");
  });
});

describe("a standard output closed early (`| head`)", () => {
  /** Runs the CLI with its stdout's reading end closed at once: every write meets EPIPE. */
  function withClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it.each([
    ["the stylish report", ["page.md"], 1],
    ["a JSON report", ["--format", "json", "page.md"], 1],
    ["a dry run's diff", ["--fix-dry-run", "page.md"], 1],
    ["--list-rules", ["--list-rules"], 0],
    ["--help", ["--help"], 0],
  ])("ends the run quietly: %s", async (_name, args, code) => {
    const dir = project();
    const result = await withClosedStdout(args, dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(code);
  });
});

describe("-o", () => {
  it.each([
    ["a folder", "out", "it is a folder"],
    ["a path through a file", "page.md/out.txt", "a part of its path is a file, not a folder"],
  ])("into %s is a usage error: exit 2 and a plain message", (_name, target, why) => {
    const dir = project();
    writeFile(dir, "out/.keep", "");
    const result = run(["-o", target, "page.md"], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`graph-docs-lint: cannot write the report to ${target}: ${why}\n`);
  });
});
