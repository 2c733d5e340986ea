import { createRule } from "../src/engine/rule.js";
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

export const tabGroupStructure = createRule({
  id: "tab-group-structure",
  description:
    "A DocFX tab group that is not closed with `---`, does not start with the HTTP tab, or holds a heading",
  messages: {
    httpNotFirst:
      'Tab group starts with the "{{title}}" tab: the HTTP tab (line {{httpLine}}) comes first, so readers see the HTTP request before the SDK snippets.',
    noHttpTab:
      'Tab group starts with the "{{title}}" tab and has no HTTP tab: put the HTTP request in a first tab, "# [HTTP](#tab/http)".',
    unclosedBeforeHeading:
      'Tab group is not closed with "---": everything after {{marker}}, from the heading "{{heading}}" (line {{headingLine}}) on, renders inside that tab.',
    unclosedToEnd:
      'Tab group is not closed with "---": everything after {{marker}} to the end of the page renders inside that tab.',
    headingInside:
      'Heading "{{heading}}" is inside the tab group, so it renders inside the "{{title}}" tab: close the group with "---" before it (the group is closed only at line {{closingLine}}).',
  },
  check({ page, report }) {
    const lineOf = (offset: number) => page.lines.point(offset).line;
    for (const group of page.tabGroups) {
      const first = group.tabs[0];
      if (!first) continue;
      if (first.id.toLowerCase() !== "http") {
        const http = group.tabs.find((t) => t.id.toLowerCase() === "http");
        report(
          http
            ? {
                messageId: "httpNotFirst",
                data: { title: first.title, httpLine: lineOf(http.start) },
                range: first,
              }
            : { messageId: "noHttpTab", data: { title: first.title }, range: first },
        );
      }
      if (!group.closing) {
        const marker = markerText(group.tabs[group.tabs.length - 1]!);
        const heading = group.headings[0];
        report(
          heading
            ? {
                messageId: "unclosedBeforeHeading",
                data: { marker, heading: heading.text, headingLine: lineOf(heading.start) },
                range: first,
              }
            : { messageId: "unclosedToEnd", data: { marker }, range: first },
        );
        continue;
      }
      for (const heading of group.headings) {
        report({
          messageId: "headingInside",
          data: {
            heading: heading.text,
            title: tabAt(group, heading.start).title,
            closingLine: lineOf(group.closing.start),
          },
          range: heading,
        });
      }
    }
  },
});
