/** The rows of a resource page's tables against the service's properties of its type. */
import type { Report } from "../../src/engine/rule.js";
import type { MetadataIndex, ResolvedProperty } from "../../src/metadata/index.js";
import type { Page, PropertyRow } from "../../src/page/model.js";
import { closest } from "../../src/util/near-miss.js";
import { type Subject, isPropertyName, nameRangeOf } from "./subject.js";
import { type TypeDifference, csdlTypeOf, docsWording, typeDifference } from "./types.js";

/** The messages of rows (worded in metadata-properties.ts). */
type MessageId =
  | "betaOnlyProperty"
  | "unknownProperty"
  | "unknownPropertyNear"
  | "propertyCase"
  | "typeDiffers"
  | "enumAsString"
  | "collectionDiffers";

/** The service's property a documented name stands for: the same name, else the same in another case. */
export function serviceProperty(
  metadata: MetadataIndex,
  subject: Subject,
  name: string,
): ResolvedProperty | undefined {
  const type = subject.type.qualifiedName;
  return metadata.property(type, name) ?? metadata.property(type, name, { ignoreCase: true });
}

/**
 * The beta service's property of the page's type that a name v1.0's type lacks stands for (the
 * same name, else the same in another case), on a v1.0 page when beta's CSDL is configured too:
 * the page documents it too early. Not on an open type, which may carry it in v1.0 undeclared.
 */
export function betaOnlyProperty(
  beta: MetadataIndex | undefined,
  subject: Subject,
  name: string,
): ResolvedProperty | undefined {
  if (!beta || subject.open) return undefined;
  const type = subject.type.qualifiedName;
  return beta.property(type, name) ?? beta.property(type, name, { ignoreCase: true });
}

/**
 * The property of the service's type a misspelt name most likely means: one no table of the page
 * documents, a few edits away (`isAzureAadJoined` for `isAzureAdJoined`); for a row of the
 * Relationships table, a navigation property (Properties tables hold both kinds on many pages).
 */
function nearMiss(
  metadata: MetadataIndex,
  subject: Subject,
  name: string,
  navigationOnly: boolean,
): string | undefined {
  const undocumented = metadata
    .properties(subject.type.qualifiedName)
    .filter((p) => p.navigation || !navigationOnly)
    .map((p) => p.property.name)
    .filter((n) => !subject.documented.has(n.toLowerCase()));
  const maxDistance = Math.min(2, Math.floor(name.length / 5));
  return closest(name, undocumented, maxDistance, true)?.name;
}

/**
 * Each row of the Properties and Relationships tables: a name the service's type (with its base
 * types) does not have, a name in another letter case (with a fix), a type that differs. The names
 * of the service's properties that a misspelt row stands for are added to `claimed`: they are not
 * missing, they are misspelt. A name only `beta`'s type has (a v1.0 page) is reported as beta's.
 */
export function* rowReports(
  page: Page,
  subject: Subject,
  metadata: MetadataIndex,
  claimed: Set<string>,
  beta?: MetadataIndex,
): Generator<Report<MessageId>> {
  const type = subject.type.qualifiedName;
  for (const table of [...subject.properties, ...subject.relationships]) {
    for (const row of table.rows) {
      // A row whose type cell names no type is not a property's: a Properties section also holds
      // tables of a property's values (`| endDate | Range with end date | … |`).
      if (!isPropertyName(row.name) || !row.typeRef) continue;
      const range = nameRangeOf(page, row);
      const resolved = serviceProperty(metadata, subject, row.name);
      // A translated name read from the JSON representation is reported there (see json.ts).
      if (!resolved && range && betaOnlyProperty(beta, subject, row.name)) {
        yield { messageId: "betaOnlyProperty", data: { type, property: row.name }, range };
        continue;
      }
      if (!resolved && range) {
        const near = nearMiss(metadata, subject, row.name, table.section === "relationships");
        if (near) claimed.add(near);
        // An open type may carry properties it does not declare: only a near miss is reported.
        if (near) yield { messageId: "unknownPropertyNear", data: { type, property: row.name, near }, range };
        else if (!subject.open)
          yield { messageId: "unknownProperty", data: { type, property: row.name }, range };
      }
      if (!resolved) continue;
      const { property } = resolved;
      if (property.name !== row.name && range) {
        yield {
          messageId: "propertyCase",
          data: { type, property: property.name, written: row.name },
          range,
          fix: { range, text: property.name },
        };
      }
      const difference = typeDifference(row, property, metadata);
      if (difference) yield typeReport(row, resolved, subject, difference);
    }
  }
}

const TYPE_MESSAGES: Record<TypeDifference, MessageId> = {
  type: "typeDiffers",
  enumAsString: "enumAsString",
  collection: "collectionDiffers",
};

function typeReport(
  row: PropertyRow,
  { property, declaredBy }: ResolvedProperty,
  subject: Subject,
  difference: TypeDifference,
): Report<MessageId> {
  return {
    messageId: TYPE_MESSAGES[difference],
    data: {
      type: declaredBy,
      property: property.name,
      serviceType: csdlTypeOf(property),
      documented: row.type,
      expected: docsWording(property, subject.namespace),
    },
    range: row.typeRange,
  };
}
