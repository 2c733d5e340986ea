import { relative, resolve } from "node:path";
import type { DocsIndex } from "../src/docset/index.js";
import { type DocumentedPath, RequestPathIndex, requestPathsOf } from "../src/docset/request-paths.js";
import type { Page } from "../src/page/model.js";
import type { RequestLine } from "../src/parse/http.js";
import { createRule } from "../src/engine/rule.js";

const NAMESPACE = "microsoft.graph.externalconnectors";
const BARE_CONNECTIONS = /^\/connections(?=[/?(]|$)/;
const CONNECTOR_FILE = /^externalconnectors-/i;

function fileNameOf(path: string): string {
  return path.replace(/\\/g, "/").split("/").pop() ?? "";
}

/** The page belongs to the externalConnectors namespace by its namespace line, file name or types. */
function isExternalConnectorsPage(page: Page): boolean {
  if (page.namespace?.value.toLowerCase() === NAMESPACE) return true;
  if (page.path !== undefined && CONNECTOR_FILE.test(fileNameOf(page.path))) return true;
  return page.annotations.some((a) => {
    const type = a.data["@odata.type"];
    return typeof type === "string" && type.toLowerCase().includes(`${NAMESPACE}.`);
  });
}

/** What the docs tree says of a request path that starts `/connections`. */
interface TreeAnswer {
  /** A request documented at `/external` + the path, one with the same method if there is one. */
  underExternal: DocumentedPath | undefined;
  /**
   * Whether the path is documented as it is by a page that is not a connector page by its file name.
   * A connector page's own `/connections` template is not evidence of such an API: it is the stale
   * path this rule reports there (the v1.0 tree has nine).
   */
  documentedBare: boolean;
}

/**
 * The templates of the page's own "HTTP request" section, as the page model reads them: the page
 * as linted, not as the index last read it from disk.
 */
function ownTemplates(page: Page, self: string | undefined): RequestPathIndex {
  // A page without a path cannot be named as where the path is documented.
  if (self === undefined) return new RequestPathIndex([]);
  const templates = page.examples
    .filter((example) => example.headingPath.some((h) => h.section === "http-request"))
    .flatMap((example) => example.message.requestLines)
    .map((line) => ({ method: line.method, path: line.path.replace(/[?#].*$/s, ""), file: self }));
  return new RequestPathIndex(templates);
}

/**
 * Asks the tree about `request`: the page's own HTTP request section first, then the other pages
 * (the index's copy of this page is left out: its templates may be what is wrong).
 */
function askTree(
  docs: DocsIndex,
  own: RequestPathIndex,
  request: RequestLine,
  self: string | undefined,
): TreeAnswer {
  const paths = requestPathsOf(docs);
  const elsewhere = (found: DocumentedPath[]) => found.filter((d) => d.file !== self);
  const underExternal = `/external${request.path}`;
  const external = [...own.matching(underExternal), ...elsewhere(paths.matching(underExternal))];
  return {
    underExternal: external.find((d) => d.method === request.method) ?? external[0],
    documentedBare: elsewhere(paths.matching(request.path)).some(
      (d) => !CONNECTOR_FILE.test(fileNameOf(d.file)),
    ),
  };
}

export const externalPathPrefix = createRule({
  id: "external-path-prefix",
  description:
    "An externalConnectors request path that starts `/connections` instead of `/external/connections`",
  fixable: true,
  messages: {
    missingPrefix:
      'Path "{{path}}" lacks the "/external" prefix: external connections are at "/external{{path}}".',
    documentedUnderExternal:
      'Path "{{path}}" lacks the "/external" prefix: the docs tree documents it as "{{documented}}" in {{file}}.',
  },
  check({ page, docs, report }) {
    const connectorPage = isExternalConnectorsPage(page);
    const self = page.path !== undefined ? resolve(page.path) : undefined;
    let own: RequestPathIndex | undefined;
    for (const example of page.examples) {
      for (const request of example.message.requestLines) {
        const m = BARE_CONNECTIONS.exec(request.path);
        if (!m) continue;
        let documented: DocumentedPath | undefined;
        if (docs.root !== undefined) {
          own ??= ownTemplates(page, self);
          const answer = askTree(docs, own, request, self);
          // A tree that also documents the path without `/external` leaves the decision to the
          // page's own signals (see the rule's doc); without a tree, they alone decide.
          if (connectorPage || !answer.documentedBare) documented = answer.underExternal;
        }
        if (!documented && !connectorPage) continue;
        const start = request.pathRange.start;
        const range = { start, end: start + m[0].length };
        const fix = { range: { start, end: start }, text: "/external" };
        if (!documented) {
          report({ messageId: "missingPrefix", data: { path: request.path }, range, fix });
          continue;
        }
        const data = {
          path: request.path,
          documented: `${documented.method} ${documented.path}`,
          file: relative(docs.root!, documented.file).replace(/\\/g, "/"),
        };
        report({ messageId: "documentedUnderExternal", data, range, fix });
      }
    }
  },
});
