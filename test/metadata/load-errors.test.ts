import { execFileSync } from "node:child_process";
import { truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearMetadataCache, loadMetadata } from "../../src/metadata/load.js";
import { tempFolder } from "../helpers.js";
import { csdl, csdlDocument } from "./csdl.js";
import { errorOf, expectError } from "./errors.js";

describe("loadMetadata: files that cannot be read", () => {
  const tmp = tempFolder("gdl-metadata-bad-");
  beforeEach(() => clearMetadataCache());
  const load = (file: string, maxBytes?: number) =>
    errorOf(() => loadMetadata(file, { storeDir: false, ...(maxBytes ? { maxBytes } : {}) }));

  it("a file that does not exist", () => {
    const file = join(tmp.path, "missing.xml");
    expectError(load(file), file, { message: `${file}: cannot be read: no such file` });
  });

  it("a directory", () => {
    expectError(load(tmp.path), tmp.path, { message: `${tmp.path}: cannot be read: it is a directory` });
  });

  it.skipIf(process.platform === "win32")("a FIFO is refused without waiting for a writer", () => {
    const fifo = join(tmp.fresh(), "pipe.xml");
    execFileSync("mkfifo", [fifo]);
    expectError(load(fifo), fifo, { message: `${fifo}: cannot be read: it is not a regular file` });
  });

  it("a 200 MB file is refused before it is read", () => {
    const file = join(tmp.fresh(), "huge.xml");
    writeFileSync(file, "");
    truncateSync(file, 200 * 1024 * 1024);
    expectError(load(file), file, {
      message: `${file}: is 200 MiB, over the 64 MiB limit for a metadata file: not read`,
    });
  });

  it("a file over a smaller limit given as an option", () => {
    const file = join(tmp.fresh(), "small.xml");
    writeFileSync(file, csdl());
    expectError(load(file, 100), file, {
      message: `${file}: is 0.0 MiB, over the 0.0 MiB limit for a metadata file: not read`,
    });
  });

  it("a binary file", () => {
    const file = join(tmp.fresh(), "metadata.zip");
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expectError(load(file), file, {
      message: `${file}: is not XML: it holds a NUL byte (byte 4), as binary and UTF-16 files do; CSDL is read as UTF-8`,
    });
  });

  it("a UTF-16 file", () => {
    const file = join(tmp.fresh(), "utf16.xml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csdl(), "utf16le")]));
    expectError(load(file), file, {
      message: `${file}: is not XML: it holds a NUL byte (byte 3), as binary and UTF-16 files do; CSDL is read as UTF-8`,
    });
  });

  it("a file that is not UTF-8", () => {
    const file = join(tmp.fresh(), "latin1.xml");
    const bytes = Buffer.from(csdl('<EnumType Name="caf\u00e9" />'), "latin1");
    writeFileSync(file, bytes);
    const at = bytes.indexOf(0xe9);
    expect(at).toBeGreaterThan(0);
    expectError(load(file), file, { message: `${file}: is not UTF-8 text: invalid UTF-8 at byte ${at}` });
  });

  it("an XML error names the file as the caller gave it, with line and column", () => {
    const dir = tmp.fresh();
    writeFileSync(join(dir, "meta.xml"), csdl("<EnumType>"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expectError(load("meta.xml"), "meta.xml", {
        message: "meta.xml:5:7: <EnumType> has no Name attribute, which CSDL requires",
        line: 5,
        column: 7,
      });
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("nothing named in the file is fetched", () => {
  const tmp = tempFolder("gdl-metadata-fetch-");

  it("an external DTD and the references' URIs are not requested", async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? "");
      response.end("<!ENTITY x 'y'>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const file = join(tmp.path, "refs.xml");
      const xml = csdlDocument(
        [{ namespace: "microsoft.graph", lines: ['<ComplexType Name="t" />'] }],
        [`  <edmx:Reference Uri="${base}/Core.xml"><edmx:Include Namespace="Core" /></edmx:Reference>`],
      ).replace("<edmx:Edmx", `<!DOCTYPE edmx:Edmx SYSTEM "${base}/csdl.dtd">\n<edmx:Edmx`);
      writeFileSync(file, xml);
      clearMetadataCache();
      const model = loadMetadata(file, { storeDir: false });
      expect(model.references.map((r) => r.uri)).toEqual([`${base}/Core.xml`]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });
});
