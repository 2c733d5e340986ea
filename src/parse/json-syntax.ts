/**
 * What is wrong with a JSON text, as facts the json-valid rule words: the comments inside it, the
 * syntax errors that are not caused by a truncation mark, which kind of mistake the first one is
 * and where exactly it stands, and whether a body stands for content instead of being JSON.
 */
import { SyntaxKind, createScanner } from "jsonc-parser";
import type { JsonDocument, JsonProblem } from "./json.js";
import { isSpaceCode, skipWhile } from "./scan.js";
import type { Range } from "./source.js";

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
export function commentsIn(pageText: string, range: Range, json: JsonDocument): Range[] {
  const text = pageText.slice(range.start, range.end);
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
    .filter((c) => !/[A-Za-z0-9]:$/.test(pageText.slice(Math.max(0, c.start - 2), c.start)))
    .sort((a, b) => a.start - b.start);
}

/**
 * The syntax errors of a JSON text that are not caused by a truncation mark: an error right after
 * `...` (`{ "a": … }` makes the parser expect a value at `}`) belongs to the mark.
 */
export function syntaxErrors(pageText: string, json: JsonDocument): JsonProblem[] {
  return json.errors.filter(
    (e) => !json.truncations.some((t) => t.end <= e.start && pageText.slice(t.end, e.start).trim() === ""),
  );
}

/** Which mistake a syntax error is. */
export type SyntaxMistake =
  | "textAfterValue"
  | "unusualSpace"
  | "curlyQuote"
  | "singleQuote"
  | "controlCharacter"
  | "multilineString"
  | "textAfterString"
  | "leadingZero"
  | "unquotedName"
  | "unquotedValue"
  | "unexpectedCharacter"
  | "unexpectedText"
  | "other";

export interface SyntaxDiagnosis {
  mistake: SyntaxMistake;
  /** The character or word at fault, at the most precise range. */
  range: Range;
  /** The facts a message names: the character, its code point and name, the word. */
  data: Record<string, string>;
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
 * What one syntax error is, at the most precise range: the character or the unquoted word at fault
 * rather than the token where the parser noticed.
 */
export function diagnoseSyntaxError(text: string, json: JsonDocument, error: JsonProblem): SyntaxDiagnosis {
  const token = text.slice(error.start, error.end);
  const root = json.root;
  const closed = root !== undefined && /[}\]]/.test(text.charAt(root.end - 1));
  if (closed && error.start >= root.end && !error.code.startsWith("Close")) {
    return { mistake: "textAfterValue", range: error, data: {} };
  }
  const first = token.codePointAt(0) ?? 0;
  const oneCharacter = { start: error.start, end: error.start + 1 };
  if (error.code === "InvalidSymbol" && SPACES[first]) {
    return {
      mistake: "unusualSpace",
      range: oneCharacter,
      data: { codePoint: codePoint(first), name: SPACES[first] },
    };
  }
  if (error.code === "InvalidSymbol" && (first === 0x201c || first === 0x201d)) {
    return { mistake: "curlyQuote", range: oneCharacter, data: { quote: String.fromCodePoint(first) } };
  }
  if (error.code === "InvalidSymbol" && first === 0x27 /* ' */) {
    return { mistake: "singleQuote", range: oneCharacter, data: {} };
  }
  if (error.code === "InvalidCharacter") {
    // The parser flags the whole string; point at the control character inside it.
    for (let i = error.start; i < error.end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20) {
        const escape = CONTROL_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
        return {
          mistake: "controlCharacter",
          range: { start: i, end: i + 1 },
          data: { codePoint: codePoint(c), escape },
        };
      }
    }
  }
  if (error.code === "UnexpectedEndOfString" && /^[\r\n]/.test(text.slice(error.end, error.end + 1))) {
    return { mistake: "multilineString", range: error, data: {} };
  }
  if (error.code === "InvalidSymbol" || error.code === "CommaExpected") {
    const word = unquotedWord(text, error);
    if (word) {
      const value = text.slice(word.start, word.end);
      const after = text.slice(word.end).match(/^[ \t]*(.)/)?.[1];
      const mistake: SyntaxMistake =
        text.charAt(word.start - 1) === '"'
          ? "textAfterString"
          : /^-?0\d+$/.test(value)
            ? "leadingZero"
            : after === ":"
              ? "unquotedName"
              : "unquotedValue";
      return { mistake, range: word, data: { word: value } };
    }
  }
  if (error.code === "InvalidSymbol" && token !== "") {
    const shown = token.length > 30 ? `${token.slice(0, 30)}…` : token;
    const mistake = [...token].length === 1 ? "unexpectedCharacter" : "unexpectedText";
    return { mistake, range: error, data: { text: shown } };
  }
  return { mistake: "other", range: error, data: { detail: error.message } };
}

/**
 * The unquoted word an error stands in: `2018-04-01T12:39:16Z`, `00:00:00`, `NAV.PostalAddress`,
 * `credentials`. Undefined when the error is at a quote or punctuation.
 */
function unquotedWord(text: string, error: JsonProblem): Range | undefined {
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
