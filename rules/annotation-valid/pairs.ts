/**
 * Responses ApiDoctor cannot pair with a request, and requests left without a response: pairs are
 * made the way ApiDoctor makes them. A response whose annotation names requests is paired with
 * those (by name, among the requests before it); one without a name with the last request before
 * it. A request takes one response.
 */
import type { Annotation, HttpExample, Page } from "../../src/page/model.js";
import { type ReportAnnotation, blockTypeRange, lineOf } from "./shared.js";

interface PendingRequest {
  example: HttpExample;
  annotation: Annotation;
  name: string | undefined;
  response: HttpExample | undefined;
}

/** A response's `name`: one request name or several; undefined when it names none. */
function namesOf(value: unknown): string[] | undefined {
  if (typeof value === "string") return value === "" ? undefined : [value];
  if (Array.isArray(value)) {
    const names = value.filter((v): v is string => typeof v === "string" && v !== "");
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

/** The line of an example's annotation, or of its code block when it has none. */
function exampleLine(page: Page, example: HttpExample): number {
  return lineOf(page, example.annotation ?? example);
}

/** How a message names a request: `Request "x" (line 12)`, or `The request at line 12`. */
function requestLabel(page: Page, request: PendingRequest, inSentence = false): string {
  const line = lineOf(page, request.annotation);
  if (request.name !== undefined)
    return `${inSentence ? "request" : "Request"} "${request.name}" (line ${line})`;
  return `${inSentence ? "the" : "The"} request at line ${line}`;
}

function describeAnnotation(annotation: Annotation | undefined): string {
  if (!annotation) return "is not annotated";
  if (annotation.json.errors.length > 0) return "has an annotation that is not valid JSON";
  return annotation.blockType ? `is annotated "${annotation.blockType}"` : "has no blockType";
}

export function checkPairs(page: Page, reportTo: ReportAnnotation): void {
  const requests: PendingRequest[] = [];
  const examples = page.examples.filter(
    (e) => e.annotation?.blockType === "request" || e.annotation?.blockType === "response",
  );
  for (const example of examples) {
    const annotation = example.annotation!;
    // An annotation that does not parse is annotation-json's to report. Its block still takes its
    // place in the pairs, as written, so that its neighbours are not reported in its stead.
    const report: ReportAnnotation = annotation.json.errors.length > 0 ? () => {} : reportTo;
    if (annotation.blockType === "request") {
      const name = annotation.data.name;
      requests.push({
        example,
        annotation,
        name: typeof name === "string" && name !== "" ? name : undefined,
        response: undefined,
      });
      continue;
    }
    const range = blockTypeRange(annotation);
    const method = example.message.method;
    if (method) {
      report({ messageId: "responseIsRequest", data: { method }, range });
      continue;
    }
    const secondResponse = (request: PendingRequest) =>
      report({
        messageId: "secondResponse",
        data: { request: requestLabel(page, request), responseLine: exampleLine(page, request.response!) },
        range,
        related: [{ messageId: "theRequest", range: blockTypeRange(request.annotation) }],
      });
    const names = namesOf(annotation.data.name);
    if (names) {
      for (const name of names) {
        const request = requests.find((r) => r.name === name);
        if (!request) noRequestNamed(page, example, name, range, report);
        else if (request.response) secondResponse(request);
        else request.response = example;
      }
      continue;
    }
    const last = requests[requests.length - 1];
    if (last && !last.response) {
      last.response = example;
      continue;
    }
    // The nearest request-like block before the response, when it is not the request ApiDoctor uses.
    const before = page.examples.filter((e) => e.end <= example.start && e.message.method);
    const nearest = before[before.length - 1];
    const unpaired =
      nearest && !requests.some((r) => r.example === nearest) && (!last || last.example.end <= nearest.start)
        ? nearest
        : undefined;
    if (!unpaired) {
      if (last) secondResponse(last);
      else report({ messageId: "noRequestBefore", range });
      continue;
    }
    const data = {
      above: `the request above it (line ${exampleLine(page, unpaired)}) ${describeAnnotation(unpaired.annotation)}`,
      advice:
        unpaired.annotation && unpaired.annotation.json.errors.length > 0
          ? "Fix that annotation."
          : 'Annotate both "request" and "response", or both "ignored".',
    };
    if (!last) report({ messageId: "noRequestBeforeAbove", data, range });
    else {
      const more = {
        request: requestLabel(page, last, true),
        responseLine: exampleLine(page, last.response!),
      };
      report({ messageId: "noRequestToPair", data: { ...data, ...more }, range });
    }
  }
  for (const request of requests) {
    if (request.response || request.annotation.json.errors.length > 0) continue;
    const range = blockTypeRange(request.annotation);
    reportTo(
      request.name !== undefined
        ? { messageId: "noResponseNamed", data: { name: request.name }, range }
        : { messageId: "noResponse", range },
    );
  }
}

function noRequestNamed(
  page: Page,
  response: HttpExample,
  name: string,
  range: { start: number; end: number },
  report: ReportAnnotation,
): void {
  const other = page.annotations.find(
    (a) => a.end <= response.start && a.data.name === name && a.blockType !== "response",
  );
  report(
    other
      ? {
          messageId: "namedBlockNotRequest",
          data: { name, line: lineOf(page, other), blockType: other.blockType ?? "(no blockType)" },
          range,
        }
      : { messageId: "noRequestNamed", data: { name }, range },
  );
}
