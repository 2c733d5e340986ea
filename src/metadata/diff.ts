/**
 * What one version's metadata has that another's lacks: the beta CSDL against v1.0's, for a rule
 * that flags a v1.0 page documenting what only beta has. One lookup (`MetadataIndex.property` on
 * both) answers for one name; this lists them all, for a summary or a set to test names against.
 */
import type { MetadataIndex } from "./metadata-index.js";

export interface MetadataDiff {
  /** Qualified names of the types (entity, complex, enum) only in the newer metadata. */
  types: string[];
  /**
   * Properties, structural or navigation, that a type both have declares in the newer metadata and
   * the older type neither declares nor inherits.
   */
  properties: { type: string; name: string }[];
  /** Members of an enum type both have, only in the newer metadata's. */
  enumMembers: { type: string; name: string }[];
}

/** What `newer` has and `older` lacks, compared by exact (case-sensitive) name, in `newer`'s order. */
export function diffMetadata(older: MetadataIndex, newer: MetadataIndex): MetadataDiff {
  const diff: MetadataDiff = { types: [], properties: [], enumMembers: [] };
  for (const type of newer.model.structuredTypes) {
    if (!older.structuredType(type.qualifiedName)) {
      diff.types.push(type.qualifiedName);
      continue;
    }
    for (const property of [...type.properties, ...type.navigationProperties]) {
      if (!older.property(type.qualifiedName, property.name))
        diff.properties.push({ type: type.qualifiedName, name: property.name });
    }
  }
  for (const type of newer.model.enumTypes) {
    if (!older.enumType(type.qualifiedName)) {
      diff.types.push(type.qualifiedName);
      continue;
    }
    for (const member of type.members) {
      if (!older.enumMember(type.qualifiedName, member.name))
        diff.enumMembers.push({ type: type.qualifiedName, name: member.name });
    }
  }
  return diff;
}
