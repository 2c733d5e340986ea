/**
 * Markdown text → mdast. One frozen unified processor with remark-parse and remark-frontmatter.
 *
 * remark-gfm is deliberately not used: it doubles parse time on the Graph docs, and the only GFM
 * construct the rules need, tables, is read from source lines (see table.ts).
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
