import { createRule } from "../src/engine/rule.js";

export const annotationJson = createRule({
  id: "annotation-json",
  description:
    "An annotation comment `<!-- { … } -->` that is not valid JSON (trailing commas: see no-trailing-comma)",
  messages: {
    invalidJson: "Annotation is not valid JSON: {{detail}}.",
  },
  check({ page, report }) {
    for (const annotation of page.annotations) {
      // Only the first error: the ones after it are mostly the parser losing its way.
      const error = annotation.json.errors[0];
      if (error) report({ messageId: "invalidJson", data: { detail: error.message }, range: error });
    }
  },
});
