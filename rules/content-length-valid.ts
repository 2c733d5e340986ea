import type { HttpExample } from "../src/page/model.js";
import { createRule } from "../src/engine/rule.js";

/** Media types whose content an example cannot show: files, images, archives. */
const BINARY =
  /^(application\/(octet-stream|zip|pdf|x-zip-compressed|vnd\.)|image\/|audio\/|video\/|font\/)/i;

const header = (example: HttpExample, name: string) =>
  example.message.headers.find((h) => h.name.toLowerCase() === name);

/**
 * True when the example may leave its body out: binary content (a file upload or download), a
 * byte range of an upload (`Content-Range`, `Range`), or the response to a HEAD request.
 */
function bodyMayBeOmitted(example: HttpExample, request: HttpExample | undefined): boolean {
  const type = header(example, "content-type")?.value;
  if (type !== undefined && BINARY.test(type)) return true;
  if (header(example, "content-range") || header(example, "range")) return true;
  return request?.message.requestLines[0]?.method === "HEAD";
}

export const contentLengthValid = createRule({
  id: "content-length-valid",
  description:
    "A `Content-Length` header that is not a non-negative integer, or that gives a length to an example with no body",
  messages: {
    notByteCount: 'Content-Length "{{value}}" is not a byte count: the value must be a non-negative integer.',
    requestWithoutBody:
      "Content-Length: {{value}} on a request that shows no body: remove the header or give it the body.",
    responseWithoutBody:
      "Content-Length: {{value}} on a response that shows no body: remove the header or give it the body.",
  },
  check({ page, report }) {
    const requestOf = new Map(
      page.exchanges.flatMap((x) => (x.response ? [[x.response, x.request] as const] : [])),
    );
    for (const example of page.examples) {
      for (const h of example.message.headers) {
        if (h.name.toLowerCase() !== "content-length") continue;
        if (!/^\d+$/.test(h.value)) {
          report({
            messageId: "notByteCount",
            data: { value: h.value },
            range: h.valueRange.end > h.valueRange.start ? h.valueRange : h,
          });
          continue;
        }
        if (example.message.body || Number(h.value) === 0) continue;
        if (bodyMayBeOmitted(example, requestOf.get(example))) continue;
        report({
          messageId: example.message.status ? "responseWithoutBody" : "requestWithoutBody",
          data: { value: h.value },
          range: h.valueRange,
        });
      }
    }
  },
});
