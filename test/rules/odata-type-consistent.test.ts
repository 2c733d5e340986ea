import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { odataTypeConsistent } from "../../rules/odata-type-consistent.js";
import { derivesFrom } from "../../src/docset/base-type.js";
import { docsIndexFor } from "../../src/docset/index.js";
import { parseTypeRef } from "../../src/parse/type-ref.js";
import {
  type ExpectedError,
  type MessageIdOf,
  expectEveryMessageIdTested,
  md,
  runExplicitRuleTests,
  runTreeRuleTests,
  tempDocsTree,
  writeFile,
} from "../helpers.js";

/**
 * A response whose annotation (line 1) is `annotation` and whose body starts on line 6; the body's
 * `@odata.type` value stands on line 7, from column 18.
 */
function response(annotation: string, type: string): string {
  return md(
    `<!-- ${annotation} -->`,
    "```http",
    "HTTP/1.1 200 OK",
    "Content-type: application/json",
    "",
    "{",
    `  "@odata.type": "${type}",`,
    '  "id": "1"',
    "}",
    "```",
  );
}

/** A collection response with one item per type; the item types stand on lines 8, 9, … from column 22. */
function collection(annotation: string, ...types: string[]): string {
  return md(
    `<!-- ${annotation} -->`,
    "```http",
    "HTTP/1.1 200 OK",
    "Content-type: application/json",
    "",
    "{",
    '  "value": [',
    ...types.map((t, i) => `    { "@odata.type": "${t}", "id": "${i}" }${i < types.length - 1 ? "," : ""}`),
    "  ]",
    "}",
    "```",
  );
}

const RESPONSE_USER = '{ "blockType": "response", "@odata.type": "microsoft.graph.user" }';
const at = (line: number, column: number, text: string) => ({
  line,
  column,
  endLine: line,
  endColumn: column + text.length + 2,
});

runExplicitRuleTests(odataTypeConsistent, {
  valid: [
    {
      name: "the same type, with # and a qualified name",
      code: response(RESPONSE_USER, "#microsoft.graph.user"),
    },
    {
      name: "a short name is a name in microsoft.graph; namespaces compare without case",
      code:
        response('{ "blockType": "response", "@odata.type": "user" }', "#microsoft.graph.user") +
        response(RESPONSE_USER, "#Microsoft.Graph.user"),
    },
    {
      name: "collection items of the declared type",
      code: collection(
        '{ "blockType": "response", "@odata.type": "Collection(microsoft.graph.user)" }',
        "#microsoft.graph.user",
        "microsoft.graph.user",
      ),
    },
    {
      name: "a type the docs do not describe may be derived: not reported",
      code: response(
        '{ "blockType": "response", "@odata.type": "microsoft.graph.directoryObject" }',
        "#microsoft.graph.group",
      ),
    },
    {
      name: "primitive types and other block types are not checked",
      code:
        response('{ "blockType": "response", "@odata.type": "stream" }', "#microsoft.graph.user") +
        response(
          '{ "blockType": "example", "@odata.type": "microsoft.graph.group" }',
          "#microsoft.graph.user",
        ),
    },
    {
      name: "a collection body's own type is not an item's",
      code: md(
        '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user", "isCollection": true } -->',
        "```http",
        "HTTP/1.1 200 OK",
        "",
        '{ "@odata.type": "#microsoft.graph.userCollection", "value": [] }',
        "```",
      ),
    },
  ],
  invalid: [
    {
      name: "a type name in another letter case",
      code: response(RESPONSE_USER, "#microsoft.graph.User"),
      errors: [
        {
          ...at(7, 18, "#microsoft.graph.User"),
          messageId: "caseDiffers",
          data: { bodyType: "#microsoft.graph.User", key: "@odata.type", declared: "microsoft.graph.user" },
          related: [{ messageId: "annotation", line: 1, column: 1, endLine: 1, endColumn: 76 }],
        },
      ],
    },
    {
      name: "the same name in another namespace",
      code: response(
        '{ "blockType": "response", "@odata.type": "microsoft.graph.alert" }',
        "#microsoft.graph.security.alert",
      ),
      errors: [
        {
          ...at(7, 18, "#microsoft.graph.security.alert"),
          messageId: "namespaceDiffers",
          data: {
            bodyType: "#microsoft.graph.security.alert",
            key: "@odata.type",
            declared: "microsoft.graph.alert",
            bodyNamespace: "microsoft.graph.security",
            declaredNamespace: "microsoft.graph",
          },
        },
      ],
    },
    {
      name: "each collection item is checked",
      code: collection(
        '{ "blockType": "response", "@odata.type": "microsoft.graph.user", "isCollection": true }',
        "#microsoft.graph.user",
        "#Microsoft.Identity.V1.user",
      ),
      errors: [
        {
          ...at(9, 22, "#Microsoft.Identity.V1.user"),
          messageId: "namespaceDiffers",
          data: {
            bodyType: "#Microsoft.Identity.V1.user",
            key: "@odata.type",
            declared: "microsoft.graph.user",
            bodyNamespace: "Microsoft.Identity.V1",
            declaredNamespace: "microsoft.graph",
          },
        },
      ],
    },
    {
      name: "a request body, and the annotation's @type",
      code: md(
        '<!-- { "blockType": "request", "name": "create_user", "@type": "microsoft.graph.user" } -->',
        "```http",
        "POST https://graph.microsoft.com/v1.0/users",
        "",
        '{ "@odata.type": "#microsoft.graph.USER" }',
        "```",
      ),
      errors: [
        {
          ...at(5, 18, "#microsoft.graph.USER"),
          messageId: "caseDiffers",
          data: { bodyType: "#microsoft.graph.USER", key: "@type", declared: "microsoft.graph.user" },
        },
      ],
    },
    {
      name: "a Collection(...) annotation",
      code: collection(
        '{ "blockType": "response", "@odata.type": "Collection(microsoft.graph.invokeUserFlowListener)" }',
        "#microsoft.graph.InvokeUserFlowListener",
      ),
      errors: [
        {
          ...at(8, 22, "#microsoft.graph.InvokeUserFlowListener"),
          messageId: "caseDiffers",
          data: {
            bodyType: "#microsoft.graph.InvokeUserFlowListener",
            key: "@odata.type",
            declared: "Collection(microsoft.graph.invokeUserFlowListener)",
          },
        },
      ],
    },
  ],
});

describe("odata-type-consistent with a docs tree", () => {
  const root = tempDocsTree("odata-type-consistent-");
  /** A resource page: `base` in the annotation, `prose` as "Inherits from [x](x.md)." */
  const resource = (name: string, options: { base?: string; prose?: string } = {}) =>
    writeFile(
      root,
      `resources/${name.toLowerCase()}.md`,
      md(
        `# ${name} resource type`,
        "",
        "Namespace: microsoft.graph",
        "",
        ...(options.prose
          ? [`Inherits from [${options.prose}](${options.prose.toLowerCase()}.md).`, ""]
          : []),
        `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${name}"${
          options.base ? `, "baseType": "microsoft.graph.${options.base}"` : ""
        } } -->`,
        "```json",
        '{ "id": "String" }',
        "```",
      ),
    );
  resource("entity");
  resource("directoryObject", { base: "entity" });
  resource("user", { base: "directoryObject" });
  resource("group", { prose: "directoryObject" });
  resource("orgContact", { base: "entity", prose: "directoryObject" });
  resource("printOperation", { base: "entity" });
  resource("printerCreateOperation", { base: "entity" });
  resource("authenticationMethodConfiguration");
  resource("fido2AuthenticationMethodConfiguration", { prose: "authenticationMethodConfiguration" });
  resource("temporaryAccessPassAuthenticationMethodConfiguration", {
    prose: "authenticationMethodConfiguration",
  });

  const docs = () => docsIndexFor(root);
  const path = join(root, "api", "example.md");
  const declared = (type: string) => `{ "blockType": "response", "@odata.type": "microsoft.graph.${type}" }`;
  /**
   * The finding for `response(declared(declaredType), bodyType)`: the body's type is not the declared
   * one or derived from it, as the docs' chains of base types (`chain`) show.
   */
  const notDerived = (
    bodyType: string,
    declaredType: string,
    chain: string,
  ): ExpectedError<MessageIdOf<typeof odataTypeConsistent>> => ({
    messageId: "notDerived",
    data: { bodyType, key: "@odata.type", declared: `microsoft.graph.${declaredType}`, chain },
    ...at(7, 18, bodyType),
  });

  runTreeRuleTests(odataTypeConsistent, {
    valid: [
      {
        name: "a type derived through annotations",
        path,
        code: response(declared("directoryObject"), "#microsoft.graph.user"),
      },
      {
        name: "a type derived through prose",
        path,
        code: response(declared("directoryObject"), "#microsoft.graph.group"),
      },
      {
        name: "a type derived through prose, then annotations",
        path,
        code: response(declared("entity"), "#microsoft.graph.group"),
      },
      {
        name: "a type whose annotation and prose disagree: both are followed",
        path,
        code: response(declared("directoryObject"), "#microsoft.graph.orgContact"),
      },
    ],
    invalid: [
      {
        name: "a type whose documented chain meets the declared type's above it",
        path,
        code: response(declared("printOperation"), "#microsoft.graph.printerCreateOperation"),
        errors: [
          notDerived(
            "#microsoft.graph.printerCreateOperation",
            "printOperation",
            "printerCreateOperation from entity (resources/printercreateoperation.md), printOperation from entity (resources/printoperation.md)",
          ),
        ],
      },
      {
        name: "siblings: both derive from the same documented type",
        path,
        code: response(
          declared("fido2AuthenticationMethodConfiguration"),
          "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
        ),
        errors: [
          notDerived(
            "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
            "fido2AuthenticationMethodConfiguration",
            "temporaryAccessPassAuthenticationMethodConfiguration from authenticationMethodConfiguration (resources/temporaryaccesspassauthenticationmethodconfiguration.md), fido2AuthenticationMethodConfiguration from authenticationMethodConfiguration (resources/fido2authenticationmethodconfiguration.md)",
          ),
        ],
      },
      {
        name: "a base type where the annotation declares a derived one",
        path,
        code: response(declared("user"), "#microsoft.graph.directoryObject"),
        errors: [
          notDerived(
            "#microsoft.graph.directoryObject",
            "user",
            "user from directoryObject (resources/user.md)",
          ),
        ],
      },
    ],
  });

  it("does not tell when a type on the way names no base type", () => {
    const type = (t: string) => parseTypeRef(t)!;
    expect(derivesFrom(docs(), type("authenticationMethodConfiguration"), type("user"))).toEqual({
      derives: undefined,
    });
    expect(derivesFrom(docs(), type("microsoft.graph.unknownThing"), type("user"))).toEqual({
      derives: undefined,
    });
    expect(derivesFrom(docs(), type("user"), type("entity"))).toEqual({ derives: true });
  });
});

expectEveryMessageIdTested(odataTypeConsistent);
