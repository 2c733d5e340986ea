import { describe, expect, it } from "vitest";
import { repositoryWebUrl } from "../../src/util/package-info.js";
import { ruleDocsUrl } from "../../src/engine/rule.js";

describe("repositoryWebUrl: package.json `repository` as a web address", () => {
  it.each([
    [{ type: "git", url: "git+https://github.com/owner/name.git" }, "https://github.com/owner/name"],
    ["https://github.com/owner/name/", "https://github.com/owner/name"],
    ["owner/name", "https://github.com/owner/name"],
    ["github:owner/name", "https://github.com/owner/name"],
    ["gitlab:group/name", "https://gitlab.com/group/name"],
    ["git@github.com:owner/name.git", "https://github.com/owner/name"],
    ["git://github.com/owner/name.git", "https://github.com/owner/name"],
    ["ssh://git@example.org/owner/name.git", "https://example.org/owner/name"],
    [`https://example.org/x${"/".repeat(50_000)}`, "https://example.org/x"],
    [{ url: "" }, undefined],
    [undefined, undefined],
    [42, undefined],
  ])("%j → %j", (repository, expected) => {
    expect(repositoryWebUrl(repository)).toBe(expected);
  });

  it("gives each rule's docs URL in the repository package.json names", () => {
    expect(ruleDocsUrl("no-trailing-comma")).toBe(
      "https://github.com/graph-docs-lint/graph-docs-lint/blob/main/docs/rules/no-trailing-comma.md",
    );
  });
});
