import { relative, resolve } from "node:path";
import type { DocsIndex } from "../src/docset/index.js";
import { requestNamesOf, snippetKey } from "../src/docset/request-names.js";
import { type Report, type Rule, ruleDocsUrl } from "../src/engine/rule.js";
import type { Annotation, HttpExample, Page } from "../src/page/model.js";
import type { JsonProperty } from "../src/parse/json.js";
import type { Range } from "../src/parse/source.js";
import { nearMiss } from "../src/util/near-miss.js";

/**
 * The block types: ApiDoctor's (its `CodeBlockType`, written in lower camel case), and
 * `permissions`, which the Graph docs put above the permissions table include.
 */
export const BLOCK_TYPES: readonly string[] = [
  "request",
  "response",
  "resource",
  "example",
  "ignored",
  "samples",
  "simulatedResponse",
  "testParams",
  "permissions",
];

/**
 * The keys of a code block annotation: ApiDoctor's `CodeBlockAnnotation` properties,
 * `@property.aka` (the OneDrive pages' property aliases), and the keys of a `permissions`
 * annotation (`requestUrls`, `mergePermissions`).
 */
export const ANNOTATION_KEYS: readonly string[] = [
  "blockType",
  "name",
  "@odata.type",
  "@type",
  "@type.aka",
  "@property.aka",
  "@odata.annotations",
  "abstract",
  "apiVersions",
  "baseType",
  "collectionProperty",
  "expectError",
  "idempotent",
  "isCollection",
  "isComposable",
  "isEmpty",
  "isMediaEntity",
  "keyProperty",
  "longRunningResponseType",
  "mergePermissions",
  "nullableProperties",
  "opaqueUrl",
  "openType",
  "optionalProperties",
  "requestUrls",
  "sampleKeys",
  "scopes",
  "tags",
  "target",
  "truncated",
];

/** The keys of a page annotation (`"type": "#page.annotation"`); other keys are kept as extra data. */
export const PAGE_ANNOTATION_KEYS: readonly string[] = [
  "type",
  "title",
  "description",
  "keywords",
  "canonicalUrl",
  "section",
  "tocPath",
  "tocIndex",
  "tocBookmarks",
  "headerAdditions",
  "footerAdditions",
  "suppressions",
  "namespace",
];

const PAGE_ANNOTATION_TYPE = "#page.annotation";

function property(annotation: Annotation, key: string): JsonProperty | undefined {
  const root = annotation.json.root;
  return root?.type === "object" ? root.properties.find((p) => p.key === key) : undefined;
}

/** Where to report about the annotation as a whole: its `blockType` value, else its JSON. */
function blockTypeRange(annotation: Annotation): Range {
  return property(annotation, "blockType")?.value ?? annotation.jsonRange;
}

/** A response's `name`: one request name or several; undefined when it names none. */
function namesOf(value: unknown): string[] | undefined {
  if (typeof value === "string") return value === "" ? undefined : [value];
  if (Array.isArray(value)) {
    const names = value.filter((v): v is string => typeof v === "string" && v !== "");
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

const METHOD_LINE = /^[ \t]*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\S/;

/**
 * The HTTP method of a block that holds a request: its parsed request line, or a first line that
 * starts with a method (a URL with spaces in its query does not parse as a request line).
 */
function requestMethod(page: Page, example: HttpExample): string | undefined {
  if (example.message.status) return undefined;
  const parsed = example.message.requestLines[0]?.method;
  if (parsed) return parsed;
  const block = page.codeBlocks.find((c) => c.start === example.start);
  const first = block?.contentLines.find((l) => l.text.trim() !== "");
  return first ? METHOD_LINE.exec(first.text)?.[1] : undefined;
}

function checkKeys(annotation: Annotation, report: (r: Report) => void): void {
  const root = annotation.json.root;
  if (annotation.json.errors.length > 0 || root?.type !== "object") return;
  const blockType = property(annotation, "blockType");
  const type = annotation.data.type;
  const isPage = !blockType && typeof type === "string" && type.toLowerCase().startsWith("#page");
  if (!blockType && !isPage) return;
  if (blockType?.value) {
    const value = blockType.value;
    if (value.type !== "string") {
      report({ message: `"blockType" must be a string: one of ${list(BLOCK_TYPES)}.`, range: value });
    } else if (!BLOCK_TYPES.includes(value.value)) {
      const suggestion = nearMiss(value.value, BLOCK_TYPES);
      report({
        message: suggestion
          ? `Unknown blockType "${value.value}": did you mean "${suggestion}"?`
          : `Unknown blockType "${value.value}": the block types are ${list(BLOCK_TYPES)}.`,
        range: value,
      });
    }
  }
  if (isPage && String(type).toLowerCase() !== PAGE_ANNOTATION_TYPE) {
    const value = property(annotation, "type")!.value!;
    report({
      message: `Page annotation type "${String(type)}" is not "${PAGE_ANNOTATION_TYPE}": ApiDoctor ignores the annotation.`,
      range: value,
    });
  }
  const known = isPage ? PAGE_ANNOTATION_KEYS : ANNOTATION_KEYS;
  for (const p of root.properties) {
    if (known.includes(p.key)) continue;
    const suggestion = nearMiss(p.key, known);
    if (suggestion) {
      report({
        message: `Unknown annotation key "${p.key}": did you mean "${suggestion}"?`,
        range: p.keyRange,
      });
    } else if (!isPage) {
      // Page annotations may carry extra data; code block annotations may not.
      report({
        message: `Unknown annotation key "${p.key}": ApiDoctor ignores it.`,
        range: p.keyRange,
      });
    }
  }
}

function list(words: readonly string[]): string {
  return `${words
    .slice(0, -1)
    .map((w) => `"${w}"`)
    .join(", ")} or "${words[words.length - 1]}"`;
}

/** Block types whose annotation ApiDoctor reads only when a code block follows it directly. */
const ATTACHED_BLOCK_TYPES = new Set(["request", "response", "resource", "example", "samples"]);

function checkPlacement(page: Page, report: (r: Report) => void): void {
  const attached = new Set<Annotation>();
  for (const block of page.codeBlocks) if (block.annotation) attached.add(block.annotation);
  for (const annotation of page.annotations) {
    const blockType = annotation.blockType;
    if (!blockType || !ATTACHED_BLOCK_TYPES.has(blockType) || attached.has(annotation)) continue;
    report({
      message: `The "${blockType}" annotation is not directly above a code block, so ApiDoctor ignores it: move it just above the code block it describes.`,
      range: blockTypeRange(annotation),
    });
  }
}

interface PendingRequest {
  example: HttpExample;
  annotation: Annotation;
  name: string | undefined;
  response: HttpExample | undefined;
}

function line(page: Page, range: Range): number {
  return page.lines.point(range.start).line;
}

/** The line of an example's annotation, or of its code block when it has none. */
function exampleLine(page: Page, example: HttpExample): number {
  return line(page, example.annotation ?? example);
}

function lowerFirst(text: string): string {
  return text.startsWith("The ") ? `the ${text.slice(4)}` : text.replace(/^Request/, "request");
}

function requestLabel(page: Page, request: PendingRequest): string {
  return request.name !== undefined
    ? `Request "${request.name}" (line ${line(page, request.annotation)})`
    : `The request at line ${line(page, request.annotation)}`;
}

/**
 * Pairs responses with requests the way ApiDoctor does, and reports the responses it cannot pair
 * and the requests left without a response. A response whose annotation names requests is paired
 * with those (by name, among the requests before it); one without a name with the last request
 * before it. A request takes one response.
 */
function checkPairs(page: Page, reportTo: (r: Report) => void): void {
  const requests: PendingRequest[] = [];
  const examples = page.examples.filter(
    (e) => e.annotation?.blockType === "request" || e.annotation?.blockType === "response",
  );
  for (const example of examples) {
    const annotation = example.annotation!;
    // An annotation that does not parse is annotation-json's to report. Its block still takes its
    // place in the pairs, as written, so that its neighbours are not reported in its stead.
    const silent = annotation.json.errors.length > 0;
    const report = silent ? () => {} : reportTo;
    if (annotation.blockType === "request") {
      const name = annotation.data.name;
      requests.push({
        example,
        annotation,
        name: typeof name === "string" && name !== "" ? name : undefined,
        response: undefined,
      });
      continue;
    }
    const range = blockTypeRange(annotation);
    const method = requestMethod(page, example);
    if (method) {
      report({
        message: `Annotated "response", but the block is a ${method} request: did you mean "blockType": "request"?`,
        range,
      });
      continue;
    }
    const secondResponse = (request: PendingRequest) =>
      report({
        message: `${requestLabel(page, request)} already has a response (line ${exampleLine(page, request.response!)}): ApiDoctor pairs one response with each request. Annotate this one "ignored", or give it its own request.`,
        range,
        related: [{ message: "The request", range: blockTypeRange(request.annotation) }],
      });
    const names = namesOf(annotation.data.name);
    if (names) {
      for (const name of names) {
        const request = requests.find((r) => r.name === name);
        if (!request) {
          report({ message: noRequestNamed(page, example, name), range });
        } else if (request.response) {
          secondResponse(request);
        } else {
          request.response = example;
        }
      }
      continue;
    }
    const last = requests[requests.length - 1];
    if (last && !last.response) {
      last.response = example;
      continue;
    }
    // The nearest request-like block before the response, when it is not the request ApiDoctor uses.
    const before = page.examples.filter((e) => e.end <= example.start && requestMethod(page, e));
    const nearest = before[before.length - 1];
    const unpaired =
      nearest && !requests.some((r) => r.example === nearest) && (!last || last.example.end <= nearest.start)
        ? `the request above it (line ${exampleLine(page, nearest)}) ${describeAnnotation(nearest.annotation)}`
        : undefined;
    const advice =
      nearest?.annotation && nearest.annotation.json.errors.length > 0
        ? "Fix that annotation."
        : 'Annotate both "request" and "response", or both "ignored".';
    if (!last) {
      report({
        message: unpaired
          ? `Response has no request before it: ${unpaired}. ${advice}`
          : "Response has no request before it.",
        range,
      });
    } else if (unpaired) {
      report({
        message: `Response has no request to pair with: ${unpaired}, and ${lowerFirst(requestLabel(page, last))} already has a response (line ${exampleLine(page, last.response!)}). ${advice}`,
        range,
      });
    } else {
      secondResponse(last);
    }
  }
  for (const request of requests) {
    if (request.response || request.annotation.json.errors.length > 0) continue;
    const label = request.name !== undefined ? `Request "${request.name}"` : "Request";
    reportTo({
      message: `${label} has no response: follow it with the response, annotated "blockType": "response".`,
      range: blockTypeRange(request.annotation),
    });
  }
}

function describeAnnotation(annotation: Annotation | undefined): string {
  if (!annotation) return "is not annotated";
  if (annotation.json.errors.length > 0) return "has an annotation that is not valid JSON";
  return annotation.blockType ? `is annotated "${annotation.blockType}"` : "has no blockType";
}

function noRequestNamed(page: Page, response: HttpExample, name: string): string {
  const other = page.annotations.find(
    (a) => a.end <= response.start && a.data.name === name && a.blockType !== "response",
  );
  if (other) {
    return `Response names request "${name}", but the block of that name (line ${line(page, other)}) is annotated "${other.blockType ?? "(no blockType)"}", not "request".`;
  }
  return `Response names request "${name}", but no request before it has that name.`;
}

function checkNames(page: Page, docs: DocsIndex, report: (r: Report) => void): void {
  const seen = new Map<string, Annotation>();
  const self = page.path !== undefined ? resolve(page.path) : undefined;
  const elsewhere = docs.root ? requestNamesOf(docs) : undefined;
  for (const annotation of page.annotations) {
    if (annotation.blockType !== "request") continue;
    const name = annotation.data.name;
    if (name === undefined || name === "" || name === null) {
      // A name lost in JSON that does not parse is annotation-json's to report.
      if (annotation.json.errors.length > 0) continue;
      report({
        message: `Request annotation has no "name": responses, test scenarios and the generated SDK snippets refer to a request by its name.`,
        range: property(annotation, "blockType") ?? annotation.jsonRange,
      });
      continue;
    }
    if (typeof name !== "string") continue;
    const nameRange = property(annotation, "name")?.value ?? annotation.jsonRange;
    const key = snippetKey(name);
    const first = seen.get(key);
    if (first) {
      const firstName = first.data.name as string;
      const spelled = firstName === name ? "" : `, as "${firstName}"`;
      report({
        message: `Request name "${name}" is already used on this page (line ${line(page, first)}${spelled}): each request needs its own name.`,
        range: nameRange,
        related: [
          {
            message: "The first request of that name",
            range: property(first, "name")?.value ?? first.jsonRange,
          },
        ],
      });
      continue;
    }
    seen.set(key, annotation);
    const others = (elsewhere?.get(key) ?? []).filter((use) => use.file !== self);
    const firstOther = others[0];
    if (!firstOther) continue;
    const files = new Set(others.map((use) => use.file)).size;
    const where = relative(docs.root!, firstOther.file).replace(/\\/g, "/");
    const spelled = firstOther.name === name ? "" : `, as "${firstOther.name}"`;
    const more = files > 1 ? ` and ${files - 1} other page${files > 2 ? "s" : ""}` : "";
    report({
      message: `Request name "${name}" is also used by ${where} (line ${firstOther.line}${spelled})${more}: request names must be unique across the docs, or their SDK snippets overwrite each other.`,
      range: nameRange,
    });
  }
}

export const annotationValid: Rule = {
  meta: {
    id: "annotation-valid",
    description:
      "Annotations ApiDoctor cannot use: unknown block types and keys, requests without a unique name, responses without a request, requests without a response",
    defaultSeverity: "error",
    fixable: false,
    docs: ruleDocsUrl("annotation-valid"),
  },
  check({ page, docs, report }) {
    for (const annotation of page.annotations) checkKeys(annotation, report);
    checkPlacement(page, report);
    checkNames(page, docs, report);
    checkPairs(page, report);
  },
};
