import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { isIgnored, schemaPath } from "../src/engine/config/index.js";
import {
  ConfigError,
  type ResolvedConfig,
  clearConfigCache,
  configFor,
  defaultConfig,
  loadConfigFile,
} from "../src/index.js";
import { writeFile } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "graph-docs-lint-config-"));
let counter = 0;

/** A fresh folder with the given files (paths relative to it; objects are written as JSON). */
function project(files: Record<string, string | object>): string {
  const dir = join(root, `p${++counter}`);
  for (const [path, content] of Object.entries(files))
    writeFile(dir, path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

const ruleIds = rules.map((r) => r.meta.id);

function withDefaults(overrides: Record<string, string>): ResolvedConfig["rules"] {
  return { ...defaultConfig.rules, ...overrides } as ResolvedConfig["rules"];
}

beforeEach(() => clearConfigCache());
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("defaultConfig", () => {
  it("is the recommended preset: every rule at its default severity", () => {
    expect(Object.keys(defaultConfig.rules).sort()).toEqual([...ruleIds].sort());
    for (const rule of rules) expect(defaultConfig.rules[rule.meta.id]).toBe(rule.meta.defaultSeverity);
    expect(defaultConfig).toMatchObject({ ruleOptions: {}, ignores: [], docsRoot: undefined, files: [] });
  });

  it("applies when no config file is found", async () => {
    const dir = project({ "page.md": "" });
    expect(await configFor(join(dir, "page.md"))).toEqual(defaultConfig);
  });
});

describe("file formats", () => {
  it("reads .graph-docs-lint.jsonc with comments and trailing commas", async () => {
    const dir = project({
      ".graph-docs-lint.jsonc": [
        "// project settings",
        "{",
        '  "$schema": "./node_modules/graph-docs-lint/schemas/graph-docs-lint.schema.json",',
        "  /* block comment */",
        '  "rules": {',
        '    "no-trailing-comma": "warn", // line comment',
        '    "annotation-json": ["off", { "a": 1, },],',
        "  },",
        "}",
      ].join("\n"),
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(withDefaults({ "no-trailing-comma": "warn", "annotation-json": "off" }));
    expect(config.ruleOptions).toEqual({ "annotation-json": { a: 1 } });
    expect(config.files).toEqual([join(dir, ".graph-docs-lint.jsonc")]);
  });

  it("reads .graph-docs-lint.json", async () => {
    const dir = project({ ".graph-docs-lint.json": { rules: { "no-todo-placeholder": "off" } } });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules["no-todo-placeholder"]).toBe("off");
    expect(config.files).toEqual([join(dir, ".graph-docs-lint.json")]);
  });

  it.each([".graph-docs-lint.yaml", ".graph-docs-lint.yml"])("reads %s", async (name) => {
    const dir = project({
      [name]: [
        "# settings",
        "rules:",
        "  no-todo-placeholder: warn",
        "  external-path-prefix: [error, { strict: true }]",
        "  request-response-id-match: off",
        "ignores:",
        "  - drafts/",
      ].join("\n"),
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(
      withDefaults({
        "no-todo-placeholder": "warn",
        "external-path-prefix": "error",
        "request-response-id-match": "off",
      }),
    );
    expect(config.ruleOptions).toEqual({ "external-path-prefix": { strict: true } });
    expect(config.ignores).toEqual([{ base: dir, patterns: ["drafts/"] }]);
  });

  it("reads an empty YAML file as an empty configuration", async () => {
    const dir = project({ ".graph-docs-lint.yaml": "# nothing yet\n" });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(defaultConfig.rules);
    expect(config.files).toEqual([join(dir, ".graph-docs-lint.yaml")]);
  });

  it('reads the "graph-docs-lint" key of package.json', async () => {
    const dir = project({
      "package.json": { name: "docs", "graph-docs-lint": { rules: { "annotation-json": "warn" } } },
    });
    const config = await configFor(join(dir, "api", "page.md"));
    expect(config.rules["annotation-json"]).toBe("warn");
    expect(config.files).toEqual([join(dir, "package.json")]);
  });

  it('skips a package.json without the "graph-docs-lint" key and keeps looking up', async () => {
    const dir = project({
      ".graph-docs-lint.json": { rules: { "annotation-json": "off" } },
      "sub/package.json": { name: "sub" },
    });
    const config = await configFor(join(dir, "sub", "page.md"));
    expect(config.rules["annotation-json"]).toBe("off");
    expect(config.files).toEqual([join(dir, ".graph-docs-lint.json")]);
  });

  it("prefers .jsonc over .json, .yaml and package.json in one folder", async () => {
    const dir = project({
      ".graph-docs-lint.jsonc": { rules: { "annotation-json": "off" } },
      ".graph-docs-lint.json": { rules: { "annotation-json": "warn" } },
      ".graph-docs-lint.yaml": "rules: { annotation-json: warn }",
      "package.json": { "graph-docs-lint": { rules: { "annotation-json": "warn" } } },
    });
    expect((await configFor(join(dir, "page.md"))).rules["annotation-json"]).toBe("off");
  });
});

describe("discovery", () => {
  it("uses the nearest config file; configs further up are not merged in", async () => {
    const dir = project({
      ".graph-docs-lint.json": { rules: { "annotation-json": "off", "no-todo-placeholder": "warn" } },
      "api/.graph-docs-lint.yaml": "rules:\n  annotation-json: warn\n",
    });
    const inner = await configFor(join(dir, "api", "deep", "page.md"));
    expect(inner.rules).toEqual(withDefaults({ "annotation-json": "warn" }));
    expect(inner.files).toEqual([join(dir, "api", ".graph-docs-lint.yaml")]);
    const outer = await configFor(join(dir, "resources", "page.md"));
    expect(outer.rules).toEqual(withDefaults({ "annotation-json": "off", "no-todo-placeholder": "warn" }));
  });

  it("caches per folder until clearConfigCache()", async () => {
    const dir = project({ ".graph-docs-lint.json": { rules: { "annotation-json": "off" } } });
    const first = await configFor(join(dir, "a.md"));
    expect(await configFor(join(dir, "b.md"))).toBe(first);
    writeFileSync(
      join(dir, ".graph-docs-lint.json"),
      JSON.stringify({ rules: { "annotation-json": "warn" } }),
    );
    expect((await configFor(join(dir, "a.md"))).rules["annotation-json"]).toBe("off");
    clearConfigCache();
    expect((await configFor(join(dir, "a.md"))).rules["annotation-json"]).toBe("warn");
  });

  it("an explicit config overrides discovery", async () => {
    const dir = project({
      ".graph-docs-lint.json": { rules: { "annotation-json": "off" } },
      "configs/ci.yaml": "rules:\n  annotation-json: warn\n",
    });
    const config = await configFor(join(dir, "page.md"), join(dir, "configs", "ci.yaml"));
    expect(config.rules["annotation-json"]).toBe("warn");
    expect(config.files).toEqual([join(dir, "configs", "ci.yaml")]);
  });

  it("an explicit config that does not exist is an error", async () => {
    const dir = project({});
    const error = await configError(loadConfigFile(join(dir, "missing.json")));
    expect(error.file).toBe(join(dir, "missing.json"));
    expect(error.message).toBe(`${join(dir, "missing.json")}: cannot be read: no such file`);
  });
});

describe("JavaScript configs", () => {
  const js = [
    "globalThis.__graphDocsLintConfigLoaded = (globalThis.__graphDocsLintConfigLoaded ?? 0) + 1;",
    'export default { rules: { "annotation-json": ["warn", { fromJs: true }] } };',
  ].join("\n");
  const loads = () =>
    (globalThis as { __graphDocsLintConfigLoaded?: number }).__graphDocsLintConfigLoaded ?? 0;

  it("discovery never loads a .graph-docs-lint.js file", async () => {
    const dir = project({ ".graph-docs-lint.js": js, ".graph-docs-lint.mjs": js });
    const before = loads();
    expect(await configFor(join(dir, "page.md"))).toEqual(defaultConfig);
    expect(loads()).toBe(before);
  });

  it("loads the default export of a .js or .mjs config named explicitly", async () => {
    const dir = project({ "config.mjs": js, "pkg/package.json": { type: "module" }, "pkg/config.js": js });
    for (const file of [join(dir, "config.mjs"), join(dir, "pkg", "config.js")]) {
      const before = loads();
      const config = await configFor(join(dir, "page.md"), file);
      expect(loads()).toBe(before + 1);
      expect(config.rules["annotation-json"]).toBe("warn");
      expect(config.ruleOptions).toEqual({ "annotation-json": { fromJs: true } });
      expect(config.files).toEqual([file]);
    }
  });

  it("validates a JavaScript config like any other", async () => {
    const dir = project({ "config.mjs": 'export default { rules: { "no-such-rule": "warn" } };' });
    const error = await configError(loadConfigFile(join(dir, "config.mjs")));
    expect(error.pointer).toBe("/rules/no-such-rule");
  });

  it("extends never loads a JavaScript file", async () => {
    const dir = project({ ".graph-docs-lint.json": { extends: ["./base.js"] }, "base.js": js });
    const before = loads();
    const error = await configError(configFor(join(dir, "page.md")));
    expect(loads()).toBe(before);
    expect(error.pointer).toBe("/extends/0");
    expect(error.message).toContain("JavaScript configs are not loaded through extends");
  });
});

describe("extends", () => {
  it("applies a preset, then the file's own rules", async () => {
    const dir = project({
      ".graph-docs-lint.json": { extends: ["graph-docs-lint:strict"], rules: { "annotation-json": "warn" } },
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual({
      ...Object.fromEntries(ruleIds.map((id) => [id, "error"])),
      "annotation-json": "warn",
    });
  });

  it("accepts a single string and the recommended preset", async () => {
    const dir = project({ ".graph-docs-lint.yaml": "extends: graph-docs-lint:recommended\n" });
    expect((await configFor(join(dir, "page.md"))).rules).toEqual(defaultConfig.rules);
  });

  it("resolves relative paths from the extending file's folder, in order", async () => {
    const dir = project({
      "shared/base.jsonc": {
        rules: { "annotation-json": ["warn", { level: 1 }], "no-todo-placeholder": "off" },
        ignores: ["drafts/"],
        docsRoot: "../docs",
      },
      "shared/more.yaml": "rules:\n  no-todo-placeholder: warn\n",
      "site/.graph-docs-lint.json": {
        extends: ["../shared/base.jsonc", "../shared/more.yaml"],
        ignores: ["*.tmp.md"],
      },
    });
    const config = await configFor(join(dir, "site", "page.md"));
    expect(config.rules).toEqual(withDefaults({ "annotation-json": "warn", "no-todo-placeholder": "warn" }));
    expect(config.ruleOptions).toEqual({ "annotation-json": { level: 1 } });
    expect(config.ignores).toEqual([
      { base: join(dir, "shared"), patterns: ["drafts/"] },
      { base: join(dir, "site"), patterns: ["*.tmp.md"] },
    ]);
    expect(config.docsRoot).toBe(join(dir, "docs"));
    expect(config.files).toEqual([
      join(dir, "site", ".graph-docs-lint.json"),
      join(dir, "shared", "base.jsonc"),
      join(dir, "shared", "more.yaml"),
    ]);
  });

  it("an extended file's rules override only what it names", async () => {
    const dir = project({
      "a.json": { rules: { "annotation-json": "off", "no-todo-placeholder": "off" } },
      "b.json": { rules: { "annotation-json": "warn" } },
      ".graph-docs-lint.json": { extends: ["./a.json", "./b.json"] },
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(withDefaults({ "annotation-json": "warn", "no-todo-placeholder": "off" }));
  });

  it("a bare severity keeps the options of the base; [severity, options] replaces them", async () => {
    const dir = project({
      "base.json": {
        rules: {
          "annotation-json": ["error", { keep: true }],
          "no-trailing-comma": ["error", { old: true }],
        },
      },
      ".graph-docs-lint.json": {
        extends: "./base.json",
        rules: { "annotation-json": "warn", "no-trailing-comma": ["warn", { new: true }] },
      },
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(withDefaults({ "annotation-json": "warn", "no-trailing-comma": "warn" }));
    expect(config.ruleOptions).toEqual({
      "annotation-json": { keep: true },
      "no-trailing-comma": { new: true },
    });
  });

  it("a docsRoot in the extending file overrides the base's, relative to its own folder", async () => {
    const dir = project({
      "base/base.json": { docsRoot: "docs-a" },
      "site/.graph-docs-lint.json": { extends: ["../base/base.json"], docsRoot: "../docs-b" },
    });
    expect((await configFor(join(dir, "site", "x.md"))).docsRoot).toBe(join(dir, "docs-b"));
  });

  it("an unknown preset is an error", async () => {
    const dir = project({ ".graph-docs-lint.json": { extends: ["graph-docs-lint:all"] } });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.pointer).toBe("/extends/0");
    expect(error.message).toBe(
      `${join(dir, ".graph-docs-lint.json")}: /extends/0: unknown preset "graph-docs-lint:all"; ` +
        'expected "graph-docs-lint:recommended" or "graph-docs-lint:strict"',
    );
  });

  it("a bare name that is neither a preset nor a relative path is an error", async () => {
    const dir = project({ ".graph-docs-lint.json": { extends: "base.json" } });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.pointer).toBe("/extends");
    expect(error.message).toContain('write "./base.json"');
  });

  it.each(["recommended", "strict"])(
    'a preset named without its prefix ("%s") suggests the preset',
    async (name) => {
      const dir = project({ ".graph-docs-lint.json": { extends: name } });
      const error = await configError(configFor(join(dir, "page.md")));
      expect(error.message).toBe(
        `${join(dir, ".graph-docs-lint.json")}: /extends: unknown preset "${name}"; write "graph-docs-lint:${name}"`,
      );
    },
  );

  it("a missing extends file is an error naming the extending file", async () => {
    const dir = project({
      ".graph-docs-lint.json": { extends: ["graph-docs-lint:recommended", "./nope.json"] },
    });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.file).toBe(join(dir, ".graph-docs-lint.json"));
    expect(error.pointer).toBe("/extends/1");
    expect(error.message).toContain(`cannot find "./nope.json" (resolved to ${join(dir, "nope.json")})`);
  });

  it("an extends cycle is an error", async () => {
    const dir = project({
      ".graph-docs-lint.json": { extends: ["./a.yaml"] },
      "a.yaml": "extends: [./b.json]\n",
      "b.json": { extends: ["./a.yaml"] },
    });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.file).toBe(join(dir, "b.json"));
    expect(error.pointer).toBe("/extends/0");
    // Named relative to the folder of the cycle's first file: the same from any working folder.
    expect(error.message).toBe(`${join(dir, "b.json")}: /extends/0: extends cycle: a.yaml → b.json → a.yaml`);
  });

  it("a file extending itself is a cycle", async () => {
    const dir = project({ ".graph-docs-lint.json": { extends: "./.graph-docs-lint.json" } });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.message).toContain("extends cycle");
  });

  it("errors in package.json point below its key", async () => {
    const dir = project({ "package.json": { "graph-docs-lint": { extends: ["./missing.json"] } } });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.file).toBe(join(dir, "package.json"));
    expect(error.pointer).toBe("/graph-docs-lint/extends/0");
  });
});

describe("validation", () => {
  async function errorFor(content: string | object, name = ".graph-docs-lint.json"): Promise<ConfigError> {
    const dir = project({ [name]: content });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.file).toBe(join(dir, name));
    return error;
  }

  it("a wrong severity names the file, the pointer and what was expected", async () => {
    const error = await errorFor({ rules: { "no-trailing-comma": "warning" } });
    expect(error.pointer).toBe("/rules/no-trailing-comma");
    expect(error.message).toBe(
      `${error.file}: /rules/no-trailing-comma: must be "off", "warn" or "error" (or 0, 1, 2), or [severity, options]`,
    );
  });

  it.each([
    ["a number other than 0, 1 and 2", 3],
    ["an array with a bad severity", ["warning"]],
    ["an array that is too long", ["warn", {}, {}]],
    ["an empty array", []],
  ])("a rule setting that is %s is reported at the rule", async (_name, setting) => {
    const error = await errorFor({ rules: { "annotation-json": setting } });
    expect(error.pointer).toBe("/rules/annotation-json");
    expect(error.message).toContain('must be "off", "warn" or "error" (or 0, 1, 2), or [severity, options]');
  });

  it("takes ESLint's numeric severities: 0 off, 1 warn, 2 error, also with options", async () => {
    const dir = project({
      ".graph-docs-lint.json": {
        rules: { "annotation-json": 0, "json-valid": 1, "no-todo-placeholder": [2, { x: 1 }] },
      },
    });
    const config = await configFor(join(dir, "page.md"));
    expect(config.rules).toEqual(
      withDefaults({ "annotation-json": "off", "json-valid": "warn", "no-todo-placeholder": "error" }),
    );
    expect(config.ruleOptions).toEqual({ "no-todo-placeholder": { x: 1 } });
  });

  it("reads reportUnusedDisableDirectives, which an extending file overrides", async () => {
    const dir = project({
      "base.json": { reportUnusedDisableDirectives: true },
      ".graph-docs-lint.json": { extends: "./base.json" },
      "sub/.graph-docs-lint.json": { extends: "../base.json", reportUnusedDisableDirectives: false },
    });
    expect((await configFor(join(dir, "page.md"))).reportUnusedDisableDirectives).toBe(true);
    expect((await configFor(join(dir, "sub", "page.md"))).reportUnusedDisableDirectives).toBe(false);
    expect(defaultConfig.reportUnusedDisableDirectives).toBeUndefined();
    const error = await errorFor({ reportUnusedDisableDirectives: "yes" });
    expect(error.message).toBe(`${error.file}: /reportUnusedDisableDirectives: must be true or false`);
  });

  it("an unknown rule id is an error, with a suggestion", async () => {
    const error = await errorFor({ rules: { "no-trailing-commas": "warn" } });
    expect(error.pointer).toBe("/rules/no-trailing-commas");
    expect(error.message).toBe(
      `${error.file}: /rules/no-trailing-commas: unknown rule "no-trailing-commas" ` +
        `(did you mean "no-trailing-comma"?); known rules: ${ruleIds.join(", ")}`,
    );
  });

  it("an unknown top-level key is an error", async () => {
    const error = await errorFor("rule:\n  annotation-json: warn\n", ".graph-docs-lint.yaml");
    expect(error.pointer).toBe("/rule");
    expect(error.message).toContain(
      'unknown key (did you mean "rules"?); expected one of "$schema", "extends"',
    );
  });

  it.each([
    [{ rules: ["annotation-json"] }, "/rules", "must be an object"],
    [{ ignores: "drafts/" }, "/ignores", "must be an array of gitignore-style patterns"],
    [{ ignores: ["ok", 3] }, "/ignores/1", "must be a string (a gitignore-style pattern)"],
    [{ docsRoot: 1 }, "/docsRoot", "must be a string (a folder path, relative to the config file)"],
    [{ maxPageBytes: 0 }, "/maxPageBytes", "must be a whole number of bytes, at least 1"],
    [{ maxPageBytes: 1.5 }, "/maxPageBytes", "must be a whole number of bytes, at least 1"],
    [{ maxPageBytes: "10MB" }, "/maxPageBytes", "must be a whole number of bytes, at least 1"],
    [{ extends: 5 }, "/extends", "must be a preset"],
    [{ extends: ["graph-docs-lint:strict", ""] }, "/extends/1", "must be a non-empty string"],
    [{ $schema: true }, "/$schema", "must be a string"],
    [[], "", "must be an object (a graph-docs-lint configuration)"],
  ])("%j is reported at %s", async (content, pointer, expected) => {
    const error = await errorFor(JSON.stringify(content));
    expect(error.pointer).toBe(pointer);
    expect(error.message).toContain(expected);
    expect(error.message.startsWith(pointer ? `${error.file}: ${pointer}: ` : `${error.file}: `)).toBe(true);
  });

  it("a JSONC syntax error gives the line and column", async () => {
    const error = await errorFor(
      '{\n  "rules": {\n    "annotation-json" "warn"\n  }\n}\n',
      ".graph-docs-lint.jsonc",
    );
    expect(error.pointer).toBe("");
    expect(error.message).toBe(`${error.file}:3:23: invalid JSONC: expected ':' after the property name`);
  });

  it("a JSON syntax error in package.json is an error", async () => {
    const error = await errorFor('{ "name": "x", }}', "package.json");
    expect(error.message).toMatch(/package\.json:1:17: invalid JSON: /);
  });

  it("a YAML syntax error gives the line and column", async () => {
    const error = await errorFor("rules:\n  annotation-json: warn\n   bad: [\n", ".graph-docs-lint.yaml");
    expect(error.pointer).toBe("");
    expect(error.message).toMatch(/\.graph-docs-lint\.yaml:\d+:\d+: invalid YAML: \S/);
    expect(error.message).not.toContain("\n");
  });

  it("a duplicate YAML key is an error", async () => {
    const error = await errorFor(
      "rules:\n  annotation-json: warn\n  annotation-json: off\n",
      ".graph-docs-lint.yml",
    );
    expect(error.message).toMatch(/\.graph-docs-lint\.yml:3:3: invalid YAML: /);
  });

  it("a YAML error in an extended file names that file", async () => {
    const dir = project({ ".graph-docs-lint.json": { extends: ["./base.yaml"] }, "base.yaml": "rules: [\n" });
    const error = await configError(configFor(join(dir, "page.md")));
    expect(error.file).toBe(join(dir, "base.yaml"));
  });
});

describe("ignores", () => {
  it("matches gitignore-style patterns relative to the config file's folder", async () => {
    const dir = project({
      "docs/.graph-docs-lint.yaml": [
        "ignores:",
        "  - drafts/",
        "  - '*-preview.md'",
        "  - '!keep-preview.md'",
      ].join("\n"),
    });
    const config = await configFor(join(dir, "docs", "page.md"));
    const ignored = (path: string) => isIgnored(join(dir, "docs", path), config);
    expect(ignored("page.md")).toBe(false);
    expect(ignored("drafts/page.md")).toBe(true);
    expect(ignored("api/drafts/page.md")).toBe(true);
    expect(ignored("api/user-preview.md")).toBe(true);
    expect(ignored("keep-preview.md")).toBe(false);
    // Outside the config's folder, its patterns do not apply.
    expect(isIgnored(join(dir, "drafts", "page.md"), config)).toBe(false);
  });

  it("anchored patterns match from the config file's folder only", async () => {
    const dir = project({ ".graph-docs-lint.json": { ignores: ["/api/beta/"] } });
    const config = await configFor(join(dir, "page.md"));
    expect(isIgnored(join(dir, "api", "beta", "x.md"), config)).toBe(true);
    expect(isIgnored(join(dir, "v1", "api", "beta", "x.md"), config)).toBe(false);
  });

  it("an extending config can lint again what its base ignores", async () => {
    const dir = project({
      "base.json": { ignores: ["drafts/*.md"] },
      ".graph-docs-lint.json": { extends: ["./base.json"], ignores: ["!drafts/ready.md"] },
    });
    const config = await configFor(join(dir, "page.md"));
    expect(isIgnored(join(dir, "drafts", "wip.md"), config)).toBe(true);
    expect(isIgnored(join(dir, "drafts", "ready.md"), config)).toBe(false);
  });

  it("nothing is ignored by the default config", () => {
    expect(isIgnored(join(root, "anything.md"), defaultConfig)).toBe(false);
  });
});

describe("docsRoot", () => {
  it("resolves relative to the config file's folder", async () => {
    const dir = project({ "repo/.graph-docs-lint.jsonc": '{ "docsRoot": "../content/docs" }' });
    expect((await configFor(join(dir, "repo", "api", "x.md"))).docsRoot).toBe(join(dir, "content", "docs"));
  });

  it("is undefined when not set", async () => {
    const dir = project({ ".graph-docs-lint.json": {} });
    expect((await configFor(join(dir, "x.md"))).docsRoot).toBeUndefined();
  });
});

describe("maxPageBytes", () => {
  it("is read from the configuration, and a later one overrides an extended one", async () => {
    const dir = project({
      "base/base.json": { maxPageBytes: 1000 },
      "site/.graph-docs-lint.json": { extends: ["../base/base.json"] },
      "other/.graph-docs-lint.json": { extends: ["../base/base.json"], maxPageBytes: 2000 },
    });
    expect((await configFor(join(dir, "site", "x.md"))).maxPageBytes).toBe(1000);
    expect((await configFor(join(dir, "other", "x.md"))).maxPageBytes).toBe(2000);
  });

  it("is undefined when not set (the engine's default, 10 MiB, applies)", async () => {
    const dir = project({ ".graph-docs-lint.json": {} });
    expect((await configFor(join(dir, "x.md"))).maxPageBytes).toBeUndefined();
    expect(defaultConfig.maxPageBytes).toBeUndefined();
  });
});

describe("schema", () => {
  const schema = JSON.parse(
    readFileSync(fileURLToPath(new URL("../schemas/graph-docs-lint.schema.json", import.meta.url)), "utf8"),
  ) as {
    $id: string;
    $schema: string;
    additionalProperties: boolean;
    properties: Record<string, { description?: string; markdownDescription?: string }> & {
      rules: {
        additionalProperties: boolean;
        properties: Record<string, { default?: string; description?: string; markdownDescription?: string }>;
      };
    };
  };

  it("has a property per rule id in rules/index.ts, with its default severity", () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...ruleIds].sort());
    for (const rule of rules) {
      const property = schema.properties.rules.properties[rule.meta.id];
      expect(property?.default, rule.meta.id).toBe(rule.meta.defaultSeverity);
      expect(property?.description, rule.meta.id).toBeTruthy();
      expect(property?.markdownDescription, rule.meta.id).toBeTruthy();
    }
    expect(schema.properties.rules.additionalProperties).toBe(false);
  });

  it("is a draft-07 schema with an $id, closed to unknown keys, describing every key", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual([
      "$schema",
      "docsRoot",
      "extends",
      "ignores",
      "maxPageBytes",
      "metadata",
      "reportUnusedDisableDirectives",
      "rules",
    ]);
    const properties: Record<string, { description?: string; markdownDescription?: string }> =
      schema.properties;
    for (const [key, property] of Object.entries(properties)) {
      expect(property.description, key).toBeTruthy();
      expect(property.markdownDescription, key).toBeTruthy();
    }
  });

  it("is the file the loader validates with", () => {
    expect(schemaPath()).toBe(
      fileURLToPath(new URL("../schemas/graph-docs-lint.schema.json", import.meta.url)),
    );
  });
});
