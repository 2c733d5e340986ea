/**
 * Test helpers: lint markdown through `lintText` and get plain, comparable messages; table-driven
 * runners in the style of typescript-eslint's RuleTester (a rule by id, or a rule module with or
 * without the docs tree), whose cases expect message ids and data rather than sentences; and
 * temporary folders, docs trees and runs of the built CLI.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearDocsIndexes, emptyDocsIndex } from "../src/docset/index.js";
import { type LintMessage, pointsOf } from "../src/engine/message.js";
import { type MessageData, type Report, type Rule, type RuleMeta, interpolate } from "../src/engine/rule.js";
import { type LintOptions, type LintResult, type RuleSetting, lintPage, lintText } from "../src/index.js";
import { buildPage } from "../src/page/build.js";
import type { MetadataIndex } from "../src/metadata/index.js";
import type { Page } from "../src/page/model.js";
import type { Point } from "../src/parse/source.js";
import { rules, rulesById } from "../rules/index.js";

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

/** A message with its message id, data, fix and related locations, for the tests that check those. */
export interface DetailedMessage extends SimpleMessage {
  /** The id of the rule's message (undefined for messages without one, such as a rule crash). */
  messageId: string | undefined;
  /** The values of the message's placeholders, as the rule gave them. */
  data: MessageData | undefined;
  fix: SimpleFix | undefined;
  related: SimpleRelated[];
}

/** A related location as the rule reported it: its message id and data besides its sentence. */
export interface ReportedRelated extends SimpleRelated {
  messageId: string;
  data: MessageData | undefined;
}

/**
 * A finding of one rule linted alone: a detailed message whose related locations keep the message
 * ids and data the rule reported them with (a `LintMessage` keeps only their sentences).
 */
export interface RuleMessage extends DetailedMessage {
  related: ReportedRelated[];
}

export interface LintHelperOptions {
  /** The page's path (namespace by file name, API version, docs root). */
  path?: string;
  /** Severity per rule id. */
  rules?: Record<string, RuleSetting>;
  /** The docs root, overriding the search from `path`. */
  docsRoot?: string;
  /** The service's CSDL for the page (`new MetadataIndex(readCsdl(xml, "test.xml"))`). */
  metadata?: MetadataIndex;
  /** The beta CSDL, for a v1.0 page when beta's file is configured too. */
  betaMetadata?: MetadataIndex;
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
  if (options.metadata !== undefined) out.metadata = options.metadata;
  if (options.betaMetadata !== undefined) out.betaMetadata = options.betaMetadata;
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

/** Messages with their message ids, data, fixes and related locations. */
export function detailed(messages: readonly LintMessage[]): DetailedMessage[] {
  return messages.map(detailedMessage);
}

function detailedMessage(m: LintMessage): DetailedMessage {
  return {
    ...simpleMessage(m),
    messageId: m.messageId,
    data: m.data,
    fix: m.fix ? { range: [m.fix.range.start, m.fix.range.end], text: m.fix.text } : undefined,
    related: m.related.map((r) => ({
      message: r.message,
      line: r.start.line,
      column: r.start.column,
      endLine: r.end.line,
      endColumn: r.end.column,
    })),
  };
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

/**
 * Like `lintWithRule`, with each message's message id, data, fix and related locations (the rule
 * runs through `lintPage`, as `lintText` runs it on a text without a byte order mark).
 */
export function lintWithRuleDetailed(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): RuleMessage[] {
  const lintOptions = toLintOptions({ ...options, rules: onlyRule(ruleId) });
  return lintRecording(ruleById(ruleId), buildPage(markdown, pathOption(options.path)), lintOptions);
}

/** The findings of `ruleId` alone as tables expect them: message id, data and position. */
export function ruleFindings(
  ruleId: string,
  markdown: string,
  options: Omit<LintHelperOptions, "rules"> = {},
): ExpectedError[] {
  return lintWithRuleDetailed(ruleId, markdown, options).map((m) => comparableError(m, undefined));
}

/**
 * Lints `code` with `rule` alone, given as a module (so that a rule can be tested before it is
 * registered in rules/index.ts), without a docs tree.
 */
export function lintWith(rule: Rule, code: string, path?: string): RuleMessage[] {
  return lintRecording(rule, buildPage(code, pathOption(path)), { docs: emptyDocsIndex });
}

/**
 * Lints `code` at `path` with `rule` alone, so that the rule sees the docs tree `path` belongs to
 * (and the service's `metadata`, when given).
 */
export function lintInTree(rule: Rule, code: string, path?: string, metadata?: MetadataIndex): RuleMessage[] {
  const options = metadata !== undefined ? { ...pathOption(path), metadata } : pathOption(path);
  return lintRecording(rule, buildPage(code, pathOption(path)), options);
}

function pathOption(path: string | undefined): { path?: string } {
  return path !== undefined ? { path } : {};
}

function ruleById(ruleId: string): Rule {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`unknown rule id: ${ruleId}`);
  return rule;
}

/**
 * Lints `page` with `rule` alone and keeps what the rule reported: the engine words related
 * locations and drops their message ids, so each message's related locations get theirs back from
 * the report that made the message.
 */
function lintRecording(rule: Rule, page: Page, options: LintOptions): RuleMessage[] {
  const reports: Report[] = [];
  const recording: Rule = {
    ...rule,
    check: (context) =>
      rule.check({
        ...context,
        report: (report) => {
          reports.push(report);
          context.report(report);
        },
      }),
  };
  const messages = lintPage(page, options, [recording]);
  const unclaimed = new Set(reports);
  return messages.map((m) => {
    const message = detailedMessage(m);
    if (m.related.length === 0) return { ...message, related: [] };
    const report = [...unclaimed].find((r) => madeMessage(rule, page, r, m));
    if (!report) throw new Error(`no report of ${rule.meta.id} made the message "${m.reason}"`);
    unclaimed.delete(report);
    return {
      ...message,
      related: message.related.map((place, i) => {
        const related = report.related![i]!;
        return { ...place, messageId: related.messageId, data: related.data };
      }),
    };
  });
}

/** True when the engine made message `m` from `report`: the same id, data, places and sentences. */
function madeMessage(rule: Rule, page: Page, report: Report, m: LintMessage): boolean {
  const samePlace = (range: { start: number; end: number }, start: Point, end: Point) => {
    const at = pointsOf(page.lines, range);
    return at.start.offset === start.offset && at.end.offset === end.offset;
  };
  const related = report.related ?? [];
  return (
    report.messageId === m.messageId &&
    report.data === m.data &&
    samePlace(report.range, m.startPoint, m.endPoint) &&
    related.length === m.related.length &&
    related.every((r, i) => {
      const place = m.related[i]!;
      const sentence = interpolate(rule.meta.messages[r.messageId] ?? "", r.data);
      return sentence === place.message && samePlace(r.range, place.start, place.end);
    })
  );
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

/** The message ids a rule declares in `meta.messages`. */
export type MessageIdOf<R> = R extends { meta: RuleMeta<infer MessageIds> } ? MessageIds : never;

/** A related location a finding must have. */
export interface ExpectedRelated<MessageIds extends string = string> {
  messageId: MessageIds;
  /** The values of the message's placeholders; left out when the message has none. */
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding a case must report: the rule's message id and data, not the sentence they make. */
export interface ExpectedError<MessageIds extends string = string> {
  messageId: MessageIds;
  /**
   * The values of the message's placeholders, exactly as the rule gives them (keys it gives beyond
   * the placeholders included); left out only when the message has none, and the rule then gives
   * no data (or an empty object).
   */
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** When given, the message's fix must be exactly this. */
  fix?: SimpleFix;
  /** When given, the message's related locations must be exactly these. */
  related?: ExpectedRelated<MessageIds>[];
}

export interface ValidCase {
  name: string;
  code: string;
  path?: string;
  /** The service's CSDL the case is linted with (`runRuleTests` only). */
  metadata?: MetadataIndex;
  /** The beta CSDL the case is linted with too, as a v1.0 page is (`runRuleTests` only). */
  betaMetadata?: MetadataIndex;
}

export interface InvalidCase<MessageIds extends string = string> extends ValidCase {
  errors: ExpectedError<MessageIds>[];
  /** When given, the text after applying every fix. */
  output?: string;
}

export interface RuleTests<MessageIds extends string = string> {
  valid: ValidCase[];
  invalid: InvalidCase<MessageIds>[];
}

/**
 * Registers one test per case: valid cases report nothing, invalid cases exactly `errors` (message
 * ids, data, positions; fixes and related locations when given), with every placeholder of their
 * sentences filled; with `output`, applying the fixes gives it, and it is clean for the rule.
 */
export function runRuleTests(ruleId: string, tests: RuleTests): void {
  runTable(
    ruleById(ruleId),
    (code, path, metadata, betaMetadata) =>
      lintWithRuleDetailed(ruleId, code, {
        ...(path !== undefined ? { path } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
        ...(betaMetadata !== undefined ? { betaMetadata } : {}),
      }),
    tests,
  );
}

/** `runRuleTests` for a rule module, linted without a docs tree (see `lintWith`). */
export function runExplicitRuleTests<R extends Rule>(rule: R, tests: RuleTests<MessageIdOf<R>>): void {
  runTable(rule, (code, path) => lintWith(rule, code, path), tests);
}

/** `runRuleTests` for a rule module, linted in the docs tree of each case's `path` (see `lintInTree`). */
export function runTreeRuleTests<R extends Rule>(rule: R, tests: RuleTests<MessageIdOf<R>>): void {
  runTable(rule, (code, path, metadata) => lintInTree(rule, code, path, metadata), tests);
}

/** Data as a case compares it: an empty object is no data. */
function dataOf(data: MessageData | undefined): { data?: MessageData } {
  return data !== undefined && Object.keys(data).length > 0 ? { data } : {};
}

function comparableRelated(related: ExpectedRelated | ReportedRelated): ExpectedRelated {
  const { messageId, data, line, column, endLine, endColumn } = related;
  return { messageId, ...dataOf(data), line, column, endLine, endColumn };
}

function comparableError(error: ExpectedError | RuleMessage, like: ExpectedError | undefined): ExpectedError {
  const { messageId, data, line, column, endLine, endColumn, fix, related } = error;
  return {
    messageId: messageId ?? "(none)",
    ...dataOf(data),
    line,
    column,
    endLine,
    endColumn,
    ...(like?.fix !== undefined ? { fix } : {}),
    ...(like?.related !== undefined ? { related: (related ?? []).map(comparableRelated) } : {}),
  };
}

function runTable(
  rule: Rule,
  lintCase: (
    code: string,
    path: string | undefined,
    metadata?: MetadataIndex,
    betaMetadata?: MetadataIndex,
  ) => RuleMessage[],
  tests: RuleTests,
): void {
  recordAssertedMessages(rule, tests);
  describe(rule.meta.id, () => {
    describe("valid", () => {
      it.each(tests.valid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(lintCase(c.code, c.path, c.metadata, c.betaMetadata)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(tests.invalid.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(c.errors.length).toBeGreaterThan(0);
        const actual = lintCase(c.code, c.path, c.metadata, c.betaMetadata);
        for (const m of actual) {
          expect(m.ruleId).toBe(rule.meta.id);
          // A placeholder without a value stays in the sentence as written: the rule forgot its data.
          for (const sentence of [m.message, ...m.related.map((r) => r.message)]) {
            expect(sentence).not.toContain("{{");
          }
        }
        expect(actual.map((m, i) => comparableError(m, c.errors[i]))).toEqual(
          c.errors.map((e) => comparableError(e, e)),
        );
        if (c.output !== undefined) {
          const fixes = actual.flatMap((m) => (m.fix ? [m.fix] : []));
          expect(applyFixes(c.code, fixes)).toBe(c.output);
          // The fixed text is clean for this rule.
          expect(lintCase(c.output, c.path, c.metadata, c.betaMetadata)).toEqual([]);
        }
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Message coverage: what a test file's tables assert of each rule's messages

/** The data each message id is asserted with in this file's tables, by rule id then message id. */
const assertedMessages = new Map<string, Map<string, (MessageData | undefined)[]>>();

function recordAssertedMessages(rule: Rule, tests: RuleTests): void {
  let byId = assertedMessages.get(rule.meta.id);
  if (!byId) assertedMessages.set(rule.meta.id, (byId = new Map()));
  for (const c of tests.invalid) {
    for (const error of c.errors) {
      for (const asserted of [error, ...(error.related ?? [])]) {
        const data = byId.get(asserted.messageId) ?? [];
        data.push(asserted.data);
        byId.set(asserted.messageId, data);
      }
    }
  }
}

/** The placeholder names of a message template, in order, once each. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]!))];
}

export interface MessageCoverageOptions<MessageIds extends string> {
  /**
   * Data keys the rule gives with a message beyond the template's placeholders (a data object
   * shared by several messages): the keys each message id is asserted with must be exactly its
   * placeholders and these.
   */
  dataBeyondPlaceholders?: Partial<Record<MessageIds, readonly string[]>>;
}

/**
 * Registers the tests that the file's tables (every `run…RuleTests` call for `rule` in it, made
 * before or after this one) assert each message id `rule` declares, at least once, either as a
 * finding or as a related location, and with data for exactly the template's placeholders.
 */
export function expectEveryMessageIdTested<R extends Rule>(
  rule: R,
  options: MessageCoverageOptions<MessageIdOf<R>> = {},
): void {
  const messages: Readonly<Record<string, string>> = rule.meta.messages;
  const beyond: Partial<Record<string, readonly string[]>> = options.dataBeyondPlaceholders ?? {};
  describe(`${rule.meta.id}: message ids`, () => {
    it("every message id is asserted by a case of the tables", () => {
      const asserted = assertedMessages.get(rule.meta.id) ?? new Map();
      expect(Object.keys(messages).filter((id) => !asserted.has(id))).toEqual([]);
    });
    it("each message id is asserted with data for exactly its placeholders", () => {
      const asserted = assertedMessages.get(rule.meta.id) ?? new Map();
      for (const [id, datas] of asserted) {
        const template = messages[id];
        expect(template, `message id "${id}"`).toBeDefined();
        const keys = [...new Set([...placeholdersOf(template!), ...(beyond[id] ?? [])])].sort();
        for (const data of datas) {
          expect({ id, keys: Object.keys(data ?? {}).sort() }).toEqual({ id, keys });
        }
      }
    });
    it("lists data keys beyond the placeholders only for asserted message ids, and no placeholder", () => {
      const asserted = assertedMessages.get(rule.meta.id) ?? new Map();
      for (const [id, keys] of Object.entries(beyond)) {
        expect(asserted.has(id), `message id "${id}"`).toBe(true);
        const placeholders = placeholdersOf(messages[id] ?? "");
        expect({ id, placeholders: (keys ?? []).filter((k) => placeholders.includes(k)) }).toEqual({
          id,
          placeholders: [],
        });
      }
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
/** The pages we wrote to stand for real ones (`*.txt`, so folder search skips them). */
export const PAGES = join(FIXTURES, "pages");
/** A beta stub: 13 findings (TODOs, paths without /external, enum placeholders). */
export const STUB_BETA = join(PAGES, "stub-beta.txt");
/** A v1.0 stub: TODOs, paths without /external, an enum placeholder and a case-only difference. */
export const STUB_V1 = join(PAGES, "stub-v1.txt");
/** A page saved as plain text (no fences): four trailing commas and an id mismatch. */
export const PLAIN_TEXT = join(PAGES, "plain-text.txt");
/** A page with DocFX tab groups: a trailing comma and an id mismatch. */
export const TABBED = join(PAGES, "tabbed.txt");
/** A machine-translated zh-CN page, English source in `<span>` tags. */
export const TRANSLATED = join(PAGES, "translated-zh-cn.txt");

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
