import { annotationJson } from "../../rules/annotation-json.js";
import { expectEveryMessageIdTested, md, runRuleTests } from "../helpers.js";

const RULE = "annotation-json";
/** An annotation whose JSON the parser rejects with `detail`. */
const invalidJson = (detail: string) => ({ messageId: "invalidJson", data: { detail } });
const GET = ["```http", "GET https://graph.microsoft.com/v1.0/me", "```"];

runRuleTests(RULE, {
  valid: [
    {
      name: "a well-formed single-line annotation",
      code: md('<!-- { "blockType": "request", "name": "get_me", "sampleKeys": ["a", "b"] } -->', ...GET),
    },
    {
      name: "a well-formed multi-line annotation",
      code: md(
        "<!-- {",
        '  "blockType": "response",',
        '  "truncated": true,',
        '  "@odata.type": "microsoft.graph.user"',
        "}",
        "-->",
        "```http",
        "HTTP/1.1 200 OK",
        "```",
      ),
    },
    {
      name: "a trailing comma is left to no-trailing-comma",
      code: md('<!-- { "blockType": "request", "name": "get_me", } -->', ...GET),
    },
    {
      name: "comments that are not annotations",
      code: md(
        "<!-- markdownlint-disable MD024 -->",
        "",
        "<!-- see {id} for the key -->",
        "",
        "<!-- TODO: { not json } -->",
        "",
        ...GET,
      ),
    },
    {
      name: "a code block that is not in a comment",
      code: md("```json", "{ blockType: 'request' }", "```"),
    },
  ],
  invalid: [
    {
      name: "an unquoted key",
      code: md('<!-- { blockType: "request", "name": "get_me" } -->', ...GET),
      errors: [{ line: 1, column: 8, endLine: 1, endColumn: 17, ...invalidJson("Unexpected character") }],
    },
    {
      name: "single-quoted strings",
      code: md("<!-- { 'blockType': 'request' } -->", ...GET),
      errors: [{ line: 1, column: 8, endLine: 1, endColumn: 19, ...invalidJson("Unexpected character") }],
    },
    {
      name: "a missing comma between properties",
      code: md('<!-- { "blockType": "request" "name": "get_me" } -->', ...GET),
      errors: [
        { line: 1, column: 31, endLine: 1, endColumn: 37, ...invalidJson("Expected ',' between values") },
      ],
    },
    {
      name: "a missing colon",
      code: md('<!-- { "blockType" "request" } -->', ...GET),
      errors: [
        {
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 29,
          ...invalidJson("Expected ':' after the property name"),
        },
      ],
    },
    {
      name: "a missing value",
      code: md('<!-- { "blockType": , "name": "get_me" } -->', ...GET),
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 22, ...invalidJson("Expected a value") }],
    },
    {
      name: "a missing comma in a multi-line annotation is reported on its line",
      code: md(
        "<!-- {",
        '  "blockType": "request",',
        '  "name": "get_me"',
        '  "sampleKeys": ["a"]',
        "}",
        "-->",
        ...GET,
      ),
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 15, ...invalidJson("Expected ',' between values") },
      ],
    },
    {
      name: "each malformed annotation of a page",
      code: md(
        '<!-- { "blockType": "request", name: "a" } -->',
        ...GET,
        "",
        '<!-- { "blockType": "response" "truncated": true } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "```",
      ),
      errors: [
        { line: 1, column: 32, endLine: 1, endColumn: 36, ...invalidJson("Unexpected character") },
        { line: 6, column: 32, endLine: 6, endColumn: 43, ...invalidJson("Expected ',' between values") },
      ],
    },
  ],
});

expectEveryMessageIdTested(annotationJson);
