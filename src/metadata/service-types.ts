/**
 * The service's types as the docs index reads them where the docs are silent (src/docset/service.ts
 * declares what it needs): a docs type reference looked up in the CSDL, and the CSDL's types written
 * as the docs' type references.
 */
import type { ServiceProperty, ServiceType, ServiceTypes } from "../docset/service.js";
import { type TypeRef, isPrimitiveName } from "../parse/type-ref.js";
import { DEFAULT_NAMESPACE, type MetadataIndex } from "./metadata-index.js";
import type { CsdlProperty, CsdlType } from "./model.js";
import { EDM_PRIMITIVE_NAMESPACE, splitQualifiedName } from "./names.js";

const sources = new WeakMap<MetadataIndex, ServiceTypes>();

/** The service's types of a metadata index (one per index, so that views of the docs are kept). */
export function serviceTypesOf(metadata: MetadataIndex): ServiceTypes {
  let source = sources.get(metadata);
  if (!source) {
    source = new MetadataServiceTypes(metadata);
    sources.set(metadata, source);
  }
  return source;
}

class MetadataServiceTypes implements ServiceTypes {
  private readonly structured = new Map<string, ServiceType | undefined>();

  constructor(private readonly metadata: MetadataIndex) {}

  get file(): string {
    return this.metadata.file;
  }

  structuredType(type: TypeRef): ServiceType | undefined {
    const found = this.find(type);
    if (!found || found.kind === "enum") return undefined;
    let known = this.structured.get(found.qualifiedName);
    if (!known && !this.structured.has(found.qualifiedName)) {
      const properties = [...found.properties, ...found.navigationProperties].map(servicePropertyOf);
      known = {
        name: found.name,
        namespace: found.namespace,
        baseType: found.baseType === undefined ? undefined : typeRefOf(found.baseType, false),
        openType: found.openType,
        properties,
      };
      this.structured.set(found.qualifiedName, known);
    }
    return known;
  }

  enumType(type: TypeRef): { name: string; namespace: string; members: string[] } | undefined {
    const found = this.find(type);
    if (found?.kind !== "enum") return undefined;
    return { name: found.name, namespace: found.namespace, members: found.members.map((m) => m.name) };
  }

  /** The type a docs reference means: in its namespace (else `microsoft.graph`), in its case or another. */
  private find(type: TypeRef): CsdlType | undefined {
    if (type.primitive) return undefined;
    const name = type.namespace ? `${type.namespace}.${type.name}` : type.name;
    return (
      this.metadata.findType(name, type.namespace) ??
      this.metadata.findType(name, type.namespace, { ignoreCase: true })
    );
  }
}

function servicePropertyOf(property: CsdlProperty): ServiceProperty {
  return {
    name: property.name,
    type: property.collection ? `Collection(${property.type})` : property.type,
    typeRef: typeRefOf(property.type, property.collection),
  };
}

/**
 * A CSDL type name as the docs' reference to it: `Edm.Int32` is the primitive `Int32`; an `Edm`
 * type the docs have no word for (`Edm.GeographyPoint`), and `microsoft.graph.Json`, take any value.
 */
function typeRefOf(qualifiedName: string, collection: boolean): TypeRef {
  const { namespace, name } = splitQualifiedName(qualifiedName);
  if (namespace === EDM_PRIMITIVE_NAMESPACE) {
    const known = isPrimitiveName(name);
    return { name: known ? name : "Untyped", namespace: undefined, collection, primitive: true };
  }
  // Graph's `Json` complex type holds any JSON value (a workbook cell's number, text or array).
  if (namespace === DEFAULT_NAMESPACE && name === "Json")
    return { name: "Json", namespace: undefined, collection, primitive: true };
  return { name, namespace, collection, primitive: false };
}
