import { describe, expect, it } from "vitest";
import { metadataEnumMembers } from "../../rules/metadata-enum-members.js";
import { MetadataIndex } from "../../src/metadata/metadata-index.js";
import { readCsdl } from "../../src/metadata/read.js";
import {
  type InvalidCase,
  type ValidCase,
  expectEveryMessageIdTested,
  lintWithRuleDetailed,
  md,
  runRuleTests,
} from "../helpers.js";
import { csdlDocument } from "../metadata/csdl.js";

const RULE = "metadata-enum-members";
type MessageId = keyof typeof metadataEnumMembers.meta.messages;

const members = (...names: string[]) => names.map((n) => `  <Member Name="${n}" />`);

/** The service: enums in `microsoft.graph` and in `microsoft.graph.externalConnectors`. */
const METADATA = new MetadataIndex(
  readCsdl(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EnumType Name="widgetKind">',
          ...members("small", "large", "extraLarge", "unknownFutureValue"),
          "</EnumType>",
          '<EnumType Name="widgetRights" IsFlags="true">',
          '  <Member Name="none" Value="0" />',
          '  <Member Name="read" Value="1" />',
          '  <Member Name="write" Value="2" />',
          "</EnumType>",
          '<EnumType Name="accessType">',
          ...members("allow", "block"),
          "</EnumType>",
          '<EnumType Name="gadgetModes" IsFlags="true">',
          '  <Member Name="manual" Value="1" />',
          '  <Member Name="scheduled" Value="2" />',
          "</EnumType>",
          '<ComplexType Name="widgetSize">',
          '  <Property Name="width" Type="Edm.Int32" />',
          "</ComplexType>",
          '<EntityType Name="widget">',
          '  <Property Name="status" Type="Edm.String" />',
          "</EntityType>",
        ],
      },
      {
        namespace: "microsoft.graph.externalConnectors",
        lines: [
          '<EnumType Name="accessType">',
          ...members("grant", "deny", "unknownFutureValue"),
          "</EnumType>",
          '<EnumType Name="connectionState">',
          ...members("draft", "ready", "obsolete"),
          "</EnumType>",
        ],
      },
    ]),
    "test.xml",
  ),
);

/** A resource page (namespace line `namespace`) whose `### <name> values` table lists `rows`. */
function enumPage(name: string, rows: string[], namespace = "microsoft.graph"): string {
  return md(
    "# widget resource type",
    "",
    `Namespace: ${namespace}`,
    "",
    `### ${name} values`,
    "",
    "|Member|Description|",
    "|:---|:---|",
    ...rows.map((r) => `|${r}|A member.|`),
  );
}

/** The place of the `nth` (from 0) occurrence of `needle` in `code`, as 1-based line and columns. */
function place(code: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = code.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`${needle} is not in the code`);
  const before = code.slice(0, at).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

const HEADER = "|Member|Description|";
const WIDGET = "microsoft.graph.widgetKind";

const valid: ValidCase[] = [
  {
    name: "every member, unknownFutureValue left out",
    code: enumPage("widgetKind", ["small", "large", "extraLarge"]),
  },
  {
    name: "every member, in backticks, unknownFutureValue listed",
    code: enumPage("widgetKind", ["`small`", "`large`", "`extraLarge`", "`unknownFutureValue`"]),
  },
  {
    name: "a lower-case heading (the anchor's case)",
    code: enumPage("widgetkind", ["small", "large", "extraLarge"]),
  },
  { name: "a flags enum", code: enumPage("widgetRights", ["none", "read", "write"]) },
  {
    name: "an enum of the page's namespace, not microsoft.graph's of the same name",
    code: enumPage("accessType", ["grant", "deny"], "microsoft.graph.externalConnectors"),
  },
  {
    name: "a qualified name in a heading without an anchor (its slug drops the dots): no name to judge",
    code: enumPage("microsoft.graph.externalConnectors.accessType", ["grant"]),
  },
  {
    name: "a page without a namespace line (or one not read): the enum of that name it lists most of",
    code: enumPage("accessType", ["grant", "deny"]).replace("Namespace: microsoft.graph\n", ""),
  },
  {
    name: "the values of a String property: not an enum of the service",
    code: enumPage("status", ["on", "off"]),
  },
  { name: "a name the service gives a complex type", code: enumPage("widgetSize", ["narrow", "wide"]) },
  {
    name: "a table whose members were translated (no-translated-name reports it)",
    code: enumPage("widgetKind", ["small", "大", "extraLarge"]),
  },
  {
    name: "an enum page",
    code: md(
      "---",
      "doc_type: enumPageType",
      "---",
      "# widgetKind enum type",
      "",
      "Namespace: microsoft.graph",
      "",
      "## Members",
      "",
      "| Member | Value | Description |",
      "|:---|:---|:---|",
      "| small | 0 | Small. |",
      "| large | 1 | Large. |",
      "| extraLarge | 2 | Extra large. |",
    ),
  },
];

const missing = enumPage("widgetKind", ["small", "large"]);
const unknown = enumPage("widgetKind", ["small", "large", "extraLarge", "huge"]);
const unknownRun = enumPage("widgetKind", ["small", "large", "extraLarge", "red", "green", "blue"]);
const misspelled = enumPage("widgetKind", ["small", "large", "extraLarg"]);
const cased = enumPage("widgetKind", ["`Small`", "large", "ExtraLarge"]);
const sentinel = enumPage("widgetRights", ["none", "read", "write", "unknownFutureValue"]);
const unknownEnum = enumPage("gizmoShape", ["round", "square"]);
const near = enumPage("gadgetMode", ["manual", "scheduled"]);
const otherNamespace = enumPage("connectionState", ["draft", "ready"]);
const enumPageMissing = md(
  "---",
  "doc_type: enumPageType",
  "---",
  "# accessType enum type",
  "",
  "Namespace: microsoft.graph.externalConnectors",
  "",
  "## Members",
  "",
  "| Member",
  "|:---",
  "| grant",
);

const invalid: InvalidCase<MessageId>[] = [
  {
    name: "a member the table lacks: one finding on the header row",
    code: missing,
    errors: [
      {
        messageId: "missingMembers",
        data: { type: WIDGET, members: '"extraLarge"' },
        ...place(missing, HEADER),
      },
    ],
  },
  {
    name: "a member the table lacks, on an enum page of another namespace",
    code: enumPageMissing,
    errors: [
      {
        messageId: "missingMembers",
        data: { type: "microsoft.graph.externalConnectors.accessType", members: '"deny"' },
        ...place(enumPageMissing, "| Member"),
      },
    ],
  },
  {
    name: "an enum found only in another namespace, the one of that name",
    code: otherNamespace,
    errors: [
      {
        messageId: "missingMembers",
        data: { type: "microsoft.graph.externalConnectors.connectionState", members: '"obsolete"' },
        ...place(otherNamespace, HEADER),
      },
    ],
  },
  {
    name: "a member the service does not have",
    code: unknown,
    errors: [
      { messageId: "unknownMember", data: { member: "huge", type: WIDGET }, ...place(unknown, "huge") },
    ],
  },
  {
    name: "three rows in a row the service does not have: one finding",
    code: unknownRun,
    errors: [
      {
        messageId: "unknownMembers",
        data: { count: "3", members: '"red", "green", "blue"', type: WIDGET },
        ...place(unknownRun, "red"),
        endLine: place(unknownRun, "blue").line,
        endColumn: place(unknownRun, "blue").endColumn,
      },
    ],
  },
  {
    name: "a near miss of a member the table lacks: one finding, on the row",
    code: misspelled,
    errors: [
      {
        messageId: "misspelledMember",
        data: { member: "extraLarg", expected: "extraLarge", type: WIDGET },
        ...place(misspelled, "extraLarg"),
      },
    ],
  },
  {
    name: "members in another letter case, fixed in place",
    code: cased,
    errors: [
      {
        messageId: "caseDiffers",
        data: { member: "Small", expected: "small", type: WIDGET },
        ...place(cased, "Small"),
        fix: { range: [cased.indexOf("Small"), cased.indexOf("Small") + 5], text: "small" },
      },
      {
        messageId: "caseDiffers",
        data: { member: "ExtraLarge", expected: "extraLarge", type: WIDGET },
        ...place(cased, "ExtraLarge"),
      },
    ],
    output: enumPage("widgetKind", ["`small`", "large", "extraLarge"]),
  },
  {
    name: "the sentinel listed for an enum that has none",
    code: sentinel,
    errors: [
      {
        messageId: "unknownMember",
        data: { member: "unknownFutureValue", type: "microsoft.graph.widgetRights" },
        ...place(sentinel, "unknownFutureValue"),
      },
    ],
  },
  {
    name: "an enum the service does not know: once, on the heading",
    code: unknownEnum + md("", "### gizmoShape values", "", "|Member|", "|:---|", "|round|"),
    errors: [
      {
        messageId: "unknownEnum",
        data: { enum: "gizmoShape" },
        ...place(unknownEnum, "### gizmoShape values"),
      },
    ],
  },
  {
    name: "an enum the service knows by a near name",
    code: near,
    errors: [
      {
        messageId: "unknownEnumNear",
        data: { enum: "gadgetMode", expected: "microsoft.graph.gadgetModes" },
        ...place(near, "### gadgetMode values"),
      },
    ],
  },
];

const PATH = "api-reference/v1.0/resources/widget.md";
const withMetadata = <C extends { code: string }>(c: C) => ({ ...c, path: PATH, metadata: METADATA });

/**
 * The beta service: `widgetKind` with members v1.0's lacks, `widgetRights` with the sentinel, and
 * the enums `gizmoShape` and `gadgetMode` that v1.0 does not define.
 */
const BETA = new MetadataIndex(
  readCsdl(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EnumType Name="widgetKind">',
          ...members("small", "large", "extraLarge", "unknownFutureValue", "huge", "giant", "colossal"),
          "</EnumType>",
          '<EnumType Name="widgetRights" IsFlags="true">',
          '  <Member Name="none" Value="0" />',
          '  <Member Name="read" Value="1" />',
          '  <Member Name="write" Value="2" />',
          '  <Member Name="unknownFutureValue" Value="4" />',
          "</EnumType>",
          '<EnumType Name="gizmoShape">',
          ...members("round", "square"),
          "</EnumType>",
          '<EnumType Name="gadgetMode">',
          ...members("manual", "scheduled"),
          "</EnumType>",
        ],
      },
    ]),
    "beta.xml",
  ),
);

const betaMember = enumPage("widgetKind", ["small", "large", "extraLarge", "huge"]);
const betaMemberCased = enumPage("widgetKind", ["small", "large", "extraLarge", "`Huge`"]);
const betaRun = enumPage("widgetKind", ["small", "large", "extraLarge", "huge", "giant", "colossal"]);
const betaAndUnknown = enumPage("widgetKind", ["small", "huge", "red", "large", "extraLarge"]);
const betaSentinel = enumPage("widgetRights", ["none", "read", "write", "unknownFutureValue"]);
const betaEnum = enumPage("gizmoShape", ["round", "square"]);
const betaEnumOverNear = enumPage("gadgetMode", ["manual", "scheduled"]);

const betaValid: ValidCase[] = [
  {
    name: "beta's CSDL too: members v1.0 has",
    code: enumPage("widgetKind", ["small", "large", "extraLarge"]),
  },
];

const betaInvalid: InvalidCase<MessageId>[] = [
  {
    name: "a member only beta has: on its row, instead of unknownMember",
    code: betaMember,
    errors: [
      { messageId: "betaOnlyMember", data: { member: "huge", type: WIDGET }, ...place(betaMember, "huge") },
    ],
  },
  {
    name: "a member only beta has, in another letter case: still beta's (not unknown, not a case fix)",
    code: betaMemberCased,
    errors: [
      {
        messageId: "betaOnlyMember",
        data: { member: "Huge", type: WIDGET },
        ...place(betaMemberCased, "Huge"),
      },
    ],
  },
  {
    name: "a member v1.0 has in another letter case: the case finding, beta or not",
    code: cased,
    errors: [
      {
        messageId: "caseDiffers",
        data: { member: "Small", expected: "small", type: WIDGET },
        ...place(cased, "Small"),
      },
      {
        messageId: "caseDiffers",
        data: { member: "ExtraLarge", expected: "extraLarge", type: WIDGET },
        ...place(cased, "ExtraLarge"),
      },
    ],
  },
  {
    name: "three rows in a row only beta has: one finding",
    code: betaRun,
    errors: [
      {
        messageId: "betaOnlyMembers",
        data: { count: "3", members: '"huge", "giant", "colossal"', type: WIDGET },
        ...place(betaRun, "huge"),
        endLine: place(betaRun, "colossal").line,
        endColumn: place(betaRun, "colossal").endColumn,
      },
    ],
  },
  {
    name: "a member only beta has next to one neither has: two findings",
    code: betaAndUnknown,
    errors: [
      {
        messageId: "betaOnlyMember",
        data: { member: "huge", type: WIDGET },
        ...place(betaAndUnknown, "huge"),
      },
      {
        messageId: "unknownMember",
        data: { member: "red", type: WIDGET },
        ...place(betaAndUnknown, "red"),
      },
    ],
  },
  {
    name: "the sentinel, which only beta's enum has",
    code: betaSentinel,
    errors: [
      {
        messageId: "betaOnlyMember",
        data: { member: "unknownFutureValue", type: "microsoft.graph.widgetRights" },
        ...place(betaSentinel, "unknownFutureValue"),
      },
    ],
  },
  {
    name: "an enum only beta defines: once, on the heading",
    code: betaEnum,
    errors: [
      {
        messageId: "betaOnlyEnum",
        data: { enum: "gizmoShape", type: "microsoft.graph.gizmoShape" },
        ...place(betaEnum, "### gizmoShape values"),
      },
    ],
  },
  {
    name: "an enum only beta defines, a near miss of one v1.0 has: beta's",
    code: betaEnumOverNear,
    errors: [
      {
        messageId: "betaOnlyEnum",
        data: { enum: "gadgetMode", type: "microsoft.graph.gadgetMode" },
        ...place(betaEnumOverNear, "### gadgetMode values"),
      },
    ],
  },
];
const withBeta = <C extends { code: string }>(c: C) => ({ ...withMetadata(c), betaMetadata: BETA });

runRuleTests(RULE, {
  valid: [...valid.map(withMetadata), ...betaValid.map(withBeta)],
  invalid: [...invalid.map(withMetadata), ...betaInvalid.map(withBeta)],
});
expectEveryMessageIdTested(metadataEnumMembers);

describe(`${RULE}: v1.0's CSDL alone`, () => {
  it("reports what only beta has as unknown, as before beta's was configured", () => {
    const of = (code: string) =>
      lintWithRuleDetailed(RULE, code, { path: PATH, metadata: METADATA }).map((m) => m.messageId);
    expect(of(betaMember)).toEqual(["unknownMember"]);
    expect(of(betaRun)).toEqual(["unknownMembers"]);
    expect(of(betaEnum)).toEqual(["unknownEnum"]);
    expect(of(betaEnumOverNear)).toEqual(["unknownEnumNear"]);
  });
});

describe(`${RULE}: without the service's metadata`, () => {
  it.each(invalid.map((c) => [c.name, c] as const))("%s: silent", (_name, c) => {
    expect(lintWithRuleDetailed(RULE, c.code, { path: PATH })).toEqual([]);
  });
});

describe(`${RULE}: a translated page`, () => {
  /** The English page's twin as the zh-CN docs write it: headings translated, anchors and members kept. */
  const english = md(
    "# External connectors enum values",
    "",
    "Namespace: microsoft.graph.externalConnectors",
    "",
    "### accessType values",
    "",
    "| Member | Description |",
    "|:---|:---|",
    "| `Grant` | Allowed. |",
    "| unknownFutureValue | Sentinel. |",
    "",
    "### gizmoShape values",
    "",
    "| Member |",
    "|:---|",
    "| round |",
  );
  const chinese = md(
    '# <a name="external-connectors-enum-values"></a>外部连接器枚举值',
    "",
    "命名空间：microsoft.graph.externalConnectors",
    "",
    '### <a name="accesstype-values"></a>accessType 值',
    "",
    "| 成员 | 说明 |",
    "|:---|:---|",
    "| `Grant` | 允许。 |",
    "| unknownFutureValue | 标记值。 |",
    "",
    '### <a name="gizmoshape-values"></a>gizmoShape 值',
    "",
    "| 成员 |",
    "|:---|",
    "| round |",
  );
  const path = "api-reference/v1.0/resources/enums-externalconnectors.md";

  it("gives the English page's findings, at the same rows", () => {
    const of = (code: string) =>
      lintWithRuleDetailed(RULE, code, { path, metadata: METADATA }).map((m) => ({
        messageId: m.messageId,
        data: m.data,
        line: m.line,
        fix: m.fix?.text,
      }));
    const expected = of(english);
    expect(expected.map((f) => f.messageId)).toEqual(["missingMembers", "caseDiffers", "unknownEnum"]);
    expect(expected[0]!.data).toEqual({
      type: "microsoft.graph.externalConnectors.accessType",
      members: '"deny"',
    });
    expect(of(chinese)).toEqual(expected);
  });
});
