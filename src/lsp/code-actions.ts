/**
 * The language server's code actions: a finding's fix, every fix of one rule, a disable directive
 * for a finding, and every fix of the page (`source.fixAll.graph-docs-lint`, for fix-on-save).
 */
import type { Root } from "mdast";
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { applyFixes, fixText } from "../engine/fix.js";
import type { LintOptions } from "../engine/lint.js";
import { type LintMessage, SOURCE } from "../engine/message.js";
import type { Fix, Rule } from "../engine/rule.js";
import { parseMarkdown } from "../parse/markdown.js";
import { deepNesting } from "../parse/nesting.js";
import { BOM } from "../parse/source.js";
import { type DiagnosticData, dataOf } from "./diagnostics.js";
import { disableDirectiveEdit } from "./disable-directive.js";

/** The code action kind of "fix everything that can be fixed", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** What the last lint of an open document found. */
export interface LintedDocument {
  version: number;
  /** The lint options used, or undefined when the document was not linted (ignored, broken config). */
  options: LintOptions | undefined;
  messages: LintMessage[];
  /** The docs root whose index the lint used. */
  docsRoot: string | undefined;
}

export interface CodeActionRequest {
  document: TextDocument;
  params: CodeActionParams;
  /** The last lint of the document, if it is of the document's version. */
  current: LintedDocument | undefined;
  /** The client takes versioned document edits. */
  documentChanges: boolean;
  rules: readonly Rule[];
  /** The document's lint options, found afresh (when the last lint is not of this version). */
  optionsFor(): Promise<LintOptions | undefined>;
  /** The document's version now: a fix-all computed for an older one is dropped. */
  versionNow(): number | undefined;
}

/** The page's text without its byte order mark, and the shift that puts offsets back. */
export function withoutBom(text: string): { text: string; shift: number } {
  return text.startsWith(BOM) ? { text: text.slice(1), shift: 1 } : { text, shift: 0 };
}

export async function codeActions(request: CodeActionRequest): Promise<CodeAction[]> {
  const { document, params, current } = request;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const { text, shift } = withoutBom(document.getText());
  const uri = document.uri;
  const edit = (edits: TextEdit[]): WorkspaceEdit =>
    request.documentChanges
      ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] }
      : { changes: { [uri]: edits } };
  const toEdit = (fix: Fix): TextEdit => ({
    range: {
      start: document.positionAt(fix.range.start + shift),
      end: document.positionAt(fix.range.end + shift),
    },
    newText: fix.text,
  });
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);

  if (wants(CodeActionKind.QuickFix)) {
    const fixAllOffered = new Set<string>();
    let tree: Root | undefined;
    for (const diagnostic of ours) {
      const data = dataOf(diagnostic, current, shift);
      if (!data) continue;
      const ruleId = data.ruleId;
      if (data.fix && data.version === document.version) {
        actions.push({
          title: ruleId ? `Fix this ${ruleId} problem` : "Fix this problem",
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: edit([toEdit(data.fix)]),
        });
      }
      if (!ruleId) continue;
      if (current && data.fix && data.version === document.version && !fixAllOffered.has(ruleId)) {
        fixAllOffered.add(ruleId);
        const fixes = current.messages.flatMap((m) => (m.ruleId === ruleId && m.fix ? [m.fix] : []));
        // With one fixable problem, the quick fix above is the same edit.
        if (fixes.length > 1) {
          const { applied } = applyFixes(text, fixes);
          actions.push({
            title: `Fix all ${ruleId} problems in this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: ours.filter((d) => (d.data as DiagnosticData | undefined)?.ruleId === ruleId),
            edit: edit(applied.map(toEdit)),
          });
        }
      }
      tree ??= parseMarkdown(boundedText(text));
      const disable = disableDirectiveEdit(
        text,
        tree,
        document.offsetAt(diagnostic.range.start) - shift,
        ruleId,
      );
      actions.push({
        title: disable.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit(disable.edits.map(toEdit)),
      });
    }
  }

  const fixable = current
    ? current.messages.some((m) => m.fix)
    : ours.some((d) => (d.data as DiagnosticData | undefined)?.fix);
  if (wants(FIX_ALL_KIND) && (only !== undefined || fixable)) {
    const options = current?.options ?? (await request.optionsFor());
    if (options && document.version === request.versionNow()) {
      const fixed = fixText(text, options, request.rules);
      if (fixed.changed) {
        actions.push({
          title: "Fix all auto-fixable graph-docs-lint problems",
          kind: FIX_ALL_KIND,
          edit: edit([toEdit(minimalEdit(text, fixed.output))]),
        });
      }
    }
  }
  return actions;
}

/** The page up to where its containers nest too deeply to parse (src/parse/nesting.ts). */
function boundedText(text: string): string {
  const deep = deepNesting(text);
  return deep ? text.slice(0, deep.offset) : text;
}

/**
 * One edit turning `before` into `after`: the changed middle between their common prefix and
 * suffix (never splitting a surrogate pair or a CRLF), so the rest of the document, its cursor and
 * its folding stay put.
 */
export function minimalEdit(before: string, after: string): Fix {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (isHighSurrogate(before.charCodeAt(prefix - 1)) || before[prefix - 1] === "\r"))
    prefix--;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  while (
    suffix > 0 &&
    (isLowSurrogate(before.charCodeAt(before.length - suffix)) ||
      (before[before.length - suffix] === "\n" && before[before.length - suffix - 1] === "\r"))
  )
    suffix--;
  return {
    range: { start: prefix, end: before.length - suffix },
    text: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
