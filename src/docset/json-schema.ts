/**
 * JSON Schemas of documented resources, for `schema-conformance`: an example body is checked
 * against the schema of the type it shows, with ajv.
 *
 * A resource's schema is one level deep: each documented property (from the property tables of the
 * resource and of its base types, as `baseTypesOf` reads them from the annotation and the prose)
 * with the JSON type its documented type allows, and the keys of its JSON representation and
 * `optionalProperties` with any value. Nested objects are not `$ref`s into other schemas: the walk
 * (`SchemaWalker`) validates each nested object it meets against the schema of that object's own
 * type (its `@odata.type` when it names a documented type, else the property's type), built when
 * first needed. So a body pulls in only the types it actually uses (resolving a type reads its
 * page), derived types are honoured wherever they appear, and cycles (`user.manager` →
 * `directoryObject` → …) cannot loop: the walk follows the example, which is finite. Compiled
 * validators are cached per resource definition, for the life of the docs index that gave it.
 *
 * Documented types map to JSON types as OData JSON writes them:
 *
 * | Documented type                                                  | JSON                               |
 * | :--------------------------------------------------------------- | :--------------------------------- |
 * | String, Guid, DateTimeOffset, Date, TimeOfDay, Duration, Binary, … | string                           |
 * | Int16, Int32, Int64, Byte, SByte                                 | integer                            |
 * | Double, Single, Decimal                                          | number, or "NaN", "INF", "-INF"    |
 * | Boolean                                                          | boolean                            |
 * | an enum                                                          | string (members: another rule)     |
 * | a complex or entity type                                         | object                             |
 * | `X collection`, `Collection(X)`                                  | array of X                         |
 * | Json, Object, Untyped, or a type the docs do not define          | anything                           |
 *
 * `null` is accepted for every property: the docs do not say which properties are nullable.
 */
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import type { JsonObject, JsonProperty, JsonValue } from "../parse/json.js";
import type { Range } from "../parse/source.js";
import { ancestorsOf } from "./base-type.js";
import type { PropertyDefinition, ResourceDefinition } from "./definitions.js";
import type { DocsIndex } from "./index.js";
import { type TypeRef, parseTypeRef, primitiveKind } from "../parse/type-ref.js";
import { escapePointerSegment, unescapePointerSegment } from "../util/json-pointer.js";
import { sameIgnoringCase } from "../util/near-miss.js";

type JsonSchema = Record<string, unknown>;

const MAX_DEPTH = 32;

/** What the walk found that does not fit the documented types, at a page range. */
export type SchemaFinding = Range &
  (
    | { kind: "wrappedInValue"; type: string }
    | { kind: "requiredCase"; key: string; required: string }
    | { kind: "requiredMissing"; required: string }
    | { kind: "unknownProperty"; key: string; type: string; near: string | undefined; declaresBase: boolean }
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
        type: string;
        documented: string;
        /** The documented type as read, when it parses. */
        expected: TypeRef | undefined;
        /** The index of the array item at fault, when it is an item. */
        item: number | undefined;
        value: JsonValue;
      }
  );

/** The schema of one value of a documented type (a collection's item). */
function itemSchema(ref: TypeRef): JsonSchema {
  if (!ref.primitive) return { type: ["string", "object", "null"] };
  switch (primitiveKind(ref.name)) {
    case "string":
      return { type: ["string", "null"] };
    case "integer":
      return { type: ["integer", "null"] };
    case "number":
      // OData JSON writes the special values of floating-point types as strings.
      return { type: ["number", "string", "null"], pattern: "^(?:NaN|-?INF)$" };
    case "boolean":
      return { type: ["boolean", "null"] };
    default:
      return {};
  }
}

function propertySchema(ref: TypeRef | undefined): JsonSchema {
  if (!ref) return {};
  const item = itemSchema(ref);
  if (ref.collection) return { type: ["array", "null"], items: item };
  // Not known whether a collection is meant: one value of the type, or an array of them.
  if (ref.collection === undefined && Array.isArray(item.type))
    return { ...item, type: [...(item.type as string[]), "array"], items: item };
  return item;
}

// ---------------------------------------------------------------------------------------------
// Compiled resources

/** A resource with everything its base types add, and its compiled one-level schema. */
export interface CompiledResource {
  resource: ResourceDefinition;
  /** Documented properties of the type and its base types (the type's own first). */
  properties: Map<string, PropertyDefinition>;
  /** Names allowed without a documented type (JSON representation keys, optionalProperties). */
  extraNames: Set<string>;
  /** True when unknown properties are allowed: an open type, or a base type the docs lack. */
  open: boolean;
  /** The type or one of its base types names a base type. */
  declaresBase: boolean;
  /** The type's pages document at least one property (else there is nothing to check against). */
  documented: boolean;
  /** Checks an object's own keys and values (one level): ajv's errors, as a compiled schema gives them. */
  validate: (value: Record<string, unknown>) => ErrorObject[];
}

let ajvInstance: AjvClass | undefined;

function ajv(): AjvClass {
  if (!ajvInstance) {
    // Loaded on first use: runs that never validate a body do not pay for ajv.
    const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
    // The schemas are generated here, so checking them against the meta-schema and optimizing
    // their code would cost more than it gives: thousands are compiled in a whole-tree run.
    ajvInstance = new Ajv({
      allErrors: true,
      strict: false,
      validateSchema: false,
      addUsedSchema: false,
      code: { optimize: false },
    });
  }
  return ajvInstance;
}

/**
 * Keys every object may have: instance annotations (`@odata.context`, `manager@odata.bind`),
 * advertised operations (`#microsoft.graph.restore`), directory extension properties
 * (`extension_<app id without dashes>_<name>`) and schema extensions (`ext<8 letters or digits>_<name>`).
 */
const ANY_OBJECT_KEY = "(@|^#|^extension_[0-9a-fA-F]{32}_\\w|^ext[a-z0-9]{8}_\\w)";

/**
 * Open types whose pages do not say so in the `resource` annotation in every version (the beta
 * page of `openTypeExtension`, the type of open extensions, has no `"openType": true`).
 */
const OPEN_TYPES = new Set(["openTypeExtension"]);

/** The base types assumed possible for a type whose page names none. */
const IMPLICIT_BASES = ["entity", "changeTrackedEntity", "directoryObject"];

const compiledCache = new WeakMap<ResourceDefinition, CompiledResource>();

/** The type named `text`, read in `namespace` when it is not qualified. */
export function resourceFor(
  docs: DocsIndex,
  text: string,
  namespace: string | undefined,
): ResourceDefinition | undefined {
  const ref = qualified(parseTypeRef(text), namespace);
  return ref && !ref.primitive ? docs.resourceType(ref) : undefined;
}

function qualified(ref: TypeRef | undefined, namespace: string | undefined): TypeRef | undefined {
  if (ref && !ref.namespace && !ref.primitive && namespace) return { ...ref, namespace };
  return ref;
}

/** The compiled schema of a resource (cached per definition). */
export function compileResource(docs: DocsIndex, resource: ResourceDefinition): CompiledResource {
  const cached = compiledCache.get(resource);
  if (cached) return cached;
  const properties = new Map<string, PropertyDefinition>();
  const extraNames = new Set<string>();
  // The type and its base types, nearest first; a base type the docs do not define may add any property.
  const { chain, declaresBase, undocumented } = ancestorsOf(docs, resource);
  let open = undocumented;
  for (const current of chain) {
    for (const [name, property] of current.properties)
      if (!properties.has(name)) properties.set(name, property);
    for (const name of current.jsonProperties ?? []) extraNames.add(name);
    for (const name of current.optionalProperties) extraNames.add(name);
    if (current.openType || OPEN_TYPES.has(current.name)) open = true;
  }
  const documented = properties.size > 0 || extraNames.size > 0;
  // Most resource pages do not say what they inherit from, and entity pages rarely list the `id`
  // they inherit from `entity`: a type that names no base type may carry the properties of the
  // base types most of Graph derives from.
  if (!declaresBase) {
    extraNames.add("id");
    for (const name of IMPLICIT_BASES) {
      const base = resourceFor(docs, name, "microsoft.graph");
      for (const ancestor of base ? ancestorsOf(docs, base).chain : [])
        for (const property of ancestor.properties.keys())
          if (!properties.has(property)) extraNames.add(property);
    }
  }
  // One ajv validator per property type (a handful of distinct schemas in all), not one compiled
  // schema per resource: a whole-tree run meets thousands of types, and compiling a schema for each
  // cost a tenth of the run and most of the memory it kept.
  const validators = new Map<string, ValidateFunction>();
  for (const [name, property] of properties) {
    const validator = propertyValidator(propertySchema(property.typeRef));
    if (validator) validators.set(name, validator);
  }
  const compiled: CompiledResource = {
    resource,
    properties,
    extraNames,
    open,
    declaresBase,
    documented,
    validate: (value) => validateObject(value, properties, extraNames, open, validators),
  };
  compiledCache.set(resource, compiled);
  return compiled;
}

const ANY_OBJECT_KEY_PATTERN = new RegExp(ANY_OBJECT_KEY, "u");

/**
 * What ajv reports for the schema `{ type: "object", properties: { name: propertySchema, extra: {} },
 * patternProperties: { ANY_OBJECT_KEY: {} }, additionalProperties: open }` (allErrors): the keys not
 * allowed, then the values not of their property's type, with their paths.
 */
function validateObject(
  value: Record<string, unknown>,
  properties: Map<string, PropertyDefinition>,
  extraNames: Set<string>,
  open: boolean,
  validators: Map<string, ValidateFunction>,
): ErrorObject[] {
  const errors: ErrorObject[] = [];
  for (const key of Object.keys(value)) {
    if (properties.has(key) || extraNames.has(key) || open || ANY_OBJECT_KEY_PATTERN.test(key)) continue;
    errors.push({
      keyword: "additionalProperties",
      instancePath: "",
      schemaPath: "#/additionalProperties",
      params: { additionalProperty: key },
      message: "must NOT have additional properties",
    });
  }
  for (const key of Object.keys(value)) {
    const validate = validators.get(key);
    if (!validate || validate(value[key])) continue;
    const path = `/${escapePointerSegment(key)}`;
    for (const error of validate.errors ?? [])
      errors.push({ ...error, instancePath: path + error.instancePath });
  }
  return errors;
}

const propertyValidators = new Map<string, ValidateFunction | undefined>();

/** The validator of one property schema, compiled once; undefined for `{}` (any value). */
function propertyValidator(schema: JsonSchema): ValidateFunction | undefined {
  const key = JSON.stringify(schema);
  if (!propertyValidators.has(key))
    propertyValidators.set(key, key === "{}" ? undefined : ajv().compile(schema));
  return propertyValidators.get(key);
}

const requiredCache = new Map<string, ValidateFunction>();

/** A validator of the properties a request body must have (cached per list). */
function requiredValidator(names: string[]): ValidateFunction {
  const key = JSON.stringify(names);
  let validate = requiredCache.get(key);
  if (!validate) {
    validate = ajv().compile({ type: "object", required: names });
    requiredCache.set(key, validate);
  }
  return validate;
}

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

/**
 * The plain value of a JSON node as far as a one-level schema looks: the object's properties, and
 * the items of its arrays, with objects and arrays below that left empty (they are validated
 * against their own types as the walk reaches them). Properties broken off after the key are left
 * out.
 */
export function shallowValue(node: JsonValue, level: number): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      if (level === 0) for (const p of node.properties) if (p.value) out[p.key] = shallowValue(p.value, 1);
      return out;
    }
    case "array":
      return level < 2 ? node.items.map((item) => shallowValue(item, level + 1)) : [];
    case "null":
      return null;
    default:
      return node.value;
  }
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
    for (const error of compiled.validate(value)) this.ajvError(error, object, compiled, pageProperties);
    for (const property of object.properties) {
      if (!property.value || property.key.includes("@") || property.key.startsWith("#")) continue;
      const definition = compiled.properties.get(property.key) ?? pageProperties?.get(property.key);
      const ref = definition ? qualified(definition.typeRef, resource.namespace) : undefined;
      if (ref?.primitive) continue;
      const values = property.value.type === "array" ? property.value.items : [property.value];
      for (const item of values) {
        if (item.type === "object") {
          const itemType = odataType(item);
          const nested =
            (itemType && resourceFor(this.docs, itemType, resource.namespace)) ||
            (ref ? this.docs.resourceType(ref) : undefined);
          if (nested) this.object(item, nested, undefined, depth + 1);
          else if (ref && definition && this.isEnum(ref, definition))
            this.notOfKind("notEnum", property.key, item, definition, resource, property.keyRange);
        } else if (item.type === "string" && ref && definition) {
          if (!this.isEnum(ref, definition) && this.docs.resourceType(ref))
            this.notOfKind("notComplex", property.key, item, definition, resource, property.keyRange);
        }
      }
    }
  }

  private isEnum(ref: TypeRef, definition: PropertyDefinition): boolean {
    return this.docs.enumType(ref, definition.file ? [definition.file] : []) !== undefined;
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
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      if (
        pageProperties?.has(key) ||
        (this.looseTable && sameIgnoringCase(key, pageProperties?.keys() ?? []))
      )
        return;
      const property = object.properties.findLast((p) => p.key === key);
      if (!property) return;
      const known = [
        ...compiled.properties.keys(),
        ...compiled.extraNames,
        ...(pageProperties?.keys() ?? []),
      ];
      this.report({
        kind: "unknownProperty",
        key,
        type: typeName,
        near: sameIgnoringCase(key, known),
        declaresBase: compiled.declaresBase,
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
