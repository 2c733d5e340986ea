/**
 * Base types of documented resources: the one place that reads which types a resource derives from,
 * for every rule that follows them (the properties a type inherits, an example's `@odata.type`
 * against its annotation).
 *
 * A resource page names its base type in its `resource` annotation (`"baseType":
 * "microsoft.graph.directoryObject"`) and in its prose ("Inherits from [namedLocation](…)", see
 * src/page/inherits.ts); where the two disagree, both are followed. A base written by its short
 * name is in the namespace of the type that names it.
 */
import { DEFAULT_NAMESPACE, type ResourceDefinition, sameNamespace } from "./definitions.js";
import type { DocsIndex } from "./index.js";
import { type TypeRef, parseTypeRef } from "../parse/type-ref.js";
import { vocabularyOf } from "./vocabulary.js";

/** Deeper chains than this are not followed (no Graph type is half as deep; cycles end here too). */
const MAX_ANCESTORS = 16;

/**
 * The base types a definition names, as references; undefined for a name that is not a type. Its
 * prose may name one in the page's own language: the link its docs tree's words for "inherits
 * from" lead to (see vocabulary.ts), followed as an English "Inherits from" sentence is, beside the
 * annotation's `baseType` when the two differ (`orgContact`: annotation `entity`, prose
 * `directoryObject`, in English and in its translation alike).
 */
export function baseRefs(docs: DocsIndex, definition: ResourceDefinition): Array<TypeRef | undefined> {
  let written = definition.baseTypes;
  const named = (name: string) =>
    written.some((w) => parseTypeRef(w)?.name.toLowerCase() === name.toLowerCase());
  // The tree's words are learned only when a link could add a base type the page does not name.
  if (definition.baseLinks.some((l) => !named(l.name))) {
    const intros = vocabularyOf(docs).baseIntros;
    const learned = definition.baseLinks.find((l) => isBaseLead(l.lead, intros));
    if (learned && !named(learned.name)) written = [...written, learned.name];
  }
  return written.map((written) => {
    const parsed = parseTypeRef(written);
    if (!parsed || parsed.primitive) return undefined;
    return parsed.namespace ? parsed : { ...parsed, namespace: definition.namespace };
  });
}

/** A learned lead this long or longer also leads where it ends a longer clause. */
const MIN_SUFFIX_LEAD = 3;

/**
 * A link's lead is one of the tree's words for "inherits from", or ends with one long enough to
 * mean it alone ("此类型继承自" ends with "继承自", "this type inherits from" with "inherits from";
 * not with one-character leads such as "从", "from").
 */
function isBaseLead(lead: string, intros: ReadonlySet<string>): boolean {
  if (intros.has(lead)) return true;
  for (const intro of intros)
    if ([...intro].length >= MIN_SUFFIX_LEAD && lead.length > intro.length && lead.endsWith(intro))
      return true;
  return false;
}

export interface Ancestors {
  /** The type and its documented base types, nearest first, each once. */
  chain: ResourceDefinition[];
  /** Some type on the way names a base type. */
  declaresBase: boolean;
  /** Some base type named on the way is not documented (it may add any property). */
  undocumented: boolean;
}

const ancestorsCache = new WeakMap<DocsIndex, WeakMap<ResourceDefinition, Ancestors>>();

/**
 * The type and its base types, breadth first (a type may name two). Kept per definition for the
 * life of the docs index that gave it: every property looked up on a type walks its chain.
 */
export function ancestorsOf(docs: DocsIndex, definition: ResourceDefinition): Ancestors {
  let cache = ancestorsCache.get(docs);
  if (!cache) {
    cache = new WeakMap();
    ancestorsCache.set(docs, cache);
  }
  let result = cache.get(definition);
  if (!result) {
    result = walkAncestors(docs, definition);
    cache.set(definition, result);
  }
  return result;
}

function walkAncestors(docs: DocsIndex, definition: ResourceDefinition): Ancestors {
  const result: Ancestors = { chain: [], declaresBase: false, undocumented: false };
  const queue = [definition];
  while (queue.length > 0 && result.chain.length < MAX_ANCESTORS) {
    const current = queue.shift()!;
    if (result.chain.includes(current)) continue;
    result.chain.push(current);
    for (const ref of baseRefs(docs, current)) {
      result.declaresBase = true;
      const base = ref ? (docs.baseResource ? docs.baseResource(ref) : docs.resourceType(ref)) : undefined;
      if (base) queue.push(base);
      else result.undocumented = true;
    }
  }
  return result;
}

function isEntity(type: TypeRef): boolean {
  return type.name.toLowerCase() === "entity" && sameNamespace(type.namespace, DEFAULT_NAMESPACE);
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
    const bases = baseRefs(docs, definition);
    if (bases.length === 0 && !isEntity(current)) result.unknown = true;
    if (bases.length > 1) result.branches = true;
    for (const parsed of bases) {
      if (!parsed) {
        result.unknown = true;
        continue;
      }
      const base = parsed.namespace ? parsed : { ...parsed, namespace: current.namespace };
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
