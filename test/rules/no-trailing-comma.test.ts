import { noTrailingComma } from "../../rules/no-trailing-comma.js";
import { expectEveryMessageIdTested, md, offsetAt, runRuleTests } from "../helpers.js";

const RULE = "no-trailing-comma";

/** A trailing comma before `closer` in the JSON of an example (a request or response body). */
const commaInBody = (closer: string) => ({ messageId: "body", data: { closer } });
/** A trailing comma before `closer` in an annotation. */
const commaInAnnotation = (closer: string) => ({ messageId: "annotation", data: { closer } });
/** A trailing comma before `closer` in a ```json block that is not an example. */
const commaInJsonBlock = (closer: string) => ({ messageId: "code", data: { closer } });

/** The fix that deletes the one character at line:column. */
const deleteAt = (code: string, line: number, column: number) => ({
  range: [offsetAt(code, line, column), offsetAt(code, line, column + 1)] as [number, number],
  text: "",
});

const objectBody = md(
  "### Request",
  '<!-- { "blockType": "request", "name": "create_widget" } -->',
  "```http",
  "POST https://graph.microsoft.com/v1.0/widgets",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "w1",',
  '  "name": "Widget",',
  "}",
  "```",
);

const arrayBody = md(
  "```http",
  "PATCH https://graph.microsoft.com/v1.0/widgets/w1",
  "Content-Type: application/json",
  "",
  '{ "tags": ["a", "b",] }',
  "```",
);

const annotation = md(
  "<!-- {",
  '  "blockType": "response",',
  '  "truncated": true,',
  '  "@odata.type": "microsoft.graph.widget",',
  "} -->",
  "```http",
  "HTTP/1.1 204 No Content",
  "```",
);

const jsonBlock = md("## JSON representation", "", "```json", "{", '  "id": "String",', "}", "```");

const nested = md(
  "```http",
  "HTTP/1.1 200 OK",
  "Content-Type: application/json",
  "",
  "{",
  '  "value": [',
  '    { "id": "1", "tags": ["x",], },',
  "  ],",
  "}",
  "```",
);

const annotatedJsonResponse = md(
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
  "```json",
  '{ "id": "w1", }',
  "```",
);

const plainText = md(
  "Create widget",
  "",
  "Namespace: microsoft.graph",
  "",
  "POST https://graph.microsoft.com/beta/widgets",
  "Content-Type: application/json",
  "",
  "{",
  '  "id": "w1",',
  "}",
);

const commentBeforeCloser = md("```http", "POST /widgets", "", "{", '  "id": "w1", // the id', "}", "```");

runRuleTests(RULE, {
  valid: [
    {
      name: "well-formed request and response bodies",
      code: md(
        '<!-- { "blockType": "request", "name": "create_widget" } -->',
        "```http",
        "POST https://graph.microsoft.com/v1.0/widgets",
        "",
        '{ "id": "w1", "tags": ["a", "b"], "size": { "w": 1 } }',
        "```",
        "",
        '<!-- { "blockType": "response" } -->',
        "```http",
        "HTTP/1.1 201 Created",
        "",
        '{ "id": "w1" }',
        "```",
      ),
    },
    {
      name: "commas before brackets inside strings",
      code: md("```http", "POST /widgets", "", '{ "note": "a,}", "list": "[1,2,]" }', "```"),
    },
    {
      name: "a code block in another language allows trailing commas",
      code: md("```csharp", 'var tags = new List<string> { "a", "b", };', "```"),
    },
    {
      name: "prose and tables are not JSON",
      code: md("# Widgets", "", "Sets are written {a, b,} or [1, 2,].", "", "|a|b|", "|-|-|", "|{x,}|y|"),
    },
    {
      name: "an annotation with no trailing comma and a request without body",
      code: md(
        '<!-- { "blockType": "request", "name": "get_widget", "sampleKeys": ["w1", "w2"] } -->',
        "```http",
        "GET https://graph.microsoft.com/v1.0/widgets/w1",
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "trailing comma in an object of a request body",
      code: objectBody,
      errors: [
        {
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 20,
          ...commaInBody("}"),
          fix: deleteAt(objectBody, 9, 19),
        },
      ],
      output: objectBody.replace('"Widget",', '"Widget"'),
    },
    {
      name: "trailing comma in an array",
      code: arrayBody,
      errors: [
        {
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 21,
          ...commaInBody("]"),
          fix: deleteAt(arrayBody, 5, 20),
        },
      ],
      output: arrayBody.replace('"b",]', '"b"]'),
    },
    {
      name: "trailing comma in an annotation",
      code: annotation,
      errors: [
        {
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 43,
          ...commaInAnnotation("}"),
          fix: deleteAt(annotation, 4, 42),
        },
      ],
      output: annotation.replace('widget",', 'widget"'),
    },
    {
      name: "trailing comma in a ```json block",
      code: jsonBlock,
      errors: [
        {
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 18,
          ...commaInJsonBlock("}"),
          fix: deleteAt(jsonBlock, 5, 17),
        },
      ],
      output: jsonBlock.replace('"String",', '"String"'),
    },
    {
      name: "several trailing commas in nested values, in text order",
      code: nested,
      errors: [
        { line: 7, column: 30, endLine: 7, endColumn: 31, ...commaInBody("]"), fix: deleteAt(nested, 7, 30) },
        { line: 7, column: 32, endLine: 7, endColumn: 33, ...commaInBody("}"), fix: deleteAt(nested, 7, 32) },
        { line: 7, column: 35, endLine: 7, endColumn: 36, ...commaInBody("]"), fix: deleteAt(nested, 7, 35) },
        { line: 8, column: 4, endLine: 8, endColumn: 5, ...commaInBody("}"), fix: deleteAt(nested, 8, 4) },
      ],
      output: nested.replace('["x",], },', '["x"] }').replace("  ],", "  ]"),
    },
    {
      name: "an annotated ```json response is reported once, as example JSON",
      code: annotatedJsonResponse,
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 14,
          ...commaInBody("}"),
          fix: deleteAt(annotatedJsonResponse, 3, 13),
        },
      ],
      output: annotatedJsonResponse.replace('"w1", }', '"w1" }'),
    },
    {
      name: "a plain-text page (no fences)",
      code: plainText,
      errors: [
        {
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 14,
          ...commaInBody("}"),
          fix: deleteAt(plainText, 9, 13),
        },
      ],
      output: plainText.replace('"w1",', '"w1"'),
    },
    {
      name: "a comment between the comma and the closer",
      code: commentBeforeCloser,
      errors: [
        {
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 14,
          ...commaInBody("}"),
          fix: deleteAt(commentBeforeCloser, 5, 13),
        },
      ],
      output: commentBeforeCloser.replace('"w1", //', '"w1" //'),
    },
  ],
});

expectEveryMessageIdTested(noTrailingComma);
