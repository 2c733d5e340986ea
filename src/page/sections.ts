/**
 * What a heading's section is, read from what translation leaves alone.
 *
 * Translated Graph pages rewrite heading text (`## 属性`, `### accessType 值`) but keep each
 * heading's anchor: `## <a name="properties"></a>属性`, `### <a name="accesstype-values"></a>…`.
 * The anchor is the English heading's slug, the same bookmark the English page has. So a heading's
 * key is its explicit anchor when it has one, else the slug of its text (which, on an English page,
 * is that same anchor), and the section kind is read from the key.
 */

export type SectionKind =
  | "properties"
  | "relationships"
  | "json-representation"
  | "request-body"
  | "parameters"
  | "query-parameters"
  | "request-headers"
  | "http-request"
  | "request"
  | "response"
  | "example"
  | "enum-values"
  | "members"
  | "other";

/** Keys of each kind. Numbered repeats (`response-1`) and example titles are matched below. */
const KINDS: ReadonlyArray<[RegExp, SectionKind]> = [
  [/^properties$/, "properties"],
  [/^relationships$/, "relationships"],
  [/^json-representation$/, "json-representation"],
  [/^request-body$/, "request-body"],
  [/^(?:function-|path-|action-)?parameters$/, "parameters"],
  [/^(?:optional-|odata-)?query-parameters$/, "query-parameters"],
  [/^(?:optional-)?request-headers$/, "request-headers"],
  [/^http-request$/, "http-request"],
  [/^requests?(?:-\d+)?$/, "request"],
  [/^responses?(?:-\d+)?$/, "response"],
  [/^examples?(?:$|-)/, "example"],
  [/^[a-z_][\w.]*-values$/, "enum-values"],
  [/^members$/, "members"],
];

export function sectionKindOf(key: string): SectionKind {
  for (const [pattern, kind] of KINDS) if (pattern.test(key)) return kind;
  return "other";
}

/**
 * The enum a `### fooType values` heading defines, with the letter case the heading writes it in
 * when it does (`chatType` in `### <a name="chattype-values"></a>chatType 值`), else as the key
 * has it (lower case: enum names are compared without letter case).
 */
export function enumNameOf(key: string, headingText: string): string | undefined {
  const m = /^([a-z_][\w.]*)-values$/.exec(key);
  if (!m) return undefined;
  const lower = m[1]!;
  for (const word of headingText.match(/[A-Za-z_][\w.]*/g) ?? []) {
    if (word.toLowerCase() === lower) return word;
  }
  return lower;
}

/** The explicit anchor a heading sets (`<a name="x"></a>`, `<a id="x">`), if any. */
export function headingAnchor(source: string): string | undefined {
  const m = /<a\s[^<>]*?\b(?:name|id)=["']([^"'<>]+)["']/i.exec(source);
  return m?.[1];
}
