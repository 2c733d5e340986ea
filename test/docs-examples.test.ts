/**
 * The docs cannot drift from the tool: every shell example of the README and docs/*.md is run with
 * the built CLI (scripts/lib/doc-examples.mjs says how), and the output it shows must be what the
 * CLI prints now; an example that shows no output must not fail as a usage or configuration error.
 * After changing a message or a format, `npm run docs:examples -- --update` rewrites the examples.
 * The README's JSON example is checked against the JSON report of the same page.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ROOT,
  allExamples,
  byBlock,
  documentedFiles,
  extractExamples,
  runExamples,
  shown,
} from "../scripts/lib/doc-examples.mjs";
import { CLI, requireBuiltCli } from "./helpers.js";

requireBuiltCli();

const blocks = byBlock(allExamples());

describe("shell examples of the README and docs/", () => {
  it("finds examples in the README, configuration.md, ci.md and editors.md", () => {
    const files = new Set(blocks.flat().map((e) => e.file));
    for (const file of ["README.md", "docs/ci.md", "docs/editors.md"]) expect(files).toContain(file);
    expect(documentedFiles()).toContain("docs/configuration.md");
    expect(blocks.flat().filter((e) => e.expected !== undefined).length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((block) => [`${block[0]!.file}:${block[0]!.line}`, block] as const))(
    "%s",
    (_where, block) => {
      const results = runExamples(block);
      block.forEach((example, i) => {
        const { actual, status } = results[i]!;
        const where = `${example.file}:${example.line}: $ ${example.command}`;
        if (example.expected === undefined) expect(status, where).not.toBe(2);
        else expect(actual, where).toEqual(shown(example.expected));
      });
    },
    120_000,
  );

  it("reads what an example shows, and a page shown above it", () => {
    const examples = extractExamples(
      [
        "````markdown",
        "# Page",
        "````",
        "",
        "```text",
        "$ graph-docs-lint page.md",
        "out 1",
        "",
        "$ npm install",
        "```",
        "",
        "```sh",
        "npx graph-docs-lint --fix page.md # fix it",
        "echo not run",
        "```",
      ].join("\n"),
    );
    expect(examples.map((e) => [e.line, e.command, e.expected, e.page])).toEqual([
      [6, "graph-docs-lint page.md", ["out 1", ""], "# Page\n"],
      [13, "npx graph-docs-lint --fix page.md # fix it", undefined, "# Page\n"],
    ]);
  });
});

describe("the README's JSON example", () => {
  it("is the JSON report of fixtures/api/user-post.md (its path aside)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /indented for reading:\n\n```json\n([^]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const page = join(ROOT, "fixtures", "api", "user-post.md");
    const result = spawnSync(process.execPath, [CLI, "--format", "json", page], { encoding: "utf8" });
    const actual = JSON.parse(result.stdout) as Array<{ filePath: string }>;
    actual[0]!.filePath = "/path/to/graph-docs-lint/fixtures/api/user-post.md";
    expect(JSON.parse(block!)).toEqual(actual);
  });
});
