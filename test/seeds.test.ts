import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";

const SEEDS = fileURLToPath(new URL("../fixtures/seeds/", import.meta.url));

/** The five conformance rules the seed pages were written for. */
const FIVE_RULES = [
  "no-todo-placeholder",
  "no-trailing-comma",
  "request-response-id-match",
  "external-path-prefix",
  "enum-value-documented",
];

const TODO_LINES = [4, 6, 22, 23, 24, 49, 50];

/** Expected (ruleId, line) pairs per seed file prefix. */
const EXPECTED: Record<string, Array<[string, number]>> = {
  "000": [
    ...TODO_LINES.map((line): [string, number] => ["no-todo-placeholder", line]),
    ["external-path-prefix", 33],
    ["external-path-prefix", 67],
    ["enum-value-documented", 73],
    ["enum-value-documented", 74],
    ["enum-value-documented", 94],
    ["enum-value-documented", 95],
  ],
  "001": [
    ...[60, 72, 84, 96, 108, 120].map((line): [string, number] => ["no-trailing-comma", line]),
    ["request-response-id-match", 119],
  ],
  "002": [
    ["no-trailing-comma", 238],
    ["request-response-id-match", 290],
  ],
  "003": [
    ...TODO_LINES.map((line): [string, number] => ["no-todo-placeholder", line]),
    ["external-path-prefix", 33],
    ["external-path-prefix", 67],
    ["enum-value-documented", 73],
    ["enum-value-documented", 93],
  ],
  "004": [["request-response-id-match", 196]],
};

const sorted = (pairs: Array<[string, number]>) =>
  [...pairs].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([rule, line]) => `${line} ${rule}`);

const files = readdirSync(SEEDS).sort();

describe("seed pages", () => {
  it("has the five seeds", () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(EXPECTED));
  });

  it.each(files)("%s", (file) => {
    const result = lintFile(join(SEEDS, file));
    expect(result.unreadable).toBe(false);
    const found = result.messages
      .filter((m) => m.ruleId !== undefined && FIVE_RULES.includes(m.ruleId))
      .map((m): [string, number] => [m.ruleId!, m.startPoint.line]);
    expect(sorted(found)).toEqual(sorted(EXPECTED[file.slice(0, 3)]!));
  });
});
