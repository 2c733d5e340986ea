#!/usr/bin/env node
/**
 * `graph-docs-lint-lsp`: the language server. Editors start it with `--stdio` (also accepted:
 * `--node-ipc`, `--socket=<port>`, `--pipe=<name>`); without one of these it talks over stdio.
 */
import { ProposedFeatures, createConnection } from "vscode-languageserver/node";
import { plugin } from "../../rules/plugin.js";
import { startServer } from "./server.js";

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;
const args = process.argv.slice(2);

if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(
    [
      "Usage: graph-docs-lint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]",
      "",
      "The graph-docs-lint language server: diagnostics and quick fixes for Microsoft Graph API",
      "reference pages while you type. Editors start it; it talks LSP over stdio by default.",
      "",
    ].join("\n"),
  );
} else {
  const connection = args.some((a) => TRANSPORTS.test(a))
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, plugin);
}
