/**
 * The members a translated enum table lost, given back by the property's description.
 *
 * Translation rewrites some member cells of enum tables (`| 聚焦 |` for `focused`), so the table
 * lacks those members and is not trusted to judge values by. The description of a property of that
 * enum often lists the values as code spans ("可能的值为：`focused` 或 `other`"), which translation
 * leaves alone. When the description names exactly as many values the table lacks as the table lost
 * cells, those values are the lost members: the set is whole again. A description that names more
 * or fewer (an older list, a partial one) restores nothing.
 *
 * Where the description spells a value it shares with the table in another letter case, the set is
 * whole but its spelling is not known: machine translation also changes the letter case of members
 * it leaves (`| Child |` for `child`), and descriptions often capitalize what tables write in camel
 * case (`TentativelyAccepted`). Such a set judges no value by its letter case.
 */

const NAME = /^[\w.-]+$/;

export interface RestoredMembers {
  /** The table's members (as it spells them) and the lost ones (as the description does). */
  members: string[];
  /** False when the table and the description spell a shared member in different letter case. */
  caseKnown: boolean;
}

/**
 * The table's members with the lost ones restored from `listed` (the description's values, in its
 * order), or undefined when the description does not account for exactly the `lost` members.
 */
export function restoredMembers(
  members: readonly string[],
  lost: number,
  listed: readonly string[] | undefined,
): RestoredMembers | undefined {
  if (lost === 0 || !listed) return undefined;
  const byLower = new Map(members.map((m) => [m.toLowerCase(), m]));
  const values = [...new Set(listed.filter((v) => NAME.test(v)))];
  const extra = values.filter((v) => !byLower.has(v.toLowerCase()));
  if (extra.length !== lost) return undefined;
  const caseKnown = values.every((v) => !byLower.has(v.toLowerCase()) || members.includes(v));
  // In the description's order, spelled as the table spells what it kept; members the description
  // leaves out (the `unknownFutureValue` sentinel) keep their place at the end.
  const restored = values.map((v) => byLower.get(v.toLowerCase()) ?? v);
  return { members: [...restored, ...members.filter((m) => !restored.includes(m))], caseKnown };
}
