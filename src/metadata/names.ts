/**
 * Qualified names as CSDL writes them: `namespace.name`, where the namespace may be written by its
 * alias (`graph.user` for `microsoft.graph.user`), and `Collection(...)` around a type.
 */
import type { CsdlModel } from "./model.js";

/** The namespace of the primitive types (`Edm.String`, `Edm.Int32`). */
export const EDM_PRIMITIVE_NAMESPACE = "Edm";

/** Namespace aliases to the namespaces they stand for. */
export type AliasMap = ReadonlyMap<string, string>;

/** A type expression split into its element type and whether it was `Collection(...)`. */
export function splitCollection(typeExpression: string): { type: string; collection: boolean } {
  const trimmed = typeExpression.trim();
  const match = /^Collection\((.*)\)$/.exec(trimmed);
  return match ? { type: match[1]!.trim(), collection: true } : { type: trimmed, collection: false };
}

/** `namespace` and short `name` of a qualified name (the namespace is "" when it has no dot). */
export function splitQualifiedName(qualifiedName: string): { namespace: string; name: string } {
  const dot = qualifiedName.lastIndexOf(".");
  return dot === -1
    ? { namespace: "", name: qualifiedName }
    : { namespace: qualifiedName.slice(0, dot), name: qualifiedName.slice(dot + 1) };
}

/**
 * The qualified name with an aliased namespace written out; other names as they are. Aliases are
 * simple identifiers (no dot), so only a name whose namespace part has no dot can use one.
 * `lowerCaseKeys`: the map's aliases are lower-cased, and so is the name's before the lookup.
 */
export function resolveAlias(qualifiedName: string, aliases: AliasMap, lowerCaseKeys = false): string {
  const { namespace, name } = splitQualifiedName(qualifiedName);
  const key = lowerCaseKeys ? namespace.toLowerCase() : namespace;
  const full = namespace.includes(".") ? undefined : aliases.get(key);
  return full === undefined ? qualifiedName : `${full}.${name}`;
}

/** True for a primitive type's qualified name (`Edm.String`; also `Edm.Untyped`, `Edm.Stream`). */
export function isPrimitiveTypeName(qualifiedName: string): boolean {
  return qualifiedName.startsWith(`${EDM_PRIMITIVE_NAMESPACE}.`);
}

/** The aliases a document may use: its schemas' and its references' includes' (the first wins). */
export function aliasesOf(model: Pick<CsdlModel, "schemas" | "references">): AliasMap {
  const aliases = new Map<string, string>();
  for (const { namespace, alias } of [...model.schemas, ...model.references.flatMap((r) => r.includes)])
    if (alias !== undefined && !aliases.has(alias)) aliases.set(alias, namespace);
  return aliases;
}
