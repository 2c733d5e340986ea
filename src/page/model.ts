/**
 * The page model: everything the rules read about one page, built once from the page's mdast
 * (src/page/build.ts). All ranges are page offsets (see src/parse/source.ts).
 */
import type { JsonDocument } from "../parse/json.js";
import type { HttpMessage } from "../parse/http.js";
import type { LineIndex, Range } from "../parse/source.js";
import type { TableCell } from "../parse/table.js";
import type { TypeRef } from "../parse/type-ref.js";
import type { SectionKind } from "./sections.js";
import type { ValueList } from "./possible-values.js";
import type { ValueRun } from "./value-runs.js";

export interface FrontMatterEntry {
  key: string;
  /** Scalar values as text; other values as undefined. */
  value: string | undefined;
  keyRange: Range;
  valueRange: Range | undefined;
}

export interface FrontMatter extends Range {
  entries: FrontMatterEntry[];
  /** A YAML syntax error, when the front matter does not parse. */
  error: { message: string; range: Range } | undefined;
}

export interface Heading extends Range {
  depth: number;
  /** Readable text (translations dropped, markup stripped). */
  text: string;
  /** The explicit anchor the heading sets (`## <a name="properties"></a>属性`), if any. */
  anchor: string | undefined;
  /**
   * What the heading is, whatever language its text is in: its explicit anchor, else the slug of
   * its text, lower case (`properties`, `request-body`, `chattype-values`). See sections.ts.
   */
  key: string;
  /** The kind of section the key names. */
  section: SectionKind;
}

export interface Annotation extends Range {
  json: JsonDocument;
  /** The annotation's values, read as well as possible even when the JSON is malformed. */
  data: Record<string, unknown>;
  blockType: string | undefined;
  /**
   * `name`: a request's name, or the names of the requests a response answers (a string or a list);
   * empty when it names none.
   */
  names: string[];
  /**
   * The type the annotation declares for the block's body, as ApiDoctor reads it: `@type`, else
   * `@odata.type` (a non-empty string), with the key it is written under.
   */
  declaredType: { key: "@type" | "@odata.type"; text: string } | undefined;
  /** `"isCollection": true`: the body lists items of the declared type. */
  isCollection: boolean;
  /** `"truncated": true` (the docs tools also read the string "true"): the example is shortened. */
  truncated: boolean;
  /** Range of the JSON text inside the comment. */
  jsonRange: Range;
}

export type ExampleKind = "request" | "response" | "other";

export interface HttpExample extends Range {
  /** Where the example was found: an ```http or ```msgraph-interactive fence, or plain text. */
  source: "fence" | "plain";
  annotation: Annotation | undefined;
  kind: ExampleKind;
  message: HttpMessage;
  /** The headings the example stands under, outermost first. */
  headingPath: Heading[];
}

export interface Exchange {
  request: HttpExample;
  response: HttpExample | undefined;
}

/**
 * What pairing found wrong with an annotated response, as ApiDoctor pairs them (see pairing.ts):
 * `isRequest`, annotated "response" over a request; `secondResponse`, the request it would pair
 * with (`request`) already has one; `noRequestNamed`, no request before it has a name it gives;
 * `noRequest`, no request before it at all.
 */
export type PairingProblem =
  | { kind: "isRequest"; response: HttpExample; method: string }
  | { kind: "secondResponse"; response: HttpExample; request: HttpExample }
  | { kind: "noRequestNamed"; response: HttpExample; name: string }
  | { kind: "noRequest"; response: HttpExample };

export interface PropertyRow extends Range {
  /** The property's name: the name cell's, or for a translated cell, read from the JSON representation. */
  name: string;
  /** The name cell's readable text. */
  written: string;
  nameRange: Range;
  /** The type cell's range. */
  typeRange: Range;
  /** The type as written, readable (`microsoft.graph.externalConnectors.identityType`, `String collection`). */
  type: string;
  /** Where the type cell links to (`enums.md#foo-values`, `#foo-values`), if it is a link. */
  typeLink: string | undefined;
  /**
   * The type, read once: from the cell's text (`String collection`, `[identitySet](…)`), else from
   * where its link points (a translated link text). Undefined when the cell names no type.
   */
  typeRef: TypeRef | undefined;
  /** Readable description with code spans kept. */
  description: string;
  /** Values listed by "Possible values are: …" that belong to this property. */
  documentedValues: ValueList | undefined;
  /** The description's runs of code-span values with the words before them, in any language. */
  valueRuns: ValueRun[];
  cells: TableCell[];
}

/**
 * What a property table documents: the properties of the resource the page defines (a properties
 * or relationships table, or a table before any heading), a request body, other parameters (of a
 * function, the path or the query), or something else.
 */
export type TableRole = "resource" | "request-body" | "parameters" | "other";

export interface PropertyTable extends Range {
  /** The heading above the table ("Properties", "Request body"). */
  heading: Heading | undefined;
  /** The kind of section the table stands in (`other` before the first heading). */
  section: SectionKind;
  /** What the table documents: the page's resource, a request body, other parameters. */
  role: TableRole;
  rows: PropertyRow[];
  /** Name cells that hold words, not a name (translated), in rows whose type cell names a type. */
  notNames: NameCell[];
}

/** A table cell that should hold a name (a property's, an enum member's), as the table writes it. */
export interface NameCell extends Range {
  /** The cell's readable text. */
  name: string;
  /** The name the cell stands for, when the page's JSON tells (see recoverTranslatedNames). */
  recovered?: string;
  /** In a property table: the type the row's type cell names (a row without one is not kept). */
  typeRef?: TypeRef;
}

/** A member cell of an enum table. */
export interface MemberCell extends Range {
  /** The member's name, the cell's readable text. */
  name: string;
  /**
   * The range is the name's own text inside the cell (`grant` in `` `grant` ``), so that a fix may
   * replace it; false when the cell's source spells it otherwise (escapes) and the range is the cell.
   */
  exact: boolean;
}

export interface EnumTable extends Range {
  /** Enum type name from its heading (`### identitySourceType values`) or the enum page's title. */
  name: string;
  /** The heading the table stands under (`### identitySourceType values`, an enum page's `## Members`). */
  heading: Heading | undefined;
  /** The table's header row. */
  headerRow: Range;
  /** The members' names: the first column's cells that are names. */
  members: string[];
  /** The cells of `members`, in the same order. */
  memberCells: MemberCell[];
  /**
   * The first column's other non-empty cells: not a name, so not a member ApiDoctor or the
   * service knows (a translated member, `授予` for `grant`, or a description in the wrong column).
   */
  notNames: NameCell[];
}

export interface CodeBlock extends Range {
  lang: string | undefined;
  annotation: Annotation | undefined;
  /** The block's content, with each line's page offset. */
  contentLines: Array<{ text: string; start: number }>;
  json: JsonDocument | undefined;
}

/** A link target on the page: a markdown link, an image, a DocFX include, or a reference definition. */
export interface PageLink extends Range {
  kind: "link" | "image" | "include" | "definition";
  /** The target as written (`../resources/user.md#properties`, `#examples`, `https://…`). */
  url: string;
  /** Range of the target text inside the page. */
  urlRange: Range;
}

/** A place a `#bookmark` can point to: a heading's slug or an explicit `<a name="…">`/`id`. */
export interface Anchor extends Range {
  name: string;
  kind: "heading" | "html";
}

/** A DocFX tab marker, `# [HTTP](#tab/http)`. */
export interface TabMarker extends Range {
  title: string;
  id: string;
  depth: number;
}

/**
 * A DocFX tab group: consecutive tab markers, closed by a `---` thematic break. `closing` is missing
 * when the group is not closed before the next section heading or the end of the page.
 */
export interface TabGroup extends Range {
  tabs: TabMarker[];
  /** The `---` that closes the group. */
  closing: Range | undefined;
  /** Headings (other than tab markers) that stand inside the group. */
  headings: Heading[];
}

/** A paragraph's readable text (translations dropped), for rules that read prose. */
export interface Paragraph extends Range {
  text: string;
  /** The headings the paragraph stands under, outermost first. */
  headingPath: Heading[];
}

/** A JSON text on the page, each listed once: an annotation, an example body, or a ```json block. */
export interface PageJson {
  kind: "annotation" | "body" | "code";
  json: JsonDocument;
  /** The page range of the JSON text. */
  range: Range;
  /** The annotation of the example or code block (the annotation itself for `annotation`). */
  annotation: Annotation | undefined;
  /** The Content-Type header of the example a body belongs to. */
  contentType: string | undefined;
}

export interface Page {
  path: string | undefined;
  text: string;
  lines: LineIndex;
  /** `plain` for pages that are not markdown (no fences, no annotations): examples are read from text. */
  format: "markdown" | "plain";
  frontMatter: FrontMatter | undefined;
  title: string | undefined;
  namespace: { value: string; range: Range } | undefined;
  headings: Heading[];
  annotations: Annotation[];
  codeBlocks: CodeBlock[];
  examples: HttpExample[];
  /** Requests with their responses, paired once for every rule (see pairing.ts). */
  exchanges: Exchange[];
  /** The annotated responses pairing could not pair, and why. */
  pairingProblems: PairingProblem[];
  propertyTables: PropertyTable[];
  enumTables: EnumTable[];
  jsonDocuments: PageJson[];
  /** HTML comments: nothing inside is shown to readers. */
  comments: Range[];
  links: PageLink[];
  anchors: Anchor[];
  tabGroups: TabGroup[];
  paragraphs: Paragraph[];
  /** Source ranges that readers or metadata see: the text outside comments, and front matter values. */
  visibleText: Range[];
}
