import type { JsonValue } from "../src/parse/json.js";
import type { Range } from "../src/parse/source.js";
import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";

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
  /** What uses it: `Request URL`, `@odata.context`. */
  what: string;
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
          what: property.key,
        });
      }
    } else odataUses(v, text, out);
  }
}

export const apiVersionConsistent: Rule = {
  meta: {
    id: "api-version-consistent",
    description:
      "An example URL or `@odata.context` that names another API version than the page's docs folder (`/beta/` on a v1.0 page, and the reverse)",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("api-version-consistent"),
  },
  check({ page, report }) {
    const uses: VersionUse[] = [];
    for (const example of page.examples) {
      for (const line of example.message.requestLines) {
        const v = line.version?.toLowerCase();
        if ((v === "v1.0" || v === "beta") && line.versionRange) {
          uses.push({ version: v, range: line.versionRange, what: "Request URL" });
        }
      }
    }
    for (const { kind, json } of page.jsonDocuments)
      if (kind !== "annotation") odataUses(json.root, page.text, uses);
    uses.sort((a, b) => a.range.start - b.range.start);
    const folder = folderVersion(page.path);
    // Outside a v1.0 or beta folder, the page's first request URL sets the version.
    const first = folder ? undefined : uses.find((u) => u.what === "Request URL");
    const expected = folder ?? first?.version;
    if (!expected) return;
    for (const use of uses) {
      if (use.version === expected) continue;
      if (folder) {
        report({
          message: `${use.what} uses /${use.version}/ but the page is in the ${folder} docs.`,
          range: use.range,
        });
      } else {
        report({
          message: `${use.what} uses /${use.version}/ but the page's first request URL uses /${expected}/.`,
          range: use.range,
          related: [{ message: "The page's first request URL", range: first!.range }],
        });
      }
    }
  },
};
