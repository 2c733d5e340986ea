import { basename, dirname, extname, resolve } from "node:path";
import { type FileLookup, LinkResolver, type LinkTarget, parseLinkTarget } from "../src/docset/links.js";
import type { Page, PageLink } from "../src/page/model.js";
import { type Report, createRule } from "../src/engine/rule.js";
import { OwnAnchors } from "./links-resolve/anchors.js";
import { LABEL, replaceTarget, withPath } from "./links-resolve/targets.js";

const MESSAGES = {
  bookmarkCase:
    'Bookmark "#{{fragment}}" resolves only case-insensitively (to "#{{match}}"): bookmarks are case-sensitive.',
  bookmarkCaseIn:
    'Bookmark "#{{fragment}}" of "{{file}}" resolves only case-insensitively (to "#{{match}}"): bookmarks are case-sensitive.',
  bookmarkMissing: 'Bookmark "#{{fragment}}" matches no heading or anchor on this page.',
  bookmarkMissingIn: 'Bookmark "#{{fragment}}" matches no heading or anchor in "{{file}}".',
  backslashes: '{{label}} target "{{path}}" uses backslashes: write "{{slashed}}".',
  outside: '{{label}} target "{{path}}" points outside the docs root.',
  fileCase:
    '{{label}} target "{{path}}" resolves only case-insensitively (to "{{fixed}}"): case-sensitive builds do not find it.',
  missing: '{{label}} target "{{path}}" does not exist.',
  missingNear: '{{label}} target "{{path}}" does not exist. Did you mean "{{near}}"?',
};
type MessageId = keyof typeof MESSAGES;

export const linksResolve = createRule({
  id: "links-resolve",
  description: "A relative link, image or include whose file or #bookmark does not exist",
  fixable: true,
  messages: MESSAGES,
  check({ page, docs, report }) {
    if (page.links.length === 0) return;
    const resolver = new LinkResolver(docs);
    const dir = page.path === undefined ? undefined : dirname(resolve(page.path));
    const own = new OwnAnchors(page, resolver, dir);

    /** Checks `#fragment` against `names` (and `extra()`), bookmarks of `file` or of this page. */
    const checkBookmark = (
      link: PageLink,
      fragment: string,
      names: Set<string>,
      file: string | undefined,
      extra: () => Set<string> = () => new Set(),
    ) => {
      if (names.has(fragment) || extra().has(fragment)) return;
      const lower = fragment.toLowerCase();
      const match = [...names, ...extra()].find((n) => n.toLowerCase() === lower);
      const data = { fragment, file: file ?? "", match: match ?? "" };
      if (match !== undefined) {
        const hash = link.url.indexOf("#");
        report({
          messageId: file === undefined ? "bookmarkCase" : "bookmarkCaseIn",
          data,
          range: link.urlRange,
          fix: replaceTarget(page, link, `${link.url.slice(0, hash)}#${match}`),
        });
        return;
      }
      report({
        messageId: file === undefined ? "bookmarkMissing" : "bookmarkMissingIn",
        data,
        range: link.urlRange,
      });
    };

    for (const link of page.links) {
      const target = parseLinkTarget(link.url);
      if (!target) continue;
      if (target.path === "") {
        if (target.fragment)
          checkBookmark(link, target.fragment, own.names, undefined, () => own.includedNames());
        continue;
      }
      // A page linted outside any docs tree (a downloaded page, a seed): its relative links point
      // into a tree that is not here, so only its own bookmarks are checked.
      if (dir === undefined || !docs.root) continue;
      if (target.path.includes("\\")) {
        // Windows separators: on Linux, `\` is part of a file name.
        const slashed = target.path.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        if (resolver.lookup(dir, slashed).status === "found") {
          report({
            messageId: "backslashes",
            data: { label: LABEL[link.kind], path: target.path, slashed },
            range: link.urlRange,
            fix: replaceTarget(page, link, withPath(link.url, slashed)),
          });
          continue;
        }
      }
      const self = page.path !== undefined && resolve(dir, target.path) === resolve(page.path);
      // The linted page exists even when it is not saved yet (an editor's buffer).
      const lookup: FileLookup = self
        ? { status: "found", path: resolve(page.path!) }
        : resolver.lookup(dir, target.path);
      const finding = fileFinding(page, link, target, lookup, resolver, dir);
      if (finding) {
        report(finding);
        continue;
      }
      if (!target.fragment || lookup.status !== "found" || extname(lookup.path).toLowerCase() !== ".md")
        continue;
      if (page.path !== undefined && lookup.path === resolve(page.path)) {
        checkBookmark(link, target.fragment, own.names, undefined, () => own.includedNames());
        continue;
      }
      const names = resolver.anchorsOf(lookup.path);
      if (names) checkBookmark(link, target.fragment, names, target.path);
    }
  },
});

function fileFinding(
  page: Page,
  link: PageLink,
  target: LinkTarget,
  lookup: FileLookup,
  resolver: LinkResolver,
  dir: string,
): Report<MessageId> | undefined {
  const data = { label: LABEL[link.kind], path: target.path };
  switch (lookup.status) {
    case "found":
      return undefined;
    case "outside":
      return { messageId: "outside", data, range: link.urlRange };
    case "case": {
      const fixed = resolver.correctCase(dir, target.path);
      return {
        messageId: "fileCase",
        data: { ...data, fixed },
        range: link.urlRange,
        fix: replaceTarget(page, link, withPath(link.url, fixed)),
      };
    }
    case "missing": {
      // The last path segment replaced by the near name (not with `/[^/]*$/`, quadratic on a long
      // segment, and whose replacement would read a `$` in the name as a pattern).
      if (lookup.near === undefined) return { messageId: "missing", data, range: link.urlRange };
      const near = `${target.path.slice(0, target.path.lastIndexOf("/") + 1)}${basename(lookup.near)}`;
      return { messageId: "missingNear", data: { ...data, near }, range: link.urlRange };
    }
  }
}
