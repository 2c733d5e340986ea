/**
 * Reading CSDL XML into the model (model.ts) with saxes, a strict, non-validating streaming parser
 * that gives positions. Nothing in the file is executed or fetched: saxes reads no DTD, expands no
 * entity but XML's five and character references, and `edmx:Reference` URIs are only recorded.
 *
 * saxes is loaded on first use: a run that finds the model in the store (store.ts) never needs it.
 */
import { createRequire } from "node:module";
import type * as Saxes from "saxes";
import { BOM, LineIndex } from "../parse/source.js";
import { MetadataError } from "./errors.js";
import {
  type CsdlEnumType,
  type CsdlModel,
  type CsdlReference,
  type CsdlSchema,
  type CsdlStructuredType,
  EDM_NAMESPACE,
  EDMX_NAMESPACE,
} from "./model.js";
import { aliasesOf, resolveAlias, splitCollection } from "./names.js";

type Parser = Saxes.SaxesParser<{ xmlns: true; position: true }>;
type Tag = Saxes.SaxesTagNS;

let saxesModule: typeof Saxes | undefined;

function saxes(): typeof Saxes {
  saxesModule ??= createRequire(import.meta.url)("saxes") as typeof Saxes;
  return saxesModule;
}

/** An open element: what it is to the model, and where it started (for "truncated" messages). */
type Frame = { name: string; line: number } & (
  | { role: "edmx" | "dataServices" | "ignored" }
  | { role: "reference"; reference: CsdlReference }
  | { role: "schema"; schema: CsdlSchema }
  | { role: "structured"; type: CsdlStructuredType }
  | { role: "enum"; type: CsdlEnumType; nextValue: number }
);

/**
 * The model of a CSDL document; throws a MetadataError naming `file` (with line and column where
 * the fault has a place) when the text is not XML, not CSDL 4.0, truncated, or lacks a required
 * attribute. `xml` may start with a byte order mark; positions count from after it.
 */
export function readCsdl(xml: string, file: string): CsdlModel {
  const text = xml.startsWith(BOM) ? xml.slice(1) : xml;
  refuseNonXmlStart(text, file);
  return new CsdlReader(text, file).read();
}

function refuseNonXmlStart(text: string, file: string): void {
  const first = text.search(/\S/);
  if (first === -1) throw new MetadataError(file, "is empty: expected CSDL XML (<edmx:Edmx>)");
  if (text[first] === "<") return;
  const start = JSON.stringify(text.slice(first, first + 20).split(/\r?\n|\r/)[0]);
  throw new MetadataError(
    file,
    `is not XML: it starts with ${start} where '<' was expected`,
    new LineIndex(text).point(first),
  );
}

class CsdlReader {
  private readonly parser: Parser;
  private readonly stack: Frame[] = [];
  private readonly model: CsdlModel;
  /** Offset of the `<` of the element being opened. */
  private tagStart = 0;
  private tagLine = 1;
  private foreignSchema: { uri: string; offset: number } | undefined;
  private lines: LineIndex | undefined;
  private sawDoctype = false;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.model = {
      file,
      edmxVersion: undefined,
      schemas: [],
      references: [],
      structuredTypes: [],
      enumTypes: [],
    };
    this.parser = new (saxes().SaxesParser)({ xmlns: true, position: true });
    this.parser.on("error", (error) => {
      const detail = saxesDetail(error);
      const hint =
        this.sawDoctype && /entity/.test(detail) ? " (entities declared in a DOCTYPE are not read)" : "";
      throw this.error(`is not well-formed XML: ${detail}${hint}`, this.here());
    });
    // saxes reads a DOCTYPE's internal subset as text and defines nothing from it: its entities are
    // never expanded (a reference to one is an "undefined entity" error) and no DTD is fetched.
    this.parser.on("doctype", () => (this.sawDoctype = true));
    this.parser.on("opentagstart", (tag) => this.noteTagStart(tag.name));
    this.parser.on("opentag", (tag) => this.open(tag));
    this.parser.on("closetag", () => this.stack.pop());
  }

  read(): CsdlModel {
    this.parser.write(this.text);
    const innermost = this.stack.at(-1);
    if (innermost) {
      throw this.error(
        `is truncated: it ends inside <${innermost.name}> (line ${innermost.line}) with ${openElements(this.stack.length)} open`,
        this.point(this.text.length),
      );
    }
    this.parser.close();
    if (this.model.schemas.length === 0) throw this.noSchemaError();
    resolveAliases(this.model);
    return this.model;
  }

  /**
   * saxes reports a tag once its name is read, one character past it (two for a CRLF after the
   * name): the `<` is the last one before that point, on this line or, after a line break, the one
   * before.
   */
  private noteTagStart(name: string): void {
    const position = this.parser.position;
    this.tagStart = this.text.lastIndexOf("<", position - name.length - 1);
    const lineStart = position - this.parser.columnIndex;
    this.tagLine = this.parser.line - (this.tagStart < lineStart ? 1 : 0);
  }

  private open(tag: Tag): void {
    const parent = this.stack.at(-1);
    const line = this.tagLine;
    const frame: Frame = parent ? this.child(parent, tag, line) : this.root(tag, line);
    this.stack.push(frame);
  }

  private root(tag: Tag, line: number): Frame {
    if (tag.uri !== EDMX_NAMESPACE || tag.local !== "Edmx") {
      const namespace = tag.uri === "" ? "no namespace" : `namespace ${tag.uri}`;
      throw this.error(
        `is not CSDL: its root element is <${tag.name}> (${namespace}); CSDL's is <edmx:Edmx> in namespace ${EDMX_NAMESPACE}`,
        this.point(this.tagStart),
      );
    }
    this.model.edmxVersion = optional(tag, "Version");
    return { name: tag.name, line, role: "edmx" };
  }

  private child(parent: Frame, tag: Tag, line: number): Frame {
    const { name, local } = tag;
    const edmx = tag.uri === EDMX_NAMESPACE;
    const edm = tag.uri === EDM_NAMESPACE;
    switch (parent.role) {
      case "edmx":
        if (edmx && local === "DataServices") return { name, line, role: "dataServices" };
        if (edmx && local === "Reference")
          return { name, line, role: "reference", reference: this.reference(tag, line) };
        break;
      case "reference":
        if (edmx && local === "Include") {
          parent.reference.includes.push({
            namespace: this.required(tag, "Namespace"),
            alias: optional(tag, "Alias"),
          });
        }
        break;
      case "dataServices":
        if (edm && local === "Schema") return { name, line, role: "schema", schema: this.schema(tag, line) };
        if (local === "Schema") this.foreignSchema ??= { uri: tag.uri, offset: this.tagStart };
        break;
      case "schema":
        if (edm && (local === "EntityType" || local === "ComplexType"))
          return { name, line, role: "structured", type: this.structuredType(parent.schema, tag, line) };
        if (edm && local === "EnumType")
          return { name, line, role: "enum", type: this.enumType(parent.schema, tag, line), nextValue: 0 };
        break;
      case "structured":
        if (edm && (local === "Property" || local === "NavigationProperty"))
          this.property(parent.type, tag, line);
        break;
      case "enum":
        if (edm && local === "Member") parent.nextValue = this.member(parent, tag, line) + 1;
        break;
    }
    return { name, line, role: "ignored" };
  }

  private reference(tag: Tag, line: number): CsdlReference {
    const reference: CsdlReference = { uri: this.required(tag, "Uri"), includes: [], line };
    this.model.references.push(reference);
    return reference;
  }

  private schema(tag: Tag, line: number): CsdlSchema {
    const schema: CsdlSchema = {
      namespace: this.required(tag, "Namespace"),
      alias: optional(tag, "Alias"),
      line,
    };
    this.model.schemas.push(schema);
    return schema;
  }

  private structuredType(schema: CsdlSchema, tag: Tag, line: number): CsdlStructuredType {
    const name = this.required(tag, "Name");
    const kind = tag.local === "EntityType" ? "entity" : "complex";
    const type: CsdlStructuredType = {
      kind,
      namespace: schema.namespace,
      name,
      qualifiedName: `${schema.namespace}.${name}`,
      baseType: optional(tag, "BaseType"),
      abstract: this.boolean(tag, "Abstract", false),
      openType: this.boolean(tag, "OpenType", false),
      hasStream: kind === "entity" && this.boolean(tag, "HasStream", false),
      properties: [],
      navigationProperties: [],
      line,
    };
    this.model.structuredTypes.push(type);
    return type;
  }

  private property(owner: CsdlStructuredType, tag: Tag, line: number): void {
    const name = this.required(tag, "Name");
    const { type, collection } = splitCollection(this.required(tag, "Type"));
    const property = { name, type, collection, nullable: this.boolean(tag, "Nullable", true), line };
    if (tag.local === "Property") owner.properties.push(property);
    else
      owner.navigationProperties.push({
        ...property,
        containsTarget: this.boolean(tag, "ContainsTarget", false),
      });
  }

  private enumType(schema: CsdlSchema, tag: Tag, line: number): CsdlEnumType {
    const name = this.required(tag, "Name");
    const type: CsdlEnumType = {
      kind: "enum",
      namespace: schema.namespace,
      name,
      qualifiedName: `${schema.namespace}.${name}`,
      isFlags: this.boolean(tag, "IsFlags", false),
      underlyingType: optional(tag, "UnderlyingType") ?? "Edm.Int32",
      members: [],
      line,
    };
    this.model.enumTypes.push(type);
    return type;
  }

  /** Adds the member and gives its value. */
  private member(parent: { type: CsdlEnumType; nextValue: number }, tag: Tag, line: number): number {
    const name = this.required(tag, "Name");
    const written = attribute(tag, "Value");
    if (written !== undefined && !/^-?\d+$/.test(written.trim())) {
      throw this.error(
        `<${tag.name} Name="${name}"> has Value="${written}", not an integer`,
        this.point(this.tagStart),
      );
    }
    const value = written === undefined ? parent.nextValue : Number(written);
    parent.type.members.push({ name, value, line });
    return value;
  }

  private required(tag: Tag, name: string): string {
    const value = attribute(tag, name);
    if (value === undefined || value.trim() === "") {
      const what = value === undefined ? "no" : "an empty";
      throw this.error(
        `<${tag.name}> has ${what} ${name} attribute, which CSDL requires`,
        this.point(this.tagStart),
      );
    }
    return value.trim();
  }

  private boolean(tag: Tag, name: string, absent: boolean): boolean {
    const value = attribute(tag, name)?.trim();
    if (value === undefined) return absent;
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    throw this.error(`<${tag.name}> has ${name}="${value}", not true or false`, this.point(this.tagStart));
  }

  private noSchemaError(): MetadataError {
    const expected = `is not CSDL: <edmx:Edmx> holds no <Schema> of namespace ${EDM_NAMESPACE} in <edmx:DataServices>`;
    const foreign = this.foreignSchema;
    if (!foreign) return this.error(expected);
    const namespace = foreign.uri === "" ? "no namespace" : `namespace ${foreign.uri}`;
    return this.error(`${expected} (its <Schema> is in ${namespace})`, this.point(foreign.offset));
  }

  /** Where saxes is: the character it read last (1-based, UTF-16 code units). */
  private here(): { line: number; column: number } {
    return { line: this.parser.line, column: Math.max(1, this.parser.columnIndex) };
  }

  private point(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    const { line, column } = this.lines.point(offset);
    return { line, column };
  }

  private error(detail: string, position?: { line: number; column: number }): MetadataError {
    return new MetadataError(this.file, detail, position);
  }
}

function attribute(tag: Tag, name: string): string | undefined {
  const attr = tag.attributes[name];
  return attr && attr.uri === "" ? attr.value : undefined;
}

function openElements(count: number): string {
  return count === 1 ? "1 element" : `${count} elements`;
}

/** An attribute that may be left out; written empty, it is left out. */
function optional(tag: Tag, name: string): string | undefined {
  const value = attribute(tag, name)?.trim();
  return value === "" ? undefined : value;
}

/** saxes's message without the position it starts with (given separately) and its final period. */
function saxesDetail(error: Error): string {
  return error.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "");
}

/** Writes out every aliased namespace in the model's type names, once all schemas are known. */
function resolveAliases(model: CsdlModel): void {
  const aliases = aliasesOf(model);
  for (const type of model.structuredTypes) {
    if (type.baseType !== undefined) type.baseType = resolveAlias(type.baseType, aliases);
    for (const property of [...type.properties, ...type.navigationProperties])
      property.type = resolveAlias(property.type, aliases);
  }
  for (const type of model.enumTypes) type.underlyingType = resolveAlias(type.underlyingType, aliases);
}
