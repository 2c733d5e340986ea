/**
 * Where a run's text goes. Standard output may be a pipe that closes early (`… | head -3`): the
 * rest of the report is dropped and the run ends quietly, as ESLint's and grep's do, instead of
 * dying on an unhandled EPIPE. A report file that cannot be written is the user's mistake (a
 * folder, a read-only place): a plain message and exit code 2, not an internal error.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "./errors.js";

type Stream = NodeJS.WriteStream;

/** Streams whose reader went away; written to no more. */
const closed = new WeakSet<Stream>();

/** Makes a closed pipe on `stream` end its writes quietly instead of throwing. */
export function quietOnClosedPipe(stream: Stream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed.add(stream);
    else throw error;
  });
}

/** Writes all of `text` to the stream (even a pipe, before the process may exit); resolves on a closed pipe too. */
export function writeTo(stream: Stream, text: string): Promise<void> {
  if (closed.has(stream) || text === "") return Promise.resolve();
  return new Promise((done) => {
    stream.write(text, (error) => {
      if (error) closed.add(stream);
      done();
    });
  });
}

/** Writes the report to `path` (making its folder); a path that cannot be written is a usage error. */
export function writeReportFile(path: string, text: string, shownAs: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "ENOTDIR" || code === "EEXIST"
            ? "a part of its path is a file, not a folder"
            : (code ?? String(error));
    throw new UsageError(`cannot write the report to ${shownAs}: ${why}`);
  }
}
