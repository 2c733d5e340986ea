/**
 * Getting the service's CSDL to the rules: the `metadata` configuration key (a path for every page,
 * or paths by API version folder), which file a page is held to, and that the lint options a front
 * end builds with lintOptionsFor carry the loaded index to `context.metadata`.
 */
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { apiVersionOf } from "../src/docset/api-version.js";
import {
  ConfigError,
  type MetadataSetting,
  lintOptionsFor,
  metadataFileFor,
} from "../src/engine/config/index.js";
import { lintText } from "../src/engine/lint.js";
import { createRule } from "../src/engine/rule.js";
import { clearConfigCache, configFor } from "../src/index.js";
import { MetadataError, clearMetadataCache } from "../src/metadata/index.js";
import { tempFolder, writeFile } from "./helpers.js";
import { csdlDocument } from "./metadata/csdl.js";

const tmp = tempFolder("gdl-metadata-config-");

/** A CSDL document whose only schema is `namespace` (what the test rule reports). */
const csdlOf = (namespace: string) => csdlDocument([{ namespace, lines: ['<EnumType Name="color" />'] }]);

beforeEach(() => {
  clearConfigCache();
  clearMetadataCache();
});

describe("apiVersionOf", () => {
  it.each([
    ["/repo/api-reference/v1.0/api/user-get.md", "v1.0"],
    ["/repo/api-reference/beta/resources/user.md", "beta"],
    ["C:\\docs\\api-reference\\beta\\api\\user-get.md", "beta"],
    // The nearest version folder counts, not one further up.
    ["/home/beta/api-reference/v1.0/api/user-get.md", "v1.0"],
    ["/repo/api-reference/Beta/api/user-get.md", "beta"],
    ["/repo/docs/api/user-get.md", undefined],
    // A file named like a version is not a folder.
    ["/repo/beta", undefined],
    ["/repo/v1.01/api/x.md", undefined],
  ])("%s → %s", (path, version) => {
    expect(apiVersionOf(path)).toBe(version);
  });
});

describe("metadataFileFor", () => {
  const both: MetadataSetting = { byVersion: { "v1.0": "/m/v1.xml", beta: "/m/beta.xml" } };
  it.each([
    ["a v1.0 page, by version", both, "/d/v1.0/api/a.md", "/m/v1.xml"],
    ["a beta page, by version", both, "/d/beta/api/a.md", "/m/beta.xml"],
    ["a page of no version, by version only", both, "/d/api/a.md", undefined],
    ["a page of no version, one file", { all: "/m/all.xml", byVersion: {} }, "/d/api/a.md", "/m/all.xml"],
    ["a beta page, one file", { all: "/m/all.xml", byVersion: {} }, "/d/beta/a.md", "/m/all.xml"],
    [
      "a v1.0 page with only beta by version: the file for every page",
      { all: "/m/all.xml", byVersion: { beta: "/m/beta.xml" } },
      "/d/v1.0/a.md",
      "/m/all.xml",
    ],
    ["no setting", undefined, "/d/v1.0/a.md", undefined],
    ["no path", { all: "/m/all.xml", byVersion: { beta: "/m/beta.xml" } }, undefined, "/m/all.xml"],
  ])("%s", (_name, setting, path, file) => {
    expect(metadataFileFor(setting, path)).toBe(file);
  });
});

describe("the metadata configuration key", () => {
  it("resolves a path relative to the config file that declares it, and an extending file replaces it", async () => {
    const dir = tmp.fresh("k");
    writeFile(dir, "base/base.json", JSON.stringify({ metadata: { beta: "csdl/beta.xml" } }));
    writeFile(dir, "a/.graph-docs-lint.json", JSON.stringify({ extends: "../base/base.json" }));
    writeFile(
      dir,
      "b/.graph-docs-lint.json",
      JSON.stringify({ extends: "../base/base.json", metadata: "../v1.xml" }),
    );
    expect((await configFor(join(dir, "a", "x.md"))).metadata).toEqual({
      byVersion: { beta: join(dir, "base", "csdl", "beta.xml") },
    });
    expect((await configFor(join(dir, "b", "x.md"))).metadata).toEqual({
      all: join(dir, "v1.xml"),
      byVersion: {},
    });
    writeFile(dir, "c/.graph-docs-lint.json", "{}");
    expect((await configFor(join(dir, "c", "x.md"))).metadata).toBeUndefined();
  });

  it.each([
    [{ metadata: 3 }, "/metadata", "must be a path to a CSDL file"],
    [{ metadata: "" }, "/metadata", "must be a path to a CSDL file"],
    [{ metadata: {} }, "/metadata", "must be a path to a CSDL file"],
    [{ metadata: { v1: "a.xml" } }, "/metadata/v1", 'unknown API version (did you mean "v1.0"?)'],
    [{ metadata: { beta: 2 } }, "/metadata/beta", "must be a non-empty string"],
  ])("%j is an error at %s", async (content, pointer, detail) => {
    const dir = tmp.fresh("v");
    writeFile(dir, ".graph-docs-lint.json", JSON.stringify(content));
    const error = await configFor(join(dir, "x.md")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).pointer).toBe(pointer);
    expect((error as ConfigError).detail).toContain(detail);
  });
});

describe("lintOptionsFor", () => {
  /** Reports the namespaces of the page's metadata, or that it has none. */
  const probe = createRule({
    id: "metadata-probe",
    description: "Says which metadata the page got",
    messages: { some: "Metadata: {{namespaces}}.", none: "No metadata." },
    check({ page, metadata, report }) {
      const range = page.headings[0]!;
      if (metadata) report({ messageId: "some", data: { namespaces: metadata.namespaces.join(",") }, range });
      else report({ messageId: "none", range });
    },
  });

  function project(): string {
    const dir = tmp.fresh("l");
    writeFile(dir, "csdl/v1.xml", csdlOf("microsoft.graph.v1"));
    writeFile(dir, "csdl/beta.xml", csdlOf("microsoft.graph.beta"));
    return dir;
  }

  async function seen(dir: string, page: string, metadata?: MetadataSetting): Promise<string> {
    const path = join(dir, page);
    const options = lintOptionsFor(await configFor(path), { path, metadata });
    const [message] = lintText("# Page\n", options, [probe]).messages;
    return message?.reason ?? "";
  }

  it("gives a beta page the beta file and a v1.0 page the v1.0 file of the configuration", async () => {
    const dir = project();
    writeFile(
      dir,
      "docs/.graph-docs-lint.json",
      JSON.stringify({ metadata: { "v1.0": "../csdl/v1.xml", beta: "../csdl/beta.xml" } }),
    );
    expect(await seen(dir, "docs/beta/api/a.md")).toBe("Metadata: microsoft.graph.beta.");
    expect(await seen(dir, "docs/v1.0/api/a.md")).toBe("Metadata: microsoft.graph.v1.");
    expect(await seen(dir, "docs/api/a.md")).toBe("No metadata.");
  });

  it("gives every page the one file, and the front end's setting replaces the configuration's", async () => {
    const dir = project();
    writeFile(dir, "docs/.graph-docs-lint.json", JSON.stringify({ metadata: "../csdl/v1.xml" }));
    expect(await seen(dir, "docs/beta/api/a.md")).toBe("Metadata: microsoft.graph.v1.");
    expect(await seen(dir, "docs/api/a.md")).toBe("Metadata: microsoft.graph.v1.");
    const override = { byVersion: { beta: join(dir, "csdl", "beta.xml") } };
    expect(await seen(dir, "docs/beta/api/a.md", override)).toBe("Metadata: microsoft.graph.beta.");
    expect(await seen(dir, "docs/v1.0/api/a.md", override)).toBe("No metadata.");
  });

  it("without a metadata setting the rules get none", async () => {
    expect(await seen(tmp.fresh("n"), "v1.0/api/a.md")).toBe("No metadata.");
  });

  it("throws a MetadataError naming the file when the page's file is not CSDL", async () => {
    const dir = project();
    writeFile(dir, "csdl/broken.xml", "<edmx:Edmx");
    writeFile(dir, ".graph-docs-lint.json", JSON.stringify({ metadata: { beta: "csdl/broken.xml" } }));
    // Only the page whose version names the broken file fails.
    expect(await seen(dir, "v1.0/api/a.md")).toBe("No metadata.");
    await expect(seen(dir, "beta/api/a.md")).rejects.toThrow(MetadataError);
    await expect(seen(dir, "beta/api/a.md")).rejects.toThrow(join(dir, "csdl", "broken.xml"));
  });
});
