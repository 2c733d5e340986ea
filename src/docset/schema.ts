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
import type { JsonObject, JsonValue } from "../parse/json.js";
import { type TypeRef, parseTypeRef, primitiveKind } from "../parse/type-ref.js";
import { escapePointerSegment } from "../util/json-pointer.js";
import { ancestorsOf, derivesFrom } from "./base-type.js";
import type { PropertyDefinition, ResourceDefinition } from "./definitions.js";
import type { DocsIndex } from "./index.js";

type JsonSchema = Record<string, unknown>;

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
  /**
   * The names the type's JSON representations and annotations give that no row of its tables has:
   * on a translated page, the names of the rows whose names translation took (`| 项 | OutlookItem |`).
   */
  rowlessNames: Set<string>;
  /** True when unknown properties are allowed: an open type, or a base type the docs lack. */
  open: boolean;
  /** The type or one of its base types names a base type. */
  declaresBase: boolean;
  /** The type's pages document at least one property (else there is nothing to check against). */
  documented: boolean;
  /** The pages the properties were read from: the type's, then its base types'. */
  files: string[];
  /** The types of the properties whose names the pages lost to translation (see ResourceDefinition). */
  unnamed: TypeRef[];
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

/**
 * Whether an example value looks like a value of `ref`, a type the docs have a resource page of (in
 * `namespace` unless it names one): null, an empty array, or objects at least half of whose keys
 * the type documents. A string is no object; a `configuration` object of a tab is no `teamworkTag`.
 * Undefined when the docs have no resource page of the type (an enum, or a type they lack).
 */
export function looksLikeResource(
  docs: DocsIndex,
  ref: TypeRef,
  namespace: string | undefined,
  value: JsonValue,
): boolean | undefined {
  const type = qualified(ref, namespace) ?? ref;
  const resource = !type.primitive ? docs.resourceType(type) : undefined;
  if (!resource) return undefined;
  if (value.type === "null") return true;
  const items = value.type === "array" ? value.items : [value];
  if (items.length === 0) return true;
  let own = 0;
  let documented = 0;
  for (const item of items) {
    if (item.type !== "object") return false;
    // An object that says it is of a derived type (`"@odata.type": "microsoft.graph.event"` for
    // an outlookItem) is held to the names of that type.
    const known = namesOf(docs, derivedResource(docs, type, item) ?? resource);
    for (const { key } of item.properties) {
      if (key.includes("@")) continue;
      own++;
      if (known.has(key.toLowerCase())) documented++;
    }
  }
  return own === 0 || documented * 2 >= own;
}

/**
 * Whether an example value names members of `ref`, an enum the docs define (in `namespace` unless
 * it names one): a string, or strings, each a member or members joined by commas, in any letter case.
 */
export function namesEnumMember(
  docs: DocsIndex,
  ref: TypeRef,
  namespace: string | undefined,
  value: JsonValue,
): boolean {
  const type = qualified(ref, namespace) ?? ref;
  const members = type.primitive ? undefined : docs.enumType(type)?.members;
  if (!members || members.length === 0) return false;
  const lower = new Set(members.map((m) => m.toLowerCase()));
  const names = (text: string) => text.split(",").every((part) => lower.has(part.trim().toLowerCase()));
  const items = value.type === "array" ? value.items : [value];
  return items.length > 0 && items.every((item) => item.type === "string" && names(item.value));
}

/**
 * The documented type an object's `@odata.type` names, unless the docs rule out that it derives
 * from `type` (many pages do not say what they derive from: `event` is an `outlookItem`).
 */
function derivedResource(docs: DocsIndex, type: TypeRef, object: JsonObject): ResourceDefinition | undefined {
  const named = object.properties.find((p) => p.key === "@odata.type")?.value;
  if (named?.type !== "string") return undefined;
  const ref = qualified(parseTypeRef(named.value), type.namespace);
  if (!ref || ref.primitive) return undefined;
  const resource = docs.resourceType(ref);
  return resource && derivesFrom(docs, ref, type).derives !== false ? resource : undefined;
}

/** The names an object of a resource may carry, lower case. */
function namesOf(docs: DocsIndex, resource: ResourceDefinition): Set<string> {
  return new Set(knownNamesOf(compileResource(docs, resource)).map((n) => n.toLowerCase()));
}

export function qualified(ref: TypeRef | undefined, namespace: string | undefined): TypeRef | undefined {
  if (ref && !ref.namespace && !ref.primitive && namespace) return { ...ref, namespace };
  return ref;
}

/**
 * The keys of an object that no row of its type gives a type (`unknown`: those the type does not
 * know at all), for the rows translation left nameless to stand for (lost-names.ts).
 */
export function rowlessKeys(
  object: JsonObject,
  compiled: CompiledResource,
  unknown: readonly string[],
): string[] {
  const rowless = object.properties
    .map((p) => p.key)
    .filter((key) => !key.includes("@") && compiled.rowlessNames.has(key));
  return [...new Set([...unknown, ...rowless])];
}

/** Every name an object of the type may carry: its documented properties and its extra names. */
export function knownNamesOf(compiled: CompiledResource): string[] {
  return [...compiled.properties.keys(), ...compiled.extraNames];
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
  const rowlessNames = new Set([...extraNames].filter((name) => !properties.has(name)));
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
  // Where the service types a property otherwise than the docs, a value of the service's type is
  // the table's mistake (metadata-properties reports it there), not the example's.
  const alternatives = new Map<string, ValidateFunction | undefined>();
  const contradicted = selfContradicted(chain);
  for (const [name, property] of properties) {
    const validator = propertyValidator(propertySchema(property.typeRef));
    if (!validator || contradicted.has(property)) continue;
    validators.set(name, validator);
    if (property.serviceTypeRef && property.serviceTypeRef !== property.typeRef) {
      const alternative = propertyValidator(propertySchema(property.serviceTypeRef));
      if (alternative !== validator) alternatives.set(name, alternative);
    }
  }
  const compiled: CompiledResource = {
    resource,
    properties,
    extraNames,
    rowlessNames,
    open,
    declaresBase,
    documented,
    files: chain.map((type) => type.file),
    unnamed: chain.flatMap((type) => type.unnamedProperties),
    validate: (value) => validateObject(value, properties, extraNames, open, validators, alternatives),
  };
  compiledCache.set(resource, compiled);
  return compiled;
}

/**
 * The properties whose own page contradicts their table: its JSON representation shows a value
 * the table's type does not allow (`"allowMultipleLines": true` for a property the table calls
 * string). The fix belongs on that page (schema-conformance reports it there, once), not in every
 * example that agrees with the representation, so examples' values of these properties are not checked.
 */
export function contradictedProperties(definition: ResourceDefinition): PropertyDefinition[] {
  const contradicted: PropertyDefinition[] = [];
  for (const [name, sample] of definition.jsonSamples) {
    const property = definition.properties.get(name);
    const validate = property && typeValidator(property.typeRef);
    if (property && validate && !validate(sample)) contradicted.push(property);
  }
  return contradicted;
}

function selfContradicted(chain: ResourceDefinition[]): Set<PropertyDefinition> {
  return new Set(chain.flatMap(contradictedProperties));
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
  alternatives: Map<string, ValidateFunction | undefined>,
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
    const found = validate.errors ?? [];
    if (alternatives.has(key) && (alternatives.get(key)?.(value[key]) ?? true)) continue;
    const path = `/${escapePointerSegment(key)}`;
    for (const error of found) errors.push({ ...error, instancePath: path + error.instancePath });
  }
  return errors;
}

const propertyValidators = new Map<string, ValidateFunction | undefined>();

/** The validator of a value of a documented type; undefined when any value fits. */
export function typeValidator(ref: TypeRef | undefined): ValidateFunction | undefined {
  return propertyValidator(propertySchema(ref));
}

/** The validator of one property schema, compiled once; undefined for `{}` (any value). */
function propertyValidator(schema: JsonSchema): ValidateFunction | undefined {
  const key = JSON.stringify(schema);
  if (!propertyValidators.has(key))
    propertyValidators.set(key, key === "{}" ? undefined : ajv().compile(schema));
  return propertyValidators.get(key);
}

const requiredCache = new Map<string, ValidateFunction>();

/** A validator of the properties a request body must have (cached per list). */
export function requiredValidator(names: string[]): ValidateFunction {
  const key = JSON.stringify(names);
  let validate = requiredCache.get(key);
  if (!validate) {
    validate = ajv().compile({ type: "object", required: names });
    requiredCache.set(key, validate);
  }
  return validate;
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
