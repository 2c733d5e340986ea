import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";

const WHERE = { annotation: "annotation", body: "example JSON", code: "JSON block" } as const;

export const noTrailingComma: Rule = {
  meta: {
    id: "no-trailing-comma",
    description: "A comma before `}` or `]` in example JSON or an annotation",
    defaultSeverity: "error",
    fixable: true,
    docs: ruleDocsUrl("no-trailing-comma"),
  },
  check({ page, report }) {
    for (const { kind, json } of page.jsonDocuments) {
      for (const comma of json.trailingCommas) {
        report({
          message: `Trailing comma before '${comma.closer}' in ${WHERE[kind]}: JSON does not allow it.`,
          range: comma,
          fix: { range: comma, text: "" },
        });
      }
    }
  },
};
