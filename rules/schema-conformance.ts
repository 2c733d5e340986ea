import { compileResource, contradictedProperties } from "../src/docset/schema.js";
import type { TypeResolver } from "../src/docset/resolve.js";
import type { Page } from "../src/page/model.js";
import { type SchemaFinding, SchemaWalker } from "../src/docset/schema-walk.js";
import { type Report, createRule } from "../src/engine/rule.js";
import { type UnknownProperty, unknownOnes } from "./schema-conformance/unknown.js";
import { expected, given } from "./schema-conformance/words.js";

const SENDS_BODY = new Set(["POST", "PUT", "PATCH"]);

const MESSAGES = {
  wrappedInValue:
    '"value" is not a documented property of {{type}}: a single {{type}} is returned at the top level, not wrapped in "value".',
  requiredCase: '"{{key}}" differs in case from "{{required}}", which the Request body table marks Required.',
  requiredMissing: 'The request body omits "{{required}}", which the Request body table marks Required.',
  unknownProperty: '"{{key}}" is not a documented property of {{type}} (looked up in {{pages}}).',
  unknownProperties: "{{keys}} are not documented properties of {{type}} (looked up in {{pages}}).",
  unknownPropertyNear: '"{{key}}" is not a documented property of {{type}}; did you mean "{{near}}"?',
  unknownPropertyNoBase:
    '"{{key}}" is not a documented property of {{type}}, and {{page}} names no base type it could inherit it from: name the base type there, or document the property.',
  unknownPropertiesNoBase:
    "{{keys}} are not documented properties of {{type}}, and {{page}} names no base type they could be inherited from: name the base type there, or document them.",
  alsoUnknown: 'Also not documented: "{{key}}"',
  wrongTableType:
    '"{{key}}" is documented as {{documented}} in the Request body table, so it should be {{expected}}, but the example gives {{given}}.',
  wrongTableItemType:
    'Item {{item}} of "{{key}}" is documented as {{documented}} in the Request body table, so it should be {{expected}}, but the example gives {{given}}.',
  notEnum:
    '"{{key}}" of {{type}} is documented as {{documented}} (an enum), but the example gives {{given}}.',
  notComplex:
    '"{{key}}" of {{type}} is documented as {{documented}} (a complex type), but the example gives {{given}}.',
  wrongType:
    '"{{key}}" of {{type}} is documented as {{documented}}, so it should be {{expected}}, but the example gives {{given}}.',
  wrongItemType:
    'Item {{item}} of "{{key}}" of {{type}} is documented as {{documented}}, so it should be {{expected}}, but the example gives {{given}}.',
  representationContradicts:
    '"{{key}}" is documented as {{documented}} in the properties table, so it should be {{expected}}, but the JSON representation gives {{given}}: make the two agree (examples are not held to either until they do).',
};
type MessageId = keyof typeof MESSAGES;

/**
 * The page's own contradictions: a JSON representation value its properties table's type rejects.
 * Reported here, once, where the fix is; examples showing the same value are not (see schema.ts).
 */
function* representationContradictions(page: Page, types: TypeResolver): Generator<Report<MessageId>> {
  const resource = types.ownResource();
  const root = page.codeBlocks.find((c) => c.annotation?.blockType === "resource")?.json?.root;
  if (!resource || root?.type !== "object") return;
  for (const property of contradictedProperties(resource)) {
    const node = root.properties.find((p) => p.key === property.name)?.value;
    if (!node) continue;
    const { name: key, type: documented } = property;
    yield {
      messageId: "representationContradicts",
      data: { key, documented, expected: expected(property.typeRef, documented, false), given: given(node) },
      range: { start: node.start, end: node.end },
    };
  }
}

/** The report of a finding other than an unknown property (those are grouped: see `unknownOnes`). */
function toReport(finding: Exclude<SchemaFinding, UnknownProperty>): Report<MessageId> {
  const range = { start: finding.start, end: finding.end };
  switch (finding.kind) {
    case "wrappedInValue":
      return { messageId: "wrappedInValue", data: { type: finding.type }, range };
    case "requiredCase":
      return { messageId: "requiredCase", data: { key: finding.key, required: finding.required }, range };
    case "requiredMissing":
      return { messageId: "requiredMissing", data: { required: finding.required }, range };
    case "notEnum":
    case "notComplex": {
      const { key, type, documented } = finding;
      return { messageId: finding.kind, data: { key, type, documented, given: given(finding.value) }, range };
    }
    case "wrongType": {
      const { key, type, documented, item } = finding;
      const words = {
        key,
        documented,
        expected: expected(finding.expected, documented, item !== undefined),
        given: given(finding.value),
      };
      const data: Record<string, string | number> = type === undefined ? words : { ...words, type };
      if (item !== undefined) data.item = item;
      const messageId =
        type === undefined
          ? item !== undefined
            ? "wrongTableItemType"
            : "wrongTableType"
          : item !== undefined
            ? "wrongItemType"
            : "wrongType";
      return { messageId, data, range };
    }
  }
}

export const schemaConformance = createRule({
  id: "schema-conformance",
  description:
    "Example JSON that does not fit its documented type: unknown properties, wrong value types, omitted Required properties",
  messages: MESSAGES,
  check({ page, types, report }) {
    // The resolver's view of the docs index: with the service's CSDL, its types fill the docs' silences.
    const docs = types.docs;
    for (const example of page.examples) {
      if (example.kind === "other") continue;
      const json = example.message.body?.json;
      const root = json?.root;
      // A body that is not JSON is another rule's finding; its recovered tree is not the example.
      if (!json || !root || json.errors.length > 0) continue;
      const unknown: UnknownProperty[] = [];
      const walker = new SchemaWalker(docs, (finding) =>
        finding.kind === "unknownProperty" ? unknown.push(finding) : report(toReport(finding)),
      );
      const isRequest = example.kind === "request";
      const method = example.message.method;
      const sendsBody = isRequest && method !== undefined && SENDS_BODY.has(method);
      const truncated = example.annotation?.truncated === true || json.truncations.length > 0;
      if (sendsBody && root.type === "object" && !truncated)
        walker.checkRequired(root, types.requestBodyProperties());
      const type = types.bodyType(example);
      const resource = type?.resource;
      if (sendsBody) {
        // The Request body table types what the body's resource type does not (an action's parameters).
        const checked = new Set(resource ? compileResource(docs, resource).properties.keys() : []);
        walker.checkTable(root, types.requestBodyProperties(), checked);
      }
      if (resource) {
        const compiled = compileResource(docs, resource);
        const hasValue = compiled.properties.has("value") || compiled.extraNames.has("value");
        const valueItems =
          root.type === "object" ? root.properties.find((p) => p.key === "value")?.value : undefined;
        const collection =
          root.type === "array" || ((type.collection || !hasValue) && valueItems?.type === "array");
        walker.check({
          root,
          resource,
          collection,
          pageProperties: isRequest ? types.requestBodyProperties() : new Map(),
          typeFromResponse: type.from === "response",
        });
      }
      for (const r of unknownOnes(unknown, docs.root)) report(r);
    }
    for (const r of representationContradictions(page, types)) report(r);
  },
});
