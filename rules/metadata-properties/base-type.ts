/** A resource page's base type against the service's: not named where the service has one, or another. */
import { baseRefs } from "../../src/docset/base-type.js";
import type { DocsIndex } from "../../src/docset/index.js";
import type { TypeResolver } from "../../src/docset/resolve.js";
import type { Report } from "../../src/engine/rule.js";
import type { MetadataIndex } from "../../src/metadata/index.js";
import { linkedTypeName } from "../../src/page/inherits.js";
import type { Page } from "../../src/page/model.js";
import type { Range } from "../../src/parse/source.js";
import { parseTypeRef } from "../../src/parse/type-ref.js";
import { commentedNames, quotedNames } from "./missing.js";
import type { Subject } from "./subject.js";

/** The messages of a page's base type against the service's (worded in metadata-properties.ts). */
type MessageId = "missingBaseType" | "baseDiffers" | "noServiceBase";

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
export function* baseTypeReports(
  page: Page,
  subject: Subject,
  docs: DocsIndex,
  types: TypeResolver,
  metadata: MetadataIndex,
): Generator<Report<MessageId>> {
  if (!subject.primary) return;
  // Only a page whose `resource` annotation names its type by `@odata.type` (which translation
  // keeps, and by which the docs index reads the page's definition in any language): a title's words
  // name a type in English only, and the finding must not depend on the page's language.
  const annotation = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.annotation;
  const own = types.ownResource();
  const title = page.headings.find((h) => h.depth === 1);
  if (annotation?.declaredType?.key !== "@odata.type" || !own || !title) return;
  // A base type the annotation states is compared with the service's; one read from prose is not:
  // "All the session controls inherit from [conditionalAccessSessionControl]" speaks of other types,
  // and a translated tree's learned leads (`从`, "from") are not certain enough to report on.
  const stated = annotation.data.baseType;
  const statedRef = typeof stated === "string" ? parseTypeRef(stated) : undefined;
  if (statedRef) yield* differingBase(subject, metadata, [statedRef.name], title);
  const base = subject.type.baseType;
  if (base === undefined || baseRefs(docs, own).length > 0 || mentions(page, base)) return;
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
  if (inherited.length === 0) return;
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

/**
 * A page whose annotation states a base type that is not in the service's chain (`"baseType":
 * "microsoft.graph.entity"` on `planner`, which the service derives from nothing), or where the
 * service's derives from none: once, on the title. A base further up the chain (`entity` for an
 * `outlookItem` type) is not a difference.
 */
function* differingBase(
  subject: Subject,
  metadata: MetadataIndex,
  named: string[],
  title: Range,
): Generator<Report<MessageId>> {
  const chain = metadata.baseTypes(subject.type.qualifiedName).map((t) => t.name.toLowerCase());
  if (named.some((name) => chain.includes(name.toLowerCase()))) return;
  const type = subject.type.qualifiedName;
  const documented = named.join(", ");
  const base = subject.type.baseType;
  yield base === undefined
    ? { messageId: "noServiceBase", data: { type, documented }, range: title }
    : { messageId: "baseDiffers", data: { type, base, documented }, range: title };
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
