/**
 * The language server, run from the build as a child process (`npm test` builds first) and spoken
 * to over stdio, as an editor does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from "vscode-jsonrpc/node";
import type {
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  Registration,
  TextEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { md, writeFile } from "./helpers.js";

const SERVER = fileURLToPath(new URL("../dist/bundle/lsp.js", import.meta.url));
const DOCS_URL = "https://github.com/graph-docs-lint/graph-docs-lint/blob/main/docs/rules/";
const TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------------
// A minimal LSP client

class Client {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly registrations: Registration[] = [];
  private listeners = new Set<() => void>();
  private exited: Promise<number | null>;
  private versions = new Map<string, number>();

  constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => process.on("exit", (code) => resolve(code)));
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.changed();
    });
    connection.onNotification("window/logMessage", (params: { type: number; message: string }) => {
      this.logs.push(params);
      this.changed();
    });
    connection.onRequest("client/registerCapability", (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      this.changed();
      return null;
    });
    connection.listen();
  }

  static start(cwd: string): Client {
    const child = spawn(process.execPath, [SERVER, "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(`[lsp stderr] ${chunk.toString()}`));
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    return new Client(child, connection);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with `pick()` once it is defined (checked now and after every message from the server). */
  waitFor<T>(pick: () => T | undefined, what: string, timeout = TIMEOUT): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = pick();
        if (value === undefined) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeout);
      this.listeners.add(check);
      check();
    });
  }

  /** The first diagnostics for `uri` published after `mark` (an index into `diagnostics`). */
  diagnosticsAfter(mark: number, uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () =>
        this.diagnostics
          .slice(mark)
          .find((d) => d.uri === uri && (version === undefined || d.version === version))?.diagnostics,
      `diagnostics of ${uri}${version === undefined ? "" : ` version ${version}`}`,
    );
  }

  /** Opens a document and returns its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const mark = this.diagnostics.length;
    this.versions.set(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "markdown", version: 1, text },
    });
    return this.diagnosticsAfter(mark, uri, 1);
  }

  /** Replaces a document's text and returns the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const mark = this.diagnostics.length;
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return this.diagnosticsAfter(mark, uri, version);
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const mark = this.diagnostics.length;
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    return this.diagnosticsAfter(mark, uri);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// The docs tree

let workspace: string;
let client: Client;
let initializeResult: InitializeResult;

function write(path: string, text: string): string {
  return writeFile(workspace, path, text);
}

const uriOf = (path: string) => pathToFileURL(join(workspace, path)).href;

function enumsPage(members: string[]): string {
  return md(
    "---",
    'title: "Enum values"',
    "---",
    "",
    "# Enum values",
    "",
    "Namespace: microsoft.graph",
    "",
    "### fooType values",
    "",
    "|Member|",
    "|:---|",
    ...members.map((m) => `|${m}|`),
  );
}

const WIDGET_RESOURCE = md(
  "---",
  'title: "widget resource type"',
  "doc_type: resourcePageType",
  "---",
  "",
  "# widget resource type",
  "",
  "Namespace: microsoft.graph",
  "",
  "## Properties",
  "",
  "|Property|Type|Description|",
  "|:---|:---|:---|",
  "|id|String|The identifier.|",
  "|kind|fooType|The kind.|",
  "|name|String|The name.|",
  "",
  "## JSON representation",
  "",
  '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->',
  "```json",
  "{}",
  "```",
);

/** A create page: the request has an undocumented kind and a trailing comma, the response another id. */
const WIDGET_POST = md(
  "---",
  'title: "Create widget"',
  "---",
  "",
  "# Create widget",
  "",
  "Namespace: microsoft.graph",
  "",
  "## Request",
  "",
  '<!-- { "blockType": "request", "name": "create_widget" } -->',
  "```http",
  "POST https://graph.microsoft.com/v1.0/widgets",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "w1",',
  '  "kind": "gamma",',
  '  "name": "Gadget",',
  "}",
  "```",
  "",
  "## Response",
  "",
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
  "```http",
  "HTTP/1.1 201 Created",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "w2",',
  '  "kind": "alpha"',
  "}",
  "```",
);

const CJK_LINE = '{ "note": "这是一个中文句子。😀", }';
const CJK_PAGE = md("# 小部件", "", "这是一个中文句子。😀 TODO 以后再写。", "", "```json", CJK_LINE, "```");

/** The LSP range of the `occurrence`-th `needle` in `text` (0-based lines, UTF-16 columns). */
function rangeOf(text: string, needle: string, occurrence = 0, length = needle.length): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`no ${needle} #${occurrence}`);
  }
  const before = text.slice(0, offset).split("\n");
  const line = before.length - 1;
  const character = before[line]!.length;
  return { start: { line, character }, end: { line, character: character + length } };
}

function offsetOf(text: string, needle: string, occurrence = 0): number {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  return offset;
}

function applyEdits(uri: string, text: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  return TextDocument.applyEdits(TextDocument.create(uri, "markdown", 0, text), edits);
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action "${title}" among ${actions.map((a) => `"${a.title}"`).join(", ")}`);
  return action;
}

beforeAll(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), "gdl-lsp-")));
  mkdirSync(join(workspace, "docs", "api"), { recursive: true });
  write("docs/resources/enums.md", enumsPage(["alpha", "beta"]));
  write("docs/resources/widget.md", WIDGET_RESOURCE);
  write("docs/api/widget-post.md", WIDGET_POST);
  // Started outside the workspace: paths in messages are shortened against the workspace folder
  // the client names, not the server's working folder.
  client = Client.start(tmpdir());
  initializeResult = await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "docs" }],
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      },
    },
    initializationOptions: { debounceMs: 20 },
  });
  await client.connection.sendNotification("initialized", {});
});

afterAll(async () => {
  try {
    if (client) expect(await client.stop()).toBe(0);
  } finally {
    client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  }
});

describe("language server", () => {
  it("announces text sync, code actions and registers file watchers", async () => {
    expect(initializeResult.serverInfo?.name).toBe("graph-docs-lint");
    expect(initializeResult.capabilities.codeActionProvider).toEqual({
      codeActionKinds: ["quickfix", "source.fixAll.graph-docs-lint"],
      resolveProvider: false,
    });
    const registration = await client.waitFor(
      () => client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"),
      "the file watcher registration",
    );
    const globs = (registration.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map(
      (w) => w.globPattern,
    );
    expect(globs).toEqual(
      expect.arrayContaining([
        "**/.graph-docs-lint.{json,jsonc,yaml,yml}",
        "**/package.json",
        "**/resources/**/*.md",
      ]),
    );
  });

  it("publishes diagnostics with exact ranges, codes, links, related locations and fix data", async () => {
    const uri = uriOf("docs/api/widget-post.md");
    const diagnostics = await client.open(uri, WIDGET_POST);
    const comma = offsetOf(WIDGET_POST, '"Gadget",') + '"Gadget"'.length;
    expect(diagnostics).toEqual([
      {
        range: rangeOf(WIDGET_POST, '"gamma"'),
        severity: 1,
        source: "graph-docs-lint",
        code: "enum-value-documented",
        codeDescription: { href: `${DOCS_URL}enum-value-documented.md` },
        message:
          '"gamma" is not a documented value of fooType (property "kind"); documented values: "alpha", "beta".',
        data: { ruleId: "enum-value-documented", version: 1 },
      },
      {
        range: rangeOf(WIDGET_POST, ",\n}", 0, 1),
        severity: 1,
        source: "graph-docs-lint",
        code: "no-trailing-comma",
        codeDescription: { href: `${DOCS_URL}no-trailing-comma.md` },
        message: "Trailing comma before '}' in example JSON: JSON does not allow it.",
        data: {
          ruleId: "no-trailing-comma",
          version: 1,
          fix: { range: { start: comma, end: comma + 1 }, text: "" },
        },
      },
      {
        range: rangeOf(WIDGET_POST, '"w2"'),
        severity: 1,
        source: "graph-docs-lint",
        code: "request-response-id-match",
        codeDescription: { href: `${DOCS_URL}request-response-id-match.md` },
        message: `Response id "w2" does not echo the request's id "w1".`,
        relatedInformation: [
          { location: { uri, range: rangeOf(WIDGET_POST, '"w1"') }, message: "The request's id" },
        ],
        data: { ruleId: "request-response-id-match", version: 1 },
      },
    ]);
    // Hand-checked: line 18 of the page (1-based) is line 17 in LSP, and column 11 is character 10.
    expect(diagnostics[0]!.range).toEqual({
      start: { line: 17, character: 10 },
      end: { line: 17, character: 17 },
    });
  });

  it("re-lints the pages that use an enum page when it changes on disk", async () => {
    const uri = uriOf("docs/api/widget-post.md");
    write("docs/resources/enums.md", enumsPage(["alpha", "beta", "gamma"]));
    const mark = client.diagnostics.length;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("docs/resources/enums.md"), type: 2 }],
    });
    const diagnostics = await client.diagnosticsAfter(mark, uri);
    expect(diagnostics.map((d) => d.code)).toEqual(["no-trailing-comma", "request-response-id-match"]);
  });

  it("gives UTF-16 columns on lines with CJK text and an emoji, and a quick fix that clears the finding", async () => {
    const uri = uriOf("docs/api/cjk.md");
    const diagnostics = await client.open(uri, CJK_PAGE);
    const comma = diagnostics.find((d) => d.code === "no-trailing-comma");
    const line = CJK_PAGE.split("\n").indexOf(CJK_LINE);
    const character = CJK_LINE.indexOf(", }");
    // The emoji is two UTF-16 code units: the column in code points is one less, in UTF-8 bytes far more.
    expect([...CJK_LINE.slice(0, character)].length).toBe(character - 1);
    expect(comma?.range).toEqual({ start: { line, character }, end: { line, character: character + 1 } });
    const todo = diagnostics.find((d) => d.code === "no-todo-placeholder");
    expect(todo?.range).toEqual(rangeOf(CJK_PAGE, "TODO"));
    expect(todo!.range.start.character).toBe(12);

    const actions = await client.codeActions(uri, comma!.range, [comma!]);
    expect(actions.map((a) => a.title)).toEqual([
      "Fix this no-trailing-comma problem",
      "Disable no-trailing-comma for this code block",
      "Fix all auto-fixable graph-docs-lint problems",
    ]);
    const fix = byTitle(actions, "Fix this no-trailing-comma problem");
    expect(fix.kind).toBe("quickfix");
    expect(fix.isPreferred).toBe(true);
    expect(fix.edit?.changes?.[uri]).toEqual([{ range: comma!.range, newText: "" }]);
    const fixed = applyEdits(uri, CJK_PAGE, fix);
    expect(fixed).toBe(CJK_PAGE.replace(CJK_LINE, '{ "note": "这是一个中文句子。😀" }'));
    const after = await client.change(uri, fixed);
    expect(after.map((d) => d.code)).toEqual(["no-todo-placeholder"]);
  });

  it("fixes all problems of a rule, and everything with source.fixAll", async () => {
    const uri = uriOf("docs/api/fix-all.md");
    const page = md(
      "# Fix all",
      "",
      "```json",
      '{ "a": [1, 2,], "b": 3, }',
      "```",
      "",
      "```json",
      '{ "c": { "d": true, }, }',
      "```",
    );
    const clean = md(
      "# Fix all",
      "",
      "```json",
      '{ "a": [1, 2], "b": 3 }',
      "```",
      "",
      "```json",
      '{ "c": { "d": true } }',
      "```",
    );
    const diagnostics = await client.open(uri, page);
    expect(diagnostics.map((d) => d.code)).toEqual(Array(4).fill("no-trailing-comma"));

    const actions = await client.codeActions(uri, diagnostics[0]!.range, [diagnostics[0]!]);
    expect(actions.map((a) => a.title)).toEqual([
      "Fix this no-trailing-comma problem",
      "Fix all no-trailing-comma problems in this file",
      "Disable no-trailing-comma for this code block",
      "Fix all auto-fixable graph-docs-lint problems",
    ]);
    expect(applyEdits(uri, page, byTitle(actions, "Fix all no-trailing-comma problems in this file"))).toBe(
      clean,
    );

    const source = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [],
      ["source.fixAll"],
    );
    expect(source.map((a) => [a.title, a.kind])).toEqual([
      ["Fix all auto-fixable graph-docs-lint problems", "source.fixAll.graph-docs-lint"],
    ]);
    const fixed = applyEdits(uri, page, source[0]!);
    expect(fixed).toBe(clean);
    expect(await client.change(uri, fixed)).toEqual([]);

    // Nothing left to fix: no action.
    const none = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [],
      ["source.fixAll.graph-docs-lint"],
    );
    expect(none).toEqual([]);
  });

  it("disables a rule for a line with a directive above it, at the end of a table row, or around a code block", async () => {
    const uri = uriOf("docs/api/disable.md");
    const page = md(
      "# Disable",
      "",
      "- A list item:",
      "",
      "  TODO describe the list item.",
      "",
      "|Name|Description|",
      "|:---|:---|",
      "|first|TODO|",
      "",
      "```json",
      '{ "a": 1, }',
      "```",
    );
    const diagnostics = await client.open(uri, page);
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ["no-todo-placeholder", 4],
      ["no-todo-placeholder", 8],
      ["no-trailing-comma", 11],
    ]);
    const disable = async (diagnostic: Diagnostic, text: string) => {
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
      const action = actions.find((a) => a.title.startsWith(`Disable ${String(diagnostic.code)} for this`));
      expect(action?.kind).toBe("quickfix");
      return { title: action!.title, text: applyEdits(uri, text, action!) };
    };

    const above = await disable(diagnostics[0]!, page);
    expect(above.title).toBe("Disable no-todo-placeholder for this line");
    expect(above.text).toBe(
      page.replace(
        "  TODO describe",
        "  <!-- graph-docs-lint-disable-next-line no-todo-placeholder -->\n  TODO describe",
      ),
    );
    const afterAbove = await client.change(uri, above.text);
    expect(afterAbove.map((d) => [d.code, d.range.start.line])).toEqual([
      ["no-todo-placeholder", 9],
      ["no-trailing-comma", 12],
    ]);

    const row = await disable(afterAbove[0]!, above.text);
    expect(row.title).toBe("Disable no-todo-placeholder for this line");
    expect(row.text).toBe(
      above.text.replace(
        "|first|TODO|",
        "|first|TODO| <!-- graph-docs-lint-disable-line no-todo-placeholder -->",
      ),
    );
    const afterRow = await client.change(uri, row.text);
    expect(afterRow.map((d) => [d.code, d.range.start.line])).toEqual([["no-trailing-comma", 12]]);

    const block = await disable(afterRow[0]!, row.text);
    expect(block.title).toBe("Disable no-trailing-comma for this code block");
    expect(block.text).toBe(
      row.text.replace(
        '```json\n{ "a": 1, }\n```',
        '<!-- graph-docs-lint-disable no-trailing-comma -->\n```json\n{ "a": 1, }\n```\n<!-- graph-docs-lint-enable no-trailing-comma -->',
      ),
    );
    expect(await client.change(uri, block.text)).toEqual([]);
  });

  it("reports a broken configuration as one diagnostic and a log message, and keeps serving", async () => {
    const config = write("other/.graph-docs-lint.json", '{ "rules": ');
    const uri = uriOf("other/page.md");
    const text = md("# Other", "", "TODO write this page.");
    const diagnostics = await client.open(uri, text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.range).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    expect(diagnostics[0]!.severity).toBe(1);
    expect(diagnostics[0]!.message).toBe(
      `Invalid configuration: ${join("other", ".graph-docs-lint.json")}:1:12: invalid JSON: expected a value`,
    );
    expect(diagnostics[0]!.relatedInformation?.[0]?.location.uri).toBe(pathToFileURL(config).href);
    const log = await client.waitFor(
      () => client.logs.find((l) => l.message.includes(".graph-docs-lint.json")),
      "a log message about the configuration",
    );
    expect(log.type).toBe(1);

    // The server still answers, and lints pages elsewhere.
    expect(await client.codeActions(uri, diagnostics[0]!.range, diagnostics)).toEqual([]);
    const elsewhere = await client.open(uriOf("docs/api/todo.md"), text);
    expect(elsewhere.map((d) => d.code)).toEqual(["no-todo-placeholder"]);

    // Repaired on disk: the page is linted with it.
    write("other/.graph-docs-lint.json", '{ "rules": { "no-todo-placeholder": "warn" } }');
    const mark = client.diagnostics.length;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(config).href, type: 2 }],
    });
    const repaired = await client.waitFor(
      () =>
        client.diagnostics
          .slice(mark)
          .find((d) => d.uri === uri && d.diagnostics.some((x) => x.code === "no-todo-placeholder"))
          ?.diagnostics,
      "diagnostics with the repaired configuration",
    );
    expect(repaired.map((d) => [d.code, d.severity])).toEqual([["no-todo-placeholder", 2]]);
  });

  it("reports a metadata file that is not CSDL as one diagnostic and a log message", async () => {
    write("meta/.graph-docs-lint.json", JSON.stringify({ metadata: { beta: "beta.xml" } }));
    const csdl = write("meta/beta.xml", '<?xml version="1.0"?>\n<edmx:Edmx Version="4.0"');
    const uri = uriOf("meta/beta/page.md");
    const diagnostics = await client.open(uri, md("# Page", "", "TODO write this page."));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.range).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    expect(diagnostics[0]!.severity).toBe(1);
    expect(diagnostics[0]!.message).toMatch(
      new RegExp(`^Invalid metadata: ${join("meta", "beta.xml").replace(/\\/g, "\\\\")}:2:\\d+: is `),
    );
    expect(diagnostics[0]!.relatedInformation?.[0]?.location.uri).toBe(pathToFileURL(csdl).href);
    await client.waitFor(
      () => client.logs.find((l) => l.message.includes("invalid metadata") && l.message.includes("beta.xml")),
      "a log message about the metadata file",
    );
    // A page of the other version is held to no file: linted as before.
    const v1 = await client.open(uriOf("meta/v1.0/page.md"), md("# Page", "", "TODO write this page."));
    expect(v1.map((d) => d.code)).toEqual(["no-todo-placeholder"]);
  });

  it("reports unused disable directives when the configuration asks for them", async () => {
    write("unused/.graph-docs-lint.json", '{ "reportUnusedDisableDirectives": true }');
    const text = md(
      "# Page",
      "",
      "<!-- graph-docs-lint-disable-next-line no-todo-placeholder -->",
      "Nothing to do.",
    );
    const diagnostics = await client.open(uriOf("unused/page.md"), text);
    expect(diagnostics.map((d) => [d.range.start.line, d.code, d.message])).toEqual([
      [
        2,
        undefined,
        "Unused graph-docs-lint-disable-next-line directive (no problems from no-todo-placeholder).",
      ],
    ]);
    // Without the key, as before: nothing to report.
    expect(await client.open(uriOf("docs/api/quiet.md"), text)).toEqual([]);
  });

  it("clears the diagnostics of a closed document", async () => {
    const uri = uriOf("docs/api/widget-post.md");
    expect(await client.close(uri)).toEqual([]);
  });
});
