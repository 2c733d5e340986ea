/**
 * Which of the service's types a docs enum table stands for. The docs name an enum by its short
 * name (`### accessType values`), often in lower case (the heading's anchor), on a page whose
 * namespace line says where to look; a page without one means `microsoft.graph`.
 */
import type { CsdlEnumType } from "../../src/metadata/model.js";
import type { MetadataIndex } from "../../src/metadata/index.js";
import { closest } from "../../src/util/near-miss.js";

export type ServiceEnum =
  /** The service's enum type of that name. */
  | { kind: "enum"; type: CsdlEnumType }
  /**
   * The service knows the name as something else (an entity or complex type, a property whose
   * values a table lists, several enums of that name in other namespaces): nothing to compare.
   */
  | { kind: "other" }
  /**
   * No type and no property of that name in any namespace; `near` is the qualified name of an enum
   * type whose name is a near miss of it (`fooTypes` for `fooType`), if one is.
   */
  | { kind: "unknown"; near: string | undefined };

interface Names {
  /** Lower-cased property names of every structured type. */
  properties: ReadonlySet<string>;
  /** Every enum type's short name, with its qualified name. */
  enums: ReadonlyMap<string, string>;
}

/** Built once per index, the first time a table names a type the service does not have. */
const namesByIndex = new WeakMap<MetadataIndex, Names>();

function namesOf(metadata: MetadataIndex): Names {
  let names = namesByIndex.get(metadata);
  if (!names) {
    const properties = new Set<string>();
    for (const type of metadata.model.structuredTypes) {
      for (const p of type.properties) properties.add(p.name.toLowerCase());
    }
    const enums = new Map(metadata.model.enumTypes.map((e) => [e.name, e.qualifiedName]));
    names = { properties, enums };
    namesByIndex.set(metadata, names);
  }
  return names;
}

/**
 * The service's enum for the docs enum `name` on a page of `namespace`: the type of that name in
 * the page's namespace or `microsoft.graph` (letter case ignored: the docs' anchors are lower
 * case); else the one enum of that name in another namespace (a page that forgot its namespace
 * line), or the one of several whose members the table lists most of.
 */
export function serviceEnum(
  metadata: MetadataIndex,
  name: string,
  namespace: string | undefined,
  documented: readonly string[],
): ServiceEnum {
  const found = metadata.findType(name, namespace, { ignoreCase: true });
  const named = metadata.typesNamed(name, { ignoreCase: true });
  const enums = named.filter((t): t is CsdlEnumType => t.kind === "enum");
  if (found && namespace === undefined && found.kind === "enum" && enums.length > 1) {
    // No namespace line that reads as one (a translated page writes `命名空间：…`): the enum of that
    // name the table lists more members of than `microsoft.graph`'s (`callRecords.modality`).
    const best = bestMatch(enums, documented);
    return { kind: "enum", type: best && score(best, documented) > score(found, documented) ? best : found };
  }
  if (found) return found.kind === "enum" ? { kind: "enum", type: found } : { kind: "other" };
  if (enums.length === 1 && named.length === 1) return { kind: "enum", type: enums[0]! };
  const best = bestMatch(enums, documented);
  if (best) return { kind: "enum", type: best };
  if (named.length > 0) return { kind: "other" };
  const names = namesOf(metadata);
  // A `### status values` table may list the values of a String property, not an enum's members.
  if (names.properties.has(name.toLowerCase())) return { kind: "other" };
  const near = closest(name, names.enums.keys(), name.length <= 4 ? 1 : 2)?.name;
  return { kind: "unknown", near: near === undefined ? undefined : names.enums.get(near) };
}

/** The one enum whose members the table lists most of (at least half of its rows), if one leads. */
function bestMatch(enums: CsdlEnumType[], documented: readonly string[]): CsdlEnumType | undefined {
  const scored = enums
    .map((type) => ({ type, score: score(type, documented) }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || first.score * 2 < documented.length) return undefined;
  return second && second.score === first.score ? undefined : first.type;
}

/** How many of the enum's members the table lists, letter case ignored. */
function score(type: CsdlEnumType, documented: readonly string[]): number {
  const lower = new Set(documented.map((d) => d.toLowerCase()));
  return type.members.filter((m) => lower.has(m.name.toLowerCase())).length;
}
