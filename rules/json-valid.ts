import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";
import {
  commentsIn,
  describeSyntaxError,
  isPlaceholderBody,
  jsonTextsOf,
  saysTruncated,
  syntaxErrors,
} from "../src/page/json-valid.js";

const WHERE = { body: "Example body", code: "JSON block" } as const;
const IN = { body: "example body", code: "JSON block" } as const;

export const jsonValid: Rule = {
  meta: {
    id: "json-valid",
    description:
      'Example JSON that is not valid JSON: syntax errors, comments, and `...` without `"truncated": true` (trailing commas: see no-trailing-comma)',
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("json-valid"),
  },
  check({ page, report }) {
    for (const { kind, json, range, annotation, contentType } of jsonTextsOf(page)) {
      // A body sent as another media type, or one that stands for content (`{Raw bytes}`), is not JSON.
      if (contentType !== undefined && !/json/i.test(contentType)) continue;
      if (isPlaceholderBody(page.text.slice(range.start, range.end))) continue;
      // Only the first syntax error: the ones after it are mostly the parser losing its way.
      const error = syntaxErrors(page, json)[0];
      if (error) {
        const { detail, range: at } = describeSyntaxError(page, json, error);
        report({ message: `${WHERE[kind]} is not valid JSON: ${detail}.`, range: at });
      }
      for (const comment of commentsIn(page, range, json)) {
        report({ message: `Comment in ${IN[kind]}: JSON does not allow comments.`, range: comment });
      }
      if (saysTruncated(annotation)) continue;
      const subject = kind === "body" ? "Body" : "JSON block";
      const says = annotation
        ? 'its annotation does not say "truncated": true'
        : 'it has no annotation that says "truncated": true';
      for (const mark of json.truncations) {
        report({
          message: `${subject} is truncated with '${page.text.slice(mark.start, mark.end)}' but ${says}.`,
          range: mark,
        });
      }
    }
  },
};
