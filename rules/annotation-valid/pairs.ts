/**
 * Responses ApiDoctor cannot pair with a request, and requests left without a response. The pairs
 * and what went wrong are the page model's (src/page/pairing.ts); this says it to the writer.
 */
import type { Annotation, HttpExample, Page, PairingProblem } from "../../src/page/model.js";
import { type ReportAnnotation, blockTypeRange, lineOf } from "./shared.js";

/** The messages these checks report (worded in annotation-valid.ts). */
type PairMessage =
  | "responseIsRequest"
  | "secondResponse"
  | "theRequest"
  | "noRequestNamed"
  | "namedBlockNotRequest"
  | "noRequestBefore"
  | "noRequestBeforeAbove"
  | "noRequestToPair"
  | "noResponse"
  | "noResponseNamed";

/** The line of an example's annotation, or of its code block when it has none. */
function exampleLine(page: Page, example: HttpExample): number {
  return lineOf(page, example.annotation ?? example);
}

/** How a message names a request: `Request "x" (line 12)`, or `The request at line 12`. */
function requestLabel(page: Page, request: HttpExample, inSentence = false): string {
  const line = exampleLine(page, request);
  const name = request.annotation?.names[0];
  if (name !== undefined) return `${inSentence ? "request" : "Request"} "${name}" (line ${line})`;
  return `${inSentence ? "the" : "The"} request at line ${line}`;
}

function describeAnnotation(annotation: Annotation | undefined): string {
  if (!annotation) return "is not annotated";
  if (annotation.json.errors.length > 0) return "has an annotation that is not valid JSON";
  return annotation.blockType ? `is annotated "${annotation.blockType}"` : "has no blockType";
}

/** An annotation that does not parse is annotation-json's to report, not this rule's. */
const parses = (annotation: Annotation | undefined): annotation is Annotation =>
  annotation !== undefined && annotation.json.errors.length === 0;

export function checkPairs(page: Page, report: ReportAnnotation<PairMessage>): void {
  for (const problem of page.pairingProblems) {
    const annotation = problem.response.annotation;
    if (parses(annotation)) reportProblem(page, problem, blockTypeRange(annotation), report);
  }
  for (const { request, response } of page.exchanges) {
    if (response || !parses(request.annotation)) continue;
    const range = blockTypeRange(request.annotation);
    const name = request.annotation.names[0];
    report(
      name !== undefined
        ? { messageId: "noResponseNamed", data: { name }, range }
        : { messageId: "noResponse", range },
    );
  }
}

function reportProblem(
  page: Page,
  problem: PairingProblem,
  range: { start: number; end: number },
  report: ReportAnnotation<PairMessage>,
): void {
  const response = problem.response;
  switch (problem.kind) {
    case "isRequest":
      report({ messageId: "responseIsRequest", data: { method: problem.method }, range });
      return;
    case "noRequestNamed": {
      const other = page.annotations.find(
        (a) => a.end <= response.start && a.names[0] === problem.name && a.blockType !== "response",
      );
      if (!other) {
        report({ messageId: "noRequestNamed", data: { name: problem.name }, range });
        return;
      }
      const blockType = other.blockType ?? "(no blockType)";
      report({
        messageId: "namedBlockNotRequest",
        data: { name: problem.name, line: lineOf(page, other), blockType },
        range,
      });
      return;
    }
    case "secondResponse":
    case "noRequest": {
      const last = problem.kind === "secondResponse" ? problem.request : undefined;
      // A named response asked for that request; an unnamed one may have meant an unpaired block above.
      const above = response.annotation?.names.length ? undefined : unpairedAbove(page, response, last);
      if (!above) {
        if (last) report(secondResponse(page, last, range));
        else report({ messageId: "noRequestBefore", range });
        return;
      }
      const data = {
        above: `the request above it (line ${exampleLine(page, above)}) ${describeAnnotation(above.annotation)}`,
        advice:
          above.annotation && !parses(above.annotation)
            ? "Fix that annotation."
            : 'Annotate both "request" and "response", or both "ignored".',
      };
      if (!last) report({ messageId: "noRequestBeforeAbove", data, range });
      else {
        const paired = { request: requestLabel(page, last, true), responseLine: responseLine(page, last) };
        report({ messageId: "noRequestToPair", data: { ...data, ...paired }, range });
      }
    }
  }
}

function secondResponse(page: Page, request: HttpExample, range: { start: number; end: number }) {
  return {
    messageId: "secondResponse" as const,
    data: { request: requestLabel(page, request), responseLine: responseLine(page, request) },
    range,
    related: [{ messageId: "theRequest" as const, range: blockTypeRange(request.annotation!) }],
  };
}

/** The line of the response a request is paired with. */
function responseLine(page: Page, request: HttpExample): number | string {
  const response = page.exchanges.find((x) => x.request === request)?.response;
  return response ? exampleLine(page, response) : "";
}

/**
 * The nearest block above a response that holds a request but is not a paired request (not
 * annotated, or annotated otherwise), when it stands after the last request: what the writer most
 * likely meant the response to answer.
 */
function unpairedAbove(
  page: Page,
  response: HttpExample,
  last: HttpExample | undefined,
): HttpExample | undefined {
  const before = page.examples.filter((e) => e.end <= response.start && e.message.method);
  const nearest = before[before.length - 1];
  if (!nearest || page.exchanges.some((x) => x.request === nearest)) return undefined;
  return !last || last.end <= nearest.start ? nearest : undefined;
}
