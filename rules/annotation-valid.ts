import { createRule } from "../src/engine/rule.js";
import { checkKeys, checkPlacement } from "./annotation-valid/keys.js";
import { checkNames } from "./annotation-valid/names.js";
import { checkPairs } from "./annotation-valid/pairs.js";

const MESSAGES = {
  // Keys and block types (annotation-valid/keys.ts)
  blockTypeNotString: '"blockType" must be a string: one of {{types}}.',
  unknownBlockTypeNear: 'Unknown blockType "{{value}}": did you mean "{{near}}"?',
  unknownBlockType: 'Unknown blockType "{{value}}": the block types are {{types}}.',
  pageAnnotationType:
    'Page annotation type "{{type}}" is not "#page.annotation": ApiDoctor ignores the annotation.',
  unknownKeyNear: 'Unknown annotation key "{{key}}": did you mean "{{near}}"?',
  unknownKey: 'Unknown annotation key "{{key}}": ApiDoctor ignores it.',
  detached:
    'The "{{blockType}}" annotation is not directly above a code block, so ApiDoctor ignores it: move it just above the code block it describes.',
  // Request names (annotation-valid/names.ts)
  noName:
    'Request annotation has no "name": responses, test scenarios and the generated SDK snippets refer to a request by its name.',
  nameUsedOnPage:
    'Request name "{{name}}" is already used on this page (line {{line}}): each request needs its own name.',
  nameUsedOnPageAs:
    'Request name "{{name}}" is already used on this page (line {{line}}, as "{{spelled}}"): each request needs its own name.',
  firstOfName: "The first request of that name",
  nameUsedElsewhere:
    'Request name "{{name}}" is also used by {{file}} (line {{line}}{{spelled}}){{more}}: request names must be unique across the docs, or their SDK snippets overwrite each other.',
  // Pairs (annotation-valid/pairs.ts)
  responseIsRequest:
    'Annotated "response", but the block is a {{method}} request: did you mean "blockType": "request"?',
  secondResponse:
    '{{request}} already has a response (line {{responseLine}}): ApiDoctor pairs one response with each request. Annotate this one "ignored", or give it its own request.',
  theRequest: "The request",
  noRequestNamed: 'Response names request "{{name}}", but no request before it has that name.',
  namedBlockNotRequest:
    'Response names request "{{name}}", but the block of that name (line {{line}}) is annotated "{{blockType}}", not "request".',
  noRequestBefore: "Response has no request before it.",
  noRequestBeforeAbove: "Response has no request before it: {{above}}. {{advice}}",
  noRequestToPair:
    "Response has no request to pair with: {{above}}, and {{request}} already has a response (line {{responseLine}}). {{advice}}",
  noResponse: 'Request has no response: follow it with the response, annotated "blockType": "response".',
  noResponseNamed:
    'Request "{{name}}" has no response: follow it with the response, annotated "blockType": "response".',
};

export const annotationValid = createRule({
  id: "annotation-valid",
  description:
    "Annotations ApiDoctor cannot use: unknown block types and keys, requests without a unique name, responses without a request, requests without a response",
  messages: MESSAGES,
  check({ page, docs, report }) {
    for (const annotation of page.annotations) checkKeys(annotation, report);
    checkPlacement(page, report);
    checkNames(page, docs, report);
    checkPairs(page, report);
  },
});
