/**
 * What a resource page documents about its type, as the page model and the docs index read it, and
 * the service's type it is held to.
 */
import { basename, resolve } from "node:path";
import type { ResourceDefinition } from "../../src/docset/definitions.js";
import type { DocsIndex } from "../../src/docset/index.js";
import type { TypeResolver } from "../../src/docset/resolve.js";
import type { CsdlStructuredType, CsdlType, MetadataIndex } from "../../src/metadata/index.js";
import type { JsonObject } from "../../src/parse/json.js";
import type { Page, PropertyRow, PropertyTable } from "../../src/page/model.js";
import type { Range } from "../../src/parse/source.js";

export interface Subject {
  /** The service's type the page documents. */
  type: CsdlStructuredType;
  /** The namespace the page's short type names are in. */
  namespace: string;
  /** The Properties tables (`<a name="properties">` or its English heading), in page order. */
  properties: PropertyTable[];
  /** The Relationships tables. */
  relationships: PropertyTable[];
  /** The `resource` JSON representation's object, when the page has one. */
  representation: JsonObject | undefined;
  /**
   * The names the resource tables document, lower case: the page's, and those of the other pages
   * that define the type (see `isOwnPage`).
   */
  documented: Set<string>;
  /** The keys of the JSON representation, lower case. */
  represented: Set<string>;
  /** The service's type or a base type is open: it may carry properties it does not declare. */
  open: boolean;
  /**
   * The page is the type's own page in the docs tree (`user.md`, not `intune-devices-user.md`, which
   * documents the part of `user` one workload adds), or the page is linted without a tree.
   */
  primary: boolean;
}

/**
 * The page's resource (its `resource` annotation's `@odata.type`, else its "x resource type" title,
 * in the page's namespace) and the service's type of that name; undefined when the page defines no
 * resource or the service has no such entity or complex type.
 */
export function subjectOf(
  page: Page,
  docs: DocsIndex,
  types: TypeResolver,
  metadata: MetadataIndex,
): Subject | undefined {
  const written = pageTypeName(page, types);
  if (!written) return undefined;
  const { name } = written;
  const found = serviceType(metadata, written);
  if (!found || found.kind === "enum") return undefined;
  const resourceTables = page.propertyTables.filter((t) => t.role === "resource");
  const ref = { name, namespace: found.namespace, collection: false, primitive: false };
  const pages = docs.resourcePages?.(ref) ?? [];
  // Every table of the page's properties counts: some pages group them under headings of their own
  // (`## Page content`, `### Indicator observables - email`), which the model calls `other`.
  const propertyTables = page.propertyTables.filter((t) => t.role === "resource" || t.role === "other");
  const documented = new Set(propertyTables.flatMap((t) => t.rows.map((r) => r.name.toLowerCase())));
  const root = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.json?.root;
  const represented = new Set(root?.type === "object" ? root.properties.map((p) => p.key.toLowerCase()) : []);
  // The page itself as linted, not as the docs index read it from disk (an editor's buffer may differ).
  const others = pages.filter((p) => page.path === undefined || resolve(p.file) !== resolve(page.path));
  for (const other of others) for (const name of other.properties.keys()) documented.add(name.toLowerCase());
  return {
    type: found,
    namespace: found.namespace,
    properties: resourceTables.filter((t) => t.section === "properties"),
    relationships: resourceTables.filter((t) => t.section === "relationships"),
    representation: root?.type === "object" ? root : undefined,
    documented,
    represented,
    open: [found, ...metadata.baseTypes(found.qualifiedName)].some((t) => t.openType),
    primary: isOwnPage(page.path, pages, found.name),
  };
}

/** The type name a resource page documents, and the namespace its short name is in. */
export interface PageTypeName {
  name: string;
  namespace: string | undefined;
}

/**
 * The page's resource: its `resource` annotation's `@odata.type`, else its "x resource type" title,
 * in the page's namespace; undefined when the page defines no resource.
 */
function pageTypeName(page: Page, types: TypeResolver): PageTypeName | undefined {
  const definition = types.ownResource();
  const name = definition?.name ?? translatedTitleName(page);
  return name ? { name, namespace: definition?.namespace ?? page.namespace?.value } : undefined;
}

/** The service's type of the page's resource name: as written, else in another letter case. */
export function serviceType(
  metadata: MetadataIndex,
  { name, namespace }: PageTypeName,
): CsdlType | undefined {
  return metadata.findType(name, namespace) ?? metadata.findType(name, namespace, { ignoreCase: true });
}

/**
 * The type a translated page's title names, where the page has no `resource` annotation naming it:
 * the title keeps the English title's anchor (`# <a name="itemanalytics-resource-type"></a>itemAnalytics
 * 资源类型`) and the type's name in its letter case.
 */
function translatedTitleName(page: Page): string | undefined {
  const title = page.headings.find((h) => h.depth === 1);
  const lower = /^([a-z_][\w.]*)-resource-type$/.exec(title?.anchor ?? "")?.[1];
  if (!title || !lower) return undefined;
  return title.text.match(/[A-Za-z_][\w.]*/g)?.find((word) => word.toLowerCase() === lower);
}

/**
 * Whether the page is its type's own page: the only page that defines the type, or, where several
 * do (Intune's `intune-devices-user.md` documents what one workload adds to `user`), the one named
 * after the type (`user.md`). Without a docs tree, the page is taken as its type's own.
 */
function isOwnPage(path: string | undefined, pages: ResourceDefinition[], typeName: string): boolean {
  if (path === undefined || pages.length === 0) return true;
  const own = pages.length === 1 ? pages[0]! : pages.find((p) => sameFileName(p.file, `${typeName}.md`));
  return own !== undefined && resolve(own.file) === resolve(path);
}

function sameFileName(file: string, name: string): boolean {
  return basename(file).toLowerCase() === name.toLowerCase();
}

/**
 * Where the row's name is written in its cell (inside backticks or bold), or undefined when the
 * cell does not hold it: a translated name whose property the model read from the JSON
 * representation.
 */
export function nameRangeOf(page: Page, row: PropertyRow): Range | undefined {
  const { start, end } = row.nameRange;
  const at = page.text.slice(start, end).indexOf(row.name);
  return at === -1 ? undefined : { start: start + at, end: start + at + row.name.length };
}

/** The table's first line (its header row): where a finding about the whole table is reported. */
export function headerRange(page: Page, table: PropertyTable): Range {
  const line = page.lines.point(table.start).line;
  return { start: table.start, end: page.lines.lineEnd(line) };
}

/** A name a table row or JSON key gives that is a property's (not `@odata.type`, `value.id`). */
export function isPropertyName(name: string): boolean {
  return /^[A-Za-z_]\w*$/.test(name);
}
