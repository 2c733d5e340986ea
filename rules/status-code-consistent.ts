import { createRule } from "../src/engine/rule.js";
import {
  REASON_PHRASES,
  documentedStatusCodes,
  reasonMatches,
  statusCodesBeside,
} from "./status-code-consistent/status-codes.js";

const isSuccess = (code: number) => code >= 200 && code <= 299;

export const statusCodeConsistent = createRule({
  id: "status-code-consistent",
  description:
    "A response example whose status code contradicts the success code the Response section states, or whose reason phrase does not match its code",
  messages: {
    codeContradicts: 'Status line says {{code}} but the Response section says "{{documented}}".',
    reasonMismatch: 'Status line says "{{code}} {{reason}}": the reason phrase of {{code}} is "{{phrase}}".',
    documentedCode: "The Response section's success code",
  },
  check({ page, report }) {
    const stated = documentedStatusCodes(page);
    const successes = stated.filter((s) => isSuccess(s.code) && !s.onError);
    // Only a page that states exactly one success code says what every successful example returns.
    const documented = successes.length === 1 ? successes[0] : undefined;
    for (const example of page.examples) {
      const status = example.message.status;
      if (!status) continue;
      let codeReported = false;
      if (
        documented &&
        isSuccess(status.code) &&
        status.code !== documented.code &&
        // A code the section states for another case ("If an error occurred, … `207`") is documented.
        !stated.some((s) => s.code === status.code) &&
        // An example whose own section states its code ("Example 2 … returns `201 Created`") is documented.
        !statusCodesBeside(page, example.headingPath).some((s) => s.code === status.code)
      ) {
        report({
          messageId: "codeContradicts",
          data: { code: status.code, documented: documented.text },
          range: status.codeRange,
          related: [{ messageId: "documentedCode", range: documented.range }],
        });
        codeReported = true;
      }
      if (reasonMatches(status.code, status.reason)) continue;
      // `200 Created` where the page says `201 Created`: the code is what is wrong, reported above.
      if (codeReported && reasonMatches(documented!.code, status.reason)) continue;
      const phrase = REASON_PHRASES[status.code]![0]!;
      report({
        messageId: "reasonMismatch",
        data: { code: status.code, reason: status.reason, phrase },
        range: status.reasonRange,
      });
    }
  },
});
