import type { JsonValue } from "../src/parse/json.js";
import type { Range } from "../src/parse/source.js";
import { createRule } from "../src/engine/rule.js";

/** The API version of the docs folder a page is in: `…/v1.0/api/x.md`, `…/beta/resources/x.md`. */
export function folderVersion(path: string | undefined): "v1.0" | "beta" | undefined {
  const p = path?.replace(/\\/g, "/") ?? "";
  if (/(^|\/)beta\//i.test(p)) return "beta";
  if (/(^|\/)v1\.0\//i.test(p)) return "v1.0";
  return undefined;
}

/** OData control information whose value is a URL of the API: `@odata.context`, `members@odata.nextLink`. */
const ODATA_URL_KEY =
  /(^|@)odata\.(context|id|nextLink|deltaLink|editLink|readLink|navigationLink|associationLink)$/i;
/** The version segment right after the host: `https://graph.microsoft.com/beta/…`, `…/beta$metadata`. */
const URL_VERSION = /^(https?:\/\/[^/"\s]+\/)(v1\.0|beta)(?=[/?#$]|$)/i;

interface VersionUse {
  version: "v1.0" | "beta";
  range: Range;
  /** The JSON key that holds the URL (`@odata.context`), or undefined for a request URL. */
  key: string | undefined;
}

function odataUses(value: JsonValue | undefined, text: string, out: VersionUse[]): void {
  if (!value) return;
  if (value.type === "array") for (const item of value.items) odataUses(item, text, out);
  if (value.type !== "object") return;
  for (const property of value.properties) {
    const v = property.value;
    if (v?.type === "string" && ODATA_URL_KEY.test(property.key)) {
      const m = URL_VERSION.exec(v.value);
      if (m) {
        const version = m[2]!.toLowerCase() === "beta" ? "beta" : "v1.0";
        // The segment's place in the page; the whole value when escapes make the offsets differ.
        const start = v.start + 1 + m[1]!.length;
        const exact = text.slice(start, start + m[2]!.length).toLowerCase() === m[2]!.toLowerCase();
        out.push({
          version,
          range: exact ? { start, end: start + m[2]!.length } : v,
          key: property.key,
        });
      }
    } else odataUses(v, text, out);
  }
}

export const apiVersionConsistent = createRule({
  id: "api-version-consistent",
  description:
    "An example URL or `@odata.context` that names another API version than the page's docs folder (`/beta/` on a v1.0 page, and the reverse)",
  messages: {
    requestUrlInFolder: "Request URL uses /{{version}}/ but the page is in the {{folder}} docs.",
    odataUrlInFolder: "{{key}} uses /{{version}}/ but the page is in the {{folder}} docs.",
    requestUrlUnlikeFirst:
      "Request URL uses /{{version}}/ but the page's first request URL uses /{{expected}}/.",
    odataUrlUnlikeFirst: "{{key}} uses /{{version}}/ but the page's first request URL uses /{{expected}}/.",
    firstRequestUrl: "The page's first request URL",
  },
  check({ page, report }) {
    const uses: VersionUse[] = [];
    for (const example of page.examples) {
      for (const line of example.message.requestLines) {
        const v = line.version?.toLowerCase();
        if ((v === "v1.0" || v === "beta") && line.versionRange) {
          uses.push({ version: v, range: line.versionRange, key: undefined });
        }
      }
    }
    for (const { kind, json } of page.jsonDocuments)
      if (kind !== "annotation") odataUses(json.root, page.text, uses);
    uses.sort((a, b) => a.range.start - b.range.start);
    const folder = folderVersion(page.path);
    // Outside a v1.0 or beta folder, the page's first request URL sets the version.
    const first = folder ? undefined : uses.find((u) => u.key === undefined);
    const expected = folder ?? first?.version;
    if (!expected) return;
    for (const use of uses) {
      if (use.version === expected) continue;
      const data = { version: use.version, key: use.key ?? "", folder: folder ?? "", expected };
      if (folder) {
        report({ messageId: use.key ? "odataUrlInFolder" : "requestUrlInFolder", data, range: use.range });
      } else {
        report({
          messageId: use.key ? "odataUrlUnlikeFirst" : "requestUrlUnlikeFirst",
          data,
          range: use.range,
          related: [{ messageId: "firstRequestUrl", range: first!.range }],
        });
      }
    }
  },
});
