/**
 * The package as a user gets it: `npm pack`, then the tarball installed into a fresh project with
 * the npm on the machine. The install runs no script and needs no build: the bins, the API and the
 * remark plugin work as installed. (npm 11 lists the package's `prepare` script, which builds a
 * checkout on `npm install`, among scripts to review; it does not run it for an installed package.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, requireBuiltCli } from "./helpers.js";

requireBuiltCli();
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

let scratch: string;
let project: string;
let install: { status: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.error) throw result.error;
  return result;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "gdl-package-"));
  // The build is npm test's (pretest): packing again would only rebuild the same files.
  const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", scratch], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  project = join(scratch, "docs-repo");
  run("mkdir", ["-p", project], scratch);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "docs-repo", private: true }));
  install = run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, pack.stdout.trim())],
    project,
  );
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the packed package, installed into a fresh project", () => {
  it("installs without a warning other than npm's list of scripts to review", () => {
    expect(install.status, install.stderr).toBe(0);
    const warnings = install.stderr.split("\n").filter((line) => line.trim() !== "");
    const review = /^npm warn install-scripts/;
    expect(warnings.filter((line) => !review.test(line))).toEqual([]);
    // The only script it names is the checkout's build, which npm does not run here.
    const named = warnings.filter((line) => /\(\w+:/.test(line));
    expect(named.every((line) => /graph-docs-lint@[^ ]+ \(prepare: npm run build\)/.test(line))).toBe(true);
    expect(install.stdout).not.toMatch(/warn/i);
  });

  it("ships its license, the built code and no sources or tests", () => {
    const installed = join(project, "node_modules", "graph-docs-lint");
    for (const file of [
      "LICENSE",
      "dist/bundle/cli.js",
      "dist/bundle/lsp.js",
      "dist/src/index.js",
      "schemas/graph-docs-lint.schema.json",
    ])
      expect(existsSync(join(installed, file)), file).toBe(true);
    for (const file of ["src", "test", "fixtures", "tsconfig.json"])
      expect(existsSync(join(installed, file)), file).toBe(false);
  });

  it("runs its bins without a build step", () => {
    const bin = join(project, "node_modules", ".bin");
    expect(run(join(bin, "graph-docs-lint"), ["--version"], project).stdout).toBe(`${version}\n`);
    const page = join(FIXTURES, "api", "user-post.md");
    const lint = run(join(bin, "graph-docs-lint"), ["--format", "unix", page], project);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain(":59:35: Trailing comma before '}' in annotation");
    expect(run(join(bin, "graph-docs-lint-lsp"), ["--help"], project).stdout).toContain(
      "graph-docs-lint-lsp",
    );
  });

  it("exports the API and the remark plugin", () => {
    const script = [
      'const api = await import("graph-docs-lint");',
      'const remark = await import("graph-docs-lint/remark");',
      'const result = api.lintText("# Page\\n\\nTODO\\n");',
      "console.log(result.messages.map((m) => m.ruleId).join(), typeof remark.default, api.rules.length > 0);",
    ].join("\n");
    const result = run(process.execPath, ["--input-type=module", "-e", script], project);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("no-todo-placeholder function true\n");
  });
});
