/** Properties an example gives that its type does not document, grouped by their cause. */
import { relative } from "node:path";
import type { SchemaFinding } from "../../src/docset/schema-walk.js";
import type { Report } from "../../src/engine/rule.js";
import type { Range } from "../../src/parse/source.js";
import { quotedNames } from "./words.js";

export type UnknownProperty = Extract<SchemaFinding, { kind: "unknownProperty" }>;

/** The messages of unknown properties (worded in schema-conformance.ts). */
type MessageId =
  | "unknownPropertyNear"
  | "unknownProperty"
  | "unknownProperties"
  | "unknownPropertyNoBase"
  | "unknownPropertiesNoBase"
  | "alsoUnknown";

/**
 * The properties an example gives that its type does not document, grouped: one cause (the type's
 * page lacks them, or names no base type to inherit them from) is one finding per type, at the first
 * of them, naming them all and where they were looked up. A near miss of a documented name is its
 * own mistake, reported where it stands.
 */
export function unknownOnes(found: UnknownProperty[], root: string | undefined): Report<MessageId>[] {
  const where = (file: string) => (root ? relative(root, file).replace(/\\/g, "/") : file);
  const reports: Report<MessageId>[] = [];
  const byType = new Map<string, UnknownProperty[]>();
  for (const finding of found) {
    const range = { start: finding.start, end: finding.end };
    if (finding.near) {
      reports.push({
        messageId: "unknownPropertyNear",
        data: { key: finding.key, type: finding.type, near: finding.near },
        range,
      });
      continue;
    }
    byType.set(finding.type, [...(byType.get(finding.type) ?? []), finding]);
  }
  for (const [type, group] of byType) {
    const first = group[0]!;
    const keys = [...new Set(group.map((f) => f.key))];
    const range: Range = { start: first.start, end: first.end };
    const related = group.slice(1).map((f) => ({
      messageId: "alsoUnknown" as const,
      data: { key: f.key },
      range: { start: f.start, end: f.end },
    }));
    const one = keys.length === 1;
    const data = first.declaresBase
      ? {
          type,
          pages: first.files.map(where).join(", "),
          ...(one ? { key: first.key } : { keys: quotedNames(keys) }),
        }
      : {
          type,
          page: where(first.files[0] ?? ""),
          ...(one ? { key: first.key } : { keys: quotedNames(keys) }),
        };
    const messageId = first.declaresBase
      ? one
        ? "unknownProperty"
        : "unknownProperties"
      : one
        ? "unknownPropertyNoBase"
        : "unknownPropertiesNoBase";
    reports.push({ messageId, data, range, related });
  }
  return reports;
}
