/**
 * Base types of documented resources, for the rule that checks an example's `@odata.type` against
 * its annotation: is the body's type the annotation's type or derived from it?
 *
 * A resource page declares its base type in its `resource` annotation (`"baseType":
 * "microsoft.graph.directoryObject"`), which the docs index reads, and in prose: "Inherits from
 * [namedLocation](namedlocation.md).", "derived from [threatAssessmentRequest](…)", or only in the
 * property table, "Inherited from [identityProviderBase](…)." (which may name a more distant
 * ancestor, still an ancestor). The page's text is read for that (once per file, cached with the
 * docs index) and the first such link is taken. Where the annotation and the prose disagree, both
 * are followed.
 */
import { readFileSync } from "node:fs";
import type { DocsIndex, ResourceDefinition } from "./index.js";
import { type TypeRef, parseTypeRef } from "./types.js";

const INHERITS =
  /\b(?:inherits?|inherited|derives?|derived)[ \t]+from[ \t]+(?:the[ \t]+)?\[[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(/i;

const perIndex = new WeakMap<DocsIndex, Map<string, string | undefined>>();

/**
 * The types `definition` derives from, as written: its annotation's `baseType` and the base type its
 * prose names, when they differ (the two disagree on some pages; either may be the right one).
 */
export function baseTypesOf(docs: DocsIndex, definition: ResourceDefinition): string[] {
  const prose = proseBaseType(docs, definition.file);
  const bases = definition.baseType ? [definition.baseType] : [];
  if (prose && !bases.some((b) => sameWritten(b, prose))) bases.push(prose);
  return bases;
}

function sameWritten(a: string, b: string): boolean {
  const x = parseTypeRef(a);
  const y = parseTypeRef(b);
  return (
    !!x && !!y && x.name.toLowerCase() === y.name.toLowerCase() && sameNamespace(x.namespace, y.namespace)
  );
}

function proseBaseType(docs: DocsIndex, file: string): string | undefined {
  let cache = perIndex.get(docs);
  if (!cache) {
    cache = new Map();
    perIndex.set(docs, cache);
  }
  if (cache.has(file)) return cache.get(file);
  let base: string | undefined;
  try {
    base = INHERITS.exec(readFileSync(file, "utf8"))?.[1];
  } catch {
    base = undefined;
  }
  cache.set(file, base);
  return base;
}

const DEFAULT_NAMESPACE = "microsoft.graph";

function isEntity(type: TypeRef): boolean {
  return type.name.toLowerCase() === "entity" && sameNamespace(type.namespace, DEFAULT_NAMESPACE);
}

/** Namespaces compared without letter case; no namespace is `microsoft.graph`. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return (a ?? DEFAULT_NAMESPACE).toLowerCase() === (b ?? DEFAULT_NAMESPACE).toLowerCase();
}

/** The same type: the same name (letter case too) in the same namespace. */
export function sameType(a: TypeRef, b: TypeRef): boolean {
  return a.name === b.name && sameNamespace(a.namespace, b.namespace);
}

/** One documented step of a chain of base types: `type` derives from `base`, says `file`. */
export interface BaseTypeStep {
  type: TypeRef;
  base: TypeRef;
  file: string;
}

export type Derivation =
  | { derives: true }
  | { derives: undefined }
  /** `chain`: one documented chain of base types from the type up to `microsoft.graph.entity`. */
  | { derives: false; chain: BaseTypeStep[] };

/**
 * Whether `type` derives from `ancestor` through the base types the docs document. True when some
 * chain of base types reaches `ancestor`; false when every chain is documented up to
 * `microsoft.graph.entity`, the root of entity types, without reaching it; undefined when the docs
 * do not tell: a type on the way is not documented, or its page names no base type (many pages
 * leave out that they derive from entity, and a type with several pages may be found on one that
 * does not say).
 */
export function derivesFrom(docs: DocsIndex, type: TypeRef, ancestor: TypeRef): Derivation {
  const seen = new Set<string>();
  let unknown = false;
  let found: BaseTypeStep[] | undefined;
  const visit = (current: TypeRef, chain: BaseTypeStep[]): boolean => {
    const key = `${(current.namespace ?? DEFAULT_NAMESPACE).toLowerCase()}.${current.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const definition = docs.resourceType(current);
    if (!definition || !sameNamespace(definition.namespace, current.namespace)) {
      unknown = true;
      return false;
    }
    const bases = baseTypesOf(docs, definition);
    if (bases.length === 0) {
      if (isEntity(current)) found ??= chain;
      else unknown = true;
      return false;
    }
    for (const written of bases) {
      const parsed = parseTypeRef(written);
      if (!parsed || parsed.primitive) {
        unknown = true;
        continue;
      }
      // A base written by its short name is in the namespace of the type that names it.
      const base = parsed.namespace
        ? parsed
        : { ...parsed, namespace: definition.namespace ?? current.namespace };
      // Prose may write the base type's name in another letter case.
      if (
        base.name.toLowerCase() === ancestor.name.toLowerCase() &&
        sameNamespace(base.namespace, ancestor.namespace)
      )
        return true;
      if (visit(base, [...chain, { type: current, base, file: definition.file }])) return true;
    }
    return false;
  };
  if (visit(type, [])) return { derives: true };
  if (unknown || !found) return { derives: undefined };
  return { derives: false, chain: found };
}
