import { createRule } from "../src/engine/rule.js";
import {
  type SyntaxMistake,
  commentsIn,
  diagnoseSyntaxError,
  isPlaceholderBody,
  syntaxErrors,
} from "../src/parse/json-syntax.js";

/** What the first syntax error is, after "… is not valid JSON: ". */
const MISTAKES: Record<SyntaxMistake, string> = {
  textAfterValue: "Unexpected text after the JSON value",
  unusualSpace:
    "Unexpected character {{codePoint}} ({{name}}): JSON allows only spaces, tabs and line breaks between tokens",
  curlyQuote: "Curly quote '{{quote}}': JSON strings take straight double quotes",
  singleQuote: "Single quote: JSON strings and property names take double quotes",
  controlCharacter: "Control character {{codePoint}} in a string: write it as {{escape}}",
  multilineString: "Unterminated string: a JSON string cannot span lines",
  textAfterString: "Unexpected text {{word}} right after a string",
  leadingZero: "Invalid number {{word}}: JSON numbers do not start with 0",
  unquotedName: "Property name {{word}} is not in double quotes",
  unquotedValue: "Unquoted value {{word}}: JSON strings take double quotes",
  unexpectedCharacter: 'Unexpected character "{{text}}"',
  unexpectedText: 'Unexpected text "{{text}}"',
  other: "{{detail}}",
};

type Kind = "body" | "code";
const SUBJECT: Record<Kind, string> = { body: "Example body", code: "JSON block" };

/** `body.textAfterValue`: "Example body is not valid JSON: Unexpected text after the JSON value." */
const syntaxMessages = Object.fromEntries(
  (["body", "code"] as const).flatMap((kind) =>
    Object.entries(MISTAKES).map(([mistake, detail]) => [
      `${kind}.${mistake}`,
      `${SUBJECT[kind]} is not valid JSON: ${detail}.`,
    ]),
  ),
) as Record<`${Kind}.${SyntaxMistake}`, string>;

export const jsonValid = createRule({
  id: "json-valid",
  description:
    'Example JSON that is not valid JSON: syntax errors, comments, and `...` without `"truncated": true` (trailing commas: see no-trailing-comma)',
  messages: {
    ...syntaxMessages,
    "body.comment": "Comment in example body: JSON does not allow comments.",
    "code.comment": "Comment in JSON block: JSON does not allow comments.",
    "body.truncated":
      "Body is truncated with '{{mark}}' but its annotation does not say \"truncated\": true.",
    "body.truncatedUnannotated":
      "Body is truncated with '{{mark}}' but it has no annotation that says \"truncated\": true.",
    "code.truncated":
      "JSON block is truncated with '{{mark}}' but its annotation does not say \"truncated\": true.",
    "code.truncatedUnannotated":
      "JSON block is truncated with '{{mark}}' but it has no annotation that says \"truncated\": true.",
  },
  check({ page, report }) {
    for (const { kind, json, range, annotation, contentType } of page.jsonDocuments) {
      if (kind === "annotation") continue;
      // A body sent as another media type, or one that stands for content (`{Raw bytes}`), is not JSON.
      if (contentType !== undefined && !/json/i.test(contentType)) continue;
      if (isPlaceholderBody(page.text.slice(range.start, range.end))) continue;
      // Only the first syntax error: the ones after it are mostly the parser losing its way.
      const error = syntaxErrors(page.text, json)[0];
      if (error) {
        const { mistake, range: at, data } = diagnoseSyntaxError(page.text, json, error);
        report({ messageId: `${kind}.${mistake}`, data, range: at });
      }
      for (const comment of commentsIn(page.text, range, json)) {
        report({ messageId: `${kind}.comment`, range: comment });
      }
      if (annotation?.truncated) continue;
      for (const mark of json.truncations) {
        report({
          messageId: annotation ? `${kind}.truncated` : `${kind}.truncatedUnannotated`,
          data: { mark: page.text.slice(mark.start, mark.end) },
          range: mark,
        });
      }
    }
  },
});
