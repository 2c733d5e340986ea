import { createRule } from "../src/engine/rule.js";

export const noTrailingComma = createRule({
  id: "no-trailing-comma",
  description: "A comma before `}` or `]` in example JSON or an annotation",
  fixable: true,
  messages: {
    annotation: "Trailing comma before '{{closer}}' in annotation: JSON does not allow it.",
    body: "Trailing comma before '{{closer}}' in example JSON: JSON does not allow it.",
    code: "Trailing comma before '{{closer}}' in JSON block: JSON does not allow it.",
  },
  check({ page, report }) {
    for (const { kind, json } of page.jsonDocuments) {
      for (const comma of json.trailingCommas) {
        report({
          messageId: kind,
          data: { closer: comma.closer },
          range: comma,
          fix: { range: comma, text: "" },
        });
      }
    }
  },
});
