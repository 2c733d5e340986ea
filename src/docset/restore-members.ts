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
 * Only a description that spells every value it shares with the table as the table does restores
 * anything: machine translation also changes the letter case of members it leaves (`| Child |` for
 * `child`), and descriptions often capitalize what tables write in camel case (`TentativelyAccepted`),
 * so where the two disagree there is no telling how the lost members are spelled.
 */

const NAME = /^[\w.-]+$/;

/**
 * The table's members with the lost ones restored from `listed` (the description's values, in its
 * order), or undefined when the description does not account for exactly the `lost` members.
 */
export function restoredMembers(
  members: readonly string[],
  lost: number,
  listed: readonly string[] | undefined,
): string[] | undefined {
  if (lost === 0 || !listed) return undefined;
  const byLower = new Map(members.map((m) => [m.toLowerCase(), m]));
  const values = [...new Set(listed.filter((v) => NAME.test(v)))];
  const extra = values.filter((v) => !byLower.has(v.toLowerCase()));
  if (extra.length !== lost) return undefined;
  if (values.some((v) => byLower.has(v.toLowerCase()) && !members.includes(v))) return undefined;
  // Members the description leaves out (the `unknownFutureValue` sentinel) keep their place at the end.
  return [...values, ...members.filter((m) => !values.includes(m))];
}
