/** The bookmarks a page's own `#name` links may point to. */
import { type LinkResolver, parseLinkTarget } from "../../src/docset/links.js";
import type { Page } from "../../src/page/model.js";

/** The bookmarks that `#name` may point to on the page: its own, and those of the pages it includes. */
export class OwnAnchors {
  readonly names: Set<string>;
  private included: Set<string> | undefined;

  constructor(
    private readonly page: Page,
    private readonly resolver: LinkResolver,
    private readonly dir: string | undefined,
  ) {
    this.names = new Set(page.anchors.map((a) => a.name));
  }

  /** Headings of included pages are rendered into the page, so their slugs are bookmarks too. */
  includedNames(): Set<string> {
    if (this.included) return this.included;
    this.included = new Set();
    if (this.dir === undefined) return this.included;
    for (const link of this.page.links) {
      const target = link.kind === "include" ? parseLinkTarget(link.url) : undefined;
      if (!target || target.path === "") continue;
      const lookup = this.resolver.lookup(this.dir, target.path);
      if (lookup.status !== "found") continue;
      for (const name of this.resolver.anchorsOf(lookup.path) ?? []) this.included.add(name);
    }
    return this.included;
  }
}
