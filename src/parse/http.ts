/**
 * HTTP examples: the request line(s) or status line, headers and body of an ```http block, or of
 * the same text found in a plain-text page.
 */
import { type JsonDocument, type OffsetMap, parseJson } from "./json.js";
import { isBlankCode, skipWhile, trimEndWhile } from "./scan.js";
import type { Range } from "./source.js";
import type { SourceLine } from "./table.js";

export interface RequestLine extends Range {
  method: string;
  /** The URL as written: absolute, or a path. */
  target: string;
  targetRange: Range;
  /** The path with scheme, host and API version removed (`/me/events`), query kept. */
  path: string;
  pathRange: Range;
  /** `v1.0` or `beta` when the URL names one. */
  version: string | undefined;
  versionRange: Range | undefined;
}

export interface StatusLine extends Range {
  code: number;
  reason: string;
  codeRange: Range;
  reasonRange: Range;
}

export interface HttpHeader extends Range {
  name: string;
  value: string;
  valueRange: Range;
}

export interface HttpBody extends Range {
  text: string;
  /** Parsed when the body starts with `{` or `[`. */
  json: JsonDocument | undefined;
}

export interface HttpMessage {
  /**
   * The method of a request: its request line's, or the first line's first word when that line
   * starts with a method but does not parse as a request line (a URL with spaces in its query).
   */
  method: string | undefined;
  requestLines: RequestLine[];
  status: StatusLine | undefined;
  headers: HttpHeader[];
  body: HttpBody | undefined;
}

const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|MERGE";
const REQUEST_LINE = new RegExp(
  `^(${METHODS})[ \\t]+(https?://[^ \\t]+|/[^ \\t]*|\\{[^ \\t]*)(?:[ \\t]+HTTP/\\d(?:\\.\\d)?)?[ \\t]*$`,
);
/** A line that starts like a request, whatever follows the method. */
const METHOD_START = /^[ \t]*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\S/;
const STATUS_START = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})/;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]?(.*)$/;
const VERSION_SEGMENT = /^\/(v1\.0|beta|v2\.0|stagingbeta)(?=\/|\?|$)/i;

export function isRequestLine(text: string): boolean {
  return REQUEST_LINE.test(text.trim());
}

export function isStatusLine(text: string): boolean {
  return matchStatusLine(text.trim()) !== undefined;
}

/**
 * The code and reason phrase of a status line: what
 * `/^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+([^\r\n]*?))?[ \t]*$/` captures, read after the code by
 * hand (that regex backtracks polynomially on a long run of spaces before a line break).
 */
export function matchStatusLine(text: string): { code: string; reason: string | undefined } | undefined {
  const m = STATUS_START.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  if (rest === "") return { code: m[1]!, reason: undefined };
  if (!isBlankCode(rest.charCodeAt(0)) || rest.includes("\r") || rest.includes("\n")) return undefined;
  return { code: m[1]!, reason: trimEndWhile(rest.slice(skipWhile(rest, 0, isBlankCode)), isBlankCode) };
}

/** Parses one line as a request line, with page ranges. */
export function parseRequestLine(line: SourceLine): RequestLine | undefined {
  const trimmed = line.text.trimEnd();
  const lead = trimmed.length - trimmed.trimStart().length;
  const m = REQUEST_LINE.exec(trimmed.trimStart());
  if (!m) return undefined;
  const method = m[1]!;
  const target = m[2]!;
  const targetStart = line.start + lead + trimmed.trimStart().indexOf(target, method.length);
  let pathOffset = 0;
  if (/^https?:\/\//i.test(target)) {
    const slash = target.indexOf("/", target.indexOf("//") + 2);
    pathOffset = slash === -1 ? target.length : slash;
  }
  let version: string | undefined;
  let versionRange: Range | undefined;
  const afterHost = target.slice(pathOffset);
  const v = VERSION_SEGMENT.exec(afterHost);
  if (v) {
    version = v[1]!;
    versionRange = {
      start: targetStart + pathOffset + 1,
      end: targetStart + pathOffset + 1 + version.length,
    };
    pathOffset += v[0].length;
  }
  const path = target.slice(pathOffset) || "/";
  return {
    method,
    target,
    targetRange: { start: targetStart, end: targetStart + target.length },
    path,
    pathRange: { start: targetStart + pathOffset, end: targetStart + target.length },
    version,
    versionRange,
    start: line.start + lead,
    end: line.start + trimmed.length,
  };
}

function parseStatusLine(line: SourceLine): StatusLine | undefined {
  const trimmed = line.text.trim();
  const m = matchStatusLine(trimmed);
  if (!m) return undefined;
  const lead = line.text.length - line.text.trimStart().length;
  const start = line.start + lead;
  const codeAt = start + trimmed.indexOf(m.code, 5);
  const reason = m.reason ?? "";
  const reasonAt = reason ? start + trimmed.indexOf(reason, codeAt - start + 3) : codeAt + 3;
  return {
    code: Number(m.code),
    reason,
    codeRange: { start: codeAt, end: codeAt + 3 },
    reasonRange: { start: reasonAt, end: reasonAt + reason.length },
    start,
    end: start + trimmed.length,
  };
}

const isBlank = (line: SourceLine | undefined) => line !== undefined && line.text.trim() === "";

/**
 * Parses the lines of an HTTP example. Each line carries its page offset, so every range in the
 * result (the JSON body's included) is a page range.
 */
export function parseHttpMessage(lines: SourceLine[]): HttpMessage {
  const message: HttpMessage = {
    method: undefined,
    requestLines: [],
    status: undefined,
    headers: [],
    body: undefined,
  };
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  const first = lines[i];
  if (!first) return message;
  message.method = METHOD_START.exec(first.text)?.[1];
  const status = parseStatusLine(first);
  if (status) {
    message.status = status;
    i++;
  } else {
    // A syntax block lists several request lines, blank lines between them allowed.
    for (let j = i; j < lines.length; j++) {
      if (isBlank(lines[j])) continue;
      const request = parseRequestLine(lines[j]!);
      if (!request) break;
      message.requestLines.push(request);
      i = j + 1;
    }
    if (message.requestLines.length === 0) return message;
    message.method = message.requestLines[0]!.method;
  }
  for (; i < lines.length && !isBlank(lines[i]); i++) {
    const line = lines[i]!;
    const m = HEADER_LINE.exec(line.text.trim());
    if (!m || line.text.trimStart().startsWith("{")) break;
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    const valueAt = start + line.text.trim().length - m[2]!.length;
    message.headers.push({
      name: m[1]!,
      value: m[2]!.trim(),
      valueRange: { start: valueAt, end: valueAt + m[2]!.trimEnd().length },
      start,
      end: start + line.text.trim().length,
    });
  }
  while (i < lines.length && isBlank(lines[i])) i++;
  let last = lines.length - 1;
  while (last >= i && isBlank(lines[last])) last--;
  if (i > last) return message;
  const bodyLines = lines.slice(i, last + 1);
  if (message.requestLines.length === 0 && !message.status) return message;
  message.body = parseHttpBody(bodyLines);
  return message;
}

/** A body alone (a ```json block annotated as a response, or the lines after the headers). */
export function parseHttpBody(bodyLines: SourceLine[]): HttpBody {
  const text = bodyLines.map((l) => l.text).join("\n");
  const lineStarts: number[] = [];
  let at = 0;
  for (const l of bodyLines) {
    lineStarts.push(at);
    at += l.text.length + 1;
  }
  const map: OffsetMap = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return bodyLines[lo]!.start + offset - lineStarts[lo]!;
  };
  const trimmed = text.trimStart();
  const json = trimmed.startsWith("{") || trimmed.startsWith("[") ? parseJson(text, map) : undefined;
  const lastLine = bodyLines[bodyLines.length - 1]!;
  return { text, json, start: bodyLines[0]!.start, end: lastLine.start + lastLine.text.length };
}

/** The non-blank lines of a block as a body; undefined when every line is blank. */
export function parseBlockBody(lines: SourceLine[]): HttpBody | undefined {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first]!.text.trim() === "") first++;
  while (last >= first && lines[last]!.text.trim() === "") last--;
  return first <= last ? parseHttpBody(lines.slice(first, last + 1)) : undefined;
}
