/**
 * Lookups in one CSDL model, as the rules need them: a type by the name the docs write (qualified,
 * aliased, or short on a page of some namespace), its base types, its properties with inherited
 * ones, an enum's members. Names are matched exactly unless `ignoreCase` is asked for, so that a
 * rule can tell "missing" from "cased differently".
 */
import type {
  CsdlEnumMember,
  CsdlEnumType,
  CsdlModel,
  CsdlStructuredType,
  CsdlType,
  CsdlTypeKind,
  ResolvedProperty,
} from "./model.js";
import {
  type AliasMap,
  aliasesOf,
  EDM_PRIMITIVE_NAMESPACE,
  resolveAlias,
  splitCollection,
  splitQualifiedName,
} from "./names.js";
import { modelOf, type TypeSource, typeSourceOf } from "./type-source.js";

export interface LookupOptions {
  /** Match names whatever their case; the first match in document order wins. */
  ignoreCase?: boolean;
}

/** The namespace the docs mean when a page names a type without one. */
export const DEFAULT_NAMESPACE = "microsoft.graph";

/** How deep a base-type chain is followed (Graph's deepest is under 10). */
const MAX_BASE_TYPE_DEPTH = 64;

/** Places in the source's names by lower-cased qualified name and by lower-cased short name. */
interface CaselessMaps {
  byName: Map<string, number>;
  byShortName: Map<string, number[]>;
}

export class MetadataIndex {
  private readonly aliases: AliasMap;
  /** Lower-cased aliases, for lookups in any case. */
  private readonly lowerAliases: AliasMap;
  private readonly source: TypeSource;
  /** The types decoded so far, by their place in `source.names`. */
  private readonly decoded: (CsdlType | undefined)[] = [];
  private wholeModel: CsdlModel | undefined;
  /** Places in `source.names` by qualified name. */
  private readonly byName = new Map<string, number>();
  /** By lower-cased qualified name and short name: built when first needed (most runs never do). */
  private caseless: CaselessMaps | undefined;
  private readonly propertiesOf = new Map<string, readonly ResolvedProperty[]>();

  /** An index of a model, or of a source that decodes types as they are looked up (the store's). */
  constructor(model: CsdlModel | TypeSource) {
    const isSource = "names" in model;
    this.source = isSource ? model : typeSourceOf(model);
    this.wholeModel = isSource ? undefined : model;
    this.aliases = aliasesOf(this.source);
    this.lowerAliases = new Map(
      [...this.aliases].map(([alias, namespace]) => [alias.toLowerCase(), namespace]),
    );
    this.source.names.forEach(({ qualifiedName }, i) => {
      if (!this.byName.has(qualifiedName)) this.byName.set(qualifiedName, i);
    });
  }

  /** The whole model (from the store, every type is decoded the first time this is read). */
  get model(): CsdlModel {
    if (!this.wholeModel) {
      const all = this.source.types();
      // The types decoded before stay the ones this index gives.
      this.wholeModel = modelOf({
        ...this.source,
        types: () => all.map((type, i) => this.decoded[i] ?? type),
      });
    }
    return this.wholeModel;
  }

  /** The metadata file, as the model names it. */
  get file(): string {
    return this.source.file;
  }

  /** The schemas' namespaces, in document order. */
  get namespaces(): string[] {
    return this.source.schemas.map((s) => s.namespace);
  }

  /**
   * A qualified name with its namespace alias written out (`graph.user` → `microsoft.graph.user`;
   * with `ignoreCase`, `Graph.user` too).
   */
  resolveName(qualifiedName: string, options?: LookupOptions): string {
    const name = qualifiedName.trim();
    return options?.ignoreCase
      ? resolveAlias(name, this.lowerAliases, true)
      : resolveAlias(name, this.aliases);
  }

  /** The entity, complex or enum type of this qualified (or aliased) name. */
  type(qualifiedName: string, options?: LookupOptions): CsdlType | undefined {
    const name = this.resolveName(qualifiedName, options);
    const place = options?.ignoreCase
      ? this.caselessMaps().byName.get(name.toLowerCase())
      : this.byName.get(name);
    return place === undefined ? undefined : this.typeAt(place);
  }

  structuredType(qualifiedName: string, options?: LookupOptions): CsdlStructuredType | undefined {
    const type = this.type(qualifiedName, options);
    return type && type.kind !== "enum" ? type : undefined;
  }

  enumType(qualifiedName: string, options?: LookupOptions): CsdlEnumType | undefined {
    const type = this.type(qualifiedName, options);
    return type?.kind === "enum" ? type : undefined;
  }

  /**
   * What a qualified name (`Collection(...)` allowed) stands for: an entity, complex or enum type
   * of the model, a primitive (`Edm.*`), or undefined when the model does not know it.
   */
  kindOf(typeName: string, options?: LookupOptions): CsdlTypeKind | "primitive" | undefined {
    const { type } = splitCollection(typeName);
    const prefix = `${EDM_PRIMITIVE_NAMESPACE}.`;
    const primitive = options?.ignoreCase
      ? type.toLowerCase().startsWith(prefix.toLowerCase())
      : type.startsWith(prefix);
    return primitive ? "primitive" : this.type(type, options)?.kind;
  }

  /**
   * The type a page means by `name`: a qualified or aliased name as written; a short name in the
   * page's namespace (`namespaceHint`, from its namespace line) first, then in `microsoft.graph`.
   * A short name found only in another namespace is not guessed at (see `typesNamed`).
   */
  findType(name: string, namespaceHint?: string, options?: LookupOptions): CsdlType | undefined {
    const written = name.trim();
    if (written.includes(".")) {
      const exact = this.type(written, options);
      if (exact) return exact;
    }
    for (const namespace of [namespaceHint, DEFAULT_NAMESPACE]) {
      if (namespace === undefined) continue;
      const found = this.type(`${namespace}.${written}`, options);
      if (found) return found;
    }
    return undefined;
  }

  /** Every type whose short name is `shortName` (any case when asked), in any namespace. */
  typesNamed(shortName: string, options?: LookupOptions): CsdlType[] {
    const places = this.caselessMaps().byShortName.get(shortName.trim().toLowerCase()) ?? [];
    const candidates = places.map((i) => this.typeAt(i));
    return options?.ignoreCase ? candidates : candidates.filter((t) => t.name === shortName.trim());
  }

  /**
   * The base types of a structured type, nearest first. The chain stops at a base type the model
   * does not define, at a cycle (a malformed document) and after 64 levels.
   */
  baseTypes(qualifiedName: string, options?: LookupOptions): CsdlStructuredType[] {
    const chain: CsdlStructuredType[] = [];
    const seen = new Set<string>();
    let type = this.structuredType(qualifiedName, options);
    while (type?.baseType !== undefined && chain.length < MAX_BASE_TYPE_DEPTH) {
      seen.add(type.qualifiedName);
      const base = this.structuredType(type.baseType);
      if (!base || seen.has(base.qualifiedName)) break;
      chain.push(base);
      type = base;
    }
    return chain;
  }

  /**
   * Every property of a structured type, structural and navigation, its own first and then each
   * base type's (nearest first), each with the type that declares it; empty for an unknown type.
   * A name declared again lower in the chain (which CSDL forbids) keeps the most derived one.
   */
  properties(qualifiedName: string, options?: LookupOptions): readonly ResolvedProperty[] {
    const type = this.structuredType(qualifiedName, options);
    if (!type) return [];
    const known = this.propertiesOf.get(type.qualifiedName);
    if (known) return known;
    const seen = new Set<string>();
    const all: ResolvedProperty[] = [];
    for (const declaring of [type, ...this.baseTypes(type.qualifiedName)]) {
      const declared = [
        ...declaring.properties.map((property) => ({ property, navigation: false })),
        ...declaring.navigationProperties.map((property) => ({ property, navigation: true })),
      ];
      for (const { property, navigation } of declared) {
        if (seen.has(property.name)) continue;
        seen.add(property.name);
        all.push({ property, navigation, declaredBy: declaring.qualifiedName });
      }
    }
    this.propertiesOf.set(type.qualifiedName, all);
    return all;
  }

  /** One property of a structured type, inherited ones included (`ignoreCase` applies to both names). */
  property(typeName: string, propertyName: string, options?: LookupOptions): ResolvedProperty | undefined {
    const all = this.properties(typeName, options);
    const exact = all.find((p) => p.property.name === propertyName);
    if (exact || !options?.ignoreCase) return exact;
    const lower = propertyName.toLowerCase();
    return all.find((p) => p.property.name.toLowerCase() === lower);
  }

  /** The members of an enum type, in document order; undefined when it is not an enum of the model. */
  enumMembers(qualifiedName: string, options?: LookupOptions): readonly CsdlEnumMember[] | undefined {
    return this.enumType(qualifiedName, options)?.members;
  }

  /** One member of an enum type (`ignoreCase` applies to both names). */
  enumMember(enumName: string, memberName: string, options?: LookupOptions): CsdlEnumMember | undefined {
    const members = this.enumMembers(enumName, options) ?? [];
    const exact = members.find((m) => m.name === memberName);
    if (exact || !options?.ignoreCase) return exact;
    const lower = memberName.toLowerCase();
    return members.find((m) => m.name.toLowerCase() === lower);
  }

  private caselessMaps(): CaselessMaps {
    if (this.caseless) return this.caseless;
    const byName = new Map<string, number>();
    const byShortName = new Map<string, number[]>();
    this.source.names.forEach(({ qualifiedName }, i) => {
      const lower = qualifiedName.toLowerCase();
      if (!byName.has(lower)) byName.set(lower, i);
      const short = splitQualifiedName(lower).name;
      const named = byShortName.get(short);
      if (named) named.push(i);
      else byShortName.set(short, [i]);
    });
    this.caseless = { byName, byShortName };
    return this.caseless;
  }

  private typeAt(i: number): CsdlType {
    let type = this.decoded[i];
    if (!type) {
      type = this.source.typeAt(i);
      this.decoded[i] = type;
    }
    return type;
  }
}
