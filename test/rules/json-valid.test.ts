import { jsonValid } from "../../rules/json-valid.js";
import { md, runExplicitRuleTests } from "../helpers.js";

const body = (detail: string) => `Example body is not valid JSON: ${detail}.`;
const block = (detail: string) => `JSON block is not valid JSON: ${detail}.`;
const COMMENT = "Comment in example body: JSON does not allow comments.";
const truncated = (mark: string) =>
  `Body is truncated with '${mark}' but its annotation does not say "truncated": true.`;

/** A response example with an annotation and the given body lines (the body starts on line 6). */
const response = (annotation: string, ...bodyLines: string[]) =>
  md(annotation, "```http", "HTTP/1.1 200 OK", "Content-Type: application/json", "", ...bodyLines, "```");

runExplicitRuleTests(jsonValid, {
  valid: [
    {
      name: "well-formed request and response bodies",
      code: md(
        '<!-- { "blockType": "request", "name": "create_widget" } -->',
        "```http",
        "POST https://graph.microsoft.com/v1.0/widgets",
        "Content-Type: application/json",
        "",
        '{ "id": "w1", "tags": ["a", "b"], "size": { "w": 1.5e3 }, "note": "a // b, /* c */" }',
        "```",
        "",
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 201 Created",
        "",
        '[{ "id": "w1", "ok": true, "none": null }]',
        "```",
      ),
    },
    {
      name: "a truncated body whose annotation says so (boolean or string)",
      code: md(
        response(
          '<!-- { "blockType": "response", "truncated": true } -->',
          "{",
          '  "value": [ {…}, ... ]',
          "}",
        ),
        response('<!-- { "blockType": "response", "truncated": "true" } -->', '{ "id": "1", ... }'),
      ),
    },
    {
      name: "a body sent as another media type is not JSON",
      code: md(
        "```http",
        "POST https://graph.microsoft.com/v1.0/me/drive/root:/notes.txt:/content",
        "Content-Type: text/plain",
        "",
        "{ name: value, 'quoted' }",
        "```",
      ),
    },
    {
      name: "a placeholder for binary content",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "",
        "{Raw bytes of the file}",
        "```",
        "",
        "```http",
        "POST https://graph.microsoft.com/v1.0/appCatalogs/teamsApps",
        "",
        "[Zip file containing a Teams app package]",
        "```",
      ),
    },
    {
      name: "a body that does not start with { or [ is not checked",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "Content-Type: text/csv",
        "",
        "Report Refresh Date,User Id",
        "```",
      ),
    },
    {
      name: "trailing commas are no-trailing-comma's",
      code: md("```json", '{ "a": [1, 2,], }', "```"),
    },
    {
      name: "JSON in other code blocks and in prose is not checked",
      code: md("```javascript", "const x = { a: 1, // note", "};", "```", "", "Write `{ a: 'b' }` or {x y}."),
    },
  ],
  invalid: [
    {
      name: "a missing comma, at the property after it",
      code: response('<!-- { "blockType": "response" } -->', "{", '  "id": "w1"', '  "name": "Widget"', "}"),
      errors: [
        { line: 8, column: 3, endLine: 8, endColumn: 9, message: body("Expected ',' between values") },
      ],
    },
    {
      name: "only the first syntax error of a body",
      code: md("```http", "POST /widgets", "", "{", "  id: 1,", "  name: 'x'", "}", "```"),
      errors: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 5,
          message: body("Property name id is not in double quotes"),
        },
      ],
    },
    {
      name: "line and block comments, each reported",
      code: md(
        "```http",
        "POST /roleAssignments",
        "",
        "{",
        '  "roleDefinitionId": "fe93", // template id',
        '  /* scope */ "directoryScopeId": "/"',
        "}",
        "```",
      ),
      errors: [
        { line: 5, column: 31, endLine: 5, endColumn: 45, message: COMMENT },
        { line: 6, column: 3, endLine: 6, endColumn: 14, message: COMMENT },
      ],
    },
    {
      name: "a comment in a ```json block",
      code: md("```json", "{", "  /* relationships */", '  "children": []', "}", "```"),
      errors: [
        {
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          message: "Comment in JSON block: JSON does not allow comments.",
        },
      ],
    },
    {
      // Was a bug: jsonc-parser gives a "/*" at the very end a length one past the text, and the
      // range ran into the line break (3:1-4:1; with CRLF it ended between "\r" and "\n").
      name: "an unterminated comment at the end of a JSON block ends where the text ends",
      code: md("```json", "[1,", "/*", "```", "", "```json", "[1,", "  /*", "```").replace(/\n/g, "\r\n"),
      errors: [
        { line: 3, column: 1, endLine: 3, endColumn: 3, message: block("Unterminated comment") },
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
          message: "Comment in JSON block: JSON does not allow comments.",
        },
        { line: 8, column: 3, endLine: 8, endColumn: 5, message: block("Unterminated comment") },
        {
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 5,
          message: "Comment in JSON block: JSON does not allow comments.",
        },
      ],
    },
    {
      name: 'truncation without "truncated": true',
      code: response(
        '<!-- { "blockType": "response", "truncated": false } -->',
        "{",
        '  "id": "1",',
        "  …",
        "}",
      ),
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 4, message: truncated("…") }],
    },
    {
      name: "truncation in a body without annotation",
      code: md("```http", "HTTP/1.1 200 OK", "", '{ "value": [ ... ] }', "```"),
      errors: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 17,
          message: `Body is truncated with '...' but it has no annotation that says "truncated": true.`,
        },
      ],
    },
    {
      name: "a no-break space between tokens",
      code: md("```http", "HTTP/1.1 200 OK", "", '{ "mac": 0,\u00a0"ios": 0 }', "```"),
      errors: [
        {
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 13,
          message: body(
            "Unexpected character U+00A0 (no-break space): JSON allows only spaces, tabs and line breaks between tokens",
          ),
        },
      ],
    },
    {
      name: "single quotes",
      code: md("```http", "PATCH /pages/1/content", "", "[ { 'target': '#para-id' } ]", "```"),
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 6,
          message: body("Single quote: JSON strings and property names take double quotes"),
        },
      ],
    },
    {
      name: "a string broken over two lines",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "",
        "{",
        '  "@odata.id": "https://graph.microsoft.com/v1.0/users',
        "('x')\"",
        "}",
        "```",
      ),
      errors: [
        {
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 55,
          message: body("Unterminated string: a JSON string cannot span lines"),
        },
      ],
    },
    {
      name: "a second message in the same block",
      code: md(
        "```http",
        "PATCH /deviceCategories/1",
        "",
        '{ "displayName": "x" }',
        "",
        "PATCH /deviceCategories/2",
        "```",
      ),
      errors: [
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 6,
          message: body("Unexpected text after the JSON value"),
        },
      ],
    },
    {
      name: "a tab inside a string",
      code: md("```http", "POST /notes", "", '{ "text": "a\tb" }', "```"),
      errors: [
        {
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 14,
          message: body("Control character U+0009 in a string: write it as \\t"),
        },
      ],
    },
    {
      name: "an unquoted date and a number with leading zeros",
      code: md(
        "```http",
        "HTTP/1.1 200 OK",
        "",
        '{ "deletedDateTime": 2018-04-01T12:39:16Z }',
        "```",
        "",
        "```json",
        '{ "notAfter": 0000000000 }',
        "```",
      ),
      errors: [
        {
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 42,
          message: body("Unquoted value 2018-04-01T12:39:16Z: JSON strings take double quotes"),
        },
        {
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 25,
          message: block("Invalid number 0000000000: JSON numbers do not start with 0"),
        },
      ],
    },
    {
      name: "a plain-text page (no fences)",
      code: md(
        "Update widget",
        "",
        "PATCH https://graph.microsoft.com/v1.0/widgets/1",
        "Content-Type: application/json",
        "",
        "{",
        '  "name": "x",',
        '  "size": "large"',
        '  "color": "red"',
        "}",
      ),
      errors: [
        { line: 9, column: 3, endLine: 9, endColumn: 10, message: body("Expected ',' between values") },
      ],
    },
  ],
});
