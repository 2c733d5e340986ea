/**
 * The pages of fixtures/pages: pages we wrote to stand for the kinds of real page the rules were
 * made from (a v1.0 and a beta stub, a page with DocFX tabs, a page saved as plain text, a
 * machine-translated page). Each finding of the five conformance rules is checked at its place, by
 * its message id and by the text it covers. (The real seed pages stay in ../shared/seeds; they are
 * checked by ../shared/hooks/seed-check.mjs, not by `npm test`.)
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import { PAGES } from "./helpers.js";

/** The five conformance rules. */
const FIVE_RULES = [
  "no-todo-placeholder",
  "no-trailing-comma",
  "request-response-id-match",
  "external-path-prefix",
  "enum-value-documented",
];

/** `[ruleId, messageId, "line:column-endLine:endColumn", text covered]` per page. */
type Finding = [string, string, string, string];

const T = "no-todo-placeholder";
const C = "no-trailing-comma";
const I = "request-response-id-match";
const X = "external-path-prefix";
const E = "enum-value-documented";

const EXPECTED: Record<string, Finding[]> = {
  "plain-text.txt": [
    [C, "body", "45:26-45:27", ","],
    [C, "body", "57:19-57:20", ","],
    [C, "body", "69:18-69:19", ","],
    [I, "notEchoed", "80:9-80:19", '"wdg-7f3e"'],
    [C, "body", "81:18-81:19", ","],
  ],
  "stub-beta.txt": [
    [
      T,
      "todo",
      "4:10-4:106",
      "**TODO: Provide Github Name. See [the metadata guide](https://contoso.example/metadata#topic).**",
    ],
    [T, "todo", "6:17-6:68", "**TODO: Add a subservice. See the metadata guide.**"],
    [T, "todo", "20:37-20:68", "**TODO: List the permissions.**"],
    [T, "todo", "21:41-21:72", "**TODO: List the permissions.**"],
    [T, "todo", "22:14-22:45", "**TODO: List the permissions.**"],
    [X, "missingPrefix", "31:6-31:18", "/connections"],
    [T, "todo", "39:23-39:52", "**TODO: Describe the color.**"],
    [T, "todo", "40:23-40:52", "**TODO: Describe the reach.**"],
    [X, "missingPrefix", "55:38-55:50", "/connections"],
    [E, "typePlaceholder", "60:12-60:20", '"String"'],
    [E, "typePlaceholder", "61:12-61:20", '"String"'],
    [E, "typePlaceholder", "80:12-80:20", '"String"'],
    [E, "typePlaceholder", "81:12-81:20", '"String"'],
  ],
  "stub-v1.txt": [
    [T, "todo", "4:10-4:40", "**TODO: Provide Github Name.**"],
    [T, "todo", "6:11-6:33", "**TODO: Add MS prod.**"],
    [T, "todo", "18:37-18:43", "<TODO>"],
    [T, "todo", "20:14-20:18", "TODO"],
    [X, "missingPrefix", "29:7-29:19", "/connections"],
    [T, "todo", "37:22-37:47", "**TODO: Add Description**"],
    [X, "missingPrefix", "52:39-52:51", "/connections"],
    [E, "valuePlaceholder", "58:13-58:27", '"finish-value"'],
    [E, "caseOnly", "76:13-76:20", '"Matte"'],
  ],
  "tabbed.txt": [
    [C, "body", "118:21-118:22", ","],
    [I, "notEchoed", "146:9-146:20", '"part-2b9c"'],
  ],
  "translated-zh-cn.txt": [[I, "notEchoed", "137:9-137:18", '"gz-5512"']],
};

const files = readdirSync(PAGES)
  .filter((f) => f.endsWith(".txt"))
  .sort();

describe("fixtures/pages", () => {
  it("has the five pages", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s: the five rules' findings, each at its place", (file) => {
    const result = lintFile(join(PAGES, file));
    expect(result.unreadable).toBe(false);
    const source = result.source!;
    const found = result.messages
      .filter((m) => m.ruleId !== undefined && FIVE_RULES.includes(m.ruleId))
      .map((m): Finding => [
        m.ruleId!,
        m.messageId!,
        `${m.startPoint.line}:${m.startPoint.column}-${m.endPoint.line}:${m.endPoint.column}`,
        source.slice(m.startPoint.offset, m.endPoint.offset),
      ]);
    expect(found).toEqual(EXPECTED[file]);
  });
});
