/**
 * What the docs index knows of the pages it read: the enums they define, and the resource a page
 * defines (its properties, base types, JSON representation). One module that both the index and
 * the store of facts kept between runs use.
 */
import type { Page, PropertyRow } from "../page/model.js";
import { baseLead, linkedTypeName, proseBaseType } from "../page/inherits.js";
import type { JsonObject } from "../parse/json.js";
import { type TypeRef, parseTypeRef } from "../parse/type-ref.js";

/** At most this many prose links are kept per page (the base type is named near the top). */
const MAX_BASE_LINKS = 20;

export interface EnumDefinition {
  name: string;
  namespace: string | undefined;
  members: string[];
  /**
   * How many member cells of the table are not names (translated members): that many members are
   * lost, and the table is damaged when any is.
   */
  lostMembers: number;
  /** Where the members are listed (a file path, or undefined for the linted page itself). */
  file: string | undefined;
}

/** A property as its table row documents it (see PropertyRow), and the page that documents it. */
export interface PropertyDefinition extends Pick<
  PropertyRow,
  "name" | "type" | "typeLink" | "typeRef" | "description" | "documentedValues" | "valueRuns"
> {
  file: string | undefined;
  /**
   * The service's type of the property, where the docs index was given the service's metadata and
   * the service declares the property (see service.ts): where it and the docs' type disagree, the
   * docs' table is what is fixed, so a value of either type is taken.
   */
  serviceTypeRef?: TypeRef;
  /** Only the service types the property: no table row of the docs does (see service.ts). */
  fromService?: boolean;
}

export interface ResourceDefinition {
  name: string;
  namespace: string | undefined;
  properties: Map<string, PropertyDefinition>;
  /**
   * The base types the page names, as written: its `resource` annotation's `baseType`, and the type
   * its prose says it inherits from when that is another (the two disagree on a few pages).
   */
  baseTypes: string[];
  /**
   * The page's prose links to resource pages, each with the words before it (see vocabulary.ts):
   * on a translated page, the one the tree's words for "inherits from" lead to names the base type.
   */
  baseLinks: Array<{ lead: string; name: string }>;
  /** Open types accept properties the page does not list (`"openType": true`). */
  openType: boolean;
  /** The `resource` JSON representation's top-level property names, when the page has one. */
  jsonProperties: string[] | undefined;
  /**
   * The values the JSON representation shows that are not strings (strings there are mostly type
   * placeholders, `"String"`): `true`, `0`, and `{}` or `[]` standing for an object or an array
   * (not an object that only names a type, `{"@odata.type": "Edm.Stream"}`).
   * Where one contradicts the property's table, the page contradicts itself (see schema.ts).
   */
  jsonSamples: Array<[name: string, sample: unknown]>;
  /** The `resource` annotation's `optionalProperties`, when given. */
  optionalProperties: string[];
  /**
   * Rows of the page's properties and relationships tables whose name cell holds words, not a name,
   * and whose name the page's JSON could not tell (a translated `| 审批 | [approval](…) |`): the
   * page documents properties it no longer names, of these types. no-translated-name reports the cells.
   */
  unnamedProperties: TypeRef[];
  file: string;
}

/** What the docs index keeps of a page it read (not the page model: that would hold the tree). */
export interface PageFacts {
  enums: EnumDefinition[];
  /** The resource the page defines, and the names it answers to (title, `resource` annotation). */
  resource: { names: string[]; definition: ResourceDefinition } | undefined;
}

export function factsOf(page: Page, file: string): PageFacts {
  const namespace = page.namespace?.value;
  const enums = page.enumTables.map((t) => ({
    name: t.name,
    namespace,
    members: t.members,
    lostMembers: t.notNames.length,
    file,
  }));
  return { enums, resource: resourceOf(page, file) };
}

/** The resource a page defines: named by its `resource` annotation or its "x resource type" title. */
function resourceOf(page: Page, file: string): PageFacts["resource"] {
  const resourceBlock = page.codeBlocks.find((c) => c.annotation?.blockType === "resource");
  const data = resourceBlock?.annotation?.data ?? {};
  const declared = data["@odata.type"];
  const declaredRef = typeof declared === "string" ? parseTypeRef(declared) : undefined;
  const titleName = /^(\S+) (?:resource|complex|entity)? ?type$/i.exec(page.title ?? "")?.[1];
  const names = [declaredRef?.name, titleName].filter((n): n is string => n !== undefined);
  if (names.length === 0) return undefined;
  const properties = new Map<string, PropertyDefinition>();
  const unnamedProperties: TypeRef[] = [];
  for (const table of page.propertyTables) {
    if (table.role !== "resource") continue;
    for (const row of table.rows)
      if (!properties.has(row.name)) properties.set(row.name, propertyOf(row, file));
    for (const cell of table.notNames)
      if (cell.recovered === undefined && cell.typeRef) unnamedProperties.push(cell.typeRef);
  }
  const root = resourceBlock?.json?.root;
  const optional = data.optionalProperties;
  return {
    names,
    definition: {
      name: declaredRef?.name ?? titleName ?? names[0]!,
      namespace: declaredRef?.namespace ?? page.namespace?.value,
      properties,
      baseTypes: baseTypesOf(
        typeof data.baseType === "string" ? data.baseType : undefined,
        proseBaseType(page),
      ),
      baseLinks: proseLinks(page, declaredRef?.name ?? titleName),
      openType:
        data.openType === true ||
        page.paragraphs.some((p) => /\bis an open type\b/i.test(p.text)) ||
        // The OData page on open types, which a translated page links to as the English one does.
        page.links.some((l) => /\/use-open-types-in-odata/i.test(l.url)) ||
        (root?.type === "object" && root.properties.some((p) => isDynamicKey(p.key))),
      jsonProperties: root?.type === "object" ? root.properties.map((p) => p.key) : undefined,
      jsonSamples: root?.type === "object" ? samplesOf(root) : [],
      optionalProperties: Array.isArray(optional)
        ? optional.filter((o): o is string => typeof o === "string")
        : [],
      unnamedProperties,
      file,
    },
  };
}

function samplesOf(root: JsonObject): ResourceDefinition["jsonSamples"] {
  const samples: ResourceDefinition["jsonSamples"] = [];
  for (const { key, value } of root.properties) {
    if (!value) continue;
    if (value.type === "boolean" || value.type === "number") samples.push([key, value.value]);
    // `{"@odata.type": "Edm.Stream"}` names a type in place of a value: nothing to compare.
    else if (value.type === "object" && !isTypePlaceholderObject(value)) samples.push([key, {}]);
    else if (value.type === "array") samples.push([key, []]);
  }
  return samples;
}

function isTypePlaceholderObject(object: JsonObject): boolean {
  return object.properties.length === 1 && object.properties[0]!.key === "@odata.type";
}

export function propertyOf(row: PropertyRow, file: string | undefined): PropertyDefinition {
  return {
    name: row.name,
    type: row.type,
    typeLink: row.typeLink,
    typeRef: row.typeRef,
    description: row.description,
    documentedValues: row.documentedValues,
    valueRuns: row.valueRuns,
    file,
  };
}

/** The page's links to resource pages outside tables and headings, with the words before each. */
function proseLinks(page: Page, ownType: string | undefined): ResourceDefinition["baseLinks"] {
  const links: ResourceDefinition["baseLinks"] = [];
  for (const link of page.links) {
    const name = link.kind === "link" ? linkedTypeName(link.url) : undefined;
    if (!name) continue;
    const lineStart = page.lines.lineStart(page.lines.point(link.start).line);
    const before = page.text.slice(lineStart, link.start);
    if (/^\s*[|#]/.test(before)) continue;
    const lead = baseLead(before, ownType);
    if (lead !== "") links.push({ lead, name });
    if (links.length === MAX_BASE_LINKS) break;
  }
  return links;
}

/**
 * The base types as written, each once: a name read from a sentence may end with its full stop
 * ("Inherits from entity."), and the annotation and the prose may name the same type differently.
 */
function baseTypesOf(...written: Array<string | undefined>): string[] {
  const bases: string[] = [];
  for (const text of written) {
    const base = text === undefined ? undefined : withoutFullStops(text.trim());
    if (base && !bases.some((b) => sameWritten(b, base))) bases.push(base);
  }
  return bases;
}

/** `text` without the full stops it ends with (a loop: a regex anchored at the end backtracks). */
function withoutFullStops(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ".") end--;
  return text.slice(0, end);
}

function sameWritten(a: string, b: string): boolean {
  const x = parseTypeRef(a);
  const y = parseTypeRef(b);
  return (
    !!x && !!y && x.name.toLowerCase() === y.name.toLowerCase() && sameNamespace(x.namespace, y.namespace)
  );
}

/** Namespaces compared without letter case; no namespace is `microsoft.graph`. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return (a ?? DEFAULT_NAMESPACE).toLowerCase() === (b ?? DEFAULT_NAMESPACE).toLowerCase();
}

export const DEFAULT_NAMESPACE = "microsoft.graph";

/**
 * A key of a JSON representation that is not a property name but stands for keys the client or
 * the service makes up (`"ca2a1df2-e36b-…"`, `"String-value"`, `"String (userId)"`): the type is
 * open, whatever words its page uses to say so. Graph property names hold no `-`, space or `(`.
 */
function isDynamicKey(key: string): boolean {
  const name = key.trim();
  return !name.startsWith("@") && !name.startsWith("#") && /[-\s()]|^\d/.test(name);
}
