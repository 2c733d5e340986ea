import { describe, it } from "vitest";
import { readCsdl } from "../../src/metadata/read.js";
import { EDM, EDMX, csdl, csdlDocument } from "./csdl.js";
import { type Expected, errorOf, expectError } from "./errors.js";

const NOT_CSDL_ROOT = `CSDL's is <edmx:Edmx> in namespace ${EDMX}`;
const BOMB_ENTITIES = [
  "<!DOCTYPE edmx:Edmx [",
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
  "]>",
];

describe("readCsdl: text that is not well-formed CSDL", () => {
  const cases: ({ name: string; xml: string } & Expected)[] = [
    { name: "empty", xml: "", message: "meta.xml: is empty: expected CSDL XML (<edmx:Edmx>)" },
    {
      name: "white space only",
      xml: " \n\t",
      message: "meta.xml: is empty: expected CSDL XML (<edmx:Edmx>)",
    },
    {
      name: "plain text",
      xml: "\n  hello world",
      message: `meta.xml:2:3: is not XML: it starts with "hello world" where '<' was expected`,
      line: 2,
      column: 3,
    },
    {
      name: "JSON",
      xml: '{"error": {"code": "InvalidAuthenticationToken"}}',
      message: `meta.xml:1:1: is not XML: it starts with "{\\"error\\": {\\"code\\": \\"" where '<' was expected`,
      line: 1,
      column: 1,
    },
    {
      name: "a closing tag that does not match",
      xml: csdl('<EnumType Name="e">', '  <Member Name="m" />', "</EnumTyp>"),
      message: "meta.xml:7:16: is not well-formed XML: unexpected close tag",
      line: 7,
      column: 16,
    },
    {
      name: "an attribute without quotes",
      xml: csdl("<EnumType Name=e />"),
      message: "meta.xml:5:22: is not well-formed XML: unquoted attribute value",
      line: 5,
      column: 22,
    },
    {
      name: "an unbound namespace prefix",
      xml: csdl('<x:EnumType Name="e" />'),
      message: 'meta.xml:5:29: is not well-formed XML: unbound namespace prefix: "x"',
      line: 5,
      column: 29,
    },
    {
      name: "text after the root element",
      xml: csdl() + "trailing",
      message: "meta.xml:8:9: is not well-formed XML: text data outside of root node",
      line: 8,
      column: 9,
    },
    {
      name: "truncated inside a tag",
      xml: csdl('<EnumType Name="e">', '  <Member Name="m" Val').split("\n").slice(0, 6).join("\n"),
      message: "meta.xml:6:29: is truncated: it ends inside <EnumType> (line 5) with 4 elements open",
      line: 6,
      column: 29,
    },
    {
      name: "truncated after a line",
      xml: csdl('<EntityType Name="user">', "</EntityType>").split("\n").slice(0, 4).join("\n") + "\n",
      message: "meta.xml:5:1: is truncated: it ends inside <Schema> (line 4) with 3 elements open",
      line: 5,
      column: 1,
    },
    {
      name: "truncated after the root's start tag",
      xml: `<edmx:Edmx Version="4.0" xmlns:edmx="${EDMX}">`,
      message: "meta.xml:1:80: is truncated: it ends inside <edmx:Edmx> (line 1) with 1 element open",
      line: 1,
      column: 80,
    },
    {
      name: "an HTML page",
      xml: "<!DOCTYPE html>\n<html><body>Sign in</body></html>",
      message: `meta.xml:2:1: is not CSDL: its root element is <html> (no namespace); ${NOT_CSDL_ROOT}`,
      line: 2,
      column: 1,
    },
    {
      name: "OData v3 CSDL",
      xml: csdl().replace(EDMX, "http://schemas.microsoft.com/ado/2007/06/edmx"),
      message: `meta.xml:2:1: is not CSDL: its root element is <edmx:Edmx> (namespace http://schemas.microsoft.com/ado/2007/06/edmx); ${NOT_CSDL_ROOT}`,
      line: 2,
      column: 1,
    },
    {
      name: "no schema",
      xml: csdlDocument([]),
      message: `meta.xml: is not CSDL: <edmx:Edmx> holds no <Schema> of namespace ${EDM} in <edmx:DataServices>`,
    },
    {
      name: "a schema in another namespace",
      xml: csdl().replace(`xmlns="${EDM}"`, 'xmlns="http://schemas.microsoft.com/ado/2009/11/edm"'),
      message: `meta.xml:4:5: is not CSDL: <edmx:Edmx> holds no <Schema> of namespace ${EDM} in <edmx:DataServices> (its <Schema> is in namespace http://schemas.microsoft.com/ado/2009/11/edm)`,
      line: 4,
      column: 5,
    },
    ...(
      [
        ["Schema", "Namespace", csdl().replace(' Namespace="microsoft.graph"', ""), 4, 5],
        ["EntityType", "Name", csdl('<EntityType BaseType="graph.entity" />'), 5, 7],
        ["ComplexType", "Name", csdl("<ComplexType\n/>"), 5, 7],
        ["EnumType", "Name", csdl("<EnumType />"), 5, 7],
        [
          "Property",
          "Name",
          csdl("<ComplexType Name='t'>", '  <Property Type="Edm.String" />', "</ComplexType>"),
          6,
          9,
        ],
        [
          "Property",
          "Type",
          csdl("<ComplexType Name='t'>", '  <Property Name="p" />', "</ComplexType>"),
          6,
          9,
        ],
        [
          "NavigationProperty",
          "Type",
          csdl("<EntityType Name='t'>", '<NavigationProperty Name="n"/>', "</EntityType>"),
          6,
          7,
        ],
        ["Member", "Name", csdl("<EnumType Name='e'>", '  <Member Value="1" />', "</EnumType>"), 6, 9],
        ["edmx:Reference", "Uri", csdlDocument([], ["  <edmx:Reference>", "  </edmx:Reference>"]), 3, 3],
        [
          "edmx:Include",
          "Namespace",
          csdlDocument([], ['  <edmx:Reference Uri="u"><edmx:Include /></edmx:Reference>']),
          3,
          27,
        ],
      ] as const
    ).map(([element, attribute, xml, line, column]) => ({
      name: `<${element}> without ${attribute}`,
      xml,
      message: `meta.xml:${line}:${column}: <${element}> has no ${attribute} attribute, which CSDL requires`,
      line,
      column,
    })),
    {
      name: "an empty required attribute",
      xml: csdl('<EntityType Name=" " />'),
      message: "meta.xml:5:7: <EntityType> has an empty Name attribute, which CSDL requires",
      line: 5,
      column: 7,
    },
    {
      name: "a boolean attribute that is neither true nor false",
      xml: csdl(
        '<ComplexType Name="t">',
        '  <Property Name="p" Type="Edm.String" Nullable="no" />',
        "</ComplexType>",
      ),
      message: 'meta.xml:6:9: <Property> has Nullable="no", not true or false',
      line: 6,
      column: 9,
    },
    {
      name: "an enum member value that is not an integer",
      xml: csdl('<EnumType Name="e">', '  <Member Name="m" Value="0x1" />', "</EnumType>"),
      message: 'meta.xml:6:9: <Member Name="m"> has Value="0x1", not an integer',
      line: 6,
      column: 9,
    },
    {
      name: "an entity bomb (billion laughs): the entities are never expanded",
      xml: csdl('<EnumType Name="&lol9;" />').replace(
        "<edmx:Edmx",
        `${BOMB_ENTITIES.join("\n")}\n<edmx:Edmx`,
      ),
      message:
        "meta.xml:17:28: is not well-formed XML: undefined entity (entities declared in a DOCTYPE are not read)",
      line: 17,
      column: 28,
    },
    {
      name: "an external entity (XXE): never resolved",
      xml: csdl('<EnumType Name="e"><Member Name="m" />&xxe;</EnumType>').replace(
        "<edmx:Edmx",
        '<!DOCTYPE edmx:Edmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<edmx:Edmx',
      ),
      message:
        "meta.xml:6:49: is not well-formed XML: undefined entity (entities declared in a DOCTYPE are not read)",
      line: 6,
      column: 49,
    },
    {
      name: "an entity reference without a DOCTYPE",
      xml: csdl('<EnumType Name="a&b;" />'),
      message: "meta.xml:5:26: is not well-formed XML: undefined entity",
      line: 5,
      column: 26,
    },
  ];

  for (const { name, xml, ...expected } of cases) {
    it(name, () =>
      expectError(
        errorOf(() => readCsdl(xml, "meta.xml")),
        "meta.xml",
        expected,
      ),
    );
  }
});
