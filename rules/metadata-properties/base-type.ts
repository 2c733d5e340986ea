/** A resource page that names no base type where the service's type derives from one. */
import { baseRefs } from "../../src/docset/base-type.js";
import type { DocsIndex } from "../../src/docset/index.js";
import type { TypeResolver } from "../../src/docset/resolve.js";
import type { Report } from "../../src/engine/rule.js";
import type { MetadataIndex } from "../../src/metadata/index.js";
import { linkedTypeName } from "../../src/page/inherits.js";
import type { Page } from "../../src/page/model.js";
import { commentedNames, quotedNames } from "./missing.js";
import type { Subject } from "./subject.js";

/** The message of a base type the page does not name (worded in metadata-properties.ts). */
type MessageId = "missingBaseType";

/** A message names this many of the inherited properties the page leaves out, then how many more. */
const NAMED = 5;

/**
 * One finding on the title of a type's own page when the service's type derives from another, the
 * page names no base type (not in its `resource` annotation's `"baseType"`, not in a sentence the
 * docs index reads as one: "Inherits from [entity](entity.md)", or its tree's own words for it, see
 * src/docset/vocabulary.ts), and so its readers cannot find properties the type inherits: some
 * property of the base types that the page does not document itself (a page that lists `id` in its
 * table loses nothing by not saying "Inherits from entity"). A page that links to the base type's
 * page, or writes its name as a word, anywhere may say it in words the model does not read
 * ("Derived from [educationSynchronizationDataProvider]", a link with no target): not reported
 * (precision first).
 */
export function* missingBaseReports(
  page: Page,
  subject: Subject,
  docs: DocsIndex,
  types: TypeResolver,
  metadata: MetadataIndex,
): Generator<Report<MessageId>> {
  const base = subject.type.baseType;
  if (!subject.primary || base === undefined) return;
  // Only a page whose `resource` annotation names its type by `@odata.type` (which translation
  // keeps, and by which the docs index reads the page's definition in any language): a title's words
  // name a type in English only, and the finding must not depend on the page's language.
  const annotation = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.annotation;
  const own = types.ownResource();
  if (annotation?.declaredType?.key !== "@odata.type" || !own) return;
  if (baseRefs(docs, own).length > 0 || mentions(page, base)) return;
  // What the page documents, shows in its JSON representation, or hides in a comment on purpose.
  const hidden = commentedNames(page);
  const known = (name: string) =>
    subject.documented.has(name.toLowerCase()) ||
    subject.represented.has(name.toLowerCase()) ||
    hidden.has(name);
  const inherited = metadata
    .baseTypes(subject.type.qualifiedName)
    .flatMap((t) => [...t.properties, ...t.navigationProperties].map((p) => p.name))
    .filter((name) => !known(name));
  const title = page.headings.find((h) => h.depth === 1);
  if (inherited.length === 0 || !title) return;
  const more = inherited.length - NAMED;
  yield {
    messageId: "missingBaseType",
    data: {
      type: subject.type.qualifiedName,
      base,
      baseName: shortName(base),
      inherited: quotedNames(inherited.slice(0, NAMED)) + (more > 0 ? ` and ${more} more` : ""),
    },
    range: title,
  };
}

function shortName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);
}

/**
 * The page links to the type's page (`entity.md`, `../resources/entity.md`) or writes its name as a
 * name: marked (`[entity]`, `` `entity` ``, `**entity**`), or, for a name no English word is
 * (`policyBase`), as a word in its letter case. `entity` or `request` unmarked is a word of the
 * sentence, in English only: it must not make the English page silent where its translation is not.
 */
function mentions(page: Page, qualifiedName: string): boolean {
  const name = shortName(qualifiedName);
  const lower = name.toLowerCase();
  if (page.links.some((link) => link.kind === "link" && linkedTypeName(link.url) === lower)) return true;
  const text = page.text.toLowerCase();
  if ([`[${lower}]`, `\`${lower}\``, `**${lower}**`].some((marked) => text.includes(marked))) return true;
  return /[A-Z]/.test(name) && wholeWord(page.text, name);
}

function wholeWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!/\w/.test(text.charAt(at - 1)) && !/\w/.test(text.charAt(at + word.length))) return true;
  }
  return false;
}
