/**
 * A docs enum table's members against the service's enum type: which rows name no member, which
 * spell one in another letter case, and which members no row lists.
 */
import type { Report } from "../../src/engine/rule.js";
import type { CsdlEnumType } from "../../src/metadata/model.js";
import type { EnumTable, MemberCell } from "../../src/page/model.js";
import { closest } from "../../src/util/near-miss.js";

export type CompareMessage =
  | "missingMembers"
  | "unknownMember"
  | "unknownMembers"
  | "misspelledMember"
  | "caseDiffers"
  | "betaOnlyMember"
  | "betaOnlyMembers";

/**
 * The evolvable-enum sentinel. Pages written before Graph made enums evolvable leave it out of
 * their tables on purpose (clients never send it, and it reads as noise), so its absence is not
 * worth a writer's time; a table that lists it when the service has none is still reported.
 */
const SENTINEL = "unknownfuturevalue";

/**
 * This many consecutive rows naming no member are one finding: they are one cause (a table copied
 * from a newer version of the service, or from another enum), fixed in one place.
 */
const RUN = 3;

/** Longer lists are cut in messages: a few enums have hundreds of members. */
const MAX_LISTED = 12;

function listed(members: readonly string[]): string {
  const shown = members.slice(0, MAX_LISTED).map((m) => `"${m}"`);
  return members.length > MAX_LISTED ? `${shown.join(", ")}, … (${members.length} in all)` : shown.join(", ");
}

/**
 * The findings on one table, the table's own first, then its rows in order. `beta` is the beta
 * service's enum of the same name, on a v1.0 page when beta's CSDL is configured too: a row naming
 * a member only it has (in any letter case) is reported as beta's, not as unknown or misspelt.
 */
export function compareMembers(
  table: EnumTable,
  type: CsdlEnumType,
  beta?: CsdlEnumType,
): Report<CompareMessage>[] {
  const exact = new Set(type.members.map((m) => m.name));
  const byLower = new Map(type.members.map((m) => [m.name.toLowerCase(), m.name]));
  const listedLower = new Set(table.members.map((m) => m.toLowerCase()));
  const unlisted = type.members
    .map((m) => m.name)
    .filter((m) => !listedLower.has(m.toLowerCase()) && m.toLowerCase() !== SENTINEL);
  const guessed = new Set<string>();
  const typeName = type.qualifiedName;
  const betaLower = new Set(beta?.members.map((m) => m.name.toLowerCase()));
  const rows: Report<CompareMessage>[] = [];
  let unknownRun: MemberCell[] = [];
  let betaRun: MemberCell[] = [];
  const endRun = () => {
    rows.push(...unknownReports(unknownRun, typeName));
    rows.push(...unknownReports(betaRun, typeName, BETA_MESSAGES));
    unknownRun = [];
    betaRun = [];
  };
  for (const cell of table.memberCells) {
    if (exact.has(cell.name)) {
      endRun();
      continue;
    }
    const expected = byLower.get(cell.name.toLowerCase());
    if (expected === undefined && betaLower.has(cell.name.toLowerCase())) {
      // Runs of one kind: a run of beta's members is one cause, a run of unknown ones another.
      if (unknownRun.length > 0) endRun();
      betaRun.push(cell);
      continue;
    }
    if (betaRun.length > 0) endRun();
    // A row that names an unlisted member with a typo is that member: one finding, on the row.
    const near =
      expected === undefined ? closest(cell.name, unlisted, cell.name.length <= 4 ? 1 : 2) : undefined;
    if (expected === undefined && (!near || guessed.has(near.name))) {
      unknownRun.push(cell);
      continue;
    }
    endRun();
    if (expected !== undefined) {
      const fix = cell.exact ? { range: { start: cell.start, end: cell.end }, text: expected } : undefined;
      const data = { member: cell.name, expected, type: typeName };
      rows.push({ messageId: "caseDiffers", data, range: cell, ...(fix ? { fix } : {}) });
    } else if (near) {
      guessed.add(near.name);
      const data = { member: cell.name, expected: near.name, type: typeName };
      rows.push({ messageId: "misspelledMember", data, range: cell });
    }
  }
  endRun();
  const missing = unlisted.filter((m) => !guessed.has(m));
  if (missing.length === 0) return rows;
  const data = { type: typeName, members: listed(missing) };
  return [{ messageId: "missingMembers", data, range: table.headerRow }, ...rows];
}

interface RunMessages {
  one: CompareMessage;
  run: CompareMessage;
}
const UNKNOWN_MESSAGES: RunMessages = { one: "unknownMember", run: "unknownMembers" };
const BETA_MESSAGES: RunMessages = { one: "betaOnlyMember", run: "betaOnlyMembers" };

/** A row for each unknown (or beta-only) member, or one finding for a run of them. */
function unknownReports(
  run: MemberCell[],
  type: string,
  messages: RunMessages = UNKNOWN_MESSAGES,
): Report<CompareMessage>[] {
  if (run.length >= RUN) {
    const range = { start: run[0]!.start, end: run[run.length - 1]!.end };
    const data = { count: String(run.length), members: listed(run.map((c) => c.name)), type };
    return [{ messageId: messages.run, data, range }];
  }
  return run.map((cell) => ({ messageId: messages.one, data: { member: cell.name, type }, range: cell }));
}
