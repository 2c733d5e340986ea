import { createRule } from "../src/engine/rule.js";

/** `**TODO: …**` as one placeholder, `<TODO>`, or the bare word TODO (upper case: not the To Do API). */
const TODO = /\*\*TODO\b[^*\r\n]*\*\*|<TODO>|\bTODO\b/g;

/** A placeholder named by its first sentence: the rest is often a long link. */
function placeholderName(written: string): string {
  const first = written
    .replace(/^\*\*|\*\*$/g, "")
    .trim()
    .split(/(?<=\.)\s/)[0];
  return (first ?? "TODO").slice(0, 80);
}

export const noTodoPlaceholder = createRule({
  id: "no-todo-placeholder",
  description: "TODO placeholders left in text, tables or front matter values",
  messages: {
    todo: 'TODO placeholder "{{placeholder}}" must be replaced with real content.',
  },
  check({ page, report }) {
    // The visible text is prose: the rule reads words, not structure, so it scans those ranges.
    for (const range of page.visibleText) {
      const text = page.text.slice(range.start, range.end);
      for (const m of text.matchAll(TODO)) {
        const start = range.start + m.index;
        report({
          messageId: "todo",
          data: { placeholder: placeholderName(m[0]) },
          range: { start, end: start + m[0].length },
        });
      }
    }
  },
});
