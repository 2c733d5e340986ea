import { describe, expect, it } from "vitest";
import { echoesId, requestResponseIdMatch } from "../../rules/request-response-id-match.js";
import { type ExpectedError, expectEveryMessageIdTested, md, runRuleTests } from "../helpers.js";

const RULE = "request-response-id-match";
/** The response's id `responseId` does not echo the request's `requestId`. */
const notEchoed = (responseId: string, requestId: string) => ({
  messageId: "notEchoed",
  data: { responseId, requestId },
});

/**
 * A request and its response, each with a top-level id. The request id string is on line 9,
 * column 9; the response id string on line 19, column 9.
 */
function exchange(method: string, requestId: string, responseId: string): string {
  return md(
    "### Request",
    "",
    '<!-- { "blockType": "request", "name": "create_widget" } -->',
    "```http",
    `${method} https://graph.microsoft.com/v1.0/widgets`,
    "Content-Type: application/json",
    "",
    "{",
    `  "id": "${requestId}"`,
    "}",
    "```",
    "",
    '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
    "```http",
    "HTTP/1.1 201 Created",
    "Content-Type: application/json",
    "",
    "{",
    `  "id": "${responseId}"`,
    "}",
    "```",
  );
}

/** The expected finding for `exchange(…)`: at the response id, related to the request id. */
function mismatch(requestId: string, responseId: string): ExpectedError {
  return {
    ...notEchoed(responseId, requestId),
    line: 19,
    column: 9,
    endLine: 19,
    endColumn: 9 + responseId.length + 2,
    related: [
      { messageId: "requestId", line: 9, column: 9, endLine: 9, endColumn: 9 + requestId.length + 2 },
    ],
  };
}

/**
 * Like `exchange`, but each id is written as `requestId` / `responseId` (quotes included, or not) and
 * ends its JSON text (no closing brace): an unterminated string there runs to the end of the text.
 */
function openEndedExchange(requestId: string, responseId: string, eol = "\n"): string {
  return exchange("POST", "REQUEST", "RESPONSE")
    .replace('"REQUEST"\n}', requestId)
    .replace('"RESPONSE"\n}', responseId)
    .replace(/\n/g, eol);
}

/**
 * Two requests, then one response. `responseName` is the response annotation's "name" (or none):
 * request "one" has id "1" (line 5), request "two" id "2" (line 11), the response id "1" (line 17).
 */
function twoRequestsOneResponse(responseName: string | undefined): string {
  const name = responseName === undefined ? "" : `, "name": "${responseName}"`;
  return md(
    '<!-- { "blockType": "request", "name": "one" } -->',
    "```http",
    "POST /widgets",
    "",
    '{ "id": "1" }',
    "```",
    '<!-- { "blockType": "request", "name": "two" } -->',
    "```http",
    "POST /widgets",
    "",
    '{ "id": "2" }',
    "```",
    `<!-- { "blockType": "response"${name} } -->`,
    "```http",
    "HTTP/1.1 201 Created",
    "",
    '{ "id": "1" }',
    "```",
  );
}

runRuleTests(RULE, {
  valid: [
    { name: "the same id", code: exchange("POST", "w1", "w1") },
    {
      name: "the same GUID in another case",
      code: exchange("POST", "E811976D-83DF-4CBD-8B9B-5215B18AA874", "e811976d-83df-4cbd-8b9b-5215b18aa874"),
    },
    {
      name: "a user flow id prefixed by the service (B2X_1_)",
      code: exchange("PUT", "Partner", "B2X_1_Partner"),
    },
    {
      name: "a schema extension id prefixed by the service",
      code: exchange("POST", "courses", "extk9eruy7c_courses"),
    },
    {
      name: "unterminated id strings with the same text",
      code: openEndedExchange('"w1', '"w1'),
    },
    {
      name: "an unterminated id string that ends in a backslash, CRLF",
      code: openEndedExchange('"w1\\', '"w1\\', "\r\n"),
    },
    { name: "GET is not a create or update", code: exchange("GET", "w1", "w2") },
    { name: "DELETE is not a create or update", code: exchange("DELETE", "w1", "w2") },
    {
      name: "a response named for an earlier request pairs with that request",
      code: twoRequestsOneResponse("one"),
    },
    {
      // Was a false finding: 'Response id "w1" does not echo the request's id "w2"'. ApiDoctor
      // pairs the response with the request; the ignored block between them is not a request.
      name: "an ignored block between a request and its response",
      code: md(
        '<!-- { "blockType": "request", "name": "create_w1" } -->',
        "```http",
        "POST /widgets",
        "",
        '{ "id": "w1" }',
        "```",
        '<!-- { "blockType": "ignored" } -->',
        "```http",
        "POST /widgets",
        "",
        '{ "id": "w2" }',
        "```",
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 201 Created",
        "",
        '{ "id": "w1" }',
        "```",
      ),
    },
    {
      // ApiDoctor pairs a response that names no request on the page with none (annotation-valid
      // reports it), not with the latest request.
      name: "a response named for an unknown request answers no request",
      code: twoRequestsOneResponse("three"),
    },
    {
      name: "no top-level id in the request, or ids only in nested objects",
      code: md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "```http",
        "POST /widgets",
        "",
        '{ "owner": { "id": "u1" } }',
        "```",
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 201 Created",
        "",
        '{ "id": "w9", "owner": { "id": "u2" } }',
        "```",
      ),
    },
    {
      name: "a request without a response",
      code: md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "```http",
        "POST /widgets",
        "",
        '{ "id": "1" }',
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "POST with a different response id",
      code: exchange("POST", "w1", "w2"),
      errors: [mismatch("w1", "w2")],
    },
    {
      // Each string runs to the end of its JSON text (and of its line): reported there, not past it.
      name: "unterminated id strings that differ: reported at the strings, inside their lines",
      code: openEndedExchange('"w1', '"w2\\', "\r\n"),
      errors: [
        {
          line: 18,
          column: 9,
          endLine: 18,
          endColumn: 13,
          ...notEchoed("w2", "w1"),
          related: [{ messageId: "requestId", line: 9, column: 9, endLine: 9, endColumn: 12 }],
        },
      ],
    },
    {
      name: "PATCH with a different response id",
      code: exchange("PATCH", "abc", "abd"),
      errors: [mismatch("abc", "abd")],
    },
    {
      name: "PUT with a different response id",
      code: exchange("PUT", "Partner", "xPartner"),
      errors: [mismatch("Partner", "xPartner")],
    },
    {
      name: "a case difference in an id that is not a GUID",
      code: exchange("POST", "Partner", "partner"),
      errors: [mismatch("Partner", "partner")],
    },
    {
      name: "GUIDs that differ in more than case",
      code: exchange("POST", "e811976d-83df-4cbd-8b9b-5215b18aa874", "e811976d-83df-4cbd-8b9b-5215b18aa875"),
      errors: [mismatch("e811976d-83df-4cbd-8b9b-5215b18aa874", "e811976d-83df-4cbd-8b9b-5215b18aa875")],
    },
    {
      name: "an unnamed response pairs with the latest request",
      code: twoRequestsOneResponse(undefined),
      errors: [
        {
          line: 17,
          column: 9,
          endLine: 17,
          endColumn: 12,
          ...notEchoed("1", "2"),
          related: [{ messageId: "requestId", line: 11, column: 9, endLine: 11, endColumn: 12 }],
        },
      ],
    },
    {
      name: "a response given as an annotated ```json block",
      code: md(
        '<!-- { "blockType": "request", "name": "a" } -->',
        "```http",
        "POST /widgets",
        "",
        '{ "id": "1" }',
        "```",
        "",
        '<!-- { "blockType": "response" } -->',
        "```json",
        '{ "id": "2" }',
        "```",
      ),
      errors: [
        {
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 12,
          ...notEchoed("2", "1"),
          related: [{ messageId: "requestId", line: 5, column: 9, endLine: 5, endColumn: 12 }],
        },
      ],
    },
    {
      name: "a plain-text page",
      code: md(
        "Request",
        "",
        "POST https://graph.microsoft.com/beta/widgets",
        "Content-Type: application/json",
        "",
        "{",
        '  "id": "1431b9c38ee647f6a"',
        "}",
        "",
        "Response",
        "",
        "HTTP/1.1 201 Created",
        "Content-Type: application/json",
        "",
        "{",
        '  "id": "14m1b9c38qe647f6a"',
        "}",
      ),
      errors: [
        {
          line: 16,
          column: 9,
          endLine: 16,
          endColumn: 28,
          ...notEchoed("14m1b9c38qe647f6a", "1431b9c38ee647f6a"),
          related: [{ messageId: "requestId", line: 7, column: 9, endLine: 7, endColumn: 28 }],
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(requestResponseIdMatch);

describe("echoesId", () => {
  it.each([
    ["w1", "w1", true],
    ["E811976D-83DF-4CBD-8B9B-5215B18AA874", "e811976d-83df-4cbd-8b9b-5215b18aa874", true],
    ["e811976d-83df-4cbd-8b9b-5215b18aa874", "E811976D-83DF-4CBD-8B9B-5215B18AA874", true],
    ["Partner", "B2X_1_Partner", true],
    ["courses", "extk9eruy7c_courses", true],
    ["Partner", "partner", false],
    ["Partner", "B2X_1_partner", false],
    ["courses", "extk9eruy7ccourses", false],
    ["", "x_", false],
    ["w1", "w2", false],
  ])("echoesId(%j, %j) is %s", (requestId, responseId, expected) => {
    expect(echoesId(requestId, responseId)).toBe(expected);
  });
});
