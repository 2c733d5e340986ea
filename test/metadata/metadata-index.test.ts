import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffMetadata } from "../../src/metadata/diff.js";
import { MetadataIndex } from "../../src/metadata/metadata-index.js";
import { readCsdl } from "../../src/metadata/read.js";
import { SAMPLE_CSDL, csdl, csdlDocument } from "./csdl.js";

const index = new MetadataIndex(readCsdl(readFileSync(SAMPLE_CSDL, "utf8"), "sample.xml"));
const indexOf = (xml: string) => new MetadataIndex(readCsdl(xml, "meta.xml"));
const EXT = "microsoft.graph.externalConnectors";

describe("MetadataIndex: types by name", () => {
  const cases: { name: string; ignoreCase?: boolean; expected: string | undefined }[] = [
    { name: "microsoft.graph.user", expected: "microsoft.graph.user" },
    { name: "graph.user", expected: "microsoft.graph.user" },
    { name: " graph.riskLevel ", expected: "microsoft.graph.riskLevel" },
    { name: `${EXT}.identityType`, expected: `${EXT}.identityType` },
    { name: "microsoft.graph.User", expected: undefined },
    { name: "microsoft.graph.User", ignoreCase: true, expected: "microsoft.graph.user" },
    { name: "Microsoft.Graph.ExternalConnectors.IDENTITY", ignoreCase: true, expected: `${EXT}.identity` },
    { name: "user", expected: undefined },
    { name: "microsoft.graph.nothing", ignoreCase: true, expected: undefined },
  ];
  for (const { name, ignoreCase, expected } of cases) {
    it(`type(${JSON.stringify(name)}${ignoreCase ? ", ignoreCase" : ""}) → ${expected}`, () => {
      expect(index.type(name, { ignoreCase })?.qualifiedName).toBe(expected);
    });
  }

  it("structuredType and enumType answer only for their kind", () => {
    expect(index.structuredType("graph.user")?.kind).toBe("entity");
    expect(index.structuredType("graph.identity")?.kind).toBe("complex");
    expect(index.structuredType("graph.riskLevel")).toBeUndefined();
    expect(index.enumType("graph.riskLevel")?.isFlags).toBe(false);
    expect(index.enumType("graph.weekdays")?.isFlags).toBe(true);
    expect(index.enumType("graph.user")).toBeUndefined();
  });

  const kinds: [string, string | undefined, boolean?][] = [
    ["microsoft.graph.user", "entity"],
    ["graph.objectIdentity", "complex"],
    ["Collection(graph.objectIdentity)", "complex"],
    ["graph.weekdays", "enum"],
    ["Edm.String", "primitive"],
    ["Collection(Edm.Int32)", "primitive"],
    ["edm.string", undefined],
    ["edm.string", "primitive", true],
    ["microsoft.graph.unknown", undefined],
    ["String", undefined],
  ];
  for (const [name, kind, ignoreCase] of kinds) {
    it(`kindOf(${JSON.stringify(name)}${ignoreCase ? ", ignoreCase" : ""}) → ${kind}`, () => {
      expect(index.kindOf(name, { ignoreCase })).toBe(kind);
    });
  }

  it("resolves aliases in names given to it", () => {
    expect(index.resolveName("graph.user")).toBe("microsoft.graph.user");
    expect(index.resolveName("Core.Description")).toBe("Org.OData.Core.V1.Description");
    expect(index.resolveName("microsoft.graph.user")).toBe("microsoft.graph.user");
    expect(index.resolveName("Edm.String")).toBe("Edm.String");
  });

  it("lists its namespaces", () => {
    expect(index.namespaces).toEqual(["microsoft.graph", EXT]);
  });
});

describe("MetadataIndex.findType: the type a page means", () => {
  const cases: { name: string; hint?: string; ignoreCase?: boolean; expected: string | undefined }[] = [
    { name: "identityType", hint: EXT, expected: `${EXT}.identityType` },
    { name: "identity", hint: EXT, expected: `${EXT}.identity` },
    { name: "identity", expected: "microsoft.graph.identity" },
    { name: "identity", hint: "microsoft.graph", expected: "microsoft.graph.identity" },
    { name: "user", hint: EXT, expected: "microsoft.graph.user" },
    { name: "user", hint: "graph", expected: "microsoft.graph.user" },
    { name: "identityType", expected: undefined },
    { name: "IdentityType", hint: EXT, expected: undefined },
    { name: "IdentityType", hint: EXT, ignoreCase: true, expected: `${EXT}.identityType` },
    { name: "graph.user", hint: EXT, expected: "microsoft.graph.user" },
    { name: `${EXT}.externalGroup`, expected: `${EXT}.externalGroup` },
  ];
  for (const { name, hint, ignoreCase, expected } of cases) {
    it(`${name} on a page of ${hint ?? "no namespace"}${ignoreCase ? ", any case" : ""} → ${expected}`, () => {
      expect(index.findType(name, hint, { ignoreCase })?.qualifiedName).toBe(expected);
    });
  }

  it("typesNamed lists a short name's types in every namespace", () => {
    expect(index.typesNamed("identity").map((t) => t.qualifiedName)).toEqual([
      "microsoft.graph.identity",
      `${EXT}.identity`,
    ]);
    expect(index.typesNamed("IDENTITYTYPE")).toEqual([]);
    expect(index.typesNamed("IDENTITYTYPE", { ignoreCase: true }).map((t) => t.qualifiedName)).toEqual([
      `${EXT}.identityType`,
    ]);
  });
});

describe("MetadataIndex: base types and inherited properties", () => {
  it("follows the base-type chain, nearest first", () => {
    expect(index.baseTypes("graph.user").map((t) => t.qualifiedName)).toEqual([
      "microsoft.graph.directoryObject",
      "microsoft.graph.entity",
    ]);
    expect(index.baseTypes("graph.userIdentity").map((t) => t.qualifiedName)).toEqual([
      "microsoft.graph.identity",
    ]);
    expect(index.baseTypes("graph.entity")).toEqual([]);
    expect(index.baseTypes("graph.nothing")).toEqual([]);
  });

  it("stops at a cycle, an unknown base type and after 64 levels", () => {
    const cyclic = indexOf(
      csdl('<ComplexType Name="a" BaseType="graph.b" />', '<ComplexType Name="b" BaseType="graph.a" />'),
    );
    expect(cyclic.baseTypes("graph.a").map((t) => t.name)).toEqual(["b"]);
    expect(cyclic.properties("graph.a")).toEqual([]);
    const dangling = indexOf(csdl('<ComplexType Name="a" BaseType="other.b" />'));
    expect(dangling.baseTypes("graph.a")).toEqual([]);
    const deep = indexOf(
      csdl(
        '<ComplexType Name="t0" />',
        ...Array.from({ length: 99 }, (_, i) => `<ComplexType Name="t${i + 1}" BaseType="graph.t${i}" />`),
      ),
    );
    expect(deep.baseTypes("graph.t99").map((t) => t.name)).toEqual(
      Array.from({ length: 64 }, (_, i) => `t${98 - i}`),
    );
  });

  it("gives every property of a type, its own first, each with the type that declares it", () => {
    const described = index
      .properties("graph.user")
      .map(({ property, navigation, declaredBy }) =>
        [
          declaredBy.replace("microsoft.graph.", ""),
          navigation ? "nav" : "prop",
          property.name,
          `${property.collection ? "Collection of " : ""}${property.type}`,
          property.nullable ? "nullable" : "not null",
        ].join(" "),
      );
    expect(described).toEqual([
      "user prop displayName Edm.String nullable",
      "user prop businessPhones Collection of Edm.String not null",
      "user prop riskLevel microsoft.graph.riskLevel nullable",
      "user prop workingDays Collection of microsoft.graph.weekdays nullable",
      "user prop identities Collection of microsoft.graph.objectIdentity nullable",
      "user nav manager microsoft.graph.directoryObject nullable",
      "user nav photos Collection of microsoft.graph.profilePhoto nullable",
      `user nav connections Collection of ${EXT}.externalConnection nullable`,
      "directoryObject prop deletedDateTime Edm.DateTimeOffset nullable",
      "entity prop id Edm.String not null",
    ]);
  });

  it("finds one property, inherited or not, exactly or in any case", () => {
    expect(index.property("graph.user", "id")?.declaredBy).toBe("microsoft.graph.entity");
    expect(index.property("graph.user", "ID")).toBeUndefined();
    expect(index.property("graph.user", "ID", { ignoreCase: true })?.property.name).toBe("id");
    expect(index.property("Graph.User", "Photos", { ignoreCase: true })).toMatchObject({
      navigation: true,
      declaredBy: "microsoft.graph.user",
      property: { name: "photos", containsTarget: true },
    });
    expect(index.property("graph.user", "nothing", { ignoreCase: true })).toBeUndefined();
    expect(index.property("graph.nothing", "id")).toBeUndefined();
  });

  it("keeps the most derived of a property declared twice", () => {
    const twice = indexOf(
      csdl(
        '<ComplexType Name="base"><Property Name="p" Type="Edm.String" /></ComplexType>',
        '<ComplexType Name="derived" BaseType="graph.base"><Property Name="p" Type="Edm.Int32" /></ComplexType>',
      ),
    );
    expect(twice.properties("graph.derived").map((p) => `${p.declaredBy} ${p.property.type}`)).toEqual([
      "microsoft.graph.derived Edm.Int32",
    ]);
  });
});

describe("MetadataIndex: enum members", () => {
  it("lists an enum's members in order, with their values", () => {
    expect(index.enumMembers("graph.weekdays")?.map((m) => `${m.name}=${m.value}`)).toEqual([
      "none=0",
      "monday=1",
      "tuesday=2",
      "wednesday=4",
    ]);
    expect(index.enumMembers("graph.user")).toBeUndefined();
  });

  it("finds one member exactly or in any case", () => {
    expect(index.enumMember(`${EXT}.identityType`, "externalGroup")?.value).toBe(2);
    expect(index.enumMember(`${EXT}.identityType`, "ExternalGroup")).toBeUndefined();
    expect(index.enumMember(`${EXT}.identityType`, "ExternalGroup", { ignoreCase: true })?.name).toBe(
      "externalGroup",
    );
  });
});

describe("diffMetadata: what the newer version adds", () => {
  const v1 = indexOf(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EnumType Name="level"><Member Name="low" /><Member Name="high" /></EnumType>',
          '<EntityType Name="entity"><Property Name="id" Type="Edm.String" /></EntityType>',
          '<EntityType Name="user" BaseType="graph.entity"><Property Name="name" Type="Edm.String" /></EntityType>',
        ],
      },
    ]),
  );
  const beta = indexOf(
    csdlDocument([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        lines: [
          '<EnumType Name="level"><Member Name="low" /><Member Name="medium" /><Member Name="High" /></EnumType>',
          '<EnumType Name="shade"><Member Name="dark" /></EnumType>',
          '<EntityType Name="entity"><Property Name="id" Type="Edm.String" /></EntityType>',
          '<EntityType Name="user" BaseType="graph.entity">',
          '  <Property Name="name" Type="Edm.String" />',
          '  <Property Name="id" Type="Edm.String" />',
          '  <Property Name="signInActivity" Type="graph.entity" />',
          '  <NavigationProperty Name="photos" Type="Collection(graph.entity)" />',
          "</EntityType>",
          '<ComplexType Name="extra" />',
        ],
      },
    ]),
  );

  it("lists the types, properties and members only in the newer metadata", () => {
    expect(diffMetadata(v1, beta)).toEqual({
      types: ["microsoft.graph.extra", "microsoft.graph.shade"],
      properties: [
        { type: "microsoft.graph.user", name: "signInActivity" },
        { type: "microsoft.graph.user", name: "photos" },
      ],
      enumMembers: [
        { type: "microsoft.graph.level", name: "medium" },
        { type: "microsoft.graph.level", name: "High" },
      ],
    });
  });

  it("finds nothing the older one lacks the other way round, but what it removed", () => {
    expect(diffMetadata(beta, v1)).toEqual({
      types: [],
      properties: [],
      enumMembers: [{ type: "microsoft.graph.level", name: "high" }],
    });
  });
});
