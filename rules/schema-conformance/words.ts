/** How schema-conformance's messages name what an example gives and what its type allows. */
import type { JsonValue } from "../../src/parse/json.js";
import { type TypeRef, isTypePlaceholder, primitiveKind } from "../../src/parse/type-ref.js";

/** What the example gives, as a message names it. */
export function given(node: JsonValue): string {
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
export function expected(ref: TypeRef | undefined, documented: string, item: boolean): string {
  if (!ref) return documented;
  if (ref.collection && !item) return "an array";
  if (!ref.primitive) return "a string or an object";
  const kind = primitiveKind(ref.name);
  return kind ? EXPECTED[kind] : "a value";
}

/** `"a"`, `"a" and "b"`, `"a", "b" and 3 more`. */
export function quotedNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  if (names.length > max) return `${shown.join(", ")} and ${names.length - max} more`;
  return shown.length <= 1
    ? (shown[0] ?? "")
    : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
