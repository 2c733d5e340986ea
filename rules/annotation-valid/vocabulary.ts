/** The words ApiDoctor knows in annotations: block types, annotation keys, page annotation keys. */

/**
 * The block types: ApiDoctor's (its `CodeBlockType`, written in lower camel case), and
 * `permissions`, which the Graph docs put above the permissions table include.
 */
export const BLOCK_TYPES: readonly string[] = [
  "request",
  "response",
  "resource",
  "example",
  "ignored",
  "samples",
  "simulatedResponse",
  "testParams",
  "permissions",
];

/**
 * The keys of a code block annotation: ApiDoctor's `CodeBlockAnnotation` properties,
 * `@property.aka` (the OneDrive pages' property aliases), and the keys of a `permissions`
 * annotation (`requestUrls`, `mergePermissions`).
 */
export const ANNOTATION_KEYS: readonly string[] = [
  "blockType",
  "name",
  "@odata.type",
  "@type",
  "@type.aka",
  "@property.aka",
  "@odata.annotations",
  "abstract",
  "apiVersions",
  "baseType",
  "collectionProperty",
  "expectError",
  "idempotent",
  "isCollection",
  "isComposable",
  "isEmpty",
  "isMediaEntity",
  "keyProperty",
  "longRunningResponseType",
  "mergePermissions",
  "nullableProperties",
  "opaqueUrl",
  "openType",
  "optionalProperties",
  "requestUrls",
  "sampleKeys",
  "scopes",
  "tags",
  "target",
  "truncated",
];

/** The keys of a page annotation (`"type": "#page.annotation"`); other keys are kept as extra data. */
export const PAGE_ANNOTATION_KEYS: readonly string[] = [
  "type",
  "title",
  "description",
  "keywords",
  "canonicalUrl",
  "section",
  "tocPath",
  "tocIndex",
  "tocBookmarks",
  "headerAdditions",
  "footerAdditions",
  "suppressions",
  "namespace",
];

export const PAGE_ANNOTATION_TYPE = "#page.annotation";
