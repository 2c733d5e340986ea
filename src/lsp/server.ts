/**
 * The language server: lint while typing. This module wires the handlers; the diagnostics
 * (diagnostics.ts), code actions (code-actions.ts) and disable directives (disable-directive.ts)
 * are computed beside it.
 *
 * Open markdown documents are linted from the editor's (unsaved) text with the configuration and
 * the docs index the CLI would use for the file on disk, and the findings are published as
 * diagnostics: on open at once, on change after a short pause (the debounce), cleared on close.
 *
 * Configuration files and the docs tree are read from disk and cached, as in the CLI. The client's
 * file watcher (registered here when the client allows it) says when they change: a configuration
 * change clears the configuration cache, a change of a page under a docs root's `resources/`
 * clears the docs indexes, and the open pages are linted again.
 */
import { basename, dirname, join, sep } from "node:path";
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { clearDocsIndexes, findDocsRoot } from "../docset/index.js";
import { ConfigError, ConfigLoader, isIgnored, lintOptionsFor } from "../engine/config/index.js";
import { type LintOptions, lintText } from "../engine/lint.js";
import { SOURCE } from "../engine/message.js";
import type { RulePlugin } from "../engine/rule.js";
import { MetadataError } from "../metadata/index.js";
import { packageVersion } from "../util/package-info.js";
import { FIX_ALL_KIND, type LintedDocument, codeActions, withoutBom } from "./code-actions.js";
import {
  configErrorDiagnostic,
  failureDiagnostic,
  metadataErrorDiagnostic,
  toDiagnostic,
} from "./diagnostics.js";
import { docsRootOfResource, isMarkdown, isStandardConfigName, pathOfUri } from "./paths.js";

export { FIX_ALL_KIND };

/** Milliseconds between the last change of a document and its lint. */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The file watchers the server asks the client for. */
export const WATCHED_GLOBS: readonly string[] = [
  "**/.graph-docs-lint.{json,jsonc,yaml,yml}",
  "**/package.json",
  "**/resources/**/*.md",
];

export interface InitializationOptions {
  /** Milliseconds between the last change of a document and its lint (default 150). */
  debounceMs?: number;
}

/** Wires the language server's handlers to a connection, and starts listening. */
export function startServer(connection: Connection, plugin: RulePlugin): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigLoader(plugin);
  const states = new Map<string, LintedDocument>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents just opened: the content event that follows the open is the open itself. */
  const justOpened = new Set<string>();
  /** Config files seen (a file named in `extends` has no standard name), for watched-file events. */
  const knownConfigFiles = new Set<string>();
  /** Configuration errors already logged (until the configuration changes). */
  const loggedConfigErrors = new Set<string>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  /** The workspace folder: configuration errors name their file relative to it. */
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

  /** The folder paths in messages are shown relative to. */
  const baseFolder = () => workspaceRoot ?? process.cwd();

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
    let state: LintedDocument = { version, options: undefined, messages: [], docsRoot: undefined };
    try {
      const config = await configs.configFor(configPathFor(path));
      // A newer change is waiting for its own lint; a closed document has nothing to show.
      if (documents.get(uri)?.version !== version) return;
      config.files.forEach(noteConfigFile);
      if (path && isIgnored(path, config)) {
        diagnostics = [];
      } else {
        const { text, shift } = withoutBom(document.getText());
        const options = lintOptionsFor(config, { path });
        const result = lintText(text, options, plugin.rules);
        const docsRoot = options.docsRoot ?? (path ? findDocsRoot(dirname(path)) : undefined);
        state = { version, options, messages: result.messages, docsRoot };
        diagnostics = result.messages.map((m) => toDiagnostic(m, uri, version, shift));
      }
    } catch (error) {
      if (documents.get(uri)?.version !== version) return;
      diagnostics = [failure(error, path)];
    }
    states.set(uri, state);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function failure(error: unknown, path: string | undefined): Diagnostic {
    if (error instanceof ConfigError) {
      noteConfigFile(error.file);
      const message = error.describe(baseFolder());
      if (!loggedConfigErrors.has(message)) {
        loggedConfigErrors.add(message);
        connection.console.error(`${SOURCE}: invalid configuration: ${message}`);
      }
      return configErrorDiagnostic(error, baseFolder());
    }
    if (error instanceof MetadataError) {
      // Not watched: the file is checked for changes (size, time) at each lint of a page.
      const message = error.describe(baseFolder());
      if (!loggedConfigErrors.has(message)) {
        loggedConfigErrors.add(message);
        connection.console.error(`${SOURCE}: invalid metadata: ${message}`);
      }
      return metadataErrorDiagnostic(error, baseFolder());
    }
    connection.console.error(`${SOURCE}: linting ${path ?? "a document"} failed: ${describe(error, true)}`);
    return failureDiagnostic(describe(error));
  }

  /** A file path to discover the configuration from (untitled documents use the workspace's). */
  function configPathFor(path: string | undefined): string {
    return path ?? join(baseFolder(), "untitled.md");
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
      configs.clear();
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
    const state = states.get(document.uri);
    try {
      return await codeActions({
        document,
        params,
        current: state && state.version === document.version ? state : undefined,
        documentChanges,
        rules: plugin.rules,
        optionsFor: () => optionsFor(document.uri),
        versionNow: () => documents.get(document.uri)?.version,
      });
    } catch (error) {
      connection.console.error(`${SOURCE}: code actions failed: ${describe(error, true)}`);
      return [];
    }
  });

  async function optionsFor(uri: string): Promise<LintOptions | undefined> {
    const path = pathOfUri(uri);
    try {
      const config = await configs.configFor(configPathFor(path));
      return path && isIgnored(path, config) ? undefined : lintOptionsFor(config, { path });
    } catch {
      return undefined;
    }
  }

  documents.listen(connection);
  connection.listen();
}

function describe(error: unknown, withStack = false): string {
  if (error instanceof Error) return withStack && error.stack ? error.stack : error.message;
  return String(error);
}
