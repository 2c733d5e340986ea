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
import { isBlankCode, skipWhile, trimEndWhile } from "../parse/scan.js";
import type { DocsIndex, ResourceDefinition } from "./index.js";
import { type TypeRef, parseTypeRef } from "./types.js";

/** "Inherits from [", "derived from the [", "subclass of [": the link's text is read by `linkedName`. */
const INHERITS =
  /\b(?:(?:inherits?|inherited|derives?|derived)[ \t]+from|subclass[ \t]+of)[ \t]+(?:the[ \t]+)?\[/gi;

const perIndex = new WeakMap<DocsIndex, Map<string, string | undefined>>();

/**
 * The types `definition` derives from, as written: its annotation's `baseType` and the base type its
 * prose names, when they differ (the two disagree on some pages; either may be the right one).
 */
export function baseTypesOf(docs: DocsIndex, definition: ResourceDefinition): string[] {
  const bases: string[] = [];
  for (const written of [definition.baseType, proseBaseType(docs, definition.file)]) {
    // A name read from a sentence may end with its full stop ("Inherits from entity.").
    const base = written === undefined ? undefined : trimEndWhile(written.trim(), (c) => c === 46 /* . */);
    if (base && !bases.some((b) => sameWritten(b, base))) bases.push(base);
  }
  return bases;
}

/**
 * The type name of the first "inherits from [name](…)" link of a text: what
 * `/\b(?:(?:inherits?|inherited|derives?|derived)[ \t]+from|subclass[ \t]+of)[ \t]+(?:the[ \t]+)?\[[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(/i`
 * captures. That regex backtracks in cubic time on a run of underscores (emphasis marks and name
 * characters both), so the link's text is read by `linkedName`.
 */
export function inheritedName(text: string): string | undefined {
  INHERITS.lastIndex = 0;
  for (let m = INHERITS.exec(text); m; m = INHERITS.exec(text)) {
    const name = linkedName(text, m.index + m[0].length);
    if (name !== undefined) return name;
    INHERITS.lastIndex = m.index + 1;
  }
  return undefined;
}

const isMark = (c: number) => c === 42 /* * */ || c === 95 /* _ */ || c === 96; /* ` */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46; /* . */

/**
 * `[ \t]*[*_`]*([A-Za-z_][\w.]*)[*_`]*[ \t]*\]\(` at `from` (just after the `[`), as the regex
 * matches it: the marks take as much as they can, giving back underscores one at a time for the
 * name to start with; the name takes all the name characters after its start.
 */
function linkedName(text: string, from: number): string | undefined {
  const marksStart = skipWhile(text, from, isBlankCode);
  const marksEnd = skipWhile(text, marksStart, isMark);
  // Whether "](" follows marks and spaces from `at`; from anywhere among the marks, that is from
  // their end, so only two places are ever asked about.
  const closes = new Map<number, boolean>();
  const closesAt = (at: number): boolean => {
    const key = Math.max(at, marksEnd);
    let found = closes.get(key);
    if (found === undefined) {
      found = text.startsWith("](", skipWhile(text, skipWhile(text, key, isMark), isBlankCode));
      closes.set(key, found);
    }
    return found;
  };
  // end: where a name starting at k ends (after its run of name characters), kept from k + 1.
  let end = skipWhile(text, marksEnd + 1, isNameChar);
  for (let k = marksEnd; k >= marksStart; k--) {
    if (k < marksEnd && !isNameChar(text.charCodeAt(k + 1))) end = k + 1;
    const c = text.charCodeAt(k);
    const starts = k === marksEnd ? isNameStart(c) : c === 95; /* _ */
    if (starts && closesAt(end)) return text.slice(k, end);
  }
  return undefined;
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
    base = inheritedName(readFileSync(file, "utf8"));
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
  /**
   * `chain`: a documented chain of base types from the type up to a type that `ancestorChain`, a
   * documented chain from the would-be ancestor, also reaches (`microsoft.graph.entity`, the root,
   * when `ancestorChain` is empty).
   */
  | { derives: false; chain: BaseTypeStep[]; ancestorChain: BaseTypeStep[] };

interface Ancestry {
  /** Every type reached, the type itself included, by key, with the first chain that reached it. */
  reached: Map<string, BaseTypeStep[]>;
  /** A type on the way is not documented or names no base type (other than entity). */
  unknown: boolean;
  /** Some type names two different base types (its annotation and its prose disagree). */
  branches: boolean;
}

function typeKey(type: TypeRef): string {
  return `${(type.namespace ?? DEFAULT_NAMESPACE).toLowerCase()}.${type.name.toLowerCase()}`;
}

function ancestry(docs: DocsIndex, type: TypeRef): Ancestry {
  const result: Ancestry = { reached: new Map(), unknown: false, branches: false };
  const visit = (current: TypeRef, chain: BaseTypeStep[]): void => {
    const key = typeKey(current);
    if (result.reached.has(key)) return;
    result.reached.set(key, chain);
    const definition = docs.resourceType(current);
    if (!definition || !sameNamespace(definition.namespace, current.namespace)) {
      result.unknown = true;
      return;
    }
    const bases = baseTypesOf(docs, definition);
    if (bases.length === 0 && !isEntity(current)) result.unknown = true;
    if (bases.length > 1) result.branches = true;
    for (const written of bases) {
      const parsed = parseTypeRef(written);
      if (!parsed || parsed.primitive) {
        result.unknown = true;
        continue;
      }
      // A base written by its short name is in the namespace of the type that names it.
      const base = parsed.namespace
        ? parsed
        : { ...parsed, namespace: definition.namespace ?? current.namespace };
      visit(base, [...chain, { type: current, base, file: definition.file }]);
    }
  };
  visit(type, []);
  return result;
}

/**
 * Whether `type` derives from `ancestor` through the base types the docs document (names compared
 * without letter case: prose may write them in another case). True when a chain of base types
 * reaches `ancestor`. False when the docs rule it out: every chain from `type` is documented up to
 * `microsoft.graph.entity`, the root of entity types, without reaching `ancestor`; or `ancestor`
 * derives from a type that `type`'s single documented chain reaches without passing `ancestor`
 * (siblings, or `type` is a base of `ancestor`). Undefined when the docs do not tell: a type on the
 * way is not documented, or its page names no base type (many pages leave out that they derive
 * from entity, and a type with several pages may be found on one that does not say).
 */
export function derivesFrom(docs: DocsIndex, type: TypeRef, ancestor: TypeRef): Derivation {
  const up = ancestry(docs, type);
  if (up.reached.has(typeKey(ancestor))) return { derives: true };
  if (!up.branches) {
    // The nearest of `ancestor`'s own ancestors that `type` reaches, for the clearest explanation.
    for (const [key, ancestorChain] of ancestry(docs, ancestor).reached) {
      const chain = up.reached.get(key);
      if (chain && ancestorChain.length > 0) return { derives: false, chain, ancestorChain };
    }
  }
  if (!up.unknown) {
    const root = up.reached.get(
      typeKey({ name: "entity", namespace: DEFAULT_NAMESPACE, collection: false, primitive: false }),
    );
    if (root) return { derives: false, chain: root, ancestorChain: [] };
  }
  return { derives: undefined };
}
