/**
 * The service's own types (its CSDL `$metadata`) as a second source of the docs' types, used only
 * where the docs are silent. The docs index layer cannot read the CSDL itself (src/metadata sits
 * above it): it declares what it needs (`ServiceTypes`, which src/metadata/service-types.ts gives),
 * and `withService` makes a view of a docs index that fills the docs' silences from it:
 *
 * - a resource whose pages name no base type derives from the service's base type;
 * - a base type the docs have no page for is the service's type (its declared properties);
 * - a property the resource tables do not type (documented only in the JSON representation, or
 *   not at all) is the service's property, of the service's type;
 * - each documented property carries the service's type beside the docs' (`serviceTypeRef`), so
 *   that where the two disagree an example agreeing with the service is not held to the table:
 *   the table is what metadata-properties reports, once, where it is fixed;
 * - an enum the docs define nowhere has the service's members (`serviceEnum`).
 *
 * What the docs say always wins: a stated base type, a table row's type, an enum's table.
 */
import { baseRefs } from "./base-type.js";
import type { EnumDefinition, PropertyDefinition, ResourceDefinition } from "./definitions.js";
import type { DocsIndex } from "./index.js";
import type { TypeRef } from "../parse/type-ref.js";

/** A property as the service declares it. */
export interface ServiceProperty {
  name: string;
  /** As CSDL writes it: `Edm.String`, `Collection(microsoft.graph.identitySet)`. */
  type: string;
  typeRef: TypeRef;
}

/** An entity or complex type as the service declares it. */
export interface ServiceType {
  name: string;
  namespace: string;
  /** The type it derives from, qualified. */
  baseType: TypeRef | undefined;
  openType: boolean;
  /** The properties it declares itself (structural and navigation), not the inherited ones. */
  properties: ServiceProperty[];
}

/** What the docs index needs of the service's schema (src/metadata/service-types.ts gives it). */
export interface ServiceTypes {
  /** The metadata file, for the pages a type's properties were looked up in. */
  readonly file: string;
  /** The service's entity or complex type a docs reference means. */
  structuredType(type: TypeRef): ServiceType | undefined;
  /** The service's enum type a docs reference means, with its members. */
  enumType(type: TypeRef): { name: string; namespace: string; members: string[] } | undefined;
}

const views = new WeakMap<DocsIndex, WeakMap<ServiceTypes, DocsIndex>>();

/**
 * The docs index with the service's types where the docs are silent: one view per index and
 * service, so that what it builds (and the schemas compiled from it) is kept across pages.
 */
export function withService(docs: DocsIndex, service: ServiceTypes): DocsIndex {
  let byService = views.get(docs);
  if (!byService) {
    byService = new WeakMap();
    views.set(docs, byService);
  }
  let view = byService.get(service);
  if (!view) {
    view = new ServiceView(docs, service);
    byService.set(service, view);
  }
  return view;
}

class ServiceView implements DocsIndex {
  private readonly completed = new WeakMap<ResourceDefinition, ResourceDefinition>();
  private readonly bases = new Map<string, ResourceDefinition | undefined>();
  private readonly enums = new Map<string, EnumDefinition | undefined>();

  constructor(
    readonly tree: DocsIndex,
    private readonly service: ServiceTypes,
  ) {}

  get root(): string | undefined {
    return this.tree.root;
  }

  get dependencies(): ReadonlySet<string> {
    return this.tree.dependencies;
  }

  enumType(type: TypeRef, nearFiles?: string[]): EnumDefinition | undefined {
    return this.tree.enumType(type, nearFiles);
  }

  resourcePages(type: TypeRef): ResourceDefinition[] {
    return this.tree.resourcePages?.(type) ?? [];
  }

  resourceType(type: TypeRef): ResourceDefinition | undefined {
    const definition = this.tree.resourceType(type);
    return definition && this.completedOf(definition);
  }

  baseResource(type: TypeRef): ResourceDefinition | undefined {
    const documented = this.resourceType(type);
    if (documented) return documented;
    const key = `${type.namespace ?? ""}.${type.name}`.toLowerCase();
    if (!this.bases.has(key)) {
      const own = this.service.structuredType(type);
      this.bases.set(key, own && this.undocumentedBase(own));
    }
    return this.bases.get(key);
  }

  serviceEnum(type: TypeRef): EnumDefinition | undefined {
    const key = `${type.namespace ?? ""}.${type.name}`.toLowerCase();
    if (!this.enums.has(key)) {
      const found = this.service.enumType(type);
      this.enums.set(
        key,
        found && {
          name: found.name,
          namespace: found.namespace,
          members: found.members,
          lostMembers: 0,
          file: undefined,
        },
      );
    }
    return this.enums.get(key);
  }

  /**
   * The definition with what the service adds where its pages are silent (always a new object: a
   * compiled schema is kept per definition, and this view's differs from the tree's).
   */
  private completedOf(definition: ResourceDefinition): ResourceDefinition {
    let done = this.completed.get(definition);
    if (done) return done;
    const own = this.service.structuredType({
      name: definition.name,
      namespace: definition.namespace,
      collection: false,
      primitive: false,
    });
    done = { ...definition };
    if (own) {
      const properties = new Map<string, PropertyDefinition>();
      const declared = new Map(own.properties.map((p) => [p.name, p]));
      for (const [name, property] of definition.properties) {
        const service = declared.get(name);
        properties.set(name, service ? { ...property, serviceTypeRef: service.typeRef } : property);
      }
      for (const property of own.properties)
        if (!properties.has(property.name))
          properties.set(property.name, serviceProperty(property, definition.file));
      done.properties = properties;
      // The service's OpenType is taken only for a type that declares no property (feedbackTokenSet,
      // whose every key is dynamic): it also marks most Outlook, Teams and directory types (for
      // extended and dynamic properties), whose examples' keys are still held to the tables.
      if (own.openType && own.properties.length === 0) done.openType = true;
      if (own.baseType && baseRefs(this.tree, definition).length === 0)
        done.baseTypes = [qualifiedName(own.baseType)];
    }
    this.completed.set(definition, done);
    return done;
  }

  /** A base type the docs have no page for: what the service declares of it. */
  private undocumentedBase(own: ServiceType): ResourceDefinition {
    return {
      name: own.name,
      namespace: own.namespace,
      properties: new Map(own.properties.map((p) => [p.name, serviceProperty(p, undefined)])),
      baseTypes: own.baseType ? [qualifiedName(own.baseType)] : [],
      baseLinks: [],
      openType: own.openType,
      jsonProperties: undefined,
      jsonSamples: [],
      optionalProperties: [],
      unnamedProperties: [],
      file: this.service.file,
    };
  }
}

function qualifiedName(type: TypeRef): string {
  return type.namespace ? `${type.namespace}.${type.name}` : type.name;
}

/** A property only the service types, as a definition the rules read like a table row's. */
function serviceProperty(property: ServiceProperty, file: string | undefined): PropertyDefinition {
  return {
    name: property.name,
    type: property.type,
    typeLink: undefined,
    typeRef: property.typeRef,
    description: "",
    documentedValues: undefined,
    valueRuns: [],
    file,
    serviceTypeRef: property.typeRef,
    fromService: true,
  };
}
