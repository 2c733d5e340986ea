/**
 * What an example body's properties are documented as: the page's own tables and the docs index,
 * combined. Rules ask a scope for a property's definition and the resolver for its enum members.
 */
import { dirname, resolve } from "node:path";
import type { JsonObject } from "../parse/json.js";
import type { Exchange, HttpExample, Page, PropertyRow } from "../page/model.js";
import { type DocsIndex, type PropertyDefinition, type ResourceDefinition, propertyOf } from "./index.js";
import { type TypeRef, parseTypeRef } from "./types.js";

export interface PropertyScope {
  /** The type the scope describes, when known (for messages). */
  typeName: string | undefined;
  lookup(name: string): PropertyDefinition | undefined;
}

export interface EnumMembers {
  /** The enum type's name, or the property's name when the members come from its description. */
  name: string;
  members: string[];
  /** `definition`: the enum's own table; `description`: the property's "Possible values". */
  from: "definition" | "description";
  file: string | undefined;
}

const MAX_BASE_DEPTH = 8;

export class TypeResolver {
  private readonly requestTables: PropertyRow[][];
  private readonly otherTables: PropertyRow[][];

  constructor(
    readonly page: Page,
    readonly docs: DocsIndex,
  ) {
    const isRequestBody = (heading: string | undefined) =>
      heading !== undefined && /request body|parameters/i.test(heading);
    this.requestTables = page.propertyTables.filter((t) => isRequestBody(t.heading)).map((t) => t.rows);
    this.otherTables = page.propertyTables.filter((t) => !isRequestBody(t.heading)).map((t) => t.rows);
  }

  /** The scope of an example body's top-level properties. */
  bodyScope(example: HttpExample, exchange: Exchange | undefined): PropertyScope {
    const root = example.message.body?.json?.root;
    const candidates = [
      root?.type === "object" ? odataTypeOf(root) : undefined,
      stringValue(example.annotation?.data["@odata.type"]),
      example.kind === "request"
        ? stringValue(exchange?.response?.annotation?.data["@odata.type"])
        : undefined,
    ];
    const typeName = candidates.find((c) => c !== undefined);
    const resource = typeName ? this.resource(typeName) : undefined;
    const fromRows = (tables: PropertyRow[][], name: string) => {
      for (const rows of tables) {
        const row = rows.find((r) => r.name === name);
        if (row) return propertyOf(row, undefined);
      }
      return undefined;
    };
    const fromResource = (name: string) => (resource ? this.resourceProperty(resource, name) : undefined);
    const lookup =
      example.kind === "request"
        ? (name: string) =>
            fromRows(this.requestTables, name) ?? fromResource(name) ?? fromRows(this.otherTables, name)
        : (name: string) =>
            fromResource(name) ?? fromRows(this.otherTables, name) ?? fromRows(this.requestTables, name);
    return { typeName: resource?.name ?? typeName, lookup };
  }

  /** The scope of a nested object whose property is documented with `typeText`. */
  objectScope(typeText: string, object: JsonObject): PropertyScope | undefined {
    const typeName = odataTypeOf(object) ?? typeText;
    const resource = this.resource(typeName);
    if (!resource) return undefined;
    return { typeName: resource.name, lookup: (name) => this.resourceProperty(resource, name) };
  }

  /** The members of the enum a property is typed with, or undefined when it is not enum-typed. */
  enumMembers(property: PropertyDefinition): EnumMembers | undefined {
    const ref = this.typeRef(property.type);
    if (!ref || ref.primitive) return undefined;
    // The linted page's own enum tables first, then the pages near the property, then the tree.
    const local = property.file
      ? undefined
      : this.page.enumTables.find((t) => t.name.toLowerCase() === ref.name.toLowerCase());
    if (local) return { name: local.name, members: local.members, from: "definition", file: undefined };
    const definition = this.docs.enumType(ref, this.nearFiles(property));
    if (definition) {
      return {
        name: definition.name,
        members: definition.members,
        from: "definition",
        file: definition.file,
      };
    }
    if (this.docs.resourceType(ref)) return undefined;
    if (property.documentedValues) {
      return { name: ref.name, members: property.documentedValues, from: "description", file: property.file };
    }
    return undefined;
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

  private typeRef(text: string): TypeRef | undefined {
    const ref = parseTypeRef(text);
    if (ref && !ref.namespace && !ref.primitive && this.page.namespace)
      return { ...ref, namespace: this.page.namespace.value };
    return ref;
  }

  private resource(typeText: string): ResourceDefinition | undefined {
    const ref = this.typeRef(typeText);
    return ref && !ref.primitive ? this.docs.resourceType(ref) : undefined;
  }

  private resourceProperty(resource: ResourceDefinition, name: string): PropertyDefinition | undefined {
    let current: ResourceDefinition | undefined = resource;
    for (let depth = 0; current && depth < MAX_BASE_DEPTH; depth++) {
      const property = current.properties.get(name);
      if (property) return property;
      current = current.baseType ? this.resource(current.baseType) : undefined;
    }
    return undefined;
  }
}

function stringValue(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function odataTypeOf(object: JsonObject): string | undefined {
  const property = object.properties.find((p) => p.key === "@odata.type");
  return property?.value?.type === "string" ? stringValue(property.value.value) : undefined;
}
