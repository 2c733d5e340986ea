import type { Page } from "../src/page/model.js";
import { createRule } from "../src/engine/rule.js";

const NAMESPACE = "microsoft.graph.externalconnectors";
const BARE_CONNECTIONS = /^\/connections(?=[/?(]|$)/;

/** The page belongs to the externalConnectors namespace by its namespace line, file name or types. */
function isExternalConnectorsPage(page: Page): boolean {
  if (page.namespace?.value.toLowerCase() === NAMESPACE) return true;
  const file = page.path?.replace(/\\/g, "/").split("/").pop()?.toLowerCase() ?? "";
  if (file.startsWith("externalconnectors-")) return true;
  return page.annotations.some((a) => {
    const type = a.data["@odata.type"];
    return typeof type === "string" && type.toLowerCase().includes(`${NAMESPACE}.`);
  });
}

export const externalPathPrefix = createRule({
  id: "external-path-prefix",
  description:
    "An externalConnectors request path that starts `/connections` instead of `/external/connections`",
  fixable: true,
  messages: {
    missingPrefix:
      'Path "{{path}}" lacks the "/external" prefix: external connections are at "/external{{path}}".',
  },
  check({ page, report }) {
    if (!isExternalConnectorsPage(page)) return;
    for (const example of page.examples) {
      for (const request of example.message.requestLines) {
        const m = BARE_CONNECTIONS.exec(request.path);
        if (!m) continue;
        const start = request.pathRange.start;
        report({
          messageId: "missingPrefix",
          data: { path: request.path },
          range: { start, end: start + m[0].length },
          fix: { range: { start, end: start }, text: "/external" },
        });
      }
    }
  },
});
