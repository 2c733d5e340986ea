import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";

/** `**TODO: …**` as one placeholder, `<TODO>`, or the bare word TODO (upper case: not the To Do API). */
const TODO = /\*\*TODO\b[^*\r\n]*\*\*|<TODO>|\bTODO\b/g;

export const noTodoPlaceholder: Rule = {
  meta: {
    id: "no-todo-placeholder",
    description: "TODO placeholders left in text, tables or front matter values",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("no-todo-placeholder"),
  },
  check({ page, report }) {
    for (const range of page.visibleText) {
      const text = page.text.slice(range.start, range.end);
      for (const m of text.matchAll(TODO)) {
        const start = range.start + m.index;
        // Name the placeholder by its first sentence: the rest is often a long link.
        const placeholder = (
          m[0]
            .replace(/^\*\*|\*\*$/g, "")
            .trim()
            .split(/(?<=\.)\s/)[0] ?? "TODO"
        ).slice(0, 80);
        report({
          message: `TODO placeholder "${placeholder}" must be replaced with real content.`,
          range: { start, end: start + m[0].length },
        });
      }
    }
  },
};
