import {
  SchemaWalker,
  bodyTypeText,
  compileResource,
  requestBodyProperties,
  resourceFor,
} from "../src/docset/json-schema.js";
import { parseTypeRef } from "../src/docset/types.js";
import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";

const SENDS_BODY = new Set(["POST", "PUT", "PATCH"]);

export const schemaConformance: Rule = {
  meta: {
    id: "schema-conformance",
    description:
      "Example JSON that does not fit its documented type: unknown properties, wrong value types, omitted Required properties",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("schema-conformance"),
  },
  check({ page, docs, report }) {
    const walker = new SchemaWalker(docs, report);
    let pageProperties: ReturnType<typeof requestBodyProperties> | undefined;
    const namespace = page.namespace?.value;
    for (const example of page.examples) {
      if (example.kind === "other") continue;
      const json = example.message.body?.json;
      const root = json?.root;
      // A body that is not JSON is another rule's finding; its recovered tree is not the example.
      if (!json || !root || json.errors.length > 0) continue;
      const isRequest = example.kind === "request";
      if (isRequest) pageProperties ??= requestBodyProperties(page);
      const exchange = page.exchanges.find((x) => x.request === example || x.response === example);

      if (isRequest && root.type === "object") {
        const method = example.message.requestLines[0]?.method;
        const truncated = example.annotation?.data.truncated === true || json.truncations.length > 0;
        if (method && SENDS_BODY.has(method) && !truncated) {
          walker.checkRequired(root, pageProperties!);
        }
      }

      const typeText = bodyTypeText(example, exchange);
      if (!typeText) continue;
      // A request shows its response's type only when it creates or replaces that resource: an
      // action's request body holds parameters (the action answers 200 or 204, not 201 Created).
      if (typeText.from === "response") {
        const method = example.message.requestLines[0]?.method;
        const status = exchange?.response?.message.status?.code;
        if (!(method === "PATCH" || method === "PUT" || (method === "POST" && status === 201))) continue;
      }
      const resource = resourceFor(docs, typeText.text, namespace);
      if (!resource) continue;
      const ref = parseTypeRef(typeText.text);
      const compiled = compileResource(docs, resource);
      const hasValue = compiled.properties.has("value") || compiled.extraNames.has("value");
      const valueItems =
        root.type === "object" ? root.properties.find((p) => p.key === "value")?.value : undefined;
      const collection =
        root.type === "array" ||
        ((ref?.collection === true || example.annotation?.data.isCollection === true || !hasValue) &&
          valueItems?.type === "array");
      walker.check({
        root,
        resource,
        collection,
        pageProperties: isRequest ? pageProperties! : new Map(),
        typeFromResponse: typeText.from === "response",
      });
    }
  },
};
