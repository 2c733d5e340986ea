/**
 * The language server: lint while typing.
 *
 * Open markdown documents are linted from the editor's (unsaved) text with the configuration and
 * the docs index the CLI would use for the file on disk, and the findings are published as
 * diagnostics: on open at once, on change after a short pause (the debounce), cleared on close.
 * Code actions apply a finding's fix, every fix of one rule, or every fix (`source.fixAll`), and
 * insert a disable directive.
 *
 * Configuration files and the docs tree are read from disk and cached, as in the CLI. The client's
 * file watcher (registered here when the client allows it) says when they change: a configuration
 * change clears the configuration cache, a change of a page under a docs root's `resources/`
 * clears the docs indexes, and the open pages are linted again.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Node, Parent, Root } from "mdast";
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range as LspRange,
  TextDocumentSyncKind,
  TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { findDocsRoot } from "../docset/index.js";
import { clearDocsIndexes } from "../docset/index.js";
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  type ResolvedConfig,
  clearConfigCache,
  configFor,
  isIgnored,
} from "../engine/config.js";
import { applyFixes, fixText } from "../engine/fix.js";
import { type LintOptions, lintText } from "../engine/lint.js";
import { type LintMessage, SOURCE } from "../engine/message.js";
import type { Fix } from "../engine/rule.js";
import { parseMarkdown } from "../parse/markdown.js";
import { BOM } from "../parse/source.js";

/** The `source` of every diagnostic, and the name the server gives itself. */
/** The code action kind of "fix everything that can be fixed", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
/** Milliseconds between the last change of a document and its lint. */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The file watchers the server asks the client for. */
export const WATCHED_GLOBS: readonly string[] = [
  "**/.graph-docs-lint.{json,jsonc,yaml,yml}",
  "**/package.json",
  "**/resources/**/*.md",
];

/** What a diagnostic carries for its code actions. Offsets are into the text without its BOM. */
export interface DiagnosticData {
  ruleId: string | undefined;
  /** The document version the diagnostic was computed for; a fix applies to that version only. */
  version: number;
  fix?: Fix;
}

export interface InitializationOptions {
  /** Milliseconds between the last change of a document and its lint (default 150). */
  debounceMs?: number;
}

/** What the last lint of an open document found. */
interface DocumentState {
  version: number;
  /** The lint options used, or undefined when the document was not linted (ignored, broken config). */
  options: LintOptions | undefined;
  messages: LintMessage[];
  /** The docs root whose index the lint used. */
  docsRoot: string | undefined;
}

/** Wires the language server's handlers to a connection, and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents just opened: the content event that follows the open is the open itself. */
  const justOpened = new Set<string>();
  /** Config files seen (a file named in `extends` has no standard name), for watched-file events. */
  const knownConfigFiles = new Set<string>();
  /** Configuration errors already logged (until the configuration changes). */
  const loggedConfigErrors = new Set<string>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let workspaceRoot: string | undefined;
  let dynamicWatchers = false;
  let documentChanges = false;
  const extraWatched = new Set<string>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounceMs === "number" && Number.isFinite(init.debounceMs) && init.debounceMs >= 0)
      debounceMs = init.debounceMs;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = rootUri ? pathOfUri(rootUri) : undefined;
    // Configuration errors name the file relative to the working folder: make it the workspace.
    if (workspaceRoot && isDirectory(workspaceRoot)) {
      try {
        process.chdir(workspaceRoot);
      } catch {
        // Keep the folder the client started us in.
      }
    }
    dynamicWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
      },
      serverInfo: { name: SOURCE, version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    if (dynamicWatchers) registerWatchers(WATCHED_GLOBS.map((globPattern) => ({ globPattern })));
  });

  function registerWatchers(watchers: FileSystemWatcher[]): void {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => {
      connection.console.warn(`${SOURCE}: cannot register file watchers: ${describe(error)}`);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Linting

  function schedule(uri: string, delay: number): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lintDocument(uri).catch((error: unknown) => {
          connection.console.error(`${SOURCE}: ${describe(error, true)}`);
        });
      }, delay),
    );
  }

  async function lintDocument(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || !isMarkdown(document)) return;
    const version = document.version;
    const path = pathOfUri(uri);
    let diagnostics: Diagnostic[];
    let state: DocumentState = { version, options: undefined, messages: [], docsRoot: undefined };
    try {
      const config = await configFor(configPathFor(path));
      // A newer change is waiting for its own lint; a closed document has nothing to show.
      if (documents.get(uri)?.version !== version) return;
      config.files.forEach(noteConfigFile);
      if (path && isIgnored(path, config)) {
        diagnostics = [];
      } else {
        const { text, shift } = withoutBom(document.getText());
        const options = lintOptionsFor(path, config);
        const result = lintText(text, options);
        const docsRoot = options.docsRoot ?? (path ? findDocsRoot(dirname(path)) : undefined);
        state = { version, options, messages: result.messages, docsRoot };
        diagnostics = result.messages.map((m) => toDiagnostic(m, uri, version, shift));
      }
    } catch (error) {
      if (documents.get(uri)?.version !== version) return;
      diagnostics = [failureDiagnostic(error, path)];
    }
    states.set(uri, state);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function failureDiagnostic(error: unknown, path: string | undefined): Diagnostic {
    const origin = { line: 0, character: 0 };
    if (error instanceof ConfigError) {
      noteConfigFile(error.file);
      if (!loggedConfigErrors.has(error.message)) {
        loggedConfigErrors.add(error.message);
        connection.console.error(`${SOURCE}: invalid configuration: ${error.message}`);
      }
      return {
        range: { start: origin, end: origin },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: `Invalid configuration: ${error.message}`,
        relatedInformation: [
          {
            location: { uri: pathToFileURL(error.file).href, range: { start: origin, end: origin } },
            message: "The configuration file",
          },
        ],
      };
    }
    connection.console.error(`${SOURCE}: linting ${path ?? "a document"} failed: ${describe(error, true)}`);
    return {
      range: { start: origin, end: origin },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      message: `graph-docs-lint failed on this page: ${describe(error)}`,
    };
  }

  /** A file path to discover the configuration from (untitled documents use the workspace's). */
  function configPathFor(path: string | undefined): string {
    return path ?? join(workspaceRoot ?? process.cwd(), "untitled.md");
  }

  function noteConfigFile(file: string): void {
    knownConfigFiles.add(file);
    // A file named in `extends` has no standard name: watch it by its path.
    if (!dynamicWatchers || isStandardConfigName(basename(file)) || extraWatched.has(file)) return;
    extraWatched.add(file);
    registerWatchers([{ globPattern: file.split(sep).join("/") }]);
  }

  function lintAllOpen(filter: (uri: string) => boolean = () => true): void {
    for (const document of documents.all())
      if (isMarkdown(document) && filter(document.uri)) schedule(document.uri, 0);
  }

  // -------------------------------------------------------------------------------------------
  // Document and file events

  documents.onDidOpen(({ document }) => {
    if (!isMarkdown(document)) return;
    justOpened.add(document.uri);
    schedule(document.uri, 0);
  });

  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri) || !isMarkdown(document)) return;
    schedule(document.uri, debounceMs);
  });

  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    const pending = timers.get(document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(document.uri);
    const wasLinted = states.delete(document.uri);
    if (wasLinted || isMarkdown(document))
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // Clients without file watchers still tell about the pages saved in the editor.
  documents.onDidSave(({ document }) => {
    const path = pathOfUri(document.uri);
    if (path) filesChanged([path]);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    filesChanged(changes.flatMap((c) => pathOfUri(c.uri) ?? []));
  });

  function filesChanged(paths: string[]): void {
    const configChanged = paths.some((p) => isStandardConfigName(basename(p)) || knownConfigFiles.has(p));
    const roots = new Set<string>();
    for (const path of paths) {
      const root = docsRootOfResource(path);
      if (root) roots.add(root);
    }
    if (configChanged) {
      clearConfigCache();
      loggedConfigErrors.clear();
    }
    if (roots.size > 0) clearDocsIndexes();
    if (configChanged) {
      lintAllOpen();
    } else if (roots.size > 0) {
      // The pages that use the changed root's index (and those not linted yet).
      lintAllOpen((uri) => {
        const state = states.get(uri);
        return !state || state.docsRoot === undefined || roots.has(state.docsRoot);
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Code actions

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    try {
      return await codeActions(document, params);
    } catch (error) {
      connection.console.error(`${SOURCE}: code actions failed: ${describe(error, true)}`);
      return [];
    }
  });

  async function codeActions(document: TextDocument, params: CodeActionParams): Promise<CodeAction[]> {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const { text, shift } = withoutBom(document.getText());
    const uri = document.uri;
    const edit = (edits: TextEdit[]): WorkspaceEdit =>
      documentChanges
        ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] }
        : { changes: { [uri]: edits } };
    const toEdit = (fix: Fix): TextEdit => ({
      range: {
        start: document.positionAt(fix.range.start + shift),
        end: document.positionAt(fix.range.end + shift),
      },
      newText: fix.text,
    });
    const state = states.get(uri);
    const current = state && state.version === document.version ? state : undefined;
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
        tree ??= parseMarkdown(text);
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
      const options = current?.options ?? (await optionsFor(uri));
      if (options && document.version === documents.get(uri)?.version) {
        const fixed = fixText(text, options);
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

  async function optionsFor(uri: string): Promise<LintOptions | undefined> {
    const path = pathOfUri(uri);
    try {
      const config = await configFor(configPathFor(path));
      return path && isIgnored(path, config) ? undefined : lintOptionsFor(path, config);
    } catch {
      return undefined;
    }
  }

  documents.listen(connection);
  connection.listen();
}

// ---------------------------------------------------------------------------------------------
// Conversions

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
 * of the finding of the last lint with the same rule and range.
 */
function dataOf(
  diagnostic: Diagnostic,
  state: DocumentState | undefined,
  shift: number,
): DiagnosticData | undefined {
  if (diagnostic.data) return diagnostic.data as DiagnosticData;
  if (!state) return undefined;
  const same = (a: LspRange, b: LspRange) =>
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character;
  for (const message of state.messages) {
    if ((message.ruleId ?? undefined) !== (diagnostic.code ?? undefined)) continue;
    const candidate = toDiagnostic(message, "", state.version, shift);
    if (same(candidate.range, diagnostic.range) && candidate.message === diagnostic.message)
      return candidate.data as DiagnosticData;
  }
  return undefined;
}

function lintOptionsFor(path: string | undefined, config: ResolvedConfig): LintOptions {
  return {
    path,
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    docsRoot: config.docsRoot,
    maxPageBytes: config.maxPageBytes,
  };
}

function withoutBom(text: string): { text: string; shift: number } {
  return text.startsWith(BOM) ? { text: text.slice(1), shift: 1 } : { text, shift: 0 };
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

// ---------------------------------------------------------------------------------------------
// Disable directives

const CONTAINERS = new Set(["root", "list", "listItem", "blockquote"]);
const BLOCKS = new Set([
  "paragraph",
  "heading",
  "thematicBreak",
  "blockquote",
  "list",
  "listItem",
  "html",
  "code",
  "definition",
  "yaml",
  "table",
]);

interface Located {
  type: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

function located(node: Node): Located | undefined {
  const p = node.position;
  if (p?.start.offset === undefined || p.end.offset === undefined) return undefined;
  return {
    type: node.type,
    start: p.start.offset,
    end: p.end.offset,
    startLine: p.start.line,
    endLine: p.end.line,
  };
}

/** The innermost leaf block (paragraph, heading, code, html, front matter…) holding an offset. */
function leafBlockAt(tree: Root, offset: number): Located | undefined {
  let parent: Parent = tree;
  let found: Located | undefined;
  for (;;) {
    let next: Node | undefined;
    for (const child of parent.children) {
      const at = BLOCKS.has(child.type) ? located(child) : undefined;
      if (at && at.start <= offset && (offset < at.end || (offset === at.end && at.start === at.end))) {
        next = child;
        found = at;
        break;
      }
    }
    if (!next || !CONTAINERS.has(next.type) || !("children" in next)) return found;
    parent = next as Parent;
  }
}

/** Nodes whose inside an inserted HTML comment would become part of (code) or break (a comment). */
function opaqueNodes(tree: Root): Located[] {
  const out: Located[] = [];
  const walk = (node: Node) => {
    if (node.type === "html" || node.type === "code" || node.type === "inlineCode") {
      const at = located(node);
      if (at) out.push(at);
      return;
    }
    if ("children" in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(tree);
  return out;
}

interface Lines {
  starts: number[];
  /** Offset of the end of line `i` (0-based), before its line break. */
  end(i: number): number;
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index + m[0].length);
  return {
    starts,
    end(i) {
      const next = starts[i + 1];
      if (next === undefined) return text.length;
      return text[next - 2] === "\r" && text[next - 1] === "\n" ? next - 2 : next - 1;
    },
  };
}

function lineIndexOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The edits that disable `ruleId` for a finding at `offset` (into `text`, the page without BOM).
 *
 * `<!-- graph-docs-lint-disable-next-line rule -->` goes on a new line above the finding's line,
 * with its indentation, when that line starts a block. A new line anywhere else would change the
 * page: inside a fenced code block or a multi-line comment (an annotation) it would be code or end
 * the comment, in the middle of a paragraph or a table it would split it. There the directive is
 * `disable-line` at the end of the line, or, inside code and comments, a `disable`/`enable` pair
 * around the block; a finding in the front matter gets `disable-file` below the front matter.
 */
export function disableDirectiveEdit(
  text: string,
  tree: Root,
  offset: number,
  ruleId: string,
): { title: string; edits: Fix[] } {
  const lines = linesOf(text);
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
  const line = lineIndexOf(lines, offset);
  const lineStart = lines.starts[line]!;
  const lineText = text.slice(lineStart, lines.end(line));
  const indentOf = (s: string) => /^[ \t]*/.exec(s)?.[0] ?? "";
  const insert = (at: number, value: string): Fix => ({ range: { start: at, end: at }, text: value });
  const block = leafBlockAt(tree, offset);

  if (block?.type === "yaml") {
    return {
      title: `Disable ${ruleId} for this file`,
      edits: [insert(lines.end(block.endLine - 1), `${eol}<!-- graph-docs-lint-disable-file ${ruleId} -->`)],
    };
  }
  const startsBlock =
    !block || (block.startLine - 1 === line && text.slice(lineStart, block.start).trim() === "");
  if (startsBlock) {
    return {
      title: `Disable ${ruleId} for this line`,
      edits: [
        insert(lineStart, `${indentOf(lineText)}<!-- graph-docs-lint-disable-next-line ${ruleId} -->${eol}`),
      ],
    };
  }
  const lineEnd = lines.end(line);
  const opaque = opaqueNodes(tree).some((n) => n.start < lineEnd && lineEnd < n.end);
  if (!opaque && block.type !== "code" && block.type !== "html") {
    return {
      title: `Disable ${ruleId} for this line`,
      edits: [insert(lineEnd, ` <!-- graph-docs-lint-disable-line ${ruleId} -->`)],
    };
  }
  const firstLine = block.startLine - 1;
  let indent = indentOf(text.slice(lines.starts[firstLine]!, lines.end(firstLine)));
  // An indented code block: the directives go at its container's indentation, outside the code.
  if (block.type === "code" && !/^[ \t]*(```|~~~)/.test(text.slice(lines.starts[firstLine]!))) {
    indent = indent.replace(/^( {4}|\t| {0,3}\t)/, "");
  }
  const what = block.type === "code" ? "code block" : block.type === "html" ? "comment" : "block";
  return {
    title: `Disable ${ruleId} for this ${what}`,
    edits: [
      insert(lines.starts[firstLine]!, `${indent}<!-- graph-docs-lint-disable ${ruleId} -->${eol}`),
      insert(lines.end(block.endLine - 1), `${eol}${indent}<!-- graph-docs-lint-enable ${ruleId} -->`),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The file path of a `file:` URI, or undefined for other schemes (an untitled document). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isMarkdown(document: TextDocument): boolean {
  return document.languageId === "markdown" || /\.(md|markdown)$/i.test(document.uri);
}

function isStandardConfigName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name);
}

/** The docs root of a page in its `resources/` folder (an enum or resource page), if `path` is one. */
function docsRootOfResource(path: string): string | undefined {
  if (!/\.md$/i.test(path)) return undefined;
  const parts = path.split(sep);
  const at = parts.lastIndexOf("resources");
  return at > 0 ? resolve(parts.slice(0, at).join(sep) || sep) : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describe(error: unknown, withStack = false): string {
  if (error instanceof Error) return withStack && error.stack ? error.stack : error.message;
  return String(error);
}

let version: string | undefined;

/** The package's version (package.json is two or three folders up, from src/ or dist/src/). */
function packageVersion(): string | undefined {
  if (version !== undefined) return version;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === SOURCE) return (version = pkg.version);
    } catch {
      // Not here: look further up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}
