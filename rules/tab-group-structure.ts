import { type Rule, ruleDocsUrl } from "../src/engine/rule.js";
import type { TabGroup, TabMarker } from "../src/page/model.js";

/** `# [HTTP](#tab/http)` as written, for messages. */
function markerText(tab: TabMarker): string {
  return `${"#".repeat(tab.depth)} [${tab.title}](#tab/${tab.id})`;
}

/** The tab a position belongs to: the last tab marker of the group before it. */
function tabAt(group: TabGroup, offset: number): TabMarker {
  let tab = group.tabs[0]!;
  for (const t of group.tabs) if (t.start <= offset) tab = t;
  return tab;
}

export const tabGroupStructure: Rule = {
  meta: {
    id: "tab-group-structure",
    description:
      "A DocFX tab group that is not closed with `---`, does not start with the HTTP tab, or holds a heading",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("tab-group-structure"),
  },
  check({ page, report }) {
    for (const group of page.tabGroups) {
      const first = group.tabs[0];
      if (!first) continue;
      if (first.id.toLowerCase() !== "http") {
        const http = group.tabs.find((t) => t.id.toLowerCase() === "http");
        report({
          message: http
            ? `Tab group starts with the "${first.title}" tab: the HTTP tab (line ${page.lines.point(http.start).line}) comes first, so readers see the HTTP request before the SDK snippets.`
            : `Tab group starts with the "${first.title}" tab and has no HTTP tab: put the HTTP request in a first tab, "# [HTTP](#tab/http)".`,
          range: first,
        });
      }
      if (!group.closing) {
        const last = group.tabs[group.tabs.length - 1]!;
        const heading = group.headings[0];
        report({
          message: heading
            ? `Tab group is not closed with "---": everything after ${markerText(last)}, from the heading "${heading.text}" (line ${page.lines.point(heading.start).line}) on, renders inside that tab.`
            : `Tab group is not closed with "---": everything after ${markerText(last)} to the end of the page renders inside that tab.`,
          range: first,
        });
        continue;
      }
      for (const heading of group.headings) {
        const tab = tabAt(group, heading.start);
        report({
          message: `Heading "${heading.text}" is inside the tab group, so it renders inside the "${tab.title}" tab: close the group with "---" before it (the group is closed only at line ${page.lines.point(group.closing.start).line}).`,
          range: heading,
        });
      }
    }
  },
};
