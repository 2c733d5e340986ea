/**
 * The stored form of a model (see store.ts), in two files so that a run reads only what it uses:
 * - the header, `model-<sha256>.json`: the schemas, the references and each type's qualified
 *   name, kind and byte offset in the body (217 KB for the beta CSDL);
 * - the body, `types-<sha256>.jsonl`: each type's JSON, back to back (2.7 MB for beta).
 * An index needs only the header; each type looked up is one positional read of its bytes in the
 * body, so a one-page run decodes the handful of types it asks about, not all 3,500 of beta's.
 * The body is written before the header: a header found means its body is whole.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { MetadataError } from "./errors.js";
import type { CsdlModel, CsdlType, CsdlTypeKind } from "./model.js";
import type { TypeSource } from "./type-source.js";

/** After this many types read one by one, the stored body is read whole (see `typeAt`). */
const WHOLE_BODY_AFTER = 64;

export interface StoredHeader extends Pick<CsdlModel, "edmxVersion" | "schemas" | "references"> {
  version: number;
  sha256: string;
  /** Each type's qualified name, kind and start in the body (it ends where the next one starts). */
  types: [string, CsdlTypeKind, number][];
  bodyBytes: number;
}

/** The header and body of a model. */
export function encodeModel(
  version: number,
  sha256: string,
  model: CsdlModel,
): { header: StoredHeader; body: Buffer } {
  const bodies: Buffer[] = [];
  const types: StoredHeader["types"] = [];
  let offset = 0;
  for (const type of [...model.structuredTypes, ...model.enumTypes]) {
    const body = Buffer.from(JSON.stringify(type));
    types.push([type.qualifiedName, type.kind, offset]);
    bodies.push(body);
    offset += body.length;
  }
  const { edmxVersion, schemas, references } = model;
  const header: StoredHeader = {
    version,
    sha256,
    edmxVersion,
    schemas,
    references,
    types,
    bodyBytes: offset,
  };
  return { header, body: Buffer.concat(bodies) };
}

/**
 * The types of a stored model named after `file`, or undefined when its files are missing, of
 * another version or content, or the body's size is not the header's. A type that does not decode
 * later (the store damaged or deleted meanwhile) throws a MetadataError naming the store file.
 */
export function storedTypeSource(
  paths: { header: string; body: string },
  expected: { version: number; sha256: string },
  file: string,
): TypeSource | undefined {
  let header: Partial<StoredHeader>;
  let bodySize: number;
  try {
    header = JSON.parse(readFileSync(paths.header, "utf8")) as Partial<StoredHeader>;
    bodySize = statSync(paths.body).size;
  } catch {
    return undefined;
  }
  if (!isUsableHeader(header, expected, bodySize)) return undefined;
  const { types, bodyBytes } = header;
  const range = (i: number): [number, number] => [types[i]![2], types[i + 1]?.[2] ?? bodyBytes];
  const decode = (i: number, bytes: Buffer | undefined): CsdlType => {
    const [qualifiedName, kind] = types[i]!;
    let type: CsdlType | undefined;
    try {
      type = JSON.parse(bytes?.toString("utf8") ?? "") as CsdlType;
    } catch {
      // Reported below.
    }
    if (type?.qualifiedName !== qualifiedName || type.kind !== kind)
      throw new MetadataError(
        file,
        `its stored model ${paths.body} is damaged (${qualifiedName}): delete it`,
      );
    return type;
  };
  let reads = 0;
  /** The body, once read whole (null: it could not be). */
  let wholeBody: Buffer | null | undefined;
  return {
    file,
    edmxVersion: header.edmxVersion,
    schemas: header.schemas,
    references: header.references,
    names: types.map(([qualifiedName, kind]) => ({ qualifiedName, kind })),
    typeAt(i) {
      // A one-page run asks for a few types, one read each; a run over many pages asks for
      // thousands, and then one read of the whole body (2.7 MB for beta) costs less than theirs.
      if (wholeBody === undefined && ++reads > WHOLE_BODY_AFTER) wholeBody = readWhole(paths.body) ?? null;
      return decode(i, wholeBody ? wholeBody.subarray(...range(i)) : readRange(paths.body, ...range(i)));
    },
    types() {
      const body = readWhole(paths.body);
      return types.map((_, i) => decode(i, body?.subarray(...range(i))));
    },
  };
}

function isUsableHeader(
  header: Partial<StoredHeader>,
  expected: { version: number; sha256: string },
  bodySize: number,
): header is StoredHeader {
  return (
    header.version === expected.version &&
    header.sha256 === expected.sha256 &&
    header.bodyBytes === bodySize &&
    Array.isArray(header.schemas) &&
    Array.isArray(header.references) &&
    Array.isArray(header.types)
  );
}

/** Bytes `start` to `end` of a file; undefined when they cannot all be read. */
function readRange(path: string, start: number, end: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const bytes = Buffer.alloc(end - start);
    return readSync(fd, bytes, 0, bytes.length, start) === bytes.length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readWhole(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
