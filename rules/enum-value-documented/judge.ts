/**
 * Whether a value can be one of a property's documented values, precision first.
 *
 * A value outside the documented set is judged wrong only when it cannot be legitimate, whatever
 * the list leaves out: a placeholder a stub left (`"contentType-value"`, `"status.value"`), a type
 * name (`"String"`), a member in the wrong letter case, a member written as words (`"Work Account"`
 * for `workAccount`), a near miss of a member (`"notStrated"`), or a value with spaces where every
 * member is a name. Any other value is wrong only when the list is complete: an enum's table, or a
 * description worded as the whole list ("Possible values are", "must be one of"). A table that lost
 * members to translation is trusted for none of it but stub placeholders, type names and letter case;
 * one whose description gave them back in another letter case, for all of it but letter case.
 * Where a description capitalizes a value (`None`) that an example writes as Graph writes its values
 * (`none`), the description is the likelier mistake, and the example is not judged. A value the
 * service's CSDL has for the property (`serviceMembers`) is never judged: where the docs' list
 * lacks it, the list is what is fixed.
 */
import { isTypePlaceholder } from "../../src/parse/type-ref.js";
import { closest } from "../../src/util/near-miss.js";
import type { ValueSet } from "../../src/docset/resolve.js";

export type Verdict =
  | { kind: "caseOnly" | "writtenAsWords" | "nearMiss"; value: string; member: string }
  | { kind: "typePlaceholder" | "valuePlaceholder" | "notAName" | "notDocumented"; value: string };

/**
 * `contentType-value`, `status.value`, `@odata.type: microsoft.graph.alertStatus`: what a generated
 * stub writes for a property's value.
 */
const VALUE_PLACEHOLDER = /^(?:[A-Za-z][\w.]*[-.]value|@odata\.type: ?[\w.]+)$/i;
const NAME = /^[\w.-]+$/;

const isCapitalized = (word: string) => /^[A-Z]/.test(word);

/** How far from a member a value may be to be taken for a misspelling of it. */
function nearMissDistance(member: string): number {
  if (member.length < 5) return 0;
  return member.length < 8 ? 1 : 2;
}

/** The verdict on one value, or undefined when it is (or may be) a documented value. */
export function judgeValue(value: string, set: ValueSet): Verdict | undefined {
  // Flag enums are written as comma-separated members ("read,write").
  for (const part of value.split(",").map((p) => p.trim())) {
    const verdict = judgePart(part, set);
    if (verdict) return verdict;
  }
  return undefined;
}

function judgePart(value: string, set: ValueSet): Verdict | undefined {
  const { members } = set;
  // A value the service's enum has and the docs' list lacks: the list is fixed, not the example.
  if (members.includes(value) || set.serviceMembers?.includes(value)) return undefined;
  // An empty string is no member of an enum, but a String property may be empty when none of its
  // listed values applies (`emptySuggestionsReason` when there are suggestions).
  if (value === "" && set.from === "description") return undefined;
  const lower = value.toLowerCase();
  const sameLetters = members.find((m) => m.toLowerCase() === lower);
  // A description that capitalizes values (`None`) where the example writes them as Graph names
  // its values (`none`) is more likely wrong than the example: not judged.
  if (
    sameLetters &&
    set.caseKnown !== false &&
    !(set.from === "description" && isCapitalized(sameLetters) && !isCapitalized(value))
  )
    return { kind: "caseOnly", value, member: sameLetters };
  if (sameLetters) return undefined;
  if (VALUE_PLACEHOLDER.test(value)) return { kind: "valuePlaceholder", value };
  // A damaged table may have lost the very member a value names (`boolean` of a value-type enum,
  // whose members it keeps are type names too); a type name is no member of any other set.
  if (isTypePlaceholder(value) && !(set.damaged && members.some(isTypePlaceholder)))
    return { kind: "typePlaceholder", value };
  if (set.damaged) return undefined;
  const allNames = members.every((m) => NAME.test(m));
  if (allNames && /\s/.test(value)) {
    const joined = value.replace(/\s+/g, "").toLowerCase();
    const member = members.find((m) => m.toLowerCase() === joined);
    return member ? { kind: "writtenAsWords", value, member } : { kind: "notAName", value };
  }
  const near = value === "" ? undefined : closest(value, members, 2, true);
  if (near && near.distance > 0 && near.distance <= nearMissDistance(near.name)) {
    return { kind: "nearMiss", value, member: near.name };
  }
  return set.complete ? { kind: "notDocumented", value } : undefined;
}
