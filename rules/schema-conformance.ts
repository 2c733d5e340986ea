import { type SchemaFinding, SchemaWalker, compileResource } from "../src/docset/json-schema.js";
import { type TypeRef, isTypePlaceholder, primitiveKind } from "../src/parse/type-ref.js";
import { type Report, createRule } from "../src/engine/rule.js";
import type { JsonValue } from "../src/parse/json.js";

const SENDS_BODY = new Set(["POST", "PUT", "PATCH"]);

const MESSAGES = {
  wrappedInValue:
    '"value" is not a documented property of {{type}}: a single {{type}} is returned at the top level, not wrapped in "value".',
  requiredCase: '"{{key}}" differs in case from "{{required}}", which the Request body table marks Required.',
  requiredMissing: 'The request body omits "{{required}}", which the Request body table marks Required.',
  unknownProperty: '"{{key}}" is not a documented property of {{type}}.',
  unknownPropertyNear: '"{{key}}" is not a documented property of {{type}}; did you mean "{{near}}"?',
  unknownPropertyNoBase: '"{{key}}" is not a documented property of {{type}}, whose page names no base type.',
  notEnum:
    '"{{key}}" of {{type}} is documented as {{documented}} (an enum), but the example gives {{given}}.',
  notComplex:
    '"{{key}}" of {{type}} is documented as {{documented}} (a complex type), but the example gives {{given}}.',
  wrongType:
    '"{{key}}" of {{type}} is documented as {{documented}}, so it should be {{expected}}, but the example gives {{given}}.',
  wrongItemType:
    'Item {{item}} of "{{key}}" of {{type}} is documented as {{documented}}, so it should be {{expected}}, but the example gives {{given}}.',
};
type MessageId = keyof typeof MESSAGES;

/** What the example gives, as a message names it. */
function given(node: JsonValue): string {
  switch (node.type) {
    case "string":
      if (isTypePlaceholder(node.value))
        return `the type name ${JSON.stringify(node.value)} instead of a value`;
      return `the string ${JSON.stringify(node.value.length > 40 ? node.value.slice(0, 37) + "..." : node.value)}`;
    case "number":
      return `the number ${node.value}`;
    case "boolean":
      return `${node.value}`;
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "null":
      return "null";
  }
}

const EXPECTED = { string: "a string", integer: "an integer", number: "a number", boolean: "true or false" };

/** What the documented type allows, as a message names it. */
function expected(ref: TypeRef | undefined, documented: string, item: boolean): string {
  if (!ref) return documented;
  if (ref.collection && !item) return "an array";
  if (!ref.primitive) return "a string or an object";
  const kind = primitiveKind(ref.name);
  return kind ? EXPECTED[kind] : "a value";
}

function toReport(finding: SchemaFinding): Report<MessageId> {
  const range = { start: finding.start, end: finding.end };
  switch (finding.kind) {
    case "wrappedInValue":
      return { messageId: "wrappedInValue", data: { type: finding.type }, range };
    case "requiredCase":
      return { messageId: "requiredCase", data: { key: finding.key, required: finding.required }, range };
    case "requiredMissing":
      return { messageId: "requiredMissing", data: { required: finding.required }, range };
    case "unknownProperty": {
      const data = { key: finding.key, type: finding.type, near: finding.near ?? "" };
      const messageId = finding.near
        ? "unknownPropertyNear"
        : finding.declaresBase
          ? "unknownProperty"
          : "unknownPropertyNoBase";
      return { messageId, data, range };
    }
    case "notEnum":
    case "notComplex": {
      const { key, type, documented } = finding;
      return { messageId: finding.kind, data: { key, type, documented, given: given(finding.value) }, range };
    }
    case "wrongType": {
      const { key, type, documented, item } = finding;
      const data = {
        key,
        type,
        documented,
        item: item ?? "",
        expected: expected(finding.expected, documented, item !== undefined),
        given: given(finding.value),
      };
      return { messageId: item !== undefined ? "wrongItemType" : "wrongType", data, range };
    }
  }
}

export const schemaConformance = createRule({
  id: "schema-conformance",
  description:
    "Example JSON that does not fit its documented type: unknown properties, wrong value types, omitted Required properties",
  messages: MESSAGES,
  check({ page, docs, types, report }) {
    const walker = new SchemaWalker(docs, (finding) => report(toReport(finding)));
    for (const example of page.examples) {
      if (example.kind === "other") continue;
      const json = example.message.body?.json;
      const root = json?.root;
      // A body that is not JSON is another rule's finding; its recovered tree is not the example.
      if (!json || !root || json.errors.length > 0) continue;
      const isRequest = example.kind === "request";
      const method = example.message.method;
      const truncated = example.annotation?.truncated === true || json.truncations.length > 0;
      if (isRequest && root.type === "object" && method && SENDS_BODY.has(method) && !truncated) {
        walker.checkRequired(root, types.requestBodyProperties());
      }
      const type = types.bodyType(example);
      if (!type?.resource) continue;
      const compiled = compileResource(docs, type.resource);
      const hasValue = compiled.properties.has("value") || compiled.extraNames.has("value");
      const valueItems =
        root.type === "object" ? root.properties.find((p) => p.key === "value")?.value : undefined;
      const collection =
        root.type === "array" || ((type.collection || !hasValue) && valueItems?.type === "array");
      walker.check({
        root,
        resource: type.resource,
        collection,
        pageProperties: isRequest ? types.requestBodyProperties() : new Map(),
        typeFromResponse: type.from === "response",
      });
    }
  },
});
