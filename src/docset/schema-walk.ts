/**
 * The walk of an example body against the schemas of its documented types (schema.ts): each
 * object is validated against its own type (its `@odata.type`, else the property's type), and what
 * does not fit is reported as a finding for schema-conformance to word.
 */
import type { ErrorObject } from "ajv";
import type { JsonObject, JsonProperty, JsonValue } from "../parse/json.js";
import type { Range } from "../parse/source.js";
import type { TypeRef } from "../parse/type-ref.js";
import { unescapePointerSegment } from "../util/json-pointer.js";
import { sameIgnoringCase } from "../util/near-miss.js";
import type { PropertyDefinition, ResourceDefinition } from "./definitions.js";
import type { DocsIndex } from "./index.js";
import { keysOfLostNames } from "./lost-names.js";
import {
  type CompiledResource,
  compileResource,
  knownNamesOf,
  qualified,
  requiredValidator,
  looksLikeResource,
  namesEnumMember,
  rowlessKeys,
  resourceFor,
  shallowValue,
  typeValidator,
} from "./schema.js";

const MAX_DEPTH = 32;

/** What the walk found that does not fit the documented types, at a page range. */
export type SchemaFinding = Range &
  (
    | { kind: "wrappedInValue"; type: string }
    | { kind: "requiredCase"; key: string; required: string }
    | { kind: "requiredMissing"; required: string }
    | {
        kind: "unknownProperty";
        key: string;
        type: string;
        near: string | undefined;
        declaresBase: boolean;
        /** The pages the type's properties were read from. */
        files: string[];
      }
    | {
        kind: "notEnum" | "notComplex";
        key: string;
        type: string;
        documented: string;
        value: JsonValue;
      }
    | {
        kind: "wrongType";
        key: string;
        /** The type the property belongs to; undefined when the Request body table documents it. */
        type: string | undefined;
        documented: string;
        /** The documented type as read, when it parses. */
        expected: TypeRef | undefined;
        /** The index of the array item at fault, when it is an item. */
        item: number | undefined;
        value: JsonValue;
      }
  );

// ---------------------------------------------------------------------------------------------
// JSON values

/** The keys of the objects nested in an object (at any depth below its own). */
function nestedKeys(object: JsonObject): Set<string> {
  const keys = new Set<string>();
  const visit = (node: JsonValue, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (node.type === "array") for (const item of node.items) visit(item, depth + 1);
    else if (node.type === "object") {
      for (const p of node.properties) {
        if (depth > 0) keys.add(p.key);
        if (p.value) visit(p.value, depth + 1);
      }
    }
  };
  visit(object, 0);
  return keys;
}

/** The node an ajv instance path (`/businessPhones/0`) points to, and the property holding it. */
function nodeAt(root: JsonValue, instancePath: string): { node: JsonValue; keyRange?: Range } | undefined {
  let node: JsonValue | undefined = root;
  let keyRange: Range | undefined;
  if (instancePath === "") return { node: root };
  for (const raw of instancePath.slice(1).split("/")) {
    const segment = unescapePointerSegment(raw);
    if (node?.type === "object") {
      // The last property of a name wins in JSON.parse; ajv saw that one.
      const property: JsonProperty | undefined = node.properties.findLast((p) => p.key === segment);
      keyRange = property?.keyRange;
      node = property?.value;
    } else if (node?.type === "array") {
      node = node.items[Number(segment)];
      keyRange = undefined;
    } else return undefined;
    if (!node) return undefined;
  }
  return { node, keyRange };
}

function odataType(object: JsonObject): string | undefined {
  const value = object.properties.find((p) => p.key === "@odata.type")?.value;
  return value?.type === "string" && value.value.trim() !== "" ? value.value : undefined;
}

/**
 * True when a description makes the property required without a condition: "Required." but not
 * "Required for users that will be assigned licenses", "Required if …" or "Not required".
 */
export function isRequired(description: string): boolean {
  if (/\bnot required\b/i.test(description)) return false;
  return /\bRequired(?:\s*[.;,)]|\s*$)/.test(description);
}

// ---------------------------------------------------------------------------------------------
// The walk

export interface BodyCheck {
  /** The body's root JSON value. */
  root: JsonValue;
  /** The type the body shows. */
  resource: ResourceDefinition;
  /** The body lists items of the type under `value` (a collection response), or is an array. */
  collection: boolean;
  /** Names the page's request body table documents for this body (allowed at the top level). */
  pageProperties: Map<string, PropertyDefinition>;
  /**
   * The type is the paired response's, not the request's own: a table name written in other
   * letter case is the same parameter (the table and the example disagree, not the type).
   */
  typeFromResponse: boolean;
}

export class SchemaWalker {
  private looseTable = false;

  constructor(
    private readonly docs: DocsIndex,
    private readonly report: (finding: SchemaFinding) => void,
  ) {}

  check(body: BodyCheck): void {
    const { root, resource } = body;
    this.looseTable = body.typeFromResponse;
    if (body.collection) {
      const items =
        root.type === "array"
          ? root.items
          : root.type === "object"
            ? (() => {
                const value = root.properties.find((p) => p.key === "value")?.value;
                return value?.type === "array" ? value.items : [];
              })()
            : [];
      for (const item of items) if (item.type === "object") this.object(item, resource, undefined, 0);
      return;
    }
    if (root.type !== "object") return;
    // `{"value": {…}}`: one resource wrapped like a collection (a frequent stub leftover).
    const value = root.properties.find((p) => p.key === "value");
    const compiled = compileResource(this.docs, resource);
    if (
      value?.value?.type === "object" &&
      !compiled.properties.has("value") &&
      !compiled.extraNames.has("value") &&
      !compiled.open
    ) {
      this.report({ kind: "wrappedInValue", type: resource.name, ...value.keyRange });
      this.object(value.value, resource, body.pageProperties, 0);
      return;
    }
    this.object(root, resource, body.pageProperties, 0);
  }

  /**
   * Reports the properties of the request body table marked Required that a request body omits, at
   * the body's opening brace (or at a key that differs from the name only in letter case).
   */
  /**
   * Holds a request body's top-level values to the types its Request body table documents (an
   * action's parameters have no resource type to be held to), but for the `checked` keys, which
   * the body's resource type already holds.
   */
  checkTable(root: JsonValue, table: Map<string, PropertyDefinition>, checked: ReadonlySet<string>): void {
    if (root.type !== "object") return;
    for (const property of root.properties) {
      const definition = table.get(property.key);
      if (!definition || !property.value || checked.has(property.key)) continue;
      const validate = typeValidator(definition.typeRef);
      if (!validate || validate(shallowValue(property.value, 1))) continue;
      const error = (validate.errors ?? []).find((e) => e.keyword === "type" || e.keyword === "pattern");
      const at = error ? nodeAt(property.value, error.instancePath) : undefined;
      if (!at) continue;
      const item =
        error!.instancePath === "" ? undefined : Number(error!.instancePath.slice(1).split("/")[0]);
      this.report({
        kind: "wrongType",
        key: property.key,
        type: undefined,
        documented: definition.type,
        expected: definition.typeRef,
        item,
        value: at.node,
        ...(item !== undefined ? { start: at.node.start, end: at.node.end } : property.keyRange),
      });
    }
  }

  checkRequired(root: JsonValue, table: Map<string, PropertyDefinition>): void {
    if (root.type !== "object") return;
    const required = [...table.values()].filter((p) => isRequired(p.description)).map((p) => p.name);
    if (required.length === 0) return;
    // A body none of whose keys the table lists is not the body the table describes (the table may
    // document the items of a collection the body holds, or another request of the page).
    const keys = root.properties.filter((p) => p.value && !p.key.includes("@")).map((p) => p.key);
    if (keys.length > 0 && !keys.some((k) => table.has(k) || sameIgnoringCase(k, table.keys()))) return;
    const validate = requiredValidator(required);
    if (validate(shallowValue(root, 0))) return;
    let nested: Set<string> | undefined;
    for (const error of validate.errors ?? []) {
      if (error.keyword !== "required") continue;
      const missing = (error.params as { missingProperty: string }).missingProperty;
      // Tables also list the properties of the objects a body holds ("For each property in the
      // singleValueExtendedProperties collection, …"): a name found deeper is not missing.
      nested ??= nestedKeys(root);
      if (nested.has(missing)) continue;
      const other = root.properties.find((p) => p.key.toLowerCase() === missing.toLowerCase());
      this.report(
        other
          ? { kind: "requiredCase", key: other.key, required: missing, ...other.keyRange }
          : { kind: "requiredMissing", required: missing, start: root.start, end: root.start + 1 },
      );
    }
  }

  /** Validates an object against its type (or the derived type its `@odata.type` names). */
  private object(
    object: JsonObject,
    declared: ResourceDefinition,
    pageProperties: Map<string, PropertyDefinition> | undefined,
    depth: number,
  ): void {
    if (depth > MAX_DEPTH) return;
    const own = odataType(object);
    const resource = (own && resourceFor(this.docs, own, declared.namespace)) || declared;
    const compiled = compileResource(this.docs, resource);
    if (!compiled.documented) return;
    const value = shallowValue(object, 0) as Record<string, unknown>;
    const errors = compiled.validate(value);
    const unknown = errors.filter((e) => e.keyword === "additionalProperties").map(additionalKey);
    const lostNames = keysOfLostNames(
      object,
      rowlessKeys(object, compiled, unknown).filter((key) => !pageProperties?.has(key)),
      compiled.unnamed,
      this.knownNames(compiled, pageProperties),
      (ref, value) => looksLikeResource(this.docs, ref, resource.namespace, value),
      (ref, value) => namesEnumMember(this.docs, ref, resource.namespace, value),
    );
    for (const error of errors) {
      if (error.keyword === "additionalProperties" && lostNames.has(additionalKey(error))) continue;
      this.ajvError(error, object, compiled, pageProperties);
    }
    for (const property of object.properties) {
      if (!property.value || property.key.includes("@") || property.key.startsWith("#")) continue;
      const definition = compiled.properties.get(property.key) ?? pageProperties?.get(property.key);
      const lostRef = definition ? undefined : lostNames.get(property.key);
      const ref = definition
        ? qualified(definition.typeRef, resource.namespace)
        : lostRef && qualified(lostRef, resource.namespace);
      if (ref?.primitive) continue;
      const values = property.value.type === "array" ? property.value.items : [property.value];
      for (const item of values) {
        if (item.type === "object") {
          const itemType = odataType(item);
          const nested =
            (itemType && resourceFor(this.docs, itemType, resource.namespace)) ||
            (ref ? this.docs.resourceType(ref) : undefined);
          if (nested) this.object(item, nested, undefined, depth + 1);
          else if (ref && definition && this.isEnum(ref, definition) && !this.serviceAllows(definition, item))
            this.notOfKind("notEnum", property.key, item, definition, resource, property.keyRange);
        } else if (item.type === "string" && ref && definition) {
          if (
            !this.isEnum(ref, definition) &&
            this.docs.resourceType(ref) &&
            !this.serviceAllows(definition, item)
          )
            this.notOfKind("notComplex", property.key, item, definition, resource, property.keyRange);
        }
      }
    }
  }

  /** Every name an object of the type may carry: documented, in its JSON representation, in the page's table. */
  private knownNames(
    compiled: CompiledResource,
    pageProperties: Map<string, PropertyDefinition> | undefined,
  ): string[] {
    return [...knownNamesOf(compiled), ...(pageProperties?.keys() ?? [])];
  }

  private isEnum(ref: TypeRef, definition: PropertyDefinition): boolean {
    const near = definition.file ? [definition.file] : [];
    return (this.docs.enumType(ref, near) ?? this.docs.serviceEnum?.(ref)) !== undefined;
  }

  /**
   * The service types the property otherwise than its table and the value fits the service's type:
   * the table is fixed (metadata-properties reports it), not the example.
   */
  private serviceAllows(definition: PropertyDefinition, value: JsonValue): boolean {
    const service = definition.serviceTypeRef;
    if (!service || service === definition.typeRef || definition.fromService) return false;
    // `value` is one value of the property (an item, when it is a collection).
    if (service.primitive)
      return typeValidator({ ...service, collection: false })?.(shallowValue(value, 1)) ?? true;
    const isEnum = this.docs.serviceEnum?.(service) !== undefined;
    return value.type === "string" ? isEnum : value.type === "object" && !isEnum;
  }

  /** A value of the wrong shape for an enum (an object) or a complex type (a string). */
  private notOfKind(
    kind: "notEnum" | "notComplex",
    key: string,
    value: JsonValue,
    definition: PropertyDefinition,
    resource: ResourceDefinition,
    keyRange: Range,
  ): void {
    this.report({ kind, key, type: resource.name, documented: definition.type, value, ...keyRange });
  }

  private ajvError(
    error: ErrorObject,
    object: JsonObject,
    compiled: CompiledResource,
    pageProperties: Map<string, PropertyDefinition> | undefined,
  ): void {
    const typeName = compiled.resource.name;
    if (error.keyword === "additionalProperties") {
      const key = additionalKey(error);
      if (
        pageProperties?.has(key) ||
        (this.looseTable && sameIgnoringCase(key, pageProperties?.keys() ?? []))
      )
        return;
      const property = object.properties.findLast((p) => p.key === key);
      if (!property) return;
      this.report({
        kind: "unknownProperty",
        key,
        type: typeName,
        near: sameIgnoringCase(key, this.knownNames(compiled, pageProperties)),
        declaresBase: compiled.declaresBase,
        files: compiled.files,
        ...property.keyRange,
      });
      return;
    }
    if (error.keyword !== "type" && error.keyword !== "pattern") return;
    const at = nodeAt(object, error.instancePath);
    if (!at) return;
    const segments = error.instancePath.slice(1).split("/");
    const key = unescapePointerSegment(segments[0]!);
    const definition = compiled.properties.get(key);
    if (!definition) return;
    const property = object.properties.findLast((p) => p.key === key);
    if (!property) return;
    const item = segments.length > 1 ? Number(segments[1]) : undefined;
    const range = item !== undefined ? { start: at.node.start, end: at.node.end } : property.keyRange;
    this.report({
      kind: "wrongType",
      key,
      type: typeName,
      documented: definition.type,
      expected: definition.typeRef,
      item,
      value: at.node,
      ...range,
    });
  }
}

function additionalKey(error: ErrorObject): string {
  return (error.params as { additionalProperty: string }).additionalProperty;
}
