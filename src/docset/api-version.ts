/**
 * The API version a page documents: Graph docs keep each version's pages under a folder named for
 * it (`api-reference/v1.0/api/user-get.md`, `api-reference/beta/resources/user.md`), and the service
 * publishes one CSDL per version, so the metadata a page is held to is chosen by that folder.
 */

/** The version folders of Graph docs, as the service names its versions. */
export const API_VERSIONS: readonly string[] = ["v1.0", "beta"];

/**
 * The version folder nearest the page among the folders of `path` (`v1.0` or `beta`, in any case,
 * as api-version-consistent reads it), or undefined when the page is in none. The nearest one
 * counts: a checkout under `/home/beta/` holding `api-reference/v1.0/` is v1.0.
 */
export function apiVersionOf(path: string): string | undefined {
  const folders = path.split(/[\\/]/).slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = folders[i]!.toLowerCase();
    if (API_VERSIONS.includes(name)) return name;
  }
  return undefined;
}
