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
      // Only the first error: the ones after it are mostly the parser losing its way.
      const error = annotation.json.errors[0];
      if (error) report({ message: `Annotation is not valid JSON: ${error.message}.`, range: error });
    }
  },
};
