import { contentLengthValid } from "../../rules/content-length-valid.js";
import { expectEveryMessageIdTested, md, runExplicitRuleTests } from "../helpers.js";

/** A Content-Length `value` that is not a non-negative integer. */
const notByteCount = (value: string) => ({ messageId: "notByteCount", data: { value } }) as const;
/** A Content-Length `value` on a request that shows no body. */
const requestWithoutBody = (value: string) => ({ messageId: "requestWithoutBody", data: { value } }) as const;
/** A Content-Length `value` on a response that shows no body. */
const responseWithoutBody = (value: string) =>
  ({ messageId: "responseWithoutBody", data: { value } }) as const;

runExplicitRuleTests(contentLengthValid, {
  valid: [
    {
      name: "a request with a body and its length",
      code: md(
        "```http",
        "POST https://graph.microsoft.com/v1.0/widgets",
        "Content-Type: application/json",
        "Content-Length: 14",
        "",
        '{ "id": "w1" }',
        "```",
      ),
    },
    {
      name: "a length that does not match the body is not checked",
      code: md("```http", "HTTP/1.1 200 OK", "content-length: 9999", "", '{ "id": "w1" }', "```"),
    },
    {
      name: "Content-Length: 0 on a message without body",
      code: md(
        "```http",
        "HTTP/1.1 202 Accepted",
        "Location: https://x/operations/1",
        "Content-Length: 0",
        "```",
      ),
    },
    {
      name: "binary content is not shown",
      code: md(
        "```http",
        "POST https://graph.microsoft.com/v1.0/appCatalogs/teamsApps",
        "Content-Type: application/zip",
        "Content-Length: 244",
        "```",
        "",
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Type: image/jpeg",
        "Content-Length: 1024",
        "```",
      ),
    },
    {
      name: "an upload of a byte range",
      code: md(
        "```http",
        "PUT https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337",
        "Content-Length: 26",
        "Content-Range: bytes 0-25/128",
        "```",
      ),
    },
    {
      name: "the response to a HEAD request",
      code: md(
        "```http",
        "HEAD https://graph.microsoft.com/v1.0/me/drive/items/1/content",
        "```",
        "",
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Length: 4096",
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "a placeholder value",
      code: md(
        "```http",
        "PUT https://graph.microsoft.com/v1.0/users/1/manager/$ref",
        "Content-type: application/json",
        "Content-length: xxx",
        "",
        '{ "@odata.id": "https://graph.microsoft.com/v1.0/users/2" }',
        "```",
      ),
      errors: [{ line: 4, column: 17, endLine: 4, endColumn: 20, ...notByteCount("xxx") }],
    },
    {
      name: "negative, fractional and annotated values",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Length: -5",
        "```",
        "```http",
        "HTTP/1.1 200 OK",
        "CONTENT-LENGTH: 1.5",
        "```",
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Length: 12 bytes",
        "```",
      ),
      errors: [
        { line: 3, column: 17, endLine: 3, endColumn: 19, ...notByteCount("-5") },
        { line: 7, column: 17, endLine: 7, endColumn: 20, ...notByteCount("1.5") },
        { line: 11, column: 17, endLine: 11, endColumn: 25, ...notByteCount("12 bytes") },
      ],
    },
    {
      name: "an empty value",
      code: md("```http", "HTTP/1.1 200 OK", "Content-Length:", "```"),
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 16, ...notByteCount("") }],
    },
    {
      name: "a response with a length and no body",
      code: md(
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "Content-type: application/json",
        "Content-length: 28",
        "",
        "```",
      ),
      errors: [{ line: 5, column: 17, endLine: 5, endColumn: 19, ...responseWithoutBody("28") }],
    },
    {
      name: "a request whose body was put in another block",
      code: md(
        "```http",
        "POST https://graph.microsoft.com/beta/communications/calls/1/audioRoutingGroups",
        "Content-Type: application/json",
        "Content-Length: 233",
        "```",
        "",
        "```json",
        '{ "id": "multicast" }',
        "```",
      ),
      errors: [{ line: 4, column: 17, endLine: 4, endColumn: 20, ...requestWithoutBody("233") }],
    },
    {
      name: "204 No Content with a length",
      code: md("```http", "HTTP/1.1 204 No Content", "Content-Length: 10", "```"),
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 19, ...responseWithoutBody("10") }],
    },
  ],
});

expectEveryMessageIdTested(contentLengthValid);
