/**
 * Type cells in the tree's own words. A translated tree writes primitive types in its language
 * (`| isOwner | 布尔 | … |`), which no type name can be read from; the vocabulary learns what such a
 * word stands for from the JSON representations (vocabulary.ts), and the definitions the docs index
 * hands out carry the type it stands for, so every rule reads the same type.
 */
import { documentedTypeRef, unreadWords } from "../parse/type-ref.js";
import type { PropertyDefinition, ResourceDefinition } from "./definitions.js";
import { type DocsRoot, vocabularyOf } from "./vocabulary.js";

/** The property with the type its cell's word stands for, when the cell names no type itself. */
export function withTreeType(docs: DocsRoot, property: PropertyDefinition): PropertyDefinition {
  const words = collectionWords(property);
  if (words !== undefined) {
    const collection = vocabularyOf(docs).collectionWords.has(words);
    return collection ? { ...property, typeRef: { ...property.typeRef!, collection: true } } : property;
  }
  if (!isTypeWord(property)) return property;
  const type = vocabularyOf(docs).typeWords.get(property.type.trim().toLowerCase());
  const typeRef = type === undefined ? undefined : documentedTypeRef(type);
  return typeRef ? { ...property, typeRef } : property;
}

const typed = new WeakMap<ResourceDefinition, ResourceDefinition>();

/** The resource with each property read by `withTreeType` (the same object when none changes). */
export function withTreeTypes(docs: DocsRoot, resource: ResourceDefinition): ResourceDefinition {
  const done = typed.get(resource);
  if (done) return done;
  let result = resource;
  if ([...resource.properties.values()].some((p) => isTypeWord(p) || collectionWords(p) !== undefined)) {
    const properties = new Map(
      [...resource.properties].map(([name, property]) => [name, withTreeType(docs, property)]),
    );
    result = { ...resource, properties };
  }
  typed.set(resource, result);
  return result;
}

/** The words after a type name that may say it is a collection (`集合` of `String 集合`), if unread. */
function collectionWords(property: PropertyDefinition): string | undefined {
  return property.typeRef !== undefined && property.typeRef.collection === undefined
    ? unreadWords(property.type)
    : undefined;
}

/** A type cell with words but no type name or link: only the tree's vocabulary can read it. */
function isTypeWord(property: PropertyDefinition): boolean {
  return property.typeRef === undefined && property.typeLink === undefined && property.type.trim() !== "";
}
