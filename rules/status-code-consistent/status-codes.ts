/**
 * HTTP status codes for the status-code-consistent rule: the standard reason phrases, and the
 * success codes a page's Response section states, read from the page model's paragraphs. The
 * section is found by its heading's key (its anchor on a translated page), and codes by their
 * digits and reason phrases, which translation leaves alone.
 */
import type { Heading, Page } from "../../src/page/model.js";
import type { Range } from "../../src/parse/source.js";

/**
 * Reason phrases per status code, from the IANA HTTP Status Code Registry (RFC 9110 and others);
 * the first is the registered phrase, the others are older or common spellings that are accepted.
 */
export const REASON_PHRASES: Readonly<Record<number, readonly string[]>> = {
  100: ["Continue"],
  101: ["Switching Protocols"],
  102: ["Processing"],
  103: ["Early Hints"],
  200: ["OK"],
  201: ["Created"],
  202: ["Accepted"],
  203: ["Non-Authoritative Information"],
  204: ["No Content"],
  205: ["Reset Content"],
  206: ["Partial Content"],
  207: ["Multi-Status"],
  208: ["Already Reported"],
  226: ["IM Used"],
  300: ["Multiple Choices"],
  301: ["Moved Permanently"],
  302: ["Found", "Moved Temporarily"],
  303: ["See Other"],
  304: ["Not Modified"],
  305: ["Use Proxy"],
  307: ["Temporary Redirect"],
  308: ["Permanent Redirect"],
  400: ["Bad Request"],
  401: ["Unauthorized"],
  402: ["Payment Required"],
  403: ["Forbidden"],
  404: ["Not Found"],
  405: ["Method Not Allowed"],
  406: ["Not Acceptable"],
  407: ["Proxy Authentication Required"],
  408: ["Request Timeout"],
  409: ["Conflict"],
  410: ["Gone"],
  411: ["Length Required"],
  412: ["Precondition Failed"],
  413: ["Content Too Large", "Payload Too Large", "Request Entity Too Large"],
  414: ["URI Too Long", "Request-URI Too Long"],
  415: ["Unsupported Media Type"],
  416: ["Range Not Satisfiable", "Requested Range Not Satisfiable"],
  417: ["Expectation Failed"],
  421: ["Misdirected Request"],
  422: ["Unprocessable Content", "Unprocessable Entity"],
  423: ["Locked"],
  424: ["Failed Dependency"],
  425: ["Too Early"],
  426: ["Upgrade Required"],
  428: ["Precondition Required"],
  429: ["Too Many Requests"],
  431: ["Request Header Fields Too Large"],
  451: ["Unavailable For Legal Reasons"],
  500: ["Internal Server Error"],
  501: ["Not Implemented"],
  502: ["Bad Gateway"],
  503: ["Service Unavailable"],
  504: ["Gateway Timeout"],
  505: ["HTTP Version Not Supported"],
  506: ["Variant Also Negotiates"],
  507: ["Insufficient Storage"],
  508: ["Loop Detected"],
  510: ["Not Extended"],
  511: ["Network Authentication Required"],
};

/** Case, spaces and hyphens do not matter: `No Content`, `NoContent`, `Multi Status` are accepted. */
const normalize = (reason: string) => reason.toLowerCase().replace(/[\s-]+/g, "");

/**
 * True when `reason` is a reason phrase of `code`; also true for codes outside the registry and for
 * an empty reason (HTTP/2 has none), which the rule does not judge.
 */
export function reasonMatches(code: number, reason: string): boolean {
  const phrases = REASON_PHRASES[code];
  if (!phrases || reason.trim() === "") return true;
  const given = normalize(reason);
  return phrases.some((p) => normalize(p) === given);
}

/** Every registered phrase, longest first, as one alternation (to read `201 Created` in prose). */
const ANY_PHRASE = Object.values(REASON_PHRASES)
  .flat()
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/[-\s]+/g, "[\\s-]*"))
  .join("|");

/**
 * A status code in prose: three digits standing alone (not `200-series`, `2xx`, `1.200`), followed
 * by a reason phrase, by "response" or "status", or preceded by "HTTP" or "status code".
 */
const CODE_IN_PROSE = new RegExp(
  `(?<![\\w.\\-/])([1-5]\\d\\d)(?![\\w.\\-/%])(?:[\\s\`'"*,]*(${ANY_PHRASE})(?![\\w-]))?`,
  "gi",
);
const AFTER_CODE = /^[\s`'"*]*(response|status)\b/i;
const BEFORE_CODE = /\b(HTTP|status code|response code)[\s`'"*:]*$/i;
/** A code span that holds a status code and nothing else. */
const CODE_SPAN = /`[ \t]*([1-5]\d\d)[ \t]*`/g;

export interface DocumentedStatus {
  code: number;
  /** The code and reason phrase as the page writes them: `201 Created`, or `201`. */
  text: string;
  /** Where the code stands in the page. */
  range: Range;
  /** True when every sentence that states the code is about errors ("If an error occurred, … `207`"). */
  onError: boolean;
}

/**
 * The status codes the page's Response section states: paragraphs under a heading named
 * "Response" (or its subsections) that is not inside an example (a heading whose text contains
 * "example" above it). Each code once, where it is first stated as a success (else first stated).
 */
export function documentedStatusCodes(page: Page): DocumentedStatus[] {
  return statusCodesIn(page, (path) => inResponseSection(path));
}

/**
 * The status codes stated right where an example stands: the paragraphs under the same innermost
 * heading (an example's own "Response" subsection: "returns a `201 Created` response code").
 */
export function statusCodesBeside(page: Page, headingPath: readonly Heading[]): DocumentedStatus[] {
  return statusCodesIn(
    page,
    (path) => path.length === headingPath.length && path.every((h, i) => h === headingPath[i]),
  );
}

/** A sentence about errors: "If an error occurred, … returns a `207`". */
const ERROR_SENTENCE = /\b(errors?|fail(s|ed|ure)?|unsuccessful)\b/i;
/** The Graph docs' page on errors (`/graph/errors`, `../errors.md#x`). */
const ERRORS_PAGE = /\/errors(?:\.md)?(?:#|$)/i;

/** True when one of the page's links inside `range` goes to the page on errors. */
const linksToErrors = (page: Page, range: Range) =>
  page.links.some(
    (l) => l.kind === "link" && l.start >= range.start && l.end <= range.end && ERRORS_PAGE.test(l.url),
  );

/** Sentences end at `.`, `!`, `?` or `;` before white space, and at their full-width forms. */
const SENTENCE_END = /(?<=[.!?;])\s+|(?<=[。！？；])/;

function statusCodesIn(page: Page, where: (headingPath: Heading[]) => boolean): DocumentedStatus[] {
  const found = new Map<number, DocumentedStatus>();
  for (const paragraph of page.paragraphs) {
    if (!where(paragraph.headingPath)) continue;
    const source = page.text.slice(paragraph.start, paragraph.end);
    // A code written as code (`` `207` ``) is one in any language ("返回一个 `207` 响应").
    const spans = new Set([...source.matchAll(CODE_SPAN)].map((m) => m[1]!));
    // A paragraph that links to the page on errors is about errors in any language.
    const aboutErrors = linksToErrors(page, paragraph);
    for (const sentence of paragraph.text.split(SENTENCE_END)) {
      const onError = aboutErrors || ERROR_SENTENCE.test(sentence);
      for (const m of sentence.matchAll(CODE_IN_PROSE)) {
        const code = Number(m[1]);
        const before = sentence.slice(0, m.index);
        const after = sentence.slice(m.index + m[1]!.length);
        if (!m[2] && !spans.has(m[1]!) && !AFTER_CODE.test(after) && !BEFORE_CODE.test(before)) continue;
        const seen = found.get(code);
        if (seen && (onError || !seen.onError)) continue;
        const text = m[2] ? `${m[1]} ${m[2]}` : m[1]!;
        // The code's place in the page: its first standalone occurrence in the paragraph's source.
        const at = new RegExp(`(?<![\\w.\\-/])${m[1]}(?![\\w.\\-/%])`).exec(source);
        const start = paragraph.start + (at?.index ?? 0);
        found.set(code, { code, text, range: at ? { start, end: start + 3 } : paragraph, onError });
      }
    }
  }
  return [...found.values()];
}

function inResponseSection(headingPath: Heading[]): boolean {
  const at = headingPath.findIndex((h) => h.section === "response");
  const inExample = (h: Heading) => h.section === "example" || /example/i.test(h.text);
  return at !== -1 && !headingPath.slice(0, at).some(inExample);
}
