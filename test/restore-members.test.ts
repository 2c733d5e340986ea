import { describe, expect, it } from "vitest";
import { type RestoredMembers, restoredMembers } from "../src/docset/restore-members.js";

const spelled = (...members: string[]) => ({ members, caseKnown: true });
const caseUnknown = (...members: string[]) => ({ members, caseKnown: false });

describe("restoredMembers: the members a translated enum table lost, from the description", () => {
  it.each<[string, string[], number, string[] | undefined, RestoredMembers | undefined]>([
    ["an intact table is left alone", ["focused", "other"], 0, ["focused", "other"], undefined],
    ["no listed values restore nothing", ["other"], 1, undefined, undefined],
    [
      "one lost member, one value the table lacks",
      ["other"],
      1,
      ["focused", "other"],
      spelled("focused", "other"),
    ],
    [
      "the sentinel the description leaves out keeps its place",
      ["sis", "unknownFutureValue"],
      1,
      ["sis", "manual"],
      spelled("sis", "manual", "unknownFutureValue"),
    ],
    ["fewer values than lost members", ["a"], 2, ["a", "b"], undefined],
    ["more values than lost members (an older list)", ["a"], 1, ["a", "b", "c"], undefined],
    // Machine translation capitalized `child` and translated `parent`: how `parent` is spelled is unknown.
    [
      "a shared value spelled otherwise in the table",
      ["Child"],
      1,
      ["child", "parent"],
      caseUnknown("Child", "parent"),
    ],
    [
      "a description that capitalizes camel-case members",
      ["accepted"],
      1,
      ["None", "Accepted"],
      caseUnknown("None", "accepted"),
    ],
    ["values that are not names are no members", ["a"], 1, ["a", "b c"], undefined],
  ])("%s", (_name, members, lost, listed, expected) => {
    expect(restoredMembers(members, lost, listed)).toEqual(expected);
  });
});
