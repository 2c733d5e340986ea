/** The service's properties a resource page's tables do not document, one finding per table. */
import type { Report } from "../../src/engine/rule.js";
import type { CsdlProperty } from "../../src/metadata/index.js";
import type { Page, PropertyTable } from "../../src/page/model.js";
import { type Subject, headerRange } from "./subject.js";

/** The messages of missing properties (worded in metadata-properties.ts). */
type MessageId = "missingProperties" | "missingRelationships";

/** Names as a message lists them: `"a", "b"`. */
export function quotedNames(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

/**
 * The properties the service's type declares itself that no resource table of the page names, the
 * structural ones on the Properties table and the navigation ones on the Relationships table: one
 * finding per table, naming them all (one cause: the table was not kept up with the service).
 * Inherited properties are not asked for: a page documents its base type's properties on the base
 * type's page ("Inherits from …"). Nor are they on a page that documents what one workload adds to a
 * type documented on its own page (`intune-devices-user.md` beside `user.md`). A table with names translation took (and the JSON representation
 * could not give back) may document them under other words: nothing is asked of it. A property
 * the page names inside an HTML comment (a row or a table commented out) is hidden on purpose. A
 * property its JSON representation shows is not asked for either: translation can take a row's
 * name and type cells (`| 说明 | 字符串 |`), which leaves a row the model cannot read, but it leaves
 * the JSON alone, and a page must not be asked for a property because it was translated.
 */
export function* missingReports(
  page: Page,
  subject: Subject,
  claimed: ReadonlySet<string>,
): Generator<Report<MessageId>> {
  if (!subject.primary) return;
  const tables = page.propertyTables.filter((t) => t.role === "resource");
  if (tables.some((t) => t.notNames.some((cell) => cell.recovered === undefined))) return;
  const hidden = commentedNames(page);
  const known = (lower: string) => subject.documented.has(lower) || subject.represented.has(lower);
  const missing = (declared: CsdlProperty[]) =>
    declared.map((p) => p.name).filter((n) => !known(n.toLowerCase()) && !claimed.has(n) && !hidden.has(n));
  const type = subject.type.qualifiedName;
  const report = (table: PropertyTable | undefined, messageId: MessageId, names: string[]) =>
    table && names.length > 0
      ? [{ messageId, data: { type, properties: quotedNames(names) }, range: headerRange(page, table) }]
      : [];
  yield* report(subject.properties[0], "missingProperties", missing(subject.type.properties));
  yield* report(
    subject.relationships[0] ?? subject.properties[0],
    "missingRelationships",
    missing(subject.type.navigationProperties),
  );
}

/**
 * The words inside the page's HTML comments, the names a writer hid from readers on purpose; not
 * the annotations' (`<!-- { "blockType": "resource" } -->` names no property it hides).
 */
export function commentedNames(page: Page): Set<string> {
  const names = new Set<string>();
  const annotation = (start: number, end: number) =>
    page.annotations.some((a) => a.start < end && a.end > start);
  for (const { start, end } of page.comments) {
    if (annotation(start, end)) continue;
    for (const word of page.text.slice(start, end).match(/[A-Za-z_]\w*/g) ?? []) names.add(word);
  }
  return names;
}
