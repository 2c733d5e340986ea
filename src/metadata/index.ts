/**
 * CSDL ($metadata) as a second source of truth: reading it (read.ts), keeping what was read
 * between runs (store.ts, load.ts) and looking things up in it (metadata-index.ts, diff.ts).
 * See docs/metadata.md.
 */
export { MetadataError } from "./errors.js";
export { readCsdl } from "./read.js";
export {
  loadMetadata,
  loadMetadataIndex,
  clearMetadataCache,
  MAX_METADATA_BYTES,
  type LoadMetadataOptions,
} from "./load.js";
export { MetadataIndex, DEFAULT_NAMESPACE, type LookupOptions } from "./metadata-index.js";
export { diffMetadata, type MetadataDiff } from "./diff.js";
export { isPrimitiveTypeName, splitCollection } from "./names.js";
export { MetadataStore } from "./store.js";
export { serviceTypesOf } from "./service-types.js";
export { typeSourceOf, type TypeName, type TypeSource } from "./type-source.js";
export type * from "./model.js";
export { EDM_NAMESPACE, EDMX_NAMESPACE } from "./model.js";
