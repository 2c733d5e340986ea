/**
 * A documented property type against the service's: whether they differ in a way a reader of the
 * page would notice (another JSON value, a collection or not, another named type), and how the
 * docs would write the service's type.
 */
import type { MetadataIndex, CsdlProperty } from "../../src/metadata/index.js";
import type { PropertyRow } from "../../src/page/model.js";
import { primitiveKind } from "../../src/parse/type-ref.js";

/**
 * How a documented type differs from the service's: `collection`, one is a collection and the other
 * not; `enumAsString`, the service's enum documented as `String`; `type`, another type.
 */
export type TypeDifference = "collection" | "enumAsString" | "type";

/**
 * Types whose values may be anything, whatever the docs call them: the service's `microsoft.graph.Json`
 * (a workbook's values), and the untyped primitives.
 */
const ANY_VALUE = /^(?:microsoft\.graph\.Json|Edm\.Untyped)$/i;

/** The short name of a qualified name (`microsoft.graph.identitySet` → `identitySet`). */
export function shortName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
}

function namespaceOf(qualifiedName: string): string {
  const dot = qualifiedName.lastIndexOf(".");
  return dot === -1 ? "" : qualifiedName.slice(0, dot);
}

/** The CSDL type expression of a property: `Edm.String`, `Collection(microsoft.graph.user)`. */
export function csdlTypeOf(property: CsdlProperty): string {
  return property.collection ? `Collection(${property.type})` : property.type;
}

/**
 * The service's type as a properties table writes it: `String`, `Int32 collection`, `identitySet`,
 * a type of another namespace than the page's by its qualified name.
 */
export function docsWording(property: CsdlProperty, pageNamespace: string): string {
  const { type } = property;
  const name = type.startsWith("Edm.")
    ? type.slice(4)
    : namespaceOf(type).toLowerCase() === pageNamespace.toLowerCase()
      ? shortName(type)
      : type;
  return property.collection ? `${name} collection` : name;
}

/**
 * How the row's type differs from the property's. Only what the docs' words say for certain is
 * compared: primitives by the JSON value they stand for (`Int64` for `Edm.Int32` and `String` for
 * `Edm.Guid` look the same in JSON, and the docs write them loosely), named types by their short
 * name without letter case, and a collection only where the docs' words say whether it is one.
 * A type the row names only through its link (a translated link text) is not compared by name:
 * a page's file name is not always its type's.
 */
export function typeDifference(
  row: PropertyRow,
  property: CsdlProperty,
  metadata: MetadataIndex,
): TypeDifference | undefined {
  const ref = row.typeRef;
  if (!ref || ANY_VALUE.test(property.type)) return undefined;
  const kind = metadata.kindOf(property.type);
  if (kind === undefined) return undefined;
  // A flags enum's value is one string of members ("a,b"), which the docs often call a collection.
  const flags = kind === "enum" && metadata.enumType(property.type)?.isFlags === true;
  if (ref.collection !== undefined && ref.collection !== property.collection && !flags) return "collection";
  if (ref.primitive) {
    const documented = primitiveKind(ref.name);
    // Json, Object, Untyped: any value.
    if (documented === undefined) return undefined;
    if (kind === "enum") return documented === "string" ? "enumAsString" : "type";
    if (kind !== "primitive") return "type";
    const service = primitiveKind(property.type);
    return service === undefined || service === documented ? undefined : "type";
  }
  // The name came from where the cell links to (a translated link text): not compared.
  if (!row.type.toLowerCase().includes(ref.name.toLowerCase())) return undefined;
  if (kind === "primitive") {
    // A name the service does not know (`Timestamp`, `numeric`, an enum only the docs define) is
    // the docs' word for the primitive, or values the service keeps in a string: not a difference.
    const known = metadata.findType(ref.name, ref.namespace, { ignoreCase: true });
    return known && primitiveKind(property.type) !== undefined ? "type" : undefined;
  }
  return sameNamedType(ref.name, ref.namespace, property.type, metadata) ? undefined : "type";
}
/**
 * A documented type name is the service's type: the same short name (any case), in the same
 * namespace when the docs qualify it, or a type derived from it or one it derives from (the docs
 * name the kind of object a property holds in practice).
 */
function sameNamedType(
  name: string,
  namespace: string | undefined,
  serviceType: string,
  metadata: MetadataIndex,
): boolean {
  const same = (qualified: string) =>
    shortName(qualified).toLowerCase() === name.toLowerCase() &&
    (namespace === undefined ||
      metadata.resolveName(`${namespace}.${name}`, { ignoreCase: true }).toLowerCase() ===
        qualified.toLowerCase());
  if (same(serviceType)) return true;
  if (metadata.baseTypes(serviceType).some((base) => same(base.qualifiedName))) return true;
  const documented = metadata.findType(name, namespace ?? namespaceOf(serviceType), { ignoreCase: true });
  return (
    documented !== undefined &&
    documented.kind !== "enum" &&
    metadata.baseTypes(documented.qualifiedName).some((base) => base.qualifiedName === serviceType)
  );
}
