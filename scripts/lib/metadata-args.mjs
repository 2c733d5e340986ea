// The command line's `--metadata` arguments for a folder that keeps the service's CSDL as
// ../shared/metadata does (v1.0_metadata.xml, beta_metadata.xml): shared by the bench and the
// corpus scripts that run the built command line. Only reads.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** `--metadata v1.0=… --metadata beta=…` for the versions whose CSDL `dir` holds (none: []). */
export function metadataArgs(dir) {
  return ["v1.0", "beta"].flatMap((version) => {
    const file = join(resolve(dir), `${version}_metadata.xml`);
    return existsSync(file) ? ["--metadata", `${version}=${file}`] : [];
  });
}
