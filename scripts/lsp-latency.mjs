#!/usr/bin/env node
/**
 * Lint-while-typing latency of the language server (from the build: run `npm run build` first).
 *
 *   node scripts/lsp-latency.mjs [page.md] [--debounce 150] [--edits 10] [--json]
 *
 * Starts `dist/bundle/lsp.js --stdio` (the bundled server the `graph-docs-lint-lsp` bin runs), opens the page (by default the largest page of
 * ../shared/corpus), then makes `--edits` one-character edits, each after the diagnostics of the
 * previous one, and times each from the didChange to the publishDiagnostics of that version. Prints
 * the median total and the median lint time (the total less the debounce), and the first lint on
 * open (with the docs index cold). Figures only: nothing is asserted.
 */
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = join(ROOT, "dist", "bundle", "lsp.js");
const CORPUS = resolve(ROOT, "..", "shared", "corpus");
const TIMEOUT_MS = 60_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    debounce: { type: "string", default: "150" },
    edits: { type: "string", default: "10" },
    json: { type: "boolean", default: false },
  },
});
const debounceMs = Number(values.debounce);
const editCount = Number(values.edits);
if (!Number.isFinite(debounceMs) || debounceMs < 0) throw new Error(`bad --debounce: ${values.debounce}`);
if (!Number.isInteger(editCount) || editCount < 1) throw new Error(`bad --edits: ${values.edits}`);
if (!existsSync(SERVER)) throw new Error(`${relative(process.cwd(), SERVER)} is missing: run npm run build`);

/** The largest markdown file under a folder. */
function largestPage(dir) {
  let best;
  let bestSize = -1;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".md")) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const size = statSync(file).size;
    if (size > bestSize) {
      best = file;
      bestSize = size;
    }
  }
  if (!best) throw new Error(`no markdown page under ${dir}`);
  return best;
}

/** The docs root of a page (the folder holding api/ and resources/), or its folder. */
function workspaceOf(file) {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "api")) && existsSync(join(dir, "resources"))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const page = resolve(positionals[0] ?? largestPage(CORPUS));
const text = readFileSync(page, "utf8").replace(/^\uFEFF/, "");
const uri = pathToFileURL(page).href;
const workspace = workspaceOf(page);

const child = spawn(process.execPath, [SERVER, "--stdio"], {
  cwd: workspace,
  stdio: ["pipe", "pipe", "inherit"],
});
const connection = createMessageConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const waiting = new Map();
connection.onNotification("textDocument/publishDiagnostics", (params) => {
  const done = waiting.get(params.version);
  if (done) {
    waiting.delete(params.version);
    done(params);
  }
});
connection.onNotification("window/logMessage", (params) =>
  process.stderr.write(`[server] ${params.message}\n`),
);
connection.onRequest("client/registerCapability", () => null);
connection.listen();

function diagnosticsOf(version) {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), TIMEOUT_MS);
    waiting.set(version, (params) => {
      clearTimeout(timer);
      resolvePromise(params);
    });
  });
}

try {
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "docs" }],
    capabilities: {},
    initializationOptions: { debounceMs },
  });
  await connection.sendNotification("initialized", {});

  let version = 1;
  let started = performance.now();
  const opened = diagnosticsOf(version);
  await connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "markdown", version, text },
  });
  const first = await opened;
  const openMs = performance.now() - started;

  // Type a character at the end of the first line, then delete it, and so on.
  const lineEnd = /\r?\n|\r/.exec(text)?.index ?? text.length;
  const line = text.slice(0, lineEnd).split(/\r?\n|\r/).length - 1;
  const character = lineEnd - (text.lastIndexOf("\n", lineEnd - 1) + 1);
  const totals = [];
  for (let i = 0; i < editCount; i++) {
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: "" };
    const published = diagnosticsOf(version);
    started = performance.now();
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    await published;
    totals.push(performance.now() - started);
  }

  const total = median(totals);
  const lint = Math.max(0, total - debounceMs);
  if (values.json) {
    console.log(
      JSON.stringify({
        page,
        bytes: Buffer.byteLength(text),
        diagnostics: first.diagnostics.length,
        debounceMs,
        edits: editCount,
        openMs,
        medianTotalMs: total,
        medianLintMs: lint,
        totalsMs: totals,
      }),
    );
  } else {
    console.log(
      `page: ${relative(process.cwd(), page)} (${Buffer.byteLength(text)} bytes, ${first.diagnostics.length} diagnostics)`,
    );
    console.log(`first lint on open (cold docs index): ${ms(openMs)}`);
    console.log(
      `median of ${editCount} edits, didChange → publishDiagnostics: ${ms(total)} (debounce ${debounceMs} ms)`,
    );
    console.log(`median lint time excluding the debounce: ${ms(lint)}`);
  }

  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
} finally {
  connection.dispose();
  child.stdin.end();
  setTimeout(() => child.kill(), 2000).unref();
}
