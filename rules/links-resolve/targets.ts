/** How links-resolve names a link, and how its fixes rewrite a link's target. */
import type { Fix } from "../../src/engine/rule.js";
import type { Page, PageLink } from "../../src/page/model.js";

export const LABEL: Record<PageLink["kind"], string> = {
  link: "Link",
  image: "Image",
  include: "Include",
  definition: "Link definition",
};

/** A fix replacing the link's target, when the page writes it exactly as the model reads it. */
export function replaceTarget(page: Page, link: PageLink, text: string): Fix | undefined {
  const written = page.text.slice(link.urlRange.start, link.urlRange.end);
  return written === link.url && !link.url.includes("%") ? { range: link.urlRange, text } : undefined;
}

/** The target with its file part replaced, keeping `?query` and `#bookmark` as written. */
export function withPath(url: string, path: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? path : path + url.slice(cut);
}
