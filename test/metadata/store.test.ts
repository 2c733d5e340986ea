import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { storeDir } from "../../src/docset/store-dir.js";
import { MetadataError } from "../../src/metadata/errors.js";
import {
  type LoadMetadataOptions,
  clearMetadataCache,
  loadMetadata,
  loadMetadataIndex,
} from "../../src/metadata/load.js";
import { MetadataStore } from "../../src/metadata/store.js";
import { tempFolder } from "../helpers.js";
import { SAMPLE_CSDL, csdl } from "./csdl.js";

const tmp = tempFolder("gdl-metadata-store-");

interface StoredPaths {
  header: string;
  body: string;
}
/** The built library (npm test builds first), for runs in new processes. */
const BUILT_LIBRARY = fileURLToPath(new URL("../../dist/src/metadata/index.js", import.meta.url));

/** A store folder of its own, and the files parsed through it. */
function setUp(): { dir: string; parsed: string[]; options: LoadMetadataOptions } {
  const dir = tmp.fresh("s");
  const parsed: string[] = [];
  return { dir, parsed, options: { storeDir: join(dir, "store"), onParse: (file) => parsed.push(file) } };
}

/** A one-enum CSDL document with these members. */
const enumDocument = (...members: string[]) =>
  csdl('<EnumType Name="level">', ...members.map((m) => `  <Member Name="${m}" />`), "</EnumType>");

const membersOf = (file: string, options: LoadMetadataOptions) =>
  loadMetadata(file, options).enumTypes[0]?.members.map((m) => m.name);

/** Sets a file's modification time to `seconds` after the epoch (an exact, distinct stamp). */
const touch = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe("loadMetadata: the store between runs", () => {
  beforeEach(() => clearMetadataCache());

  it("a new process reads the stored model, not the XML", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const first = loadMetadata(file, options);
    expect(parsed).toEqual([file]);
    clearMetadataCache();
    const second = loadMetadata(file, options);
    expect(parsed).toEqual([file]);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it("reads a file once per process while it is unchanged, store or no store", () => {
    const { dir, parsed } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const options: LoadMetadataOptions = { storeDir: false, onParse: (f) => parsed.push(f) };
    const first = loadMetadata(file, options);
    expect(loadMetadata(file, options)).toBe(first);
    expect(loadMetadataIndex(file, options)).toBe(loadMetadataIndex(file, options));
    expect(loadMetadataIndex(file, options).model).toBe(first);
    expect(parsed).toEqual([file]);
  });

  for (const sameProcess of [true, false]) {
    it(`re-reads a file changed on disk (${sameProcess ? "same process" : "new process"})`, () => {
      const { dir, parsed, options } = setUp();
      const file = join(dir, "beta.xml");
      writeFileSync(file, enumDocument("low", "high"));
      touch(file, 1_000_000);
      expect(membersOf(file, options)).toEqual(["low", "high"]);
      // The same size, a new time.
      writeFileSync(file, enumDocument("low", "HIGH"));
      touch(file, 1_000_001);
      if (!sameProcess) clearMetadataCache();
      expect(membersOf(file, options)).toEqual(["low", "HIGH"]);
      // Another size, the same time.
      writeFileSync(file, enumDocument("low", "medium", "high"));
      touch(file, 1_000_001);
      if (!sameProcess) clearMetadataCache();
      expect(membersOf(file, options)).toEqual(["low", "medium", "high"]);
      expect(parsed).toEqual([file, file, file]);
    });
  }

  it("does not parse the same content again: a copy elsewhere, or the file touched", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const model = loadMetadata(file, options);
    const copy = join(dir, "copy.xml");
    copyFileSync(file, copy);
    touch(file, 2_000_000);
    clearMetadataCache();
    expect(loadMetadata(copy, options)).toEqual({ ...model, file: copy });
    expect(loadMetadata(file, options)).toEqual(model);
    expect(parsed).toEqual([file]);
  });

  it("ignores store files it cannot use, and stores the model again", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const model = loadMetadata(file, options);
    const stored = readdirSync(join(dir, "store"));
    expect(stored.filter((name) => name.startsWith("model-"))).toHaveLength(1);
    expect(stored.filter((name) => name.startsWith("stamp-"))).toHaveLength(1);
    for (const name of stored)
      writeFileSync(join(dir, "store", name), name.startsWith("model-") ? "{" : "[]");
    clearMetadataCache();
    expect(loadMetadata(file, options)).toEqual(model);
    clearMetadataCache();
    expect(loadMetadata(file, options)).toEqual(model);
    expect(parsed).toEqual([file, file]);
  });

  /** The stored model's files: its header (names) and its body (each type's JSON). */
  function storedModel(dir: string): { paths: StoredPaths; header: Record<string, unknown>; body: Buffer } {
    const names = readdirSync(join(dir, "store"));
    const paths = {
      header: join(
        dir,
        "store",
        names.find((n) => n.startsWith("model-"))!,
      ),
      body: join(
        dir,
        "store",
        names.find((n) => n.startsWith("types-"))!,
      ),
    };
    const header = JSON.parse(readFileSync(paths.header, "utf8")) as Record<string, unknown>;
    return { paths, header, body: readFileSync(paths.body) };
  }

  const rewrite = (paths: StoredPaths, header: Record<string, unknown>, body: Buffer) => {
    writeFileSync(paths.header, JSON.stringify(header));
    writeFileSync(paths.body, body);
  };

  it("does not use a stored model of another store version, content or length", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    loadMetadata(file, options);
    const { paths, header, body } = storedModel(dir);
    const damaged: [Record<string, unknown>, Buffer][] = [
      [{ ...header, version: Number(header.version) + 1 }, body],
      [{ ...header, sha256: "0".repeat(64) }, body],
      [header, body.subarray(0, body.length - 1)],
    ];
    for (const [otherHeader, otherBody] of damaged) {
      rewrite(paths, otherHeader, otherBody);
      clearMetadataCache();
      expect(loadMetadata(file, options).structuredTypes).toHaveLength(10);
    }
    expect(parsed).toEqual([file, file, file, file]);
  });

  it("decodes a stored type only when it is looked up", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    loadMetadata(file, options);
    const { paths, header, body } = storedModel(dir);
    // Damage the user type's JSON, keeping its length.
    const at = body.indexOf('"qualifiedName":"microsoft.graph.user"');
    expect(at).toBeGreaterThan(0);
    const damagedBody = Buffer.from(body);
    damagedBody.write("#", at);
    rewrite(paths, header, damagedBody);
    clearMetadataCache();
    const index = loadMetadataIndex(file, options);
    expect(parsed).toEqual([file]);
    expect(index.findType("identityType", "microsoft.graph.externalConnectors")?.kind).toBe("enum");
    expect(index.properties("graph.profilePhoto").map((p) => p.property.name)).toEqual(["height", "id"]);
    expect(() => index.type("graph.user")).toThrow(
      new MetadataError(file, `its stored model ${paths.body} is damaged (microsoft.graph.user): delete it`),
    );
  });

  it("gives the same lookups from the store as from the XML", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const parsedIndex = loadMetadataIndex(file, options);
    clearMetadataCache();
    const storedIndex = loadMetadataIndex(file, options);
    expect(parsed).toEqual([file]);
    expect(storedIndex).not.toBe(parsedIndex);
    expect(storedIndex.properties("graph.user")).toEqual(parsedIndex.properties("graph.user"));
    expect(storedIndex.typesNamed("identity")).toEqual(parsedIndex.typesNamed("identity"));
    const user = storedIndex.type("graph.user");
    expect(storedIndex.model).toEqual(parsedIndex.model);
    expect(storedIndex.model.structuredTypes.find((t) => t.name === "user")).toBe(user);
    expect(storedIndex.namespaces).toEqual(parsedIndex.namespaces);
  });

  it("stores nothing when asked not to, and goes on when the store cannot be written", () => {
    const { dir, parsed } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const blocked = join(dir, "blocked");
    writeFileSync(blocked, "a file, not a folder");
    for (const storeDir of [false, blocked] as const) {
      for (let run = 0; run < 2; run++) {
        clearMetadataCache();
        expect(loadMetadata(file, { storeDir, onParse: (f) => parsed.push(f) }).schemas).toHaveLength(2);
      }
    }
    expect(parsed).toEqual([file, file, file, file]);
    expect(readdirSync(dir).sort()).toEqual(["blocked", "v1.0.xml"]);
  });

  it("stores nothing for a file it refuses, and reads it once it is mended", () => {
    const { dir, parsed, options } = setUp();
    const file = join(dir, "bad.xml");
    writeFileSync(file, csdl("<EnumType>"));
    expect(() => loadMetadata(file, options)).toThrow(MetadataError);
    expect(existsSync(join(dir, "store"))).toBe(false);
    expect(() => loadMetadata(file, options)).toThrow(MetadataError);
    writeFileSync(file, enumDocument("a"));
    touch(file, statSync(file).mtimeMs / 1000 + 1);
    expect(membersOf(file, options)).toEqual(["a"]);
    expect(parsed).toEqual([file, file, file]);
  });

  it("a new process that finds the model stored never loads the XML parser", () => {
    const { dir } = setUp();
    const file = join(dir, "v1.0.xml");
    copyFileSync(SAMPLE_CSDL, file);
    const script = [
      `import { createRequire } from "node:module";`,
      `const { loadMetadataIndex } = await import(${JSON.stringify(BUILT_LIBRARY)});`,
      `const index = loadMetadataIndex(${JSON.stringify(file)}, { storeDir: ${JSON.stringify(join(dir, "store"))} });`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]saxes[\\\\/]/.test(path));`,
      `console.log(JSON.stringify({ user: index.properties("graph.user").length, saxes: loaded }));`,
    ].join("\n");
    const run = () =>
      JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
      ) as unknown;
    expect(run()).toEqual({ user: 10, saxes: true });
    expect(run()).toEqual({ user: 10, saxes: false });
  });

  it("keeps its files in the user's store folder, named by the linter's build", () => {
    expect(new MetadataStore().dir).toMatch(
      new RegExp(`^${escape(storeDir())}[\\\\/]metadata-[0-9a-f]{16}$`),
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
