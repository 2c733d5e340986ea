import { relative } from "node:path";
import { type BaseTypeStep, derivesFrom, sameType } from "../src/docset/base-type.js";
import { sameNamespace } from "../src/docset/definitions.js";
import { type TypeRef, parseTypeRef } from "../src/parse/type-ref.js";
import { createRule } from "../src/engine/rule.js";
import type { HttpExample } from "../src/page/model.js";
import type { JsonString, JsonValue } from "../src/parse/json.js";

/** The type an example's annotation declares, with the key it is written under. */
function declaredType(example: HttpExample): { key: string; text: string; type: TypeRef } | undefined {
  const declared = example.annotation?.declaredType;
  const type = declared ? parseTypeRef(declared.text) : undefined;
  return declared && type && !type.primitive ? { ...declared, type } : undefined;
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
 * Why the docs rule the derivation out, from their chains of base types: "user from directoryObject
 * (resources/user.md), directoryObject from entity (resources/directoryobject.md)".
 */
function explain(
  derivation: { chain: BaseTypeStep[]; ancestorChain: BaseTypeStep[] },
  root: string | undefined,
): string {
  const where = (file: string) => (root ? relative(root, file).replace(/\\/g, "/") : file);
  const steps = [...derivation.chain, ...derivation.ancestorChain].map(
    (s) => `${s.type.name} from ${s.base.name} (${where(s.file)})`,
  );
  return steps.join(", ");
}

export const odataTypeConsistent = createRule({
  id: "odata-type-consistent",
  description:
    "An example body whose `@odata.type` is neither the type its annotation declares nor a type derived from it",
  messages: {
    caseDiffers:
      'Body @odata.type "{{bodyType}}" differs in letter case from the annotation\'s {{key}} "{{declared}}": type names are case-sensitive.',
    namespaceDiffers:
      'Body @odata.type "{{bodyType}}" is in namespace "{{bodyNamespace}}", but the annotation\'s {{key}} "{{declared}}" is in "{{declaredNamespace}}".',
    notDerived:
      'Body @odata.type "{{bodyType}}" is not the annotation\'s {{key}} "{{declared}}" or a type derived from it: the docs derive {{chain}}.',
    annotation: "The annotation",
  },
  check({ page, docs, report }) {
    for (const example of page.examples) {
      const blockType = example.annotation?.blockType;
      if (blockType !== "request" && blockType !== "response") continue;
      const declared = declaredType(example);
      if (!declared) continue;
      const collection = declared.type.collection || example.annotation?.isCollection === true;
      for (const value of bodyTypes(example.message.body?.json?.root, collection)) {
        const type = parseTypeRef(value.value);
        if (!type || type.primitive || sameType(type, declared.type)) continue;
        const data = { bodyType: value.value, key: declared.key, declared: declared.text };
        const related = [{ messageId: "annotation" as const, range: example.annotation! }];
        if (type.name.toLowerCase() === declared.type.name.toLowerCase()) {
          const inNamespaces = {
            bodyNamespace: type.namespace ?? "microsoft.graph",
            declaredNamespace: declared.type.namespace ?? "microsoft.graph",
          };
          report(
            sameNamespace(type.namespace, declared.type.namespace)
              ? { messageId: "caseDiffers", data, range: value, related }
              : { messageId: "namespaceDiffers", data: { ...data, ...inNamespaces }, range: value, related },
          );
          continue;
        }
        const derivation = derivesFrom(docs, type, declared.type);
        if (derivation.derives !== false) continue;
        report({
          messageId: "notDerived",
          data: { ...data, chain: explain(derivation, docs.root) },
          range: value,
          related,
        });
      }
    }
  },
});
