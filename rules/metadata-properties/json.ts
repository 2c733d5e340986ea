/** The keys of a resource page's JSON representation against the service's properties of its type. */
import type { Report } from "../../src/engine/rule.js";
import type { MetadataIndex } from "../../src/metadata/index.js";
import type { Page } from "../../src/page/model.js";
import { type Subject, isPropertyName, nameRangeOf } from "./subject.js";
import { betaOnlyProperty, serviceProperty } from "./rows.js";

/** The messages of the JSON representation (worded in metadata-properties.ts). */
type MessageId = "unknownRepresentationProperty" | "representationCase" | "betaOnlyRepresentationProperty";

/**
 * Each key of the JSON representation that names no property of the service's type, or names one
 * in another letter case (with a fix); on an open type, only the letter case. A key the tables document under the same name is reported
 * on its row instead (one cause, one finding: the row is where the property is defined). A key
 * only `beta`'s type has (a v1.0 page) is reported as beta's.
 */
export function* representationReports(
  page: Page,
  subject: Subject,
  metadata: MetadataIndex,
  beta?: MetadataIndex,
): Generator<Report<MessageId>> {
  const root = subject.representation;
  // A response pasted in place of the representation (`"@odata.context"`, `"value": [...]`).
  if (!root || root.properties.some((p) => p.key === "@odata.context")) return;
  // Rows whose cell writes the name: a translated cell's name was read from this representation.
  const rows = new Set(
    page.propertyTables
      .flatMap((t) => (t.role === "resource" ? t.rows : []))
      .filter((r) => nameRangeOf(page, r) !== undefined)
      .map((r) => r.name),
  );
  const type = subject.type.qualifiedName;
  for (const { key, keyRange } of root.properties) {
    if (!isPropertyName(key) || rows.has(key)) continue;
    const resolved = serviceProperty(metadata, subject, key);
    // The key's text without its quotes.
    const range = { start: keyRange.start + 1, end: keyRange.end - 1 };
    if (page.text.slice(range.start, range.end) !== key) continue;
    if (!resolved && betaOnlyProperty(beta, subject, key)) {
      yield { messageId: "betaOnlyRepresentationProperty", data: { type, property: key }, range };
    } else if (!resolved) {
      // An open type may carry properties it does not declare (`fieldValueSet`'s columns).
      if (!subject.open)
        yield { messageId: "unknownRepresentationProperty", data: { type, property: key }, range };
    } else if (resolved.property.name !== key) {
      const property = resolved.property.name;
      yield {
        messageId: "representationCase",
        data: { type, property, written: key },
        range,
        fix: { range, text: property },
      };
    }
  }
}
