import { relative } from "node:path";
import { type BaseTypeStep, derivesFrom, sameNamespace, sameType } from "../src/docset/base-type.js";
import { type TypeRef, parseTypeRef } from "../src/docset/types.js";
import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";
import type { HttpExample } from "../src/page/model.js";
import type { JsonString, JsonValue } from "../src/parse/json.js";

/** The type an example's annotation declares, with the key it is written under. */
function declaredType(example: HttpExample): { key: string; text: string; type: TypeRef } | undefined {
  const data = example.annotation?.data;
  if (!data) return undefined;
  // ApiDoctor reads `@type` first, then `@odata.type`.
  for (const key of ["@type", "@odata.type"]) {
    const text = data[key];
    if (typeof text !== "string") continue;
    const type = parseTypeRef(text);
    return type && !type.primitive ? { key, text, type } : undefined;
  }
  return undefined;
}

function odataType(value: JsonValue | undefined): JsonString | undefined {
  if (value?.type !== "object") return undefined;
  const type = value.properties.find((p) => p.key === "@odata.type")?.value;
  return type?.type === "string" ? type : undefined;
}

/**
 * The `@odata.type` values of the body that stand for the declared type: the body's own, or for a
 * collection each item's in `value` (the body's own when it has no `value` array).
 */
function bodyTypes(root: JsonValue | undefined, collection: boolean): JsonString[] {
  if (root?.type !== "object") return [];
  if (collection) {
    const value = root.properties.find((p) => p.key === "value")?.value;
    if (value?.type === "array") return value.items.flatMap((item) => odataType(item) ?? []);
  }
  const own = odataType(root);
  return own ? [own] : [];
}

/**
 * Why the docs rule the derivation out, from their chains of base types: "the docs derive user from
 * directoryObject (resources/user.md), directoryObject from entity (resources/directoryobject.md)".
 */
function explain(
  derivation: { chain: BaseTypeStep[]; ancestorChain: BaseTypeStep[] },
  root: string | undefined,
): string {
  const where = (file: string) => (root ? relative(root, file).replace(/\\/g, "/") : file);
  const steps = [...derivation.chain, ...derivation.ancestorChain].map(
    (s) => `${s.type.name} from ${s.base.name} (${where(s.file)})`,
  );
  return `the docs derive ${steps.join(", ")}`;
}

export const odataTypeConsistent: Rule = {
  meta: {
    id: "odata-type-consistent",
    description:
      "An example body whose `@odata.type` is neither the type its annotation declares nor a type derived from it",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("odata-type-consistent"),
  },
  check({ page, docs, report }) {
    for (const example of page.examples) {
      const blockType = example.annotation?.blockType;
      if (blockType !== "request" && blockType !== "response") continue;
      const declared = declaredType(example);
      if (!declared) continue;
      const collection = declared.type.collection || example.annotation?.data.isCollection === true;
      for (const value of bodyTypes(example.message.body?.json?.root, collection)) {
        const type = parseTypeRef(value.value);
        if (!type || type.primitive || sameType(type, declared.type)) continue;
        const body = `Body @odata.type "${value.value}"`;
        const annotation = `the annotation's ${declared.key} "${declared.text}"`;
        let message: string;
        if (type.name.toLowerCase() === declared.type.name.toLowerCase()) {
          message = sameNamespace(type.namespace, declared.type.namespace)
            ? `${body} differs in letter case from ${annotation}: type names are case-sensitive.`
            : `${body} is in namespace "${type.namespace ?? "microsoft.graph"}", but ${annotation} is in "${declared.type.namespace ?? "microsoft.graph"}".`;
        } else {
          const derivation = derivesFrom(docs, type, declared.type);
          if (derivation.derives !== false) continue;
          message = `${body} is not ${annotation} or a type derived from it: ${explain(derivation, docs.root)}.`;
        }
        report({
          message,
          range: value,
          related: [{ message: "The annotation", range: example.annotation! }],
        });
      }
    }
  },
};
