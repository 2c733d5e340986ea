/**
 * Findings as LSP diagnostics, and back: each diagnostic carries its rule, the document version it
 * was computed for and its fix, for the code actions.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Diagnostic, DiagnosticSeverity, type Position, type Range } from "vscode-languageserver/node";
import type { ConfigError } from "../engine/config/index.js";
import { type LintMessage, SOURCE } from "../engine/message.js";
import type { Fix } from "../engine/rule.js";
import type { MetadataError } from "../metadata/index.js";

/** What a diagnostic carries for its code actions. Offsets are into the text without its BOM. */
export interface DiagnosticData {
  ruleId: string | undefined;
  /** The document version the diagnostic was computed for; a fix applies to that version only. */
  version: number;
  fix?: Fix;
}

/** LSP diagnostic of a finding. Columns are UTF-16 code units on both sides: only the base differs. */
export function toDiagnostic(message: LintMessage, uri: string, version: number, shift = 0): Diagnostic {
  const position = (point: { line: number; column: number }): Position => ({
    line: point.line - 1,
    // A BOM the editor keeps is the first character of line 1; the linter did not see it.
    character: point.column - 1 + (point.line === 1 ? shift : 0),
  });
  const data: DiagnosticData = { ruleId: message.ruleId, version };
  if (message.fix) {
    const { start, end } = message.fix.range;
    data.fix = { range: { start, end }, text: message.fix.text };
  }
  const diagnostic: Diagnostic = {
    range: { start: position(message.startPoint), end: position(message.endPoint) },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: message.reason,
    data,
  };
  if (message.ruleId) diagnostic.code = message.ruleId;
  if (message.url) diagnostic.codeDescription = { href: message.url };
  if (message.related.length > 0) {
    diagnostic.relatedInformation = message.related.map((r) => ({
      location: { uri, range: { start: position(r.start), end: position(r.end) } },
      message: r.message,
    }));
  }
  return diagnostic;
}

/**
 * The data of a diagnostic the client sent back: its own, or (for a client that drops `data`) that
 * of the finding of the last lint with the same rule, range and message.
 */
export function dataOf(
  diagnostic: Diagnostic,
  last: { version: number; messages: readonly LintMessage[] } | undefined,
  shift: number,
): DiagnosticData | undefined {
  if (diagnostic.data) return diagnostic.data as DiagnosticData;
  if (!last) return undefined;
  for (const message of last.messages) {
    if ((message.ruleId ?? undefined) !== (diagnostic.code ?? undefined)) continue;
    const candidate = toDiagnostic(message, "", last.version, shift);
    if (sameRange(candidate.range, diagnostic.range) && candidate.message === diagnostic.message)
      return candidate.data as DiagnosticData;
  }
  return undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

const ORIGIN = { line: 0, character: 0 };

/** One error at the top of the page for a configuration that cannot be used; `base` shortens its path. */
export function configErrorDiagnostic(error: ConfigError, base: string): Diagnostic {
  return {
    range: { start: ORIGIN, end: ORIGIN },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `Invalid configuration: ${error.describe(base)}`,
    relatedInformation: [
      {
        location: { uri: pathToFileURL(error.file).href, range: { start: ORIGIN, end: ORIGIN } },
        message: "The configuration file",
      },
    ],
  };
}

/**
 * One error at the top of the page for a metadata (CSDL) file the configuration names that cannot
 * be used, related to the place in that file when the fault has one.
 */
export function metadataErrorDiagnostic(error: MetadataError, base: string): Diagnostic {
  const at: Position =
    error.line !== undefined && error.column !== undefined
      ? { line: error.line - 1, character: error.column - 1 }
      : ORIGIN;
  return {
    range: { start: ORIGIN, end: ORIGIN },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `Invalid metadata: ${error.describe(base)}`,
    relatedInformation: [
      {
        location: { uri: pathToFileURL(resolve(base, error.file)).href, range: { start: at, end: at } },
        message: "The metadata file",
      },
    ],
  };
}

/** One error at the top of the page when linting it failed. */
export function failureDiagnostic(detail: string): Diagnostic {
  return {
    range: { start: ORIGIN, end: ORIGIN },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `graph-docs-lint failed on this page: ${detail}`,
  };
}
