import { describe, expect, it } from "vitest";
import { statusCodeConsistent } from "../../rules/status-code-consistent.js";
import { reasonMatches } from "../../rules/status-code-consistent/status-codes.js";
import {
  type ExpectedRelated,
  type MessageIdOf,
  expectEveryMessageIdTested,
  md,
  runExplicitRuleTests,
} from "../helpers.js";

/** A status `code` that contradicts the success code the Response section states (`documented`). */
const codeContradicts = (code: number, documented: string) =>
  ({ messageId: "codeContradicts", data: { code, documented } }) as const;
/** A status line `code reason` whose reason phrase is not `phrase`, the code's. */
const reasonMismatch = (code: number, reason: string, phrase: string) =>
  ({ messageId: "reasonMismatch", data: { code, reason, phrase } }) as const;

/**
 * A page whose Response section (line 5) says `section`, with one example whose status line
 * (line 18) is `status`. The status code stands at columns 10-12 of line 18.
 */
const page = (section: string, status: string, ...more: string[]) =>
  md(
    "# Create widget",
    "",
    "## Response",
    "",
    section,
    "",
    "## Examples",
    "",
    "### Request",
    "",
    "```http",
    "POST https://graph.microsoft.com/v1.0/widgets",
    "```",
    "",
    "### Response",
    "",
    "```http",
    status,
    "```",
    ...more,
  );

const CREATED = "If successful, this method returns a `201 Created` response code and a widget object.";
/** Where `201` stands in CREATED, on line 5. */
const CREATED_AT: ExpectedRelated<MessageIdOf<typeof statusCodeConsistent>> = {
  messageId: "documentedCode",
  line: 5,
  column: 39,
  endLine: 5,
  endColumn: 42,
};

runExplicitRuleTests(statusCodeConsistent, {
  valid: [
    { name: "the example returns the stated code", code: page(CREATED, "HTTP/1.1 201 Created") },
    {
      name: "a section that states two success codes does not say which one an example returns",
      code: page(
        "If successful, this method returns `200 OK`. With `Prefer: return=minimal`, it returns `204 No Content`.",
        "HTTP/1.1 204 No Content",
      ),
    },
    {
      name: "a section that states no code",
      code: page(
        "If successful, this method returns a widget object in the response body.",
        "HTTP/1.1 200 OK",
      ),
    },
    { name: "an error example is not compared", code: page(CREATED, "HTTP/1.1 400 Bad Request") },
    {
      name: "an example whose own section states its code",
      code: page(
        "If successful, this method returns a `204 No Content` response code.",
        "HTTP/1.1 204 No Content",
        "",
        "### Example 2: submit for review",
        "",
        "#### Response",
        "",
        "If successful, this request returns a `201 Created` response code.",
        "",
        "```http",
        "HTTP/1.1 201 Created",
        "```",
      ),
    },
    {
      name: "a code the section states for errors",
      code: page(
        "If successful, this method returns `200 OK`. If an error occurred for some sites, this method returns a `207` status code.",
        "HTTP/1.1 207 Multi-Status",
      ),
    },
    {
      // Translated prose: the codes are read where they are written as code.
      name: "two success codes written as code, in another language",
      code: page(
        "如果成功，此操作返回 `200 OK` 响应代码。 此 API 返回一个 `200` 响应，或者返回一个 `207` 响应。",
        "HTTP/1.1 207 Multi-Status",
      ),
    },
    {
      name: "a paragraph that links to the page on errors states its code for errors, in any language",
      code: page(
        "如果请求成功，此方法将返回一组已关注的网站。\n\n* 如果发生错误，此方法将返回状态代码 `207` [](/graph/errors)。",
        "HTTP/1.1 200 OK",
      ),
    },
    {
      name: "reason phrase variants: case, spacing, hyphens, none",
      code: md(
        "```http",
        "HTTP/1.1 204 NoContent",
        "```",
        "```http",
        "HTTP/1.1 207 multi status",
        "```",
        "```http",
        "HTTP/1.1 413 Payload Too Large",
        "```",
        "```http",
        "HTTP/1.1 422",
        "```",
        "```http",
        "HTTP/1.1 299 Whatever",
        "```",
      ),
    },
    {
      name: "numbers that are not status codes",
      code: page(
        "If successful, this method returns a 200-series response code and up to 100 items, 2xx in all.",
        "HTTP/1.1 201 Created",
      ),
    },
    {
      name: "Response headings under Examples are not the Response section",
      code: md(
        "## Examples",
        "",
        "### Response",
        "",
        "This example returns `201 Created`.",
        "",
        "```http",
        "HTTP/1.1 200 OK",
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "the example returns another success code",
      code: page(CREATED, "HTTP/1.1 200 OK"),
      errors: [
        {
          line: 18,
          column: 10,
          endLine: 18,
          endColumn: 13,
          ...codeContradicts(200, "201 Created"),
          related: [CREATED_AT],
        },
      ],
    },
    {
      name: "a code written as code, in another language",
      code: page("此 API 返回一个 `201` 响应。", "HTTP/1.1 200 OK"),
      errors: [
        {
          line: 18,
          column: 10,
          endLine: 18,
          endColumn: 13,
          ...codeContradicts(200, "201"),
          related: [{ messageId: "documentedCode", line: 5, column: 13, endLine: 5, endColumn: 16 }],
        },
      ],
    },
    {
      name: "the right code with another code's reason phrase",
      code: page(CREATED, "HTTP/1.1 201 OK"),
      errors: [{ line: 18, column: 14, endLine: 18, endColumn: 16, ...reasonMismatch(201, "OK", "Created") }],
    },
    {
      name: "the stated reason with the wrong code: the code is reported, once",
      code: page(CREATED, "HTTP/1.1 200 Created"),
      errors: [{ line: 18, column: 10, endLine: 18, endColumn: 13, ...codeContradicts(200, "201 Created") }],
    },
    {
      name: "a wrong code and a reason phrase that fits neither",
      code: page("If successful, this method returns a `200 OK` response code.", "HTTP/1.1 204 Accepted"),
      errors: [
        { line: 18, column: 10, endLine: 18, endColumn: 13, ...codeContradicts(204, "200 OK") },
        {
          line: 18,
          column: 14,
          endLine: 18,
          endColumn: 22,
          ...reasonMismatch(204, "Accepted", "No Content"),
        },
      ],
    },
    {
      name: "a misspelt reason phrase, on a page without a Response section",
      code: md("### Response", "", "```http", "HTTP/1.1 202 Accpted", "```"),
      errors: [
        { line: 4, column: 14, endLine: 4, endColumn: 21, ...reasonMismatch(202, "Accpted", "Accepted") },
      ],
    },
    {
      name: "a code written with a comma before its reason, without backticks",
      code: page("If successful, this method returns 202, Accepted response code.", "HTTP/1.1 201 Created"),
      errors: [
        {
          line: 18,
          column: 10,
          endLine: 18,
          endColumn: 13,
          ...codeContradicts(201, "202 Accepted"),
          related: [{ ...CREATED_AT, column: 36, endColumn: 39 }],
        },
      ],
    },
    {
      name: "a Response section with subsections, and a non-standard reason",
      code: md(
        "## Response",
        "",
        "### JSON",
        "",
        "If successful, this method returns a `200 OK` response code and a report.",
        "",
        "## Example",
        "",
        "```http",
        "HTTP/1.1 201 Success",
        "```",
      ),
      errors: [
        { line: 10, column: 10, endLine: 10, endColumn: 13, ...codeContradicts(201, "200 OK") },
        { line: 10, column: 14, endLine: 10, endColumn: 21, ...reasonMismatch(201, "Success", "Created") },
      ],
    },
  ],
});

expectEveryMessageIdTested(statusCodeConsistent);

describe("reasonMatches", () => {
  it("accepts registered and common phrases, in any case, spacing or hyphenation", () => {
    expect(reasonMatches(200, "OK")).toBe(true);
    expect(reasonMatches(204, "NO CONTENT")).toBe(true);
    expect(reasonMatches(207, "MultiStatus")).toBe(true);
    expect(reasonMatches(302, "Moved Temporarily")).toBe(true);
    expect(reasonMatches(422, "Unprocessable Entity")).toBe(true);
  });
  it("rejects another code's phrase and typos", () => {
    expect(reasonMatches(201, "OK")).toBe(false);
    expect(reasonMatches(302, "Redirect")).toBe(false);
    expect(reasonMatches(202, "Accpted")).toBe(false);
  });
  it("does not judge unregistered codes or missing phrases", () => {
    expect(reasonMatches(299, "Anything")).toBe(true);
    expect(reasonMatches(200, "")).toBe(true);
  });
});
