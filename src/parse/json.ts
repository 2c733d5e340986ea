/**
 * Tolerant JSON for example bodies and annotations.
 *
 * jsonc-parser is the parser VS Code uses for its own settings files: it never throws, keeps the
 * offset and length of every node, recovers after errors, and can accept trailing commas and
 * comments. Every offset it gives is mapped back to page coordinates through `toSource`, so rules
 * report at the exact spot in the page.
 */
import {
  type Node,
  type ParseError,
  ParseErrorCode,
  SyntaxKind,
  createScanner,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import type { Range } from "./source.js";

export interface JsonString extends Range {
  type: "string";
  value: string;
}
export interface JsonNumber extends Range {
  type: "number";
  value: number;
}
export interface JsonBoolean extends Range {
  type: "boolean";
  value: boolean;
}
export interface JsonNull extends Range {
  type: "null";
}
export interface JsonArray extends Range {
  type: "array";
  items: JsonValue[];
}
export interface JsonProperty extends Range {
  key: string;
  keyRange: Range;
  /** Missing when the text broke off after the key. */
  value: JsonValue | undefined;
}
export interface JsonObject extends Range {
  type: "object";
  properties: JsonProperty[];
}
export type JsonValue = JsonString | JsonNumber | JsonBoolean | JsonNull | JsonArray | JsonObject;

export interface JsonProblem extends Range {
  code: string;
  message: string;
}

export interface TrailingComma extends Range {
  /** The bracket the comma stands before. */
  closer: "}" | "]";
}

export interface JsonDocument {
  root: JsonValue | undefined;
  /** Syntax errors other than trailing commas, in text order. */
  errors: JsonProblem[];
  /** Each comma that stands before a closing `}` or `]` (the range covers the comma). */
  trailingCommas: TrailingComma[];
  /** Line and block comments (the parser accepts them, but they are not JSON). */
  comments: Range[];
  /** `...` or `…` standing where a value or property belongs: the example was shortened. */
  truncations: Range[];
}

/** Maps an offset inside the parsed text to an offset in the page. */
export type OffsetMap = (offset: number) => number;

const identity: OffsetMap = (o) => o;

/** What each of jsonc-parser's error codes means, for every reader of JSON (example bodies, configuration files). */
export const JSON_ERROR_MESSAGES: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: "Unexpected character",
  [ParseErrorCode.InvalidNumberFormat]: "Invalid number",
  [ParseErrorCode.PropertyNameExpected]: "Expected a property name in double quotes",
  [ParseErrorCode.ValueExpected]: "Expected a value",
  [ParseErrorCode.ColonExpected]: "Expected ':' after the property name",
  [ParseErrorCode.CommaExpected]: "Expected ',' between values",
  [ParseErrorCode.CloseBraceExpected]: "Expected '}' to close the object",
  [ParseErrorCode.CloseBracketExpected]: "Expected ']' to close the array",
  [ParseErrorCode.EndOfFileExpected]: "Unexpected text after the JSON value",
  [ParseErrorCode.InvalidCommentToken]: "Invalid comment",
  [ParseErrorCode.UnexpectedEndOfComment]: "Unterminated comment",
  [ParseErrorCode.UnexpectedEndOfString]: "Unterminated string",
  [ParseErrorCode.UnexpectedEndOfNumber]: "Number ends unexpectedly",
  [ParseErrorCode.InvalidUnicode]: "Invalid unicode escape",
  [ParseErrorCode.InvalidEscapeCharacter]: "Invalid escape character",
  [ParseErrorCode.InvalidCharacter]: "Control character not allowed in a string",
};

/**
 * Deeper nesting than this is not parsed: the parser and the tree walks recurse once per level,
 * and no example is this deep (the deepest in the Graph docs is under 20).
 */
export const MAX_JSON_DEPTH = 500;

/** The deepest bracket nesting outside strings, and where it first passes `limit`. */
function nestingDepth(text: string, limit: number): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34 || c === 10) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (depth > limit) return { depth, at: i };
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, at: -1 };
}

/** Parses JSON tolerantly: trailing commas and comments are accepted; everything else is an error. */
export function parseJson(text: string, toSource: OffsetMap = identity): JsonDocument {
  const deep = nestingDepth(text, MAX_JSON_DEPTH);
  if (deep.at !== -1) {
    const at = toSource(deep.at);
    return {
      root: undefined,
      errors: [
        {
          code: "TooDeep",
          message: `Nested more than ${MAX_JSON_DEPTH} levels deep; not checked`,
          start: at,
          end: at + 1,
        },
      ],
      trailingCommas: [],
      comments: [],
      truncations: [],
    };
  }
  const rawErrors: ParseError[] = [];
  const tree = parseTree(text, rawErrors, { allowTrailingComma: true, disallowComments: false });
  const mapRange = (offset: number, length: number): Range => {
    // Clamped to the text: jsonc-parser gives an unterminated `/*` at the very end (and the errors
    // after it) a length one past the end, which would map into the page beyond the JSON text.
    const from = Math.min(offset, text.length);
    const to = Math.min(offset + length, text.length);
    const start = toSource(from);
    return { start, end: to > from ? toSource(to - 1) + 1 : start };
  };
  const truncations = findTruncations(text);
  // The errors a truncation mark causes are the mark's; it is reported once, as a truncation.
  const errors = rawErrors
    .filter((e) => !isInsideTruncation(e.offset, truncations))
    .map((e) => ({
      code: printParseErrorCode(e.error),
      message: JSON_ERROR_MESSAGES[e.error] ?? "Invalid JSON",
      ...mapRange(e.offset, e.length),
    }));
  const scan = scanTrivia(text);
  return {
    root: tree ? convert(tree, mapRange) : undefined,
    errors,
    trailingCommas: scan.trailingCommas.map(([o, closer]) => ({ closer, ...mapRange(o, 1) })),
    comments: scan.comments.map(([o, length]) => mapRange(o, length)),
    truncations: truncations.map(([o, length]) => mapRange(o, length)),
  };
}

/**
 * Truncation marks outside strings: a run of three or more dots, or `…`, and the error tokens the
 * scanner makes of them (offset, length).
 */
function findTruncations(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */ || c === 10) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 0x2026 /* … */) found.push([i, 1]);
    else if (c === 46 /* . */ && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
      let end = i + 3;
      while (text.charCodeAt(end) === 46) end++;
      found.push([i, end - i]);
      i = end - 1;
    }
  }
  return found;
}

function isInsideTruncation(offset: number, truncations: Array<[number, number]>): boolean {
  return truncations.some(([o, length]) => offset >= o && offset < o + length);
}

/** Trailing commas (offset, closer) and comments (offset, length), from one scan of the tokens. */
function scanTrivia(text: string): {
  trailingCommas: Array<[number, "}" | "]"]>;
  comments: Array<[number, number]>;
} {
  // Trivia is scanned (comments are needed); white space and line breaks are skipped below.
  const scanner = createScanner(text, false);
  const found: Array<[number, "}" | "]"]> = [];
  const comments: Array<[number, number]> = [];
  let lastComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      comments.push([scanner.getTokenOffset(), scanner.getTokenLength()]);
    }
    if (kind === SyntaxKind.CommaToken) lastComma = scanner.getTokenOffset();
    else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (lastComma >= 0) found.push([lastComma, kind === SyntaxKind.CloseBraceToken ? "}" : "]"]);
      lastComma = -1;
    } else if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia)
      lastComma = -1;
  }
  return { trailingCommas: found, comments };
}

function convert(node: Node, mapRange: (offset: number, length: number) => Range): JsonValue | undefined {
  const range = mapRange(node.offset, node.length);
  switch (node.type) {
    case "string":
      return { type: "string", value: String(node.value), ...range };
    case "number":
      return { type: "number", value: Number(node.value), ...range };
    case "boolean":
      return { type: "boolean", value: Boolean(node.value), ...range };
    case "null":
      return { type: "null", ...range };
    case "array":
      return {
        type: "array",
        items: (node.children ?? []).flatMap((c) => convert(c, mapRange) ?? []),
        ...range,
      };
    case "object": {
      const properties: JsonProperty[] = [];
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode) continue;
        properties.push({
          key: String(keyNode.value),
          keyRange: mapRange(keyNode.offset, keyNode.length),
          value: valueNode ? convert(valueNode, mapRange) : undefined,
          ...mapRange(prop.offset, prop.length),
        });
      }
      return { type: "object", properties, ...range };
    }
    default:
      return undefined;
  }
}

/** `.` in a regular expression: anything but a line terminator. */
const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Joins the lines of each double-quoted string that spans lines (LF or CRLF) with spaces: what
 * `text.replace(/"(?:[^"\\\r\n]|\\.)*(?:\r?\n(?:[^"\\\r\n]|\\.)*)+"/g, (s) => s.replace(/\r?\n/g, " "))`
 * does, in linear time. That regex starts again at every quote after a failed attempt, and each
 * attempt may run to the end of the text (quadratic on runs of `\"`); here where a string scanned
 * from each offset would end is computed once, from the end of the text back.
 */
export function joinMultilineStrings(text: string): string {
  if (!text.includes("\n")) return text;
  const n = text.length;
  // From offset j inside a string, the offset of the quote that closes it: before any line break
  // (`single`, which does not count) or after one (`multi`); -1 where the string breaks off.
  const single = new Int32Array(n + 2).fill(-1);
  const multi = new Int32Array(n + 2).fill(-1);
  for (let j = n - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 34 /* " */) {
      multi[j] = j;
    } else if (c === 92 /* \ */) {
      // An escape: the backslash and any character but a line terminator.
      if (j + 1 < n && !isLineTerminator(text.charCodeAt(j + 1))) {
        single[j] = single[j + 2]!;
        multi[j] = multi[j + 2]!;
      }
    } else if (c === 10) {
      single[j] = multi[j] = multi[j + 1]!;
    } else if (c === 13) {
      if (text.charCodeAt(j + 1) === 10) single[j] = multi[j] = multi[j + 2]!;
    } else {
      single[j] = single[j + 1]!;
      multi[j] = multi[j + 1]!;
    }
  }
  let out = "";
  let last = 0;
  let quote = text.indexOf('"');
  while (quote !== -1) {
    const close = single[quote + 1]!;
    if (close === -1) {
      quote = text.indexOf('"', quote + 1);
      continue;
    }
    out += text.slice(last, quote) + text.slice(quote, close + 1).replace(/\r?\n/g, " ");
    last = close + 1;
    quote = text.indexOf('"', last);
  }
  return out + text.slice(last);
}
