/**
 * Type references as the docs write them: `microsoft.graph.externalConnectors.identityType`,
 * `identityType`, `Collection(microsoft.graph.user)`, `String collection`, `Edm.String`.
 */
import { isSpaceCode } from "../parse/scan.js";

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
  const suffixed = beforeCollectionSuffix(t);
  if (suffixed !== undefined) {
    t = suffixed.trim();
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

/**
 * The text before a final ` collection` (white space, then "collection" in any case): what
 * `/^(.*?)\s+collection$/i` captures, without its backtracking (quadratic on a long run of spaces).
 * The captured part holds no line terminator (`.` does not match one).
 */
function beforeCollectionSuffix(text: string): string | undefined {
  const suffix = text.length - "collection".length;
  if (suffix < 1 || !/^collection$/i.test(text.slice(suffix))) return undefined;
  let start = suffix;
  while (start > 0 && isSpaceCode(text.charCodeAt(start - 1))) start--;
  if (start === suffix) return undefined;
  const before = text.slice(0, start);
  return /[\n\r\u2028\u2029]/.test(before) ? undefined : before;
}
