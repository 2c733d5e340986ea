/**
 * Type references as the docs write them: `microsoft.graph.externalConnectors.identityType`,
 * `identityType`, `Collection(microsoft.graph.user)`, `String collection`, `Edm.String`.
 */

export interface TypeRef {
  /** The short name (`identityType`). */
  name: string;
  /** The namespace when the reference is qualified (`microsoft.graph.externalConnectors`). */
  namespace: string | undefined;
  collection: boolean;
  /** A primitive (String, Int32, DateTimeOffset, …) rather than an enum or complex type. */
  primitive: boolean;
}

const PRIMITIVES = new Set(
  [
    "string",
    "int16",
    "int32",
    "int64",
    "int",
    "integer",
    "long",
    "byte",
    "sbyte",
    "boolean",
    "bool",
    "double",
    "single",
    "float",
    "decimal",
    "number",
    "datetimeoffset",
    "datetime",
    "date",
    "timeofday",
    "duration",
    "timespan",
    "guid",
    "binary",
    "stream",
    "object",
    "json",
    "url",
    "uri",
    "untyped",
  ].map((s) => s.toLowerCase()),
);

export function isPrimitiveName(name: string): boolean {
  return PRIMITIVES.has(name.toLowerCase().replace(/^edm\./, ""));
}

/** Parses a type as written in a table or annotation; undefined when it is not a type name. */
export function parseTypeRef(text: string): TypeRef | undefined {
  let t = text.trim().replace(/^#/, "");
  let collection = false;
  const wrapped = /^collection\((.*)\)$/i.exec(t);
  if (wrapped) {
    t = wrapped[1]!.trim();
    collection = true;
  }
  const suffixed = /^(.*?)\s+collection$/i.exec(t);
  if (suffixed) {
    t = suffixed[1]!.trim();
    collection = true;
  }
  if (!/^[A-Za-z_][\w.]*$/.test(t)) return undefined;
  const dot = t.lastIndexOf(".");
  const name = dot === -1 ? t : t.slice(dot + 1);
  const namespace = dot === -1 ? undefined : t.slice(0, dot);
  const primitive = isPrimitiveName(t);
  return { name, namespace: primitive ? undefined : namespace, collection, primitive };
}

/** True for values that are a type's name written where a value belongs (`"String"`, `"Int32"`). */
export function isTypePlaceholder(value: string): boolean {
  const m = /^([A-Za-z][\w.]*)(?: \([^()]*\))?$/.exec(value.trim());
  return m !== null && isPrimitiveName(m[1]!);
}
