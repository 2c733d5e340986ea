/**
 * Writing a fixed page back, safely: the new bytes go to a temporary file in the same folder (so
 * the rename is atomic on one filesystem), with the original's mode; the original is replaced
 * only if it still holds the bytes that were linted; a failure at any step leaves the original as
 * it was and removes the temporary file.
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";
import { BOM } from "../parse/source.js";

/** The file operations used, injectable so tests can simulate a crash mid-write. */
export interface WriteFs {
  readFileSync(path: string): Buffer;
  statSync(path: string): { mode: number };
  openSync(path: string, flags: string, mode: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  realpathSync?(path: string): string;
}

const realFs: WriteFs = nodeFs;

export type WriteOutcome = "written" | "unchanged" | "changed-on-disk";

/** The bytes of page text, with the byte order mark restored when the file had one. */
export function encodePage(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? BOM + text : text, "utf8");
}

/**
 * Replaces `path` with `data` atomically, unless the file no longer holds `expected` (the bytes the
 * linter read), in which case nothing is written.
 */
export function writeFileAtomic(
  linkOrPath: string,
  data: Uint8Array,
  expected: Uint8Array,
  fs: WriteFs = realFs,
): WriteOutcome {
  // A symbolic link stays a link: the file it points to is the one replaced.
  const path = fs.realpathSync ? fs.realpathSync(linkOrPath) : linkOrPath;
  const current = fs.readFileSync(path);
  if (!current.equals(expected)) return "changed-on-disk";
  if (current.equals(data)) return "unchanged";
  const mode = fs.statSync(path).mode & 0o7777;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", mode);
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data.subarray(written));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Last look before replacing: another program may have saved the file meanwhile.
    if (!fs.readFileSync(path).equals(expected)) {
      fs.unlinkSync(temp);
      return "changed-on-disk";
    }
    fs.renameSync(temp, path);
    return "written";
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed or broken: the temporary file is removed below all the same
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
}
