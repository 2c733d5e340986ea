import { jsonValid } from "../../rules/json-valid.js";
import type { MessageData } from "../../src/engine/rule.js";
import type { SyntaxMistake } from "../../src/parse/json-syntax.js";
import {
  type ExpectedError,
  type InvalidCase,
  type MessageIdOf,
  expectEveryMessageIdTested,
  md,
  runExplicitRuleTests,
} from "../helpers.js";

type MessageId = MessageIdOf<typeof jsonValid>;
/** The first syntax error of an example body is `mistake`. */
const bodyMistake = (mistake: SyntaxMistake, data?: MessageData) =>
  ({ messageId: `body.${mistake}`, ...(data ? { data } : {}) }) as const;
/** The first syntax error of a ```json block is `mistake`. */
const blockMistake = (mistake: SyntaxMistake, data?: MessageData) =>
  ({ messageId: `code.${mistake}`, ...(data ? { data } : {}) }) as const;

/** A response example with an annotation and the given body lines (the body starts on line 6). */
const response = (annotation: string, ...bodyLines: string[]) =>
  md(annotation, "```http", "HTTP/1.1 200 OK", "Content-Type: application/json", "", ...bodyLines, "```");

/**
 * One JSON text for each kind of syntax mistake, with what the finding says of it and where it
 * stands in the text (line 1 is the text's first line).
 */
const MISTAKES: {
  what: string;
  json: string[];
  mistake: SyntaxMistake;
  data?: MessageData;
  at: { line: number; column: number; endLine: number; endColumn: number };
}[] = [
  {
    what: "text after the JSON value",
    json: ['{ "a": 1 } x'],
    mistake: "textAfterValue",
    at: { line: 1, column: 12, endLine: 1, endColumn: 13 },
  },
  {
    what: "an ideographic space between tokens",
    json: ['{ "a":\u3000 1 }'],
    mistake: "unusualSpace",
    data: { codePoint: "U+3000", name: "ideographic space" },
    at: { line: 1, column: 7, endLine: 1, endColumn: 8 },
  },
  {
    what: "a curly quote",
    json: ['{ \u201ca": 1 }'],
    mistake: "curlyQuote",
    data: { quote: "\u201c" },
    at: { line: 1, column: 3, endLine: 1, endColumn: 4 },
  },
  {
    what: "a single-quoted value",
    json: ["{ \"a\": 'b' }"],
    mistake: "singleQuote",
    at: { line: 1, column: 8, endLine: 1, endColumn: 9 },
  },
  {
    what: "a backspace inside a string",
    json: ['{ "a": "x\by" }'],
    mistake: "controlCharacter",
    data: { codePoint: "U+0008", escape: "\\b" },
    at: { line: 1, column: 10, endLine: 1, endColumn: 11 },
  },
  {
    what: "a string broken over two lines",
    json: ['{ "a": "x', 'y" }'],
    mistake: "multilineString",
    at: { line: 1, column: 8, endLine: 1, endColumn: 10 },
  },
  {
    what: "a unit right after a string",
    json: ['{ "size": "10"px }'],
    mistake: "textAfterString",
    data: { word: "px" },
    at: { line: 1, column: 15, endLine: 1, endColumn: 17 },
  },
  {
    what: "a number with a leading zero",
    json: ['{ "a": 007 }'],
    mistake: "leadingZero",
    data: { word: "007" },
    at: { line: 1, column: 8, endLine: 1, endColumn: 11 },
  },
  {
    what: "an unquoted property name",
    json: ["{ id: 1 }"],
    mistake: "unquotedName",
    data: { word: "id" },
    at: { line: 1, column: 3, endLine: 1, endColumn: 5 },
  },
  {
    what: "an unquoted value",
    json: ['{ "a": yes }'],
    mistake: "unquotedValue",
    data: { word: "yes" },
    at: { line: 1, column: 8, endLine: 1, endColumn: 11 },
  },
  {
    what: "a stray character",
    json: ['{ "a": 1 ; }'],
    mistake: "unexpectedCharacter",
    data: { text: ";" },
    at: { line: 1, column: 10, endLine: 1, endColumn: 11 },
  },
  {
    what: "stray text that is not a word",
    json: ['{ "a": %abc }'],
    mistake: "unexpectedText",
    data: { text: "%abc" },
    at: { line: 1, column: 8, endLine: 1, endColumn: 12 },
  },
  {
    what: "a missing comma",
    json: ['{ "a": 1 "b": 2 }'],
    mistake: "other",
    data: { detail: "Expected ',' between values" },
    at: { line: 1, column: 10, endLine: 1, endColumn: 13 },
  },
];

/** Each mistake of `MISTAKES` in a request body (from line 4) and in a ```json block (from line 2). */
const mistakeCases: InvalidCase<MessageId>[] = MISTAKES.flatMap(({ what, json, mistake, data, at }) => {
  const from = (first: number): Pick<ExpectedError, "line" | "column" | "endLine" | "endColumn"> => ({
    line: at.line + first - 1,
    column: at.column,
    endLine: at.endLine + first - 1,
    endColumn: at.endColumn,
  });
  return [
    {
      name: `${what}, in an example body`,
      code: md("```http", "POST /widgets", "", ...json, "```"),
      errors: [{ ...bodyMistake(mistake, data), ...from(4) }],
    },
    {
      name: `${what}, in a JSON block`,
      code: md("```json", ...json, "```"),
      errors: [{ ...blockMistake(mistake, data), ...from(2) }],
    },
  ];
});

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
    ...mistakeCases,
    {
      name: "truncation in a JSON block whose annotation does not say so",
      code: md(
        '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->',
        "```json",
        '{ "id": "String", … }',
        "```",
      ),
      errors: [
        { messageId: "code.truncated", data: { mark: "…" }, line: 3, column: 19, endLine: 3, endColumn: 20 },
      ],
    },
    {
      name: "truncation in a JSON block without annotation",
      code: md("```json", '{ "value": [ ... ] }', "```"),
      errors: [
        {
          messageId: "code.truncatedUnannotated",
          data: { mark: "..." },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    {
      name: "a missing comma, at the property after it",
      code: response('<!-- { "blockType": "response" } -->', "{", '  "id": "w1"', '  "name": "Widget"', "}"),
      errors: [
        {
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
          ...bodyMistake("other", { detail: "Expected ',' between values" }),
        },
      ],
    },
    {
      name: "only the first syntax error of a body",
      code: md("```http", "POST /widgets", "", "{", "  id: 1,", "  name: 'x'", "}", "```"),
      errors: [
        { line: 5, column: 3, endLine: 5, endColumn: 5, ...bodyMistake("unquotedName", { word: "id" }) },
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
        { line: 5, column: 31, endLine: 5, endColumn: 45, messageId: "body.comment" },
        { line: 6, column: 3, endLine: 6, endColumn: 14, messageId: "body.comment" },
      ],
    },
    {
      name: "a comment in a ```json block",
      code: md("```json", "{", "  /* relationships */", '  "children": []', "}", "```"),
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 22, messageId: "code.comment" }],
    },
    {
      // Was a bug: jsonc-parser gives a "/*" at the very end a length one past the text, and the
      // range ran into the line break (3:1-4:1; with CRLF it ended between "\r" and "\n").
      name: "an unterminated comment at the end of a JSON block ends where the text ends",
      code: md("```json", "[1,", "/*", "```", "", "```json", "[1,", "  /*", "```").replace(/\n/g, "\r\n"),
      errors: [
        {
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
          ...blockMistake("other", { detail: "Unterminated comment" }),
        },
        { line: 3, column: 1, endLine: 3, endColumn: 3, messageId: "code.comment" },
        {
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 5,
          ...blockMistake("other", { detail: "Unterminated comment" }),
        },
        { line: 8, column: 3, endLine: 8, endColumn: 5, messageId: "code.comment" },
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
      errors: [
        { line: 8, column: 3, endLine: 8, endColumn: 4, messageId: "body.truncated", data: { mark: "…" } },
      ],
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
          messageId: "body.truncatedUnannotated",
          data: { mark: "..." },
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
          ...bodyMistake("unusualSpace", { codePoint: "U+00A0", name: "no-break space" }),
        },
      ],
    },
    {
      name: "single quotes",
      code: md("```http", "PATCH /pages/1/content", "", "[ { 'target': '#para-id' } ]", "```"),
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 6, ...bodyMistake("singleQuote") }],
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
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 55, ...bodyMistake("multilineString") }],
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
      errors: [{ line: 6, column: 1, endLine: 6, endColumn: 6, ...bodyMistake("textAfterValue") }],
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
          ...bodyMistake("controlCharacter", { codePoint: "U+0009", escape: "\\t" }),
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
          ...bodyMistake("unquotedValue", { word: "2018-04-01T12:39:16Z" }),
        },
        {
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 25,
          ...blockMistake("leadingZero", { word: "0000000000" }),
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
        {
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 10,
          ...bodyMistake("other", { detail: "Expected ',' between values" }),
        },
      ],
    },
  ],
});

expectEveryMessageIdTested(jsonValid);
