/**
 * Running the rules over one page: build the model once, give every enabled rule the same
 * context, and collect what they report as messages with line:column positions.
 */
import { dirname, resolve } from "node:path";
import { type DocsIndex, docsIndexFor, findDocsRoot } from "../docset/index.js";
import { TypeResolver } from "../docset/resolve.js";
import { type MetadataIndex, serviceTypesOf } from "../metadata/index.js";
import { buildPage } from "../page/build.js";
import type { Page } from "../page/model.js";
import { MAX_CONTAINER_DEPTH, deepNesting } from "../parse/nesting.js";
import { BOM, type Point } from "../parse/source.js";
import { applyDirectives, directiveName, readDirectives } from "./directives.js";
import { LintMessage, type SeverityLevel, compareMessages, pointsOf } from "./message.js";
import { DEFAULT_MAX_PAGE_BYTES, readPage, tooLargeReason, unreadableResult } from "./read-page.js";
import { type LintResult, resultOf } from "./result.js";
import {
  type MessageData,
  type Report,
  type Rule,
  type RuleSetting,
  type Severity,
  interpolate,
  optionsFor,
} from "./rule.js";

export type { RuleSetting } from "./rule.js";
export type { LintResult } from "./result.js";

export interface LintOptions {
  /** The page's path (for the API version, the namespace by file name, and the docs root). */
  path?: string;
  /** Severity per rule id; rules not named run at their default severity. */
  rules?: Record<string, RuleSetting>;
  /** Options per rule id. */
  ruleOptions?: Record<string, unknown>;
  /** The docs index to resolve types with; by default the one of the page's docs root. */
  docs?: DocsIndex;
  /** The docs root, overriding the search from the page's folder. */
  docsRoot?: string;
  /**
   * The service's CSDL (`$metadata`) for the page's API version, already loaded: the front end
   * chooses the file for the page (the `metadata` configuration key, `--metadata`). Without it the
   * rules that compare pages with the service stay silent.
   */
  metadata?: MetadataIndex;
  /**
   * The beta CSDL, for a page of v1.0 when beta's file is configured too: rules name what a v1.0
   * page documents that only beta has (`betaMetadataIndexFor`). Undefined for other pages.
   */
  betaMetadata?: MetadataIndex;
  /** Report disable directives that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
  /**
   * Pages larger than this many bytes (of UTF-8) are not parsed: they get one fatal message instead
   * (parsing takes ~80 times a page's size in memory). Default `DEFAULT_MAX_PAGE_BYTES`, 10 MiB.
   */
  maxPageBytes?: number;
  /**
   * The text is the file at `path` as it is on disk (not an editor's unsaved buffer): the docs index
   * may keep what it learns from the page for other pages' lookups instead of parsing it again.
   * `lintFile` and the command line set it.
   */
  textIsFile?: boolean;
}

const LEVEL: Record<Severity, SeverityLevel> = { error: 2, warn: 1 };

function severityOf(rule: Rule, options: LintOptions): SeverityLevel | undefined {
  const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
  return setting === "off" ? undefined : LEVEL[setting];
}

/** The docs index for a page at `path`: the one of its docs root, or an empty one. */
export function docsIndexForPath(path: string | undefined, docsRoot?: string): DocsIndex {
  if (docsRoot) return docsIndexFor(resolve(docsRoot));
  return docsIndexFor(path ? findDocsRoot(dirname(resolve(path))) : undefined);
}

/** Lints a page model with the enabled rules, then applies the page's inline directives. */
export function lintPage(page: Page, options: LintOptions, rules: readonly Rule[]): LintMessage[] {
  const found = runRules(page, options, rules);
  const directives = readDirectives(page);
  if (directives.length === 0) return found.sort(compareMessages);
  const { kept, unused } = applyDirectives(
    directives,
    found.map((message) => ({
      message,
      ruleId: message.ruleId,
      range: message.range,
      line: message.startPoint.line,
    })),
  );
  const messages = kept.map((k) => k.message);
  const at = (range: { start: number; end: number }) => pointsOf(page.lines, range);
  // A directive may name only the rules this lint was given (a typo suppresses nothing).
  const known = new Set(rules.map((r) => r.meta.id));
  for (const directive of directives) {
    directive.rules.forEach((rule, i) => {
      if (known.has(rule)) return;
      messages.push(
        new LintMessage(`Unknown rule "${rule}" in a ${directiveName(directive.kind)} directive.`, {
          ruleId: undefined,
          severity: 2,
          ...at(directive.ruleRanges[i]!),
        }),
      );
    });
  }
  if (options.reportUnusedDisableDirectives) {
    for (const directive of unused) {
      const what = directive.rules.length > 0 ? ` (no problems from ${directive.rules.join(", ")})` : "";
      messages.push(
        new LintMessage(`Unused ${directiveName(directive.kind)} directive${what}.`, {
          ruleId: undefined,
          severity: 2,
          ...at(directive),
          fix: { range: wholeLinesOf(page, directive), text: "" },
        }),
      );
    }
  }
  return messages.sort(compareMessages);
}

/** A range widened to its whole lines (line ending included) when nothing else stands on them. */
function wholeLinesOf(page: Page, range: { start: number; end: number }): { start: number; end: number } {
  const first = page.lines.point(range.start).line;
  const last = page.lines.point(range.end).line;
  const lineStart = page.lines.lineStart(first);
  const lineEnd = page.lines.lineEnd(last);
  const alone =
    page.text.slice(lineStart, range.start).trim() === "" &&
    page.text.slice(range.end, lineEnd).trim() === "";
  return alone ? { start: lineStart, end: page.lines.lineStart(last + 1) } : range;
}

function runRules(page: Page, options: LintOptions, rules: readonly Rule[]): LintMessage[] {
  const docs = options.docs ?? docsIndexForPath(options.path, options.docsRoot);
  if (options.textIsFile && options.path) docs.learnFrom?.(resolve(options.path), page);
  // With the service's CSDL, the types the docs leave unsaid are read from it (src/docset/service.ts).
  const service = options.metadata && serviceTypesOf(options.metadata);
  const types = new TypeResolver(page, docs, service);
  const messages: LintMessage[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (severity === undefined) continue;
    const say = (messageId: string, data: MessageData | undefined) => {
      const template = rule.meta.messages[messageId];
      if (template === undefined) throw new Error(`unknown message id "${messageId}"`);
      return interpolate(template, data);
    };
    const report = (r: Report) => {
      const { start, end } = pointsOf(page.lines, r.range);
      messages.push(
        new LintMessage(say(r.messageId, r.data), {
          ruleId: rule.meta.id,
          messageId: r.messageId,
          data: r.data,
          severity,
          start,
          end,
          url: rule.meta.docs,
          // Only a rule that declares itself fixable may change the page.
          fix: rule.meta.fixable ? r.fix : undefined,
          related: (r.related ?? []).map((rel) => ({
            message: say(rel.messageId, rel.data),
            ...pointsOf(page.lines, rel.range),
          })),
        }),
      );
    };
    try {
      const ruleOptions = optionsFor(rule, options.ruleOptions?.[rule.meta.id]);
      const { metadata, betaMetadata } = options;
      rule.check({ page, docs, types, metadata, betaMetadata, options: ruleOptions, report });
    } catch (error) {
      // One broken rule must not take the others down: say so at the top of the page.
      const detail = error instanceof Error ? error.message : String(error);
      const origin = page.lines.point(0);
      messages.push(
        new LintMessage(`Rule crashed: ${detail}`, {
          ruleId: rule.meta.id,
          severity: 2,
          start: origin,
          end: origin,
        }),
      );
    }
  }
  return messages;
}

/**
 * Lints page text. A leading byte order mark is allowed: the page is parsed without it (micromark
 * drops it, so mdast offsets would be one short of the text's) and every position is shifted back
 * by one, so that ranges, points and fixes index the text as given.
 */
export function lintText(text: string, options: LintOptions, rules: readonly Rule[]): LintResult {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: only a long text needs counting.
  const limit = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const tooLarge =
    text.length > limit / 3 ? tooLargeReason(Buffer.byteLength(text, "utf8"), limit) : undefined;
  if (tooLarge) return unreadableResult(options.path ?? "<text>", tooLarge);
  if (!text.startsWith(BOM)) return lintPageText(text, options, rules);
  const result = lintPageText(text.slice(BOM.length), options, rules);
  const messages = result.messages.map((m) => shiftedMessage(m, BOM.length));
  const shifted = resultOf({ filePath: result.filePath, messages, source: text, bom: true });
  if (result.dependencies) shifted.dependencies = result.dependencies;
  return shifted;
}

/**
 * Lints page text that has no byte order mark. Past a container nesting no real page reaches, the
 * rest of the page is not parsed or linted (src/parse/nesting.ts), and a message says where.
 */
function lintPageText(text: string, options: LintOptions, rules: readonly Rule[]): LintResult {
  const deep = deepNesting(text);
  const page = buildPage(deep ? text.slice(0, deep.offset) : text, { path: options.path });
  const docs = options.docs ?? docsIndexForPath(options.path, options.docsRoot);
  docs.beginTracking?.();
  let messages: LintMessage[] = [];
  let dependencies: string[] = [];
  try {
    messages = lintPage(page, { ...options, docs }, rules);
  } finally {
    dependencies = (docs.endTracking?.() ?? []).filter((f) => f !== "");
  }
  if (deep) {
    const at = page.lines.point(deep.offset);
    messages.push(
      new LintMessage(
        `Lists and block quotes nest more than ${MAX_CONTAINER_DEPTH} levels deep here: the rest of the page is not linted.`,
        { ruleId: undefined, severity: 2, start: at, end: at },
      ),
    );
    messages.sort(compareMessages);
  }
  const result = resultOf({ filePath: options.path ?? "<text>", messages, source: text });
  if (dependencies.length > 0) result.dependencies = dependencies;
  return result;
}

/** A message moved `by` code units to the right, on line 1 (what a leading BOM does). */
function shiftedMessage(m: LintMessage, by: number): LintMessage {
  const point = (p: Point): Point => ({
    line: p.line,
    column: p.line === 1 ? p.column + by : p.column,
    offset: p.offset + by,
  });
  return new LintMessage(m.reason, {
    ruleId: m.ruleId ?? undefined,
    messageId: m.messageId,
    data: m.data,
    severity: m.severity,
    start: point(m.startPoint),
    end: point(m.endPoint),
    url: m.url ?? undefined,
    fix: m.fix && { range: { start: m.fix.range.start + by, end: m.fix.range.end + by }, text: m.fix.text },
    related: m.related.map((r) => ({ message: r.message, start: point(r.start), end: point(r.end) })),
  });
}

/** Reads, decodes and lints a file; unreadable files give one fatal message instead of throwing. */
export function lintFile(
  path: string,
  options: Omit<LintOptions, "path">,
  rules: readonly Rule[],
): LintResult {
  const filePath = resolve(path);
  const read = readPage(filePath, options.maxPageBytes);
  if (!read.ok) return unreadableResult(filePath, read.reason);
  const result = lintText(read.text, { ...options, path: filePath, textIsFile: true }, rules);
  return { ...result, bom: read.bom };
}
