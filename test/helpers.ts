/**
 * Test helpers: lint markdown through `lintText` and get plain, comparable messages; table-driven
 * runners in the style of ESLint's RuleTester (a rule by id, or a rule module with or without the
 * docs tree); and temporary folders, docs trees and runs of the built CLI.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearDocsIndexes, emptyDocsIndex } from "../src/docset/index.js";
import type { LintMessage } from "../src/engine/message.js";
import type { Rule } from "../src/engine/rule.js";
import { type LintOptions, type LintResult, type RuleSetting, lintPage, lintText } from "../src/index.js";
import { buildPage } from "../src/page/build.js";
import { rules } from "../rules/index.js";

export interface SimpleMessage {
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface SimpleFix {
  /** Start and end offsets in the page text. */
  range: [number, number];
  text: string;
}

export interface SimpleRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A message with its fix and related locations, for the tests that check those too. */
export interface DetailedMessage extends SimpleMessage {
  fix: SimpleFix | undefined;
  related: SimpleRelated[];
}

export interface LintHelperOptions {
  /** The page's path (namespace by file name, API version, docs root). */
  path?: string;
  /** Severity per rule id. */
  rules?: Record<string, RuleSetting>;
  /** The docs root, overriding the search from `path`. */
  docsRoot?: string;
}

/** Every rule id the linter ships. */
export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);

/** A `rules` setting that turns on `ruleId` (at error) and turns every other rule off. */
export function onlyRule(ruleId: string): Record<string, RuleSetting> {
  if (!ruleIds.includes(ruleId)) throw new Error(`unknown rule id: ${ruleId}`);
  return Object.fromEntries(ruleIds.map((id) => [id, id === ruleId ? "error" : "off"]));
}

function toLintOptions(options: LintHelperOptions): LintOptions {
  const out: LintOptions = {};
  if (options.path !== undefined) out.path = options.path;
  if (options.rules !== undefined) out.rules = options.rules;
  if (options.docsRoot !== undefined) out.docsRoot = options.docsRoot;
  return out;
}

/** The full result of `lintText`. */
export function lintResult(markdown: string, options: LintHelperOptions = {}): LintResult {
  return lintText(markdown, toLintOptions(options));
}

export function simplify(result: LintResult): SimpleMessage[] {
  return result.messages.map(simpleMessage);
}

function simpleMessage(m: LintMessage): SimpleMessage {
  return {
    ruleId: m.ruleId ?? null,
    line: m.startPoint.line,
    column: m.startPoint.column,
    endLine: m.endPoint.line,
    endColumn: m.endPoint.column,
    message: m.reason,
  };
}

/** Messages with their fixes and related locations. */
export function detailed(messages: readonly LintMessage[]): DetailedMessage[] {
  return messages.map((m) => ({
    ...simpleMessage(m),
    fix: m.fix ? { range: [m.fix.range.start, m.fix.range.end], text: m.fix.text } : undefined,
    related: m.related.map((r) => ({
      message: r.message,
      line: r.start.line,
      column: r.start.column,
      endLine: r.end.line,
      endColumn: r.end.column,
    })),
  }));
}

/** Lints markdown and returns simplified messages, in the linter's order. */
export function lint(markdown: string, options: LintHelperOptions = {}): SimpleMessage[] {
  return simplify(lintResult(markdown, options));
}

/** Lints markdown with only `ruleId` enabled. */
export function lintWithRule(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): SimpleMessage[] {
  return lint(markdown, { ...options, rules: onlyRule(ruleId) });
}

/** Like `lintWithRule`, with each message's fix and related locations. */
export function lintWithRuleDetailed(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): DetailedMessage[] {
  return detailed(lintResult(markdown, { ...options, rules: onlyRule(ruleId) }).messages);
}

/**
 * Lints `code` with `rule` alone, given as a module (so that a rule can be tested before it is
 * registered in rules/index.ts), without a docs tree.
 */
export function lintWith(rule: Rule, code: string, path?: string): DetailedMessage[] {
  const page = buildPage(code, path !== undefined ? { path } : {});
  return detailed(lintPage(page, { docs: emptyDocsIndex }, [rule]));
}

/** Lints `code` at `path` with `rule` alone, so that the rule sees the docs tree `path` belongs to. */
export function lintInTree(rule: Rule, code: string, path?: string): DetailedMessage[] {
  const page = buildPage(code, path !== undefined ? { path } : {});
  return detailed(lintPage(page, path !== undefined ? { path } : {}, [rule]));
}

/** Applies non-overlapping fixes to a text, last first. */
export function applyFixes(text: string, fixes: SimpleFix[]): string {
  let out = text;
  for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RuleTester-style tables

export interface ExpectedError {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** When given, the message's fix must be exactly this. */
  fix?: SimpleFix;
  /** When given, the message's related locations must be exactly these. */
  related?: SimpleRelated[];
}

export interface ValidCase {
  name: string;
  code: string;
  path?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** When given, the text after applying every fix. */
  output?: string;
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/**
 * Registers one test per case: valid cases report nothing, invalid cases exactly `errors`; with
 * `output`, applying the fixes gives it, and it is clean for the rule.
 */
export function runRuleTests(ruleId: string, tests: RuleTests): void {
  runTable(
    ruleId,
    (code, path) => lintWithRuleDetailed(ruleId, code, path !== undefined ? { path } : {}),
    tests,
  );
}

/** `runRuleTests` for a rule module, linted without a docs tree (see `lintWith`). */
export function runExplicitRuleTests(rule: Rule, tests: RuleTests): void {
  runTable(rule.meta.id, (code, path) => lintWith(rule, code, path), tests);
}

/** `runRuleTests` for a rule module, linted in the docs tree of each case's `path` (see `lintInTree`). */
export function runTreeRuleTests(rule: Rule, tests: RuleTests): void {
  runTable(rule.meta.id, (code, path) => lintInTree(rule, code, path), tests);
}

function runTable(
  ruleId: string,
  lintCase: (code: string, path: string | undefined) => DetailedMessage[],
  tests: RuleTests,
): void {
  describe(ruleId, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(lintCase(c.code, c.path)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const actual = lintCase(c.code, c.path);
        const comparable = actual.map((m, i) => {
          const expected = c.errors[i];
          const { fix, related, ruleId: id, ...rest } = m;
          expect(id).toBe(ruleId);
          return {
            ...rest,
            ...(expected?.fix !== undefined ? { fix } : {}),
            ...(expected?.related !== undefined ? { related } : {}),
          };
        });
        expect(comparable).toEqual(c.errors);
        if (c.output !== undefined) {
          const fixes = actual.flatMap((m) => (m.fix ? [m.fix] : []));
          expect(applyFixes(c.code, fixes)).toBe(c.output);
          // The fixed text is clean for this rule.
          expect(lintCase(c.output, c.path)).toEqual([]);
        }
      });
    });
  });
}

/** Joins lines with LF and ends the text with one. */
export function md(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** An enum page as Intune writes one (`intune-deviceconfig-<name>.md`), with these table rows. */
export function intuneEnumPage(name: string, rows: string[]): string {
  return md(
    "---",
    `title: "${name} enum type"`,
    "doc_type: enumPageType",
    "---",
    "",
    `# ${name} enum type`,
    "",
    "Namespace: microsoft.graph",
    "",
    "## Members",
    "|Member|Value|Description|",
    "|:---|:---|:---|",
    ...rows,
  );
}

/** The offset of a 1-based line and column in a text with LF line endings. */
export function offsetAt(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) throw new Error(`no line ${line}`);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}

// ---------------------------------------------------------------------------------------------
// Temporary folders, docs trees and runs of the built CLI

/** The built CLI as the `graph-docs-lint` bin runs it: the bundle (`npm test` builds first). */
export const CLI = fileURLToPath(new URL("../dist/bundle/cli.js", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const SEEDS = join(FIXTURES, "seeds");

/** Writes `content` to `path` below `dir`, making the folders on the way; returns the file's path. */
export function writeFile(dir: string, path: string, content: string | Uint8Array): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Fails the tests of the file up front when the CLI is not built. */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does) first`);
  });
}

export interface TempFolder {
  /** The folder (made before the tests run). */
  readonly path: string;
  /** A new empty folder inside it, `<letter><n>`: one per test. */
  fresh(letter?: string): string;
}

/** A temporary folder made before the tests of the file (or describe block) and removed after them. */
export function tempFolder(prefix: string): TempFolder {
  let path: string | undefined;
  let count = 0;
  beforeAll(() => {
    path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (path !== undefined) rmSync(path, { recursive: true, force: true });
  });
  return {
    get path() {
      if (path === undefined) throw new Error("the temporary folder is made before the tests run");
      return path;
    },
    fresh(letter = "t") {
      const dir = join(this.path, `${letter}${++count}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
  };
}

/**
 * A docs tree in a new temporary folder, made at once (so that test tables can name its pages):
 * the `folders` (by default `api/` and `resources/`, which make it a docs root) and the `files`
 * (path → text). Removed, and the docs indexes cleared, after the tests of the file or describe
 * block it is made in.
 */
export function tempDocsTree(
  prefix: string,
  files: Record<string, string> = {},
  folders: readonly string[] = ["api", "resources"],
): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const folder of folders) mkdirSync(join(root, folder), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFile(root, path, text);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    clearDocsIndexes();
  });
  return root;
}

/** Runs the built CLI in `cwd`, without colours; throws when it cannot be started. */
export function runCli(
  args: string[],
  cwd: string,
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    input: options.input,
    maxBuffer: 512 * 1024 * 1024,
    env: options.env ?? { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  if (result.error) throw result.error;
  return result;
}

/** No stack trace: a user-facing message, not a crash. */
export function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain("internal error");
}
