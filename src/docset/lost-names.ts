/**
 * The keys of an example object that stand for properties its type's pages lost the names of to
 * translation (`| 步骤 | [approvalStep](…) 集合 |`, a row no JSON tells the name of): one fact, read
 * by schema-conformance (which does not report such a key, and holds its value to the row's type)
 * and by the resolver (which types the key's value by the row, so its values are judged too).
 *
 * Each lost row stands for at most one key, whose value fits the row's type (objects that look like
 * it, for a type the docs have a resource page of); a key whose value names members of a lost row's
 * enum is that row's, when it is the only such key; the others are matched from the last, so a
 * finding on the others keeps its place. A near miss of a documented name is its own
 * mistake and is never taken. The page is reported once, by no-translated-name.
 */
import type { JsonObject, JsonValue } from "../parse/json.js";
import type { TypeRef } from "../parse/type-ref.js";
import { sameIgnoringCase } from "../util/near-miss.js";
import { shallowValue, typeValidator } from "./schema.js";

/**
 * The keys of `object` among `unknown` (keys no row gives a type: see rowlessKeys) that stand for a
 * lost row (`known`: the type's names; a key only the JSON representation names may be one), each
 * with the row's type when no other row could be the key's and no other key the row's: a guess
 * between two rows excuses the key and types nothing.
 */
export function keysOfLostNames(
  object: JsonObject,
  unknown: readonly string[],
  lostRows: readonly TypeRef[],
  known: readonly string[],
  looksLike: (ref: TypeRef, value: JsonValue) => boolean | undefined = () => undefined,
  namesMember: (ref: TypeRef, value: JsonValue) => boolean = () => false,
): Map<string, TypeRef | undefined> {
  const taken = new Map<string, TypeRef | undefined>();
  if (lostRows.length === 0) return taken;
  const fitting = new Map<string, TypeRef[]>();
  const nodes = new Map<string, JsonValue>();
  for (const key of unknown) {
    const node = object.properties.findLast((p) => p.key === key)?.value;
    // `value` is OData's wrapper of a collection (or of one resource wrapped by mistake, which
    // schema-conformance reports as such): the English page reports it, so it stands for no row.
    const same = sameIgnoringCase(key, known);
    if (!node || key === "value" || (same !== undefined && same !== key)) continue;
    nodes.set(key, node);
    const value = shallowValue(node, 1);
    // A type with a resource page takes objects that look like it (a string such as `"name":
    // "String"` is none), though a row typed by a bare name may be an enum's, which takes strings.
    fitting.set(
      key,
      lostRows.filter(
        (ref) => (typeValidator(ref)?.(value) ?? true) && (ref.primitive || looksLike(ref, node) !== false),
      ),
    );
  }
  claimByMembers(nodes, fitting, namesMember);
  const lost = [...lostRows];
  for (const key of [...fitting.keys()].reverse()) {
    const i = lost.findIndex((ref) => fitting.get(key)!.includes(ref));
    if (i === -1) continue;
    const row = lost[i]!;
    lost.splice(i, 1);
    const keysForRow = [...fitting.values()].filter((refs) => refs.includes(row)).length;
    taken.set(key, fitting.get(key)!.length === 1 && keysForRow === 1 ? row : undefined);
  }
  return taken;
}

/**
 * A value that names members of a lost row's enum (`"ServiceRestored"` for the row `| 状态 |
 * serviceHealthStatus |`, in any letter case) is that row's, where it is the only key whose value
 * does and it names no other lost enum's: the row is then no other key's to fit (a `String` row
 * beside it is left to the other string key).
 */
function claimByMembers(
  nodes: ReadonlyMap<string, JsonValue>,
  fitting: Map<string, TypeRef[]>,
  namesMember: (ref: TypeRef, value: JsonValue) => boolean,
): void {
  const claims = new Map<TypeRef, string[]>();
  for (const [key, refs] of fitting) {
    const node = nodes.get(key);
    for (const ref of refs)
      if (node && !ref.primitive && namesMember(ref, node))
        claims.set(ref, [...(claims.get(ref) ?? []), key]);
  }
  for (const [row, keys] of claims) {
    const key = keys[0]!;
    const claimsOthers = [...claims].some(([other, by]) => other !== row && by.includes(key));
    if (keys.length !== 1 || claimsOthers) continue;
    for (const [other, refs] of fitting)
      fitting.set(other, other === key ? [row] : refs.filter((ref) => ref !== row));
  }
}
