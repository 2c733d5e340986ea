import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";

export const annotationJson: Rule = {
  meta: {
    id: "annotation-json",
    description:
      "An annotation comment `<!-- { … } -->` that is not valid JSON (trailing commas: see no-trailing-comma)",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("annotation-json"),
  },
  check({ page, report }) {
    for (const annotation of page.annotations) {
      for (const error of annotation.json.errors) {
        report({ message: `Annotation is not valid JSON: ${error.message}.`, range: error });
      }
    }
  },
};
