/**
 * What the json-valid rule needs to know about the JSON texts of a page, computed from the page
 * model: which example or code block each JSON text belongs to (its annotation, its Content-Type),
 * the comments inside it, and a readable account of its first syntax error.
 */
import { SyntaxKind, createScanner } from "jsonc-parser";
import type { JsonDocument, JsonProblem } from "../parse/json.js";
import { isSpaceCode, skipWhile } from "../parse/scan.js";
import type { Range } from "../parse/source.js";
import type { Annotation, HttpExample, Page } from "./model.js";

export interface JsonText {
  /** An example body (HTTP example, or a block annotated as a request or response), or a ```json block. */
  kind: "body" | "code";
  json: JsonDocument;
  /** The page range of the JSON text. */
  range: Range;
  /** The annotation of the example or code block. */
  annotation: Annotation | undefined;
  /** The Content-Type header of the example the body belongs to. */
  contentType: string | undefined;
}

/** Each example body and ```json block of the page that was parsed as JSON, once. */
export function jsonTextsOf(page: Page): JsonText[] {
  const out: JsonText[] = [];
  for (const { kind, json } of page.jsonDocuments) {
    if (kind === "body") {
      const example = page.examples.find((e) => e.message.body?.json === json);
      const body = example?.message.body;
      if (!example || !body) continue;
      out.push({
        kind,
        json,
        range: { start: body.start, end: body.end },
        annotation: example.annotation,
        contentType: headerValue(example, "content-type"),
      });
    } else if (kind === "code") {
      const block = page.codeBlocks.find((c) => c.json === json);
      const first = block?.contentLines[0];
      const last = block?.contentLines[block.contentLines.length - 1];
      if (!block || !first || !last) continue;
      out.push({
        kind,
        json,
        range: { start: first.start, end: last.start + last.text.length },
        annotation: block.annotation,
        contentType: undefined,
      });
    }
  }
  return out;
}

/** The value of an example's header, by case-insensitive name. */
export function headerValue(example: HttpExample, name: string): string | undefined {
  return example.message.headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/**
 * A body that stands for content rather than being JSON: `{Raw bytes of the file}`,
 * `[Zip file containing a Teams app package]`, `{Vendor}/{Provider}/{StatusCode}`. It opens with a
 * bracket and a word, and its first bracketed part holds no quotes, colons, commas or brackets.
 */
export function isPlaceholderBody(text: string): boolean {
  const m = placeholderParts(text);
  if (!m) return false;
  const pairs = (m.open === "{" && m.close === "}") || (m.open === "[" && m.close === "]");
  return pairs && !/^(true|false|null)$/.test(m.inner);
}

/** Characters a placeholder's bracketed part may not hold: `"'{}[]:,` and line breaks. */
const NOT_PLACEHOLDER = new Set([..."\"'{}[]:,\r\n"].map((c) => c.charCodeAt(0)));

/**
 * What `/^\s*([{[])\s*([A-Za-z<][^"'{}[\]:,\r\n]*?)\s*([}\]])/` matches, scanned without backtracking
 * (the regex is quadratic on a long run of spaces inside the brackets): the opening bracket, the
 * shortest inner text after which only white space stands before a closing bracket, and that bracket.
 */
export function placeholderParts(text: string): { open: string; inner: string; close: string } | undefined {
  const openAt = skipWhile(text, 0, isSpaceCode);
  const open = text.charAt(openAt);
  if (open !== "{" && open !== "[") return undefined;
  const innerAt = skipWhile(text, openAt + 1, isSpaceCode);
  if (!/[A-Za-z<]/.test(text.charAt(innerAt))) return undefined;
  // For each end of the inner text, the first non-space character after it (one scan per run).
  let spacesEnd = -1;
  for (let end = innerAt + 1; end <= text.length; end++) {
    if (spacesEnd < end) spacesEnd = skipWhile(text, end, isSpaceCode);
    const close = text.charAt(spacesEnd);
    if (close === "}" || close === "]") return { open, inner: text.slice(innerAt, end), close };
    if (end === text.length || NOT_PLACEHOLDER.has(text.charCodeAt(end))) return undefined;
  }
  return undefined;
}

/**
 * JSON comments (`//`, `/* *\/`) in a page range, from the page text. A `//` right after a URL
 * scheme (`https://…` written without quotes) is part of a broken value, not a comment.
 */
export function commentsIn(page: Page, range: Range, json: JsonDocument): Range[] {
  const text = page.text.slice(range.start, range.end);
  const scanner = createScanner(text, false);
  const found = new Map<number, Range>();
  // The parser's own list, and a scan of the text (the two agree where both find a comment).
  for (const c of json.comments) found.set(c.start, c);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const start = range.start + scanner.getTokenOffset();
    // Clamped: the scanner gives an unterminated `/*` at the very end a length one past it.
    if (!found.has(start))
      found.set(start, { start, end: Math.min(start + scanner.getTokenLength(), range.end) });
  }
  return [...found.values()]
    .filter((c) => !/[A-Za-z0-9]:$/.test(page.text.slice(Math.max(0, c.start - 2), c.start)))
    .sort((a, b) => a.start - b.start);
}

/** True when the annotation says `"truncated": true` (the docs tools also read the string "true"). */
export function saysTruncated(annotation: Annotation | undefined): boolean {
  const value = annotation?.data.truncated;
  return value === true || value === "true";
}

/**
 * The syntax errors of a JSON text that are not caused by a truncation mark: an error right after
 * `...` (`{ "a": … }` makes the parser expect a value at `}`) belongs to the mark.
 */
export function syntaxErrors(page: Page, json: JsonDocument): JsonProblem[] {
  return json.errors.filter(
    (e) => !json.truncations.some((t) => t.end <= e.start && page.text.slice(t.end, e.start).trim() === ""),
  );
}

export interface SyntaxErrorReport {
  /** What is wrong, without a final period. */
  detail: string;
  range: Range;
}

const SPACES: Record<number, string> = {
  0x00a0: "no-break space",
  0x1680: "ogham space mark",
  0x2000: "en quad",
  0x2001: "em quad",
  0x2002: "en space",
  0x2003: "em space",
  0x2004: "three-per-em space",
  0x2005: "four-per-em space",
  0x2006: "six-per-em space",
  0x2007: "figure space",
  0x2008: "punctuation space",
  0x2009: "thin space",
  0x200a: "hair space",
  0x200b: "zero width space",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0x202f: "narrow no-break space",
  0x205f: "medium mathematical space",
  0x3000: "ideographic space",
  0xfeff: "zero width no-break space",
};

const CONTROL_ESCAPES: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** Characters that end an unquoted value: JSON punctuation and white space. */
const VALUE_END = /[\s,{}[\]"]/;

/**
 * A readable account of one syntax error, at the most precise range: the character or the
 * unquoted word at fault rather than the token where the parser noticed.
 */
export function describeSyntaxError(page: Page, json: JsonDocument, error: JsonProblem): SyntaxErrorReport {
  const text = page.text;
  const token = text.slice(error.start, error.end);
  const root = json.root;
  const closed = root !== undefined && /[}\]]/.test(text.charAt(root.end - 1));
  if (closed && error.start >= root.end && !error.code.startsWith("Close")) {
    return { detail: "Unexpected text after the JSON value", range: error };
  }
  const first = token.codePointAt(0) ?? 0;
  if (error.code === "InvalidSymbol" && SPACES[first]) {
    return {
      detail: `Unexpected character ${codePoint(first)} (${SPACES[first]}): JSON allows only spaces, tabs and line breaks between tokens`,
      range: { start: error.start, end: error.start + 1 },
    };
  }
  if (error.code === "InvalidSymbol" && (first === 0x201c || first === 0x201d)) {
    return {
      detail: `Curly quote '${String.fromCodePoint(first)}': JSON strings take straight double quotes`,
      range: { start: error.start, end: error.start + 1 },
    };
  }
  if (error.code === "InvalidSymbol" && first === 0x27 /* ' */) {
    return {
      detail: "Single quote: JSON strings and property names take double quotes",
      range: { start: error.start, end: error.start + 1 },
    };
  }
  if (error.code === "InvalidCharacter") {
    // The parser flags the whole string; point at the control character inside it.
    for (let i = error.start; i < error.end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20) {
        const escape = CONTROL_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
        return {
          detail: `Control character ${codePoint(c)} in a string: write it as ${escape}`,
          range: { start: i, end: i + 1 },
        };
      }
    }
  }
  if (error.code === "UnexpectedEndOfString" && /^[\r\n]/.test(text.slice(error.end, error.end + 1))) {
    return { detail: "Unterminated string: a JSON string cannot span lines", range: error };
  }
  if (error.code === "InvalidSymbol" || error.code === "CommaExpected") {
    const word = unquotedWord(page, error);
    if (word) {
      const value = text.slice(word.start, word.end);
      const after = text.slice(word.end).match(/^[ \t]*(.)/)?.[1];
      let detail: string;
      if (text.charAt(word.start - 1) === '"') detail = `Unexpected text ${value} right after a string`;
      else if (/^-?0\d+$/.test(value)) detail = `Invalid number ${value}: JSON numbers do not start with 0`;
      else if (after === ":") detail = `Property name ${value} is not in double quotes`;
      else detail = `Unquoted value ${value}: JSON strings take double quotes`;
      return { detail, range: word };
    }
  }
  if (error.code === "InvalidSymbol" && token !== "") {
    const shown = token.length > 30 ? `${token.slice(0, 30)}…` : token;
    const what = [...token].length === 1 ? "character" : "text";
    return { detail: `Unexpected ${what} "${shown}"`, range: error };
  }
  return { detail: error.message, range: error };
}

/**
 * The unquoted word an error stands in: `2018-04-01T12:39:16Z`, `00:00:00`, `NAV.PostalAddress`,
 * `credentials`. Undefined when the error is at a quote or punctuation.
 */
function unquotedWord(page: Page, error: JsonProblem): Range | undefined {
  const text = page.text;
  let start = error.start;
  // A value the parser read partly (`2018` of `2018-04-01`): back up to where the word starts.
  while (start > 0 && !VALUE_END.test(text.charAt(start - 1)) && text.charAt(start - 1) !== ":") start--;
  if (start > 0 && text.charAt(start - 1) === ":" && !/[\s{,]/.test(text.charAt(start - 2))) {
    // `00:00:00`: the colon is inside the word; keep backing up to the white space before it.
    while (start > 0 && !VALUE_END.test(text.charAt(start - 1))) start--;
  }
  const head = text.charAt(start);
  if (!/[\w$@+-]/.test(head)) return undefined;
  let end = start;
  while (end < text.length && !VALUE_END.test(text.charAt(end))) end++;
  // `credentials:` — a property name ends at its colon.
  const colon = text.slice(start, end).search(/:(?!\d)/);
  if (colon > 0 && /^[A-Za-z_$@][\w.$@-]*$/.test(text.slice(start, start + colon))) end = start + colon;
  if (end <= start) return undefined;
  const word = text.slice(start, end);
  // A JSON literal or number on its own is not the fault (a missing comma before it is).
  if (/^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/.test(word)) return undefined;
  return { start, end };
}
