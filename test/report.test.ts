/**
 * The SARIF and GitHub Actions formatters, over the pages of fixtures/pages: SARIF validated against the
 * official 2.1.0 schema (a copy in test/data), GitHub workflow commands parsed back.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import AjvModule from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { LintMessage } from "../src/engine/message.js";
import { type LintResult, resultOf } from "../src/engine/result.js";
import { type LintOptions, lintFile } from "../src/index.js";
import { formatGithub } from "../src/report/github.js";
import { FORMAT_NAMES, loadFormatter } from "../src/report/index.js";
import { formatSarif } from "../src/report/sarif.js";

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
const PAGES = join(ROOT, "fixtures", "pages");
const PAGE_FILES = readdirSync(PAGES)
  .filter((f) => f.endsWith(".txt"))
  .sort();
/** Four trailing commas and an id mismatch. */
const PLAIN_FILE = "plain-text.txt";
/** TODOs, paths without /external, enum placeholders. */
const STUB_FILE = "stub-beta.txt";
const MISSING = join(PAGES, "does-not-exist.txt");

/** A result of the given messages for a page with the given text. */
function resultOfParts(filePath: string, messages: LintMessage[], source: string): LintResult {
  return resultOf({ filePath, messages, source });
}

const RULE_METAS = rules.map((r) => r.meta);

function lintPages(options: Omit<LintOptions, "path"> = {}): LintResult[] {
  return PAGE_FILES.map((f) => lintFile(join(PAGES, f), options));
}

// ---------------------------------------------------------------------------------------------
// SARIF

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Location {
  id?: number;
  message?: { text: string };
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Location[];
  relatedLocations?: Location[];
  fixes?: {
    artifactChanges: {
      artifactLocation: ArtifactLocation;
      replacements: {
        deletedRegion: { charOffset: number; charLength: number };
        insertedContent: { text: string };
      }[];
    }[];
  }[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version?: string;
        informationUri: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          helpUri: string;
          defaultConfiguration: { level: string };
          properties: { fixable: boolean };
        }[];
      };
    };
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications?: { level: string; message: { text: string }; locations: Location[] }[];
    }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }[];
}

const schema = JSON.parse(
  readFileSync(new URL("./data/sarif-2.1.0.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function sarif(results: LintResult[], cwd = ROOT): SarifLog {
  const text = formatSarif(results, { cwd, rules: RULE_METAS, color: false });
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], ajv.errorsText(validateSarif.errors)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

function resultsFor(log: SarifLog, uri: string): SarifResult[] {
  return log.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri);
}

describe("formatter registry", () => {
  it("loads each format on demand", async () => {
    expect(FORMAT_NAMES).toEqual(["stylish", "json", "sarif", "github", "unix", "checkstyle", "junit"]);
    expect(await loadFormatter("sarif")).toBe(formatSarif);
    expect(await loadFormatter("github")).toBe(formatGithub);
  });
});

describe("sarif", () => {
  const pages = lintPages();

  it("is valid SARIF 2.1.0 for the pages, with warnings, unreadable files and odd paths", () => {
    sarif(pages);
    sarif(lintPages({ rules: { "no-trailing-comma": "warn", "no-todo-placeholder": "warn" } }));
    sarif([...pages, lintFile(MISSING)]);
    sarif(pages, join(ROOT, "test"));
    sarif([]);
  });

  it("describes the run and the tool", () => {
    const log = sarif(pages);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe("graph-docs-lint");
    expect(run.tool.driver.version).toBe(pkg.version);
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(ROOT).href}/` } });
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it("has one reporting descriptor per rule, in the registry's order", () => {
    const descriptors = sarif(pages).runs[0]!.tool.driver.rules;
    expect(descriptors.map((d) => d.id)).toEqual(rules.map((r) => r.meta.id));
    for (const [i, d] of descriptors.entries()) {
      const meta = rules[i]!.meta;
      expect(d.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(d.shortDescription.text).toBe(meta.description);
      expect(d.fullDescription.text).toBe(meta.description);
      expect(d.helpUri).toBe(meta.docs);
      expect(d.defaultConfiguration.level).toBe(meta.defaultSeverity === "error" ? "error" : "warning");
      expect(d.properties.fixable).toBe(meta.fixable);
    }
  });

  it("has one result per finding, with the rule's index and the message's level", () => {
    const log = sarif(pages);
    const run = log.runs[0]!;
    const messages = pages.flatMap((r) => r.messages);
    expect(run.results).toHaveLength(messages.length);
    for (const [i, result] of run.results.entries()) {
      const m = messages[i]!;
      expect(result.ruleId).toBe(m.ruleId);
      expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.level).toBe(m.severity === 2 ? "error" : "warning");
      expect(result.message.text).toBe(m.reason);
      expect(result.locations[0]!.physicalLocation.region).toEqual({
        startLine: m.startPoint.line,
        startColumn: m.startPoint.column,
        endLine: m.endPoint.line,
        endColumn: m.endPoint.column,
      });
    }
  });

  it("reports warnings as warnings", () => {
    const log = sarif(lintPages({ rules: { "no-trailing-comma": "warn" } }));
    const levels = new Set(log.runs[0]!.results.map((r) => `${r.ruleId}:${r.level}`));
    expect(levels).toContain("no-trailing-comma:warning");
    expect(levels).toContain("request-response-id-match:error");
    expect(levels).not.toContain("no-trailing-comma:error");
  });

  it("locates plain-text.txt's findings, relative to the working directory", () => {
    const uri = `fixtures/pages/${PLAIN_FILE}`;
    const results = resultsFor(sarif(pages), uri);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri, uriBaseId: "%SRCROOT%" });
    }

    const comma = results.find((r) => r.ruleId === "no-trailing-comma")!;
    expect(comma.locations[0]!.physicalLocation.region).toEqual({
      startLine: 45,
      startColumn: 26,
      endLine: 45,
      endColumn: 27,
    });

    const id = results.find((r) => r.ruleId === "request-response-id-match")!;
    expect(id.locations[0]!.physicalLocation.region).toEqual({
      startLine: 80,
      startColumn: 9,
      endLine: 80,
      endColumn: 19,
    });
    expect(id.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: "The request's id" },
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
          region: { startLine: 68, startColumn: 9, endLine: 68, endColumn: 19 },
        },
      },
    ]);
    expect(id.fixes).toBeUndefined();
  });

  it("gives fixes as replacements by character offset", () => {
    const log = sarif(pages);
    const sourcePlain = pages[PAGE_FILES.indexOf(PLAIN_FILE)]!.source!;
    const comma = resultsFor(log, `fixtures/pages/${PLAIN_FILE}`).find(
      (r) => r.ruleId === "no-trailing-comma",
    )!;
    expect(comma.fixes).toEqual([
      {
        artifactChanges: [
          {
            artifactLocation: { uri: `fixtures/pages/${PLAIN_FILE}`, uriBaseId: "%SRCROOT%" },
            replacements: [
              { deletedRegion: { charOffset: 1221, charLength: 1 }, insertedContent: { text: "" } },
            ],
          },
        ],
      },
    ]);
    expect(sourcePlain.slice(1221, 1222)).toBe(",");

    // An insertion: nothing deleted.
    const sourceStub = pages[PAGE_FILES.indexOf(STUB_FILE)]!.source!;
    const prefix = resultsFor(log, `fixtures/pages/${STUB_FILE}`).find(
      (r) => r.ruleId === "external-path-prefix",
    )!;
    const replacement = prefix.fixes![0]!.artifactChanges[0]!.replacements[0]!;
    expect(replacement.deletedRegion.charLength).toBe(0);
    expect(replacement.insertedContent.text).toBe("/external");
    expect(sourceStub.slice(replacement.deletedRegion.charOffset).startsWith("/connections/")).toBe(true);

    // Every fix of every page matches the message's own fix.
    const messages = pages.flatMap((r) => r.messages);
    for (const [i, result] of log.runs[0]!.results.entries()) {
      const fix = messages[i]!.fix;
      if (!fix) {
        expect(result.fixes).toBeUndefined();
        continue;
      }
      expect(result.fixes![0]!.artifactChanges[0]!.replacements[0]).toEqual({
        deletedRegion: { charOffset: fix.range.start, charLength: fix.range.end - fix.range.start },
        insertedContent: { text: fix.text },
      });
    }
  });

  it("turns unreadable files into tool execution notifications", () => {
    const log = sarif([lintFile(join(PAGES, PLAIN_FILE)), lintFile(MISSING)]);
    const run = log.runs[0]!;
    expect(resultsFor(log, "fixtures/pages/does-not-exist.txt")).toEqual([]);
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: { text: "No such file or directory." },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: "fixtures/pages/does-not-exist.txt", uriBaseId: "%SRCROOT%" },
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it("turns messages without a rule in readable files into notifications with their region", () => {
    const start = { line: 2, column: 3, offset: 10 };
    const end = { line: 2, column: 9, offset: 16 };
    const page = resultOfParts(
      join(ROOT, "docs", "page.md"),
      [
        new LintMessage('Unknown rule "nope" in a graph-docs-lint-disable directive.', {
          ruleId: undefined,
          severity: 2,
          start,
          end,
        }),
      ],
      "",
    );
    const run = sarif([page]).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: "error",
            message: { text: 'Unknown rule "nope" in a graph-docs-lint-disable directive.' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: "docs/page.md", uriBaseId: "%SRCROOT%" },
                  region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 9 },
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it("encodes paths as URIs, and uses file URLs outside the working directory", () => {
    const origin = { line: 1, column: 1, offset: 0 };
    const odd = resultOfParts(
      join(ROOT, "dir with space", "a#b%c.md"),
      [new LintMessage("x", { ruleId: "no-todo-placeholder", severity: 2, start: origin, end: origin })],
      "x",
    );
    const log = sarif([odd]);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: "dir%20with%20space/a%23b%25c.md",
      uriBaseId: "%SRCROOT%",
    });

    const outside = sarif(pages, join(ROOT, "test"));
    const location = outside.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: pathToFileURL(join(PAGES, PAGE_FILES[0]!)).href });
  });
});

// ---------------------------------------------------------------------------------------------
// GitHub Actions workflow commands

interface Command {
  kind: "error" | "warning";
  properties: Record<string, string>;
  message: string;
}

function unescape(text: string): string {
  const codes: Record<string, string> = { "%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": "," };
  return text.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => codes[code]!);
}

/** Parses `::error k=v,k=v::message` lines; other lines are returned as plain text. */
function parseCommands(output: string): { commands: Command[]; plain: string[] } {
  const commands: Command[] = [];
  const plain: string[] = [];
  expect(output.endsWith("\n")).toBe(true);
  for (const line of output.slice(0, -1).split("\n")) {
    const match = /^::(error|warning)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) {
      expect(line.startsWith("::")).toBe(false);
      plain.push(line);
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      expect(eq).toBeGreaterThan(0);
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    commands.push({ kind: match[1] as Command["kind"], properties, message: unescape(match[3]!) });
  }
  return { commands, plain };
}

function expectedCommands(results: LintResult[], cwd = ROOT): Command[] {
  return results.flatMap((r) =>
    r.messages.map((m): Command => ({
      kind: m.severity === 2 ? "error" : "warning",
      properties: r.unreadable
        ? { file: r.filePath.slice(cwd.length + 1).replace(/\\/g, "/") }
        : {
            file: r.filePath.slice(cwd.length + 1).replace(/\\/g, "/"),
            line: String(m.startPoint.line),
            endLine: String(m.endPoint.line),
            col: String(m.startPoint.column),
            endColumn: String(m.endPoint.column),
            ...(m.ruleId !== undefined ? { title: m.ruleId } : {}),
          },
      message: m.reason,
    })),
  );
}

describe("github", () => {
  it("round-trips every finding of the pages", () => {
    const pages = lintPages();
    const { commands, plain } = parseCommands(formatGithub(pages, { cwd: ROOT }));
    expect(commands).toEqual(expectedCommands(pages));
    expect(commands.length).toBe(pages.reduce((n, r) => n + r.messages.length, 0));
    const errors = pages.reduce((n, r) => n + r.errorCount, 0);
    expect(plain).toEqual([
      `graph-docs-lint: ${errors} problems (${errors} errors, 0 warnings) in ${pages.length} files checked.`,
    ]);
  });

  it("writes the command in the documented shape", () => {
    const output = formatGithub([lintFile(join(PAGES, PLAIN_FILE))], { cwd: ROOT });
    expect(output.split("\n")[0]).toBe(
      `::error file=fixtures/pages/${PLAIN_FILE},line=45,endLine=45,col=26,endColumn=27,title=no-trailing-comma::` +
        "Trailing comma before '}' in example JSON: JSON does not allow it.",
    );
  });

  it("uses ::warning for warnings and ::error for errors", () => {
    const pages = lintPages({ rules: { "no-trailing-comma": "warn" } });
    const { commands, plain } = parseCommands(formatGithub(pages, { cwd: ROOT }));
    expect(commands).toEqual(expectedCommands(pages));
    const kinds = new Set(commands.map((c) => `${c.properties.title}:${c.kind}`));
    expect(kinds).toContain("no-trailing-comma:warning");
    expect(kinds).toContain("request-response-id-match:error");
    expect(kinds).not.toContain("no-trailing-comma:error");
    expect(plain[0]).toMatch(/\(\d+ errors, [1-9]\d* warnings\)/);
  });

  it("escapes messages and properties", () => {
    const start = { line: 3, column: 5, offset: 20 };
    const end = { line: 4, column: 2, offset: 30 };
    const reason = "Value: 100% wrong, expected a, b\nsecond line\r\nthird %0A line::end";
    const result = resultOfParts(
      join(ROOT, "docs", "we,ird:na%me.md"),
      [
        new LintMessage(reason, { ruleId: "odd:rule,id", severity: 2, start, end }),
        new LintMessage("warn, here: 50%", { ruleId: "no-todo-placeholder", severity: 1, start, end: start }),
      ],
      "",
    );
    const output = formatGithub([result], { cwd: ROOT });
    // One command per line: no raw CR or LF inside a command.
    expect(output.split("\n")).toHaveLength(4);
    expect(output).not.toContain("\r");
    expect(output.split("\n")[0]).toBe(
      "::error file=docs/we%2Cird%3Ana%25me.md,line=3,endLine=4,col=5,endColumn=2,title=odd%3Arule%2Cid::" +
        "Value: 100%25 wrong, expected a, b%0Asecond line%0D%0Athird %250A line::end",
    );
    const { commands } = parseCommands(output);
    expect(commands).toEqual([
      {
        kind: "error",
        properties: {
          file: "docs/we,ird:na%me.md",
          line: "3",
          endLine: "4",
          col: "5",
          endColumn: "2",
          title: "odd:rule,id",
        },
        message: reason,
      },
      {
        kind: "warning",
        properties: {
          file: "docs/we,ird:na%me.md",
          line: "3",
          endLine: "3",
          col: "5",
          endColumn: "5",
          title: "no-todo-placeholder",
        },
        message: "warn, here: 50%",
      },
    ]);
  });

  it("gives messages without a rule their place but no title", () => {
    const start = { line: 2, column: 3, offset: 10 };
    const end = { line: 2, column: 9, offset: 16 };
    const page = resultOfParts(
      join(ROOT, "docs", "page.md"),
      [new LintMessage("Unused directive.", { ruleId: undefined, severity: 1, start, end })],
      "",
    );
    expect(formatGithub([page], { cwd: ROOT }).split("\n")[0]).toBe(
      "::warning file=docs/page.md,line=2,endLine=2,col=3,endColumn=9::Unused directive.",
    );
  });

  it("reports unreadable files with the file only", () => {
    const output = formatGithub([lintFile(MISSING)], { cwd: ROOT });
    expect(output).toBe(
      "::error file=fixtures/pages/does-not-exist.txt::No such file or directory.\n" +
        "graph-docs-lint: 1 problem (1 error, 0 warnings) in 1 file checked.\n",
    );
  });

  it("prints only the summary when there is nothing to report", () => {
    expect(formatGithub([], { cwd: ROOT })).toBe(
      "graph-docs-lint: 0 problems (0 errors, 0 warnings) in 0 files checked.\n",
    );
  });
});
