import type { JsonString, JsonValue } from "../src/parse/json.js";
import { createRule } from "../src/engine/rule.js";

const CREATE_OR_UPDATE = new Set(["POST", "PUT", "PATCH"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function topLevelId(root: JsonValue | undefined): JsonString | undefined {
  if (root?.type !== "object") return undefined;
  const id = root.properties.find((p) => p.key === "id")?.value;
  return id?.type === "string" ? id : undefined;
}

/**
 * True when the response id is the request id as the service returns it: the same, the same GUID in
 * another case, or prefixed by the service (user flow `Partner` → `B2X_1_Partner`, schema
 * extension `courses` → `extk9eruy7c_courses`).
 */
export function echoesId(requestId: string, responseId: string): boolean {
  if (requestId === responseId) return true;
  if (GUID.test(requestId) && requestId.toLowerCase() === responseId.toLowerCase()) return true;
  return requestId !== "" && responseId.endsWith(`_${requestId}`);
}

export const requestResponseIdMatch = createRule({
  id: "request-response-id-match",
  description: "A create/update example whose response does not echo the request's top-level `id`",
  messages: {
    notEchoed: 'Response id "{{responseId}}" does not echo the request\'s id "{{requestId}}".',
    requestId: "The request's id",
  },
  check({ page, report }) {
    for (const { request, response } of page.exchanges) {
      const method = request.message.requestLines[0]?.method;
      if (!response || !method || !CREATE_OR_UPDATE.has(method)) continue;
      const requestId = topLevelId(request.message.body?.json?.root);
      const responseId = topLevelId(response.message.body?.json?.root);
      if (!requestId || !responseId || echoesId(requestId.value, responseId.value)) continue;
      report({
        messageId: "notEchoed",
        data: { responseId: responseId.value, requestId: requestId.value },
        range: responseId,
        related: [{ messageId: "requestId", range: requestId }],
      });
    }
  },
});
