/**
 * The types of a model as MetadataIndex reads them: every type's name and kind up front, each
 * type itself when first asked for. A model just parsed has them all at hand; a model from the
 * store (store.ts) decodes only the types a run looks up, since decoding all 3,500 types of the
 * beta CSDL costs a one-page run three times what reading their names does.
 */
import type { CsdlModel, CsdlType, CsdlTypeKind } from "./model.js";

export interface TypeName {
  qualifiedName: string;
  kind: CsdlTypeKind;
}

export interface TypeSource extends Pick<CsdlModel, "file" | "edmxVersion" | "schemas" | "references"> {
  /** Every type: the entity and complex types in document order, then the enum types. */
  readonly names: readonly TypeName[];
  /** The type of `names[i]` (decoded on each call: callers keep what they need). */
  typeAt(i: number): CsdlType;
  /** Every type, in the order of `names` (decoded all at once, cheaper than one by one). */
  types(): CsdlType[];
}

/** The types of a model at hand. */
export function typeSourceOf(model: CsdlModel): TypeSource {
  const types: CsdlType[] = [...model.structuredTypes, ...model.enumTypes];
  return {
    file: model.file,
    edmxVersion: model.edmxVersion,
    schemas: model.schemas,
    references: model.references,
    names: types.map(({ qualifiedName, kind }) => ({ qualifiedName, kind })),
    typeAt: (i) => types[i]!,
    types: () => types,
  };
}

/** The whole model of a source (every type decoded). */
export function modelOf(source: TypeSource): CsdlModel {
  const model: CsdlModel = {
    file: source.file,
    edmxVersion: source.edmxVersion,
    schemas: source.schemas,
    references: source.references,
    structuredTypes: [],
    enumTypes: [],
  };
  for (const type of source.types()) {
    if (type.kind === "enum") model.enumTypes.push(type);
    else model.structuredTypes.push(type);
  }
  return model;
}
