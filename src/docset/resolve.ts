/**
 * What an example body is and what its properties are documented as: the page's own tables and
 * the docs index, combined. One place for each of these facts, which every rule reads:
 *
 * - the type a body shows (`bodyType`): its own `@odata.type`, else its annotation's declared type,
 *   else, for a request that creates or replaces the resource, its response's;
 * - where a property of a body is documented (`bodyScope`, `objectScope`): the page's Request body
 *   and parameter tables, the resource type and its base types, the page's other tables;
 * - the values a property may take (`valueSet`): its enum's members, or the values its description
 *   lists.
 *
 * Given the service's types (its CSDL), the resolver reads the docs index through a view that fills
 * the docs' silences from them (service.ts): base types the pages do not name, properties no table
 * types, and the members of an enum the docs define nowhere.
 */
import { dirname, resolve } from "node:path";
import type { JsonObject } from "../parse/json.js";
import type { HttpExample, Page, PropertyRow } from "../page/model.js";
import { exchangeOf } from "../page/pairing.js";
import { type TypeRef, parseTypeRef } from "../parse/type-ref.js";
import { ancestorsOf } from "./base-type.js";
import { type PropertyDefinition, type ResourceDefinition, factsOf, propertyOf } from "./definitions.js";
import type { DocsIndex } from "./index.js";
import { keysOfLostNames } from "./lost-names.js";
import { restoredMembers } from "./restore-members.js";
import { compileResource, looksLikeResource, knownNamesOf, namesEnumMember, rowlessKeys } from "./schema.js";
import { withTreeType, withTreeTypes } from "./type-words.js";
import { vocabularyOf } from "./vocabulary.js";
import { type ServiceTypes, withService } from "./service.js";

export interface PropertyScope {
  /** The type the scope describes, when known (for messages). */
  typeName: string | undefined;
  /** The property's definitions, the one that documents it best first. */
  lookup(name: string): PropertyDefinition[];
  /** The documented type whose properties the scope holds, when it is one. */
  resource?: ResourceDefinition;
}

/** The type an example body shows, and where that was read. */
export interface BodyType {
  /** The type as written (`#microsoft.graph.user`, `Collection(microsoft.graph.user)`). */
  text: string;
  ref: TypeRef | undefined;
  from: "body" | "annotation" | "response";
  /** The type's documented definition, when the docs tree has one. */
  resource: ResourceDefinition | undefined;
  /** The body lists items of the type: a collection type, or `"isCollection": true`. */
  collection: boolean;
}

/**
 * The values a property may take, as the docs define them: the members of its enum type, or the
 * values its description lists ("Possible values are: `a`, `b`"), for enum and String properties.
 */
export interface ValueSet {
  /** The enum type's name, or the property's type when the values come from its description. */
  name: string;
  members: string[];
  /**
   * `definition`: the enum's own table; `description`: the property's "Possible values"; `service`:
   * the service's enum, for an enum the docs define nowhere.
   */
  from: "definition" | "description" | "service";
  /** Every value is listed: an enum's table, or a description worded as the whole list. */
  complete: boolean;
  /** Some members were lost from the table (translated member cells): the list is not to be trusted. */
  damaged: boolean;
  /**
   * False for a table whose lost members its property's description gave back in another letter
   * case than the table's (restore-members.ts): which spelling is right is not known.
   */
  caseKnown?: boolean;
  file: string | undefined;
  /**
   * The members of the service's enum for the property, where the docs list values of their own:
   * a value among them is one the docs' list lacks, which is fixed in the list (metadata-enum-members
   * reports it there), not in every example that uses it.
   */
  serviceMembers?: string[];
}

/** Primitive types whose values are strings, so a description may list them. */
const STRING_TYPES = new Set(["string", "edm.string"]);
/** Methods whose request body is the resource the response returns (a create answers 201). */
const REPLACES = new Set(["PATCH", "PUT"]);

export class TypeResolver {
  /** Request body rows, then the rows of other parameter tables. */
  private readonly requestRows: PropertyRow[][];
  private readonly otherRows: PropertyRow[][];
  private bodyProperties: Map<string, PropertyDefinition> | undefined;
  /** The page's own resource, once read (null: it defines none). */
  private own: ResourceDefinition | null | undefined;
  /** The keys of each object walked that stand for rows their type's pages lost the names of. */
  private readonly lostNames = new WeakMap<JsonObject, Map<string, TypeRef | undefined>>();
  /** The docs index, through a view with the service's types when they are given. */
  readonly docs: DocsIndex;

  constructor(
    readonly page: Page,
    docs: DocsIndex,
    service?: ServiceTypes,
  ) {
    this.docs = service ? withService(docs, service) : docs;
    const tables = page.propertyTables;
    this.requestRows = [
      ...tables.filter((t) => t.role === "request-body"),
      ...tables.filter((t) => t.role === "parameters"),
    ].map((t) => t.rows);
    this.otherRows = tables
      .filter((t) => t.role !== "request-body" && t.role !== "parameters")
      .map((t) => t.rows);
  }

  /** The properties the page's Request body tables document, by name (the first row of a name). */
  requestBodyProperties(): Map<string, PropertyDefinition> {
    if (!this.bodyProperties) {
      this.bodyProperties = new Map();
      for (const table of this.page.propertyTables) {
        if (table.role !== "request-body") continue;
        for (const row of table.rows)
          if (!this.bodyProperties.has(row.name)) this.bodyProperties.set(row.name, this.rowProperty(row));
      }
    }
    return this.bodyProperties;
  }

  /**
   * The resource type the page itself defines (its `resource` block and Properties tables), read
   * from the page alone: the docs index may hold another page of the same name.
   */
  ownResource(): ResourceDefinition | undefined {
    if (this.own === undefined) {
      const own = factsOf(this.page, "").resource?.definition;
      this.own = own ? withTreeTypes(this.docs, own) : null;
    }
    return this.own ?? undefined;
  }

  /** A row of the page's own tables, with its type read as the docs tree words it. */
  private rowProperty(row: PropertyRow): PropertyDefinition {
    return withTreeType(this.docs, propertyOf(row, undefined));
  }

  /** The type an example body shows (see the module comment). */
  bodyType(example: HttpExample): BodyType | undefined {
    const root = example.message.body?.json?.root;
    const own = root?.type === "object" ? odataTypeOf(root) : undefined;
    const declared = example.annotation?.declaredType;
    const found: Pick<BodyType, "text" | "from"> | undefined = own
      ? { text: own, from: "body" }
      : declared
        ? { text: declared.text, from: "annotation" }
        : this.responseTypeOf(example);
    if (!found) return undefined;
    const ref = this.qualified(parseTypeRef(found.text));
    const resource = ref && !ref.primitive ? this.docs.resourceType(ref) : undefined;
    const collection = ref?.collection === true || example.annotation?.isCollection === true;
    return { ...found, ref, resource, collection };
  }

  /**
   * A request shows its response's type only when it creates or replaces that resource: an
   * action's request body holds parameters (the action answers 200 or 204, not 201 Created).
   */
  private responseTypeOf(example: HttpExample): Pick<BodyType, "text" | "from"> | undefined {
    if (example.kind !== "request") return undefined;
    const response = exchangeOf(this.page, example)?.response;
    const declared = response?.annotation?.declaredType;
    if (!declared) return undefined;
    const method = example.message.method ?? "";
    const creates = method === "POST" && response?.message.status?.code === 201;
    return REPLACES.has(method) || creates ? { text: declared.text, from: "response" } : undefined;
  }

  /** The scope of an example body's top-level properties. */
  bodyScope(example: HttpExample): PropertyScope {
    const type = this.bodyType(example);
    const resource = type?.resource;
    const fromRows = (tables: PropertyRow[][], name: string, anyCase = false) =>
      tables.flatMap((rows) =>
        rows
          .filter((r) => r.name === name || (anyCase && r.name.toLowerCase() === name.toLowerCase()))
          .map((r) => this.rowProperty(r)),
      );
    const fromResource = (name: string) => {
      const property = resource ? this.resourceProperty(resource, name) : undefined;
      return property ? [property] : [];
    };
    const lookup =
      example.kind === "request"
        ? (name: string) => {
            const found = [
              ...fromRows(this.requestRows, name),
              ...fromResource(name),
              ...fromRows(this.otherRows, name),
            ];
            // A key in another letter case than its Request body row (`"message"` for `Message`) is
            // that row's: schema-conformance reports the case, and its value is read as the row's.
            return found.length > 0 ? found : fromRows(this.requestRows, name, true);
          }
        : (name: string) => [
            ...fromResource(name),
            ...fromRows(this.otherRows, name),
            ...fromRows(this.requestRows, name),
          ];
    return { typeName: resource?.name ?? type?.text, lookup, ...(resource ? { resource } : {}) };
  }

  /** The scope of a nested object: its own `@odata.type`, else the type it is documented with. */
  objectScope(documented: TypeRef | undefined, object: JsonObject): PropertyScope | undefined {
    const own = odataTypeOf(object);
    const ref = this.qualified(own !== undefined ? parseTypeRef(own) : documented);
    const resource = ref && !ref.primitive ? this.docs.resourceType(ref) : undefined;
    if (!resource) return undefined;
    return {
      typeName: resource.name,
      resource,
      lookup: (name) => {
        const property = this.resourceProperty(resource, name);
        return property ? [property] : [];
      },
    };
  }

  /**
   * The property a key of `object` stands for when its name is one the type's pages lost to
   * translation (lost-names.ts): the lost row's type, read as schema-conformance reads it.
   */
  lostNameProperty(
    resource: ResourceDefinition,
    object: JsonObject,
    key: string,
  ): PropertyDefinition | undefined {
    let lostNames = this.lostNames.get(object);
    if (!lostNames) {
      const compiled = compileResource(this.docs, resource);
      const known = knownNamesOf(compiled);
      const names = new Set(known);
      const unknown = object.properties.map((p) => p.key).filter((k) => !k.includes("@") && !names.has(k));
      lostNames = compiled.open
        ? new Map()
        : keysOfLostNames(
            object,
            rowlessKeys(object, compiled, unknown),
            compiled.unnamed,
            known,
            (ref, value) => looksLikeResource(this.docs, ref, resource.namespace, value),
            (ref, value) => namesEnumMember(this.docs, ref, resource.namespace, value),
          );
      this.lostNames.set(object, lostNames);
    }
    const typeRef = lostNames.get(key);
    if (!typeRef) return undefined;
    const type = typeRef.collection === true ? `${typeRef.name} collection` : typeRef.name;
    return {
      name: key,
      type,
      typeLink: undefined,
      typeRef,
      description: "",
      documentedValues: undefined,
      valueRuns: [],
      file: undefined,
    };
  }

  /**
   * The values a property may take: the members of its enum type, or for a property whose type is
   * not found (or is String) the values its description lists. Undefined when the docs give none.
   */
  valueSet(property: PropertyDefinition): ValueSet | undefined {
    const set = this.documentedValueSet(property);
    if (set?.from === "service" || !set || !this.docs.serviceEnum) return set;
    const members = this.serviceEnumOf(property)?.members;
    return members ? { ...set, serviceMembers: members } : set;
  }

  private documentedValueSet(property: PropertyDefinition): ValueSet | undefined {
    const ref = this.qualified(property.typeRef);
    // A type cell no type is read from (`alertFeedback enum`, or one translation took: `| 状态 |
    // 任务状态 |`): the values the description lists are all there is to go by.
    if (!ref) return this.listedValues(property, /^[A-Za-z_]\w*/.exec(property.type)?.[0] ?? "String");
    if (ref.primitive) {
      return STRING_TYPES.has(ref.name.toLowerCase()) ? this.listedValues(property, ref.name) : undefined;
    }
    // The linted page's own enum tables first, then the pages near the property, then the tree.
    const local = property.file
      ? undefined
      : this.page.enumTables.find((t) => t.name.toLowerCase() === ref.name.toLowerCase());
    if (local)
      return this.tableValueSet(property, local.name, local.members, local.notNames.length, undefined);
    const definition = this.docs.enumType(ref, this.nearFiles(property));
    if (definition) {
      const { name, members, lostMembers, file } = definition;
      return this.tableValueSet(property, name, members, lostMembers, file);
    }
    if (this.docs.resourceType(ref)) return undefined;
    const listed = this.listedValues(property, ref.name);
    if (listed) return listed;
    // The docs name an enum they define nowhere: its values are the service's.
    const service = this.docs.serviceEnum?.(ref);
    if (!service || service.members.length === 0) return undefined;
    return {
      name: service.name,
      members: service.members,
      from: "service",
      complete: true,
      damaged: false,
      file: undefined,
    };
  }

  /**
   * The value set of an enum table (`lost`: its member cells translation took), whole again where
   * the property's description lists the lost members (restore-members.ts).
   */
  private tableValueSet(
    property: PropertyDefinition,
    name: string,
    members: string[],
    lost: number,
    file: string | undefined,
  ): ValueSet {
    const restored = restoredMembers(members, lost, this.listedValues(property, name)?.members);
    return {
      name,
      members: restored?.members ?? members,
      from: "definition",
      complete: true,
      damaged: lost > 0 && !restored,
      ...(restored?.caseKnown === false ? { caseKnown: false } : {}),
      file,
    };
  }

  /** The service's enum of the property: the type the service gives it, else the docs' type's name. */
  private serviceEnumOf(property: PropertyDefinition) {
    for (const ref of [property.serviceTypeRef, this.qualified(property.typeRef)]) {
      const found = ref && !ref.primitive ? this.docs.serviceEnum?.(ref) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The values a description lists: after English wording ("Possible values are:"), else after the
   * words the docs tree uses before its enum values, in whatever language it is written.
   */
  private listedValues(property: PropertyDefinition, typeName: string): ValueSet | undefined {
    let list = property.documentedValues;
    if (!list && property.valueRuns.length > 0) {
      const intros = vocabularyOf(this.docs).valueIntros;
      const run = property.valueRuns.find((r) => intros.has(r.lead));
      if (run) list = { values: run.values, complete: intros.get(run.lead) === true };
    }
    if (!list) return undefined;
    const { values: members, complete } = list;
    return { name: typeName, members, from: "description", complete, damaged: false, file: property.file };
  }

  /** The page that defines the property and the page its type links to. */
  private nearFiles(property: PropertyDefinition): string[] {
    const definedIn = property.file ?? this.page.path;
    const files: string[] = [];
    const link = property.typeLink?.split("#")[0];
    if (link && definedIn && !/^[a-z]+:/i.test(link)) files.push(resolve(dirname(definedIn), link));
    if (property.file) files.push(property.file);
    return files;
  }

  /** A short type name is in the namespace of the page's namespace line. */
  private qualified(ref: TypeRef | undefined): TypeRef | undefined {
    if (ref && !ref.namespace && !ref.primitive && this.page.namespace)
      return { ...ref, namespace: this.page.namespace.value };
    return ref;
  }

  private resourceProperty(resource: ResourceDefinition, name: string): PropertyDefinition | undefined {
    for (const type of ancestorsOf(this.docs, resource).chain) {
      const property = type.properties.get(name);
      if (property) return property;
    }
    return undefined;
  }
}

function odataTypeOf(object: JsonObject): string | undefined {
  const property = object.properties.find((p) => p.key === "@odata.type");
  return property?.value?.type === "string" && property.value.value.trim() !== ""
    ? property.value.value
    : undefined;
}
