/**
 * What graph-docs-lint keeps of a CSDL ($metadata) document: the types a reference page can
 * document and the names they are known by. Every type name in the model is fully qualified with
 * its namespace, aliases resolved (`graph.user` → `microsoft.graph.user`), and a collection is the
 * element type with `collection: true`. The model is plain data (JSON as it is), so that it can be
 * kept between runs; `MetadataIndex` answers questions about it.
 *
 * Left out on purpose: the entity container, actions, functions, terms and annotations (no rule
 * reads them yet).
 */

/** The OData CSDL 4.0 namespaces of the `edmx:` wrapper and of the schemas inside it. */
export const EDMX_NAMESPACE = "http://docs.oasis-open.org/odata/ns/edmx";
export const EDM_NAMESPACE = "http://docs.oasis-open.org/odata/ns/edm";

export interface CsdlModel {
  /** The file it was read from, as the caller named it. */
  file: string;
  /** `Version` of `edmx:Edmx` ("4.0"). */
  edmxVersion: string | undefined;
  schemas: CsdlSchema[];
  /** `edmx:Reference` elements: recorded, never followed. */
  references: CsdlReference[];
  /** Entity and complex types, in document order. */
  structuredTypes: CsdlStructuredType[];
  enumTypes: CsdlEnumType[];
}

export interface CsdlSchema {
  namespace: string;
  alias: string | undefined;
  line: number;
}

export interface CsdlReference {
  uri: string;
  /** The namespaces the reference brings in, and the aliases they are used by. */
  includes: { namespace: string; alias: string | undefined }[];
  line: number;
}

export type CsdlTypeKind = "entity" | "complex" | "enum";

export interface CsdlStructuredType {
  kind: "entity" | "complex";
  namespace: string;
  name: string;
  /** `namespace.name`. */
  qualifiedName: string;
  /** Qualified name of the base type, or undefined when it has none. */
  baseType: string | undefined;
  abstract: boolean;
  openType: boolean;
  /** A media entity (`HasStream`); always false for a complex type. */
  hasStream: boolean;
  /** Structural properties declared by this type itself (not inherited), in document order. */
  properties: CsdlProperty[];
  /** Navigation properties declared by this type itself, in document order. */
  navigationProperties: CsdlNavigationProperty[];
  line: number;
}

export interface CsdlProperty {
  name: string;
  /** Qualified element type: `Edm.String`, `microsoft.graph.identitySet`. */
  type: string;
  /** Written `Collection(...)`. */
  collection: boolean;
  /** `Nullable`, true when not written (CSDL's default). */
  nullable: boolean;
  line: number;
}

export interface CsdlNavigationProperty extends CsdlProperty {
  containsTarget: boolean;
}

export interface CsdlEnumType {
  kind: "enum";
  namespace: string;
  name: string;
  qualifiedName: string;
  isFlags: boolean;
  /** `UnderlyingType`, `Edm.Int32` when not written. */
  underlyingType: string;
  members: CsdlEnumMember[];
  line: number;
}

export interface CsdlEnumMember {
  name: string;
  /** `Value`, or when not written the previous member's value plus one (the first: 0), as CSDL says. */
  value: number;
  line: number;
}

export type CsdlType = CsdlStructuredType | CsdlEnumType;

/** A property as seen on a type: declared there or inherited from a base type. */
export interface ResolvedProperty {
  property: CsdlProperty | CsdlNavigationProperty;
  navigation: boolean;
  /** Qualified name of the type that declares it. */
  declaredBy: string;
}
