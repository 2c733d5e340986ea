/**
 * Plain text from the inline markdown and HTML of a heading, paragraph line or table cell.
 *
 * Machine-translated pages wrap every sentence twice: `<span data-ttu-id="x">译文</span>` followed by
 * `<span class="sxs-lookup"><span data-stu-id="x">English source</span></span>`. The structure of a
 * page (property names, types, "Possible values") is read from the English source, so a translated
 * span that stands right before an `sxs-lookup` span is dropped.
 *
 * Every scan here is a single left-to-right pass (indexOf, or regular expressions built only from
 * negated character classes), so its cost is linear in the text.
 */

const SXS_OPEN = '<span class="sxs-lookup">';
const TRANSLATION_OPEN = "<span data-ttu-id=";

/** Drops each translated span that is followed by its English `sxs-lookup` source. */
export function dropTranslations(raw: string): string {
  if (!raw.includes(SXS_OPEN)) return raw;
  let out = "";
  let cursor = 0;
  // The next translated span at or after `cursor`, found by a forward scan that never goes back
  // (a lastIndexOf from each sxs span would rescan the text before it: quadratic on a long line).
  let translation = raw.indexOf(TRANSLATION_OPEN);
  for (let sxs = raw.indexOf(SXS_OPEN); sxs !== -1; sxs = raw.indexOf(SXS_OPEN, sxs + SXS_OPEN.length)) {
    // The last translated span between the previous sxs span and this one, if any.
    let last = -1;
    while (translation !== -1 && translation < sxs) {
      last = translation;
      translation = raw.indexOf(TRANSLATION_OPEN, translation + 1);
    }
    out += raw.slice(cursor, last >= cursor ? last : sxs);
    cursor = sxs;
  }
  return out + raw.slice(cursor);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

/** Removes HTML tags and decodes the common entities. */
export function stripHtml(raw: string): string {
  // Most cells hold neither: each pass is skipped when the character it starts at is not there.
  let text = raw;
  if (text.includes("<")) text = text.replace(/<\/?[A-Za-z][^<>]*>/g, "");
  if (text.includes("&"))
    text = text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e]!);
  return text;
}

/** Plain text of inline markdown: links keep their text, emphasis and code marks go, escapes resolve. */
export function stripInlineMarkdown(raw: string): string {
  let text = raw;
  if (text.includes("](")) text = text.replace(/!?\[([^\][]*)\]\([^()]*\)/g, "$1");
  const marks = text.includes("*") || text.includes("_");
  if (marks || text.includes("`")) text = text.replace(/\*\*|__|`/g, "");
  if (marks) text = text.replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=$|[\s).,;:])/g, "$1$2");
  if (text.includes("\\")) text = text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1");
  return text;
}

/** White space other than single spaces (which folding leaves as they are). */
const UNFOLDED_SPACE = /\s\s|[^\S ]/;

/** What a reader sees: translations dropped, tags stripped, markdown marks removed, spaces folded. */
export function readableText(raw: string): string {
  const text = stripInlineMarkdown(stripHtml(dropTranslations(raw)));
  return (UNFOLDED_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}

/**
 * Like `readableText` but keeps backticks, for descriptions whose code spans mark the documented
 * values ("Possible values are: `user`, `group`").
 */
export function readableTextWithCode(raw: string): string {
  let text = stripHtml(dropTranslations(raw));
  if (text.includes("](")) text = text.replace(/!?\[([^\][]*)\]\([^()]*\)/g, "$1");
  if (text.includes("**") || text.includes("__")) text = text.replace(/\*\*|__/g, "");
  return (UNFOLDED_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}
