/**
 * The service's CSDL through the built CLI: `--metadata <file>`, `--metadata <version>=<file>` and
 * the `metadata` configuration key. A file that cannot be used stops the run before any page is
 * linted: exit 2 and one message naming the file (and the line and column for XML errors), never
 * an internal error or a stack.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoStackTrace, md, requireBuiltCli, runCli, tempFolder, writeFile } from "./helpers.js";
import { csdl } from "./metadata/csdl.js";

requireBuiltCli();
const tmp = tempFolder("gdl-cli-metadata-");

const GOOD = csdl('<EnumType Name="color">', '  <Member Name="red" Value="0" />', "</EnumType>");
/** Cut inside the `<Member>` start tag of line 6 (inside the `<EnumType>` of line 5). */
const TRUNCATED = GOOD.slice(0, GOOD.indexOf('<Member Name="red"') + 8);
const PAGE = md("# Get color", "", "Gets a color.");

/** A git repository (no ignore file above it is read) with a v1.0 and a beta page. */
function project(files: Record<string, string> = {}): string {
  const dir = tmp.fresh("m");
  const init = spawnSync("git", ["init", "-q"], { cwd: dir, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
  const all = {
    "docs/v1.0/api/color-get.md": PAGE,
    "docs/beta/api/color-get.md": PAGE,
    "csdl/good.xml": GOOD,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) writeFile(dir, path, text);
  return dir;
}

function expectStopped(result: ReturnType<typeof runCli>, message: string): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(`graph-docs-lint: ${message}\n`);
  expectNoStackTrace(result.stderr);
}

describe("--metadata", () => {
  it("lints with a good CSDL file, for every page or by version", () => {
    const dir = project();
    for (const args of [
      ["--metadata", "csdl/good.xml"],
      ["--metadata", "v1.0=csdl/good.xml", "--metadata", "beta=csdl/good.xml"],
      ["--metadata=beta=csdl/good.xml"],
    ]) {
      const result = runCli([...args, "docs"], dir);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("No problems found (2 files checked).");
      expect(result.status).toBe(0);
    }
  });

  it.each([
    ["a missing file", {}, "csdl/missing.xml", "csdl/missing.xml: cannot be read: no such file"],
    [
      "a file that is not XML",
      { "csdl/notes.xml": "metadata goes here\n" },
      "csdl/notes.xml",
      `csdl/notes.xml:1:1: is not XML: it starts with "metadata goes here" where '<' was expected`,
    ],
    [
      "a truncated file",
      { "csdl/cut.xml": TRUNCATED },
      "csdl/cut.xml",
      "csdl/cut.xml:6:17: is truncated: it ends inside <EnumType> (line 5) with 4 elements open",
    ],
    [
      "XML that is not CSDL",
      { "csdl/other.xml": '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n' },
      "csdl/other.xml",
      "csdl/other.xml:2:1: is not CSDL: its root element is <feed> (namespace http://www.w3.org/2005/Atom); CSDL's is <edmx:Edmx> in namespace http://docs.oasis-open.org/odata/ns/edmx",
    ],
  ])("stops the run on %s: exit 2, naming the file", (_name, files, file, message) => {
    const dir = project(files);
    const result = runCli(["--metadata", file, "docs"], dir);
    // Checked once, before linting: one message for the two pages.
    expectStopped(result, message);
  });

  it("stops the run on a bad file of one version, though another version's pages use a good one", () => {
    const dir = project();
    const result = runCli(
      ["--metadata", "v1.0=csdl/good.xml", "--metadata", "beta=nope.xml", "docs/v1.0"],
      dir,
    );
    expectStopped(result, "nope.xml: cannot be read: no such file");
  });

  it("parses only the files the pages use: another version's bad file stops only a run that uses it", () => {
    // A beta page uses only beta's file; a v1.0 page uses beta's too (for what only beta has).
    const dir = project({ "csdl/cut.xml": TRUNCATED });
    const args = ["--metadata", "v1.0=csdl/cut.xml", "--metadata", "beta=csdl/good.xml"];
    expect(runCli([...args, "docs/beta"], dir).status).toBe(0);
    expectStopped(
      runCli([...args, "docs"], dir),
      "csdl/cut.xml:6:17: is truncated: it ends inside <EnumType> (line 5) with 4 elements open",
    );
  });

  it("stops a run of v1.0 pages on a bad beta file, which they are read against too", () => {
    const dir = project({ "csdl/cut.xml": TRUNCATED });
    expectStopped(
      runCli(["--metadata", "v1.0=csdl/good.xml", "--metadata", "beta=csdl/cut.xml", "docs/v1.0"], dir),
      "csdl/cut.xml:6:17: is truncated: it ends inside <EnumType> (line 5) with 4 elements open",
    );
  });

  it("checks the file for standard input too", () => {
    const dir = project();
    const result = runCli(["--metadata", "nope.xml", "--stdin-filename", "docs/v1.0/api/x.md", "-"], dir, {
      input: PAGE,
    });
    expectStopped(result, "nope.xml: cannot be read: no such file");
  });

  it.each([
    ["v2=csdl/good.xml", '--metadata v2=csdl/good.xml: unknown API version "v2"; expected "v1.0" or "beta"'],
    ["beta=", '--metadata beta=: no file after "beta="'],
  ])("%s is a usage error", (value, message) => {
    const result = runCli(["--metadata", value, "docs"], project());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expectNoStackTrace(result.stderr);
  });

  it("takes two files for every page as a usage error", () => {
    const result = runCli(["--metadata", "a.xml", "--metadata", "b.xml", "docs"], project());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--metadata is given two files for every page");
  });

  it("is in the help", () => {
    expect(runCli(["--help"], tmp.path).stdout).toMatch(/--metadata <\[version=\]file>\s+The service's CSDL/);
  });
});

describe("v1.0 pages against beta's CSDL too", () => {
  const BETA = csdl(
    '<EnumType Name="color">',
    '  <Member Name="red" Value="0" />',
    '  <Member Name="green" Value="1" />',
    "</EnumType>",
  );
  /** A table of the color enum listing `green`, which only beta's CSDL has. */
  const COLORS = md(
    "# color enum type",
    "",
    "Namespace: microsoft.graph",
    "",
    "### color values",
    "",
    "|Member|Description|",
    "|:---|:---|",
    "|red|Red.|",
    "|green|Green.|",
  );
  const colorProject = () =>
    project({
      "csdl/beta.xml": BETA,
      "docs/v1.0/resources/color.md": COLORS,
      "docs/beta/resources/color.md": COLORS,
    });
  const PAGE_V1 = join("docs", "v1.0", "resources", "color.md");
  const BETA_ONLY = `${PAGE_V1} 10:2 Member "green" is not a member of the service's v1.0 enum type microsoft.graph.color; only beta has it: remove its row from the v1.0 page, or move it to the beta page.`;
  const UNKNOWN = `${PAGE_V1} 10:2 Member "green" is not a member of the service's enum type microsoft.graph.color: remove its row, or write the member's name as the service has it.`;
  /** The metadata-enum-members findings of a run, as `file line:column message`. */
  function findings(args: string[], dir: string): string[] {
    const result = runCli(["--format", "json", ...args], dir);
    expect(result.stderr).toBe("");
    const files = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string; message: string; line: number; column: number }[];
    }[];
    return files.flatMap((f) =>
      f.messages
        .filter((m) => m.ruleId === "metadata-enum-members")
        .map((m) => `${f.filePath.slice(dir.length + 1)} ${m.line}:${m.column} ${m.message}`),
    );
  }

  it("names a v1.0 page's member that only beta has, given both files; not a beta page's", () => {
    const dir = colorProject();
    const args = ["--metadata", "v1.0=csdl/good.xml", "--metadata", "beta=csdl/beta.xml", "docs"];
    expect(findings(args, dir)).toEqual([BETA_ONLY]);
  });

  it("reports it as unknown with v1.0's file alone, or one file for every page", () => {
    const dir = colorProject();
    expect(findings(["--metadata", "v1.0=csdl/good.xml", "docs/v1.0"], dir)).toEqual([UNKNOWN]);
    expect(findings(["--metadata", "csdl/good.xml", "docs/v1.0"], dir)).toEqual([UNKNOWN]);
  });

  it("caches a v1.0 page's result by the beta file's content too", () => {
    const dir = colorProject();
    const args = [
      "--cache",
      "--metadata",
      "v1.0=csdl/good.xml",
      "--metadata",
      "beta=csdl/beta.xml",
      "docs/v1.0",
    ];
    expect(findings(args, dir)).toEqual([BETA_ONLY]);
    writeFile(dir, "csdl/beta.xml", GOOD);
    expect(findings(args, dir)).toEqual([UNKNOWN]);
  });
});

describe("the metadata configuration key", () => {
  it("resolves paths from the configuration file's folder", () => {
    const dir = project({ "docs/.graph-docs-lint.json": JSON.stringify({ metadata: "../csdl/good.xml" }) });
    const result = runCli(["docs"], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const printed = JSON.parse(runCli(["--print-config", "docs/beta/api/color-get.md"], dir).stdout) as {
      metadata: unknown;
    };
    expect(printed.metadata).toBe(join(dir, "csdl", "good.xml"));
  });

  it("stops the run on a bad file it names, named from the working folder", () => {
    const dir = project({
      "docs/.graph-docs-lint.json": JSON.stringify({
        metadata: { "v1.0": "../csdl/good.xml", beta: "cut.xml" },
      }),
      "docs/cut.xml": TRUNCATED,
    });
    expectStopped(
      runCli(["docs"], dir),
      `${join("docs", "cut.xml")}:6:17: is truncated: it ends inside <EnumType> (line 5) with 4 elements open`,
    );
  });

  it("is replaced by --metadata, which --print-config shows", () => {
    const dir = project({ "docs/.graph-docs-lint.json": JSON.stringify({ metadata: "missing.xml" }) });
    expect(runCli(["--metadata", "beta=csdl/good.xml", "docs"], dir).status).toBe(0);
    const printed = JSON.parse(
      runCli(["--metadata", "beta=csdl/good.xml", "--print-config", "docs/beta/api/color-get.md"], dir)
        .stdout,
    ) as { metadata: unknown };
    expect(printed.metadata).toEqual({ beta: join(dir, "csdl", "good.xml") });
  });

  it("is refused with a message at its key when it is not a path or paths by version", () => {
    const dir = project({ "docs/.graph-docs-lint.json": JSON.stringify({ metadata: { v1: "a.xml" } }) });
    const result = runCli(["docs"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('/metadata/v1: unknown API version (did you mean "v1.0"?)');
  });
});
