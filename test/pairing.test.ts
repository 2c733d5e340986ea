import { describe, expect, it } from "vitest";
import { buildPage } from "../src/page/build.js";
import { md } from "./helpers.js";

/** An annotated http block: `blockType` and an optional name, then the block's first line. */
function block(blockType: string | undefined, first: string, name?: string | string[]): string[] {
  const fields = [
    blockType ? `"blockType": "${blockType}"` : "",
    name ? `"name": ${JSON.stringify(name)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const annotation = fields ? [`<!-- { ${fields} } -->`] : [];
  return [...annotation, "```http", first, "```", ""];
}

const request = (path: string, name?: string) => block("request", `POST ${path}`, name);
const response = (status: string, name?: string | string[]) => block("response", `HTTP/1.1 ${status}`, name);

/** The pairs as [request's first path, response's status], and the problems by kind. */
function pairsOf(code: string) {
  const page = buildPage(code);
  return {
    pairs: page.exchanges.map((x) => [
      x.request.message.requestLines[0]?.path,
      x.response?.message.status?.code ?? null,
    ]),
    problems: page.pairingProblems.map((p) => p.kind),
  };
}

describe("pairing requests with responses, as ApiDoctor does", () => {
  it.each<[string, string, ReturnType<typeof pairsOf>]>([
    [
      "each response answers the request before it",
      md(...request("/a"), ...response("201 Created"), ...request("/b"), ...response("200 OK")),
      {
        pairs: [
          ["/a", 201],
          ["/b", 200],
        ],
        problems: [],
      },
    ],
    [
      "an ignored block between a request and its response does not come between them",
      md(...request("/a"), ...block("ignored", "POST /other"), ...response("201 Created")),
      { pairs: [["/a", 201]], problems: [] },
    ],
    [
      "a response named for a request answers that one",
      md(...request("/a", "one"), ...request("/b", "two"), ...response("201 Created", "one")),
      {
        pairs: [
          ["/a", 201],
          ["/b", null],
        ],
        problems: [],
      },
    ],
    [
      "a response that names several requests answers each",
      md(...request("/a", "one"), ...request("/b", "two"), ...response("204 No Content", ["one", "two"])),
      {
        pairs: [
          ["/a", 204],
          ["/b", 204],
        ],
        problems: [],
      },
    ],
    [
      "a response named for no request on the page answers none",
      md(...request("/a", "one"), ...response("201 Created", "three")),
      { pairs: [["/a", null]], problems: ["noRequestNamed"] },
    ],
    [
      "a second response for the same request",
      md(...request("/a"), ...response("201 Created"), ...response("200 OK")),
      { pairs: [["/a", 201]], problems: ["secondResponse"] },
    ],
    [
      "a response before any request",
      md(...response("200 OK"), ...request("/a")),
      { pairs: [["/a", null]], problems: ["noRequest"] },
    ],
    [
      "a block annotated response that holds a request",
      md(...request("/a"), ...block("response", "GET /b")),
      { pairs: [["/a", null]], problems: ["isRequest"] },
    ],
    [
      "on a page that annotates its examples, unannotated blocks are not paired",
      md(...request("/a"), ...block(undefined, "POST /b"), ...response("201 Created")),
      { pairs: [["/a", 201]], problems: [] },
    ],
    [
      "a page that annotates none pairs its blocks by what they hold",
      md(
        ...block(undefined, "POST /a"),
        ...block(undefined, "HTTP/1.1 201 Created"),
        ...block(undefined, "POST /b"),
      ),
      {
        pairs: [
          ["/a", 201],
          ["/b", null],
        ],
        problems: [],
      },
    ],
  ])("%s", (_name, code, expected) => {
    expect(pairsOf(code)).toEqual(expected);
  });

  it("an ignored block is still an example its readers see: its kind is what it holds", () => {
    const page = buildPage(md(...block("ignored", "POST /other")));
    expect(page.examples.map((e) => e.kind)).toEqual(["request"]);
  });
});
