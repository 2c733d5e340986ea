// The defect kinds corpus-plant plants, and where each can be planted. A candidate is a place the
// oracle (plant-oracle.mjs) is confident about; `plant()` turns it into a Plant: the page's text with
// the defect in it, the edits that made it (offsets into the original text) and the planted places
// (offsets into the new text) where the linter should report it.
import { basename, dirname, join } from "node:path";
import { documentedStrings } from "./plant-oracle.mjs";
import { pick, streamFor } from "./plant-random.mjs";

export const ENUM_KINDS = ["enum-near-miss", "enum-case", "enum-placeholder"];
export const KINDS = [...ENUM_KINDS, "string-for-boolean", "string-for-number", "external-prefix-old-page"];

/** Methods whose request body the Request body table describes. */
const BODY_METHODS = new Set(["POST", "PATCH", "PUT"]);
const NUMBER_TYPES = new Set(["int32", "int64", "double"]);
const ENUM_LIKE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The candidates of every kind on one API page: { kind → [candidate] }. A candidate is
 * { kind, id, file, docsRoot, what, plant() }; `what` describes it for the examples.
 */
export function candidatesOfPage(tree, page, seed) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, []]));
  for (const site of enumSites(tree, page)) {
    for (const kind of ENUM_KINDS) {
      const random = streamFor(seed, kind, site.id);
      const planted = enumDefectFor(kind, site, random);
      if (!planted) continue;
      byKind[kind].push(valueCandidate(kind, tree, page, site, planted));
    }
  }
  for (const site of typedRequestSites(tree, page)) {
    const kind = site.type === "boolean" ? "string-for-boolean" : "string-for-number";
    byKind[kind].push(
      valueCandidate(kind, tree, page, site, { value: JSON.stringify(site.value), how: "quoted" }),
    );
  }
  if (/^externalconnectors-/i.test(basename(page.file))) {
    const plan = oldConnectorPage(page, tree.relative(page.file));
    if (plan.places.length > 0)
      byKind["external-prefix-old-page"].push({
        kind: "external-prefix-old-page",
        id: tree.relative(page.file),
        file: page.file,
        docsRoot: tree.root,
        size: plan.places.length,
        plant: () => ({ ...plan, kind: "external-prefix-old-page", file: page.file, docsRoot: tree.root }),
      });
  }
  return byKind;
}

/**
 * String values in example bodies whose documented value set the oracle knows and that are exactly
 * one of its values: { id, key, value, start, end, keyStart, documented, avoid, pointer }.
 */
function* enumSites(tree, page) {
  for (const example of page.examples) {
    for (const found of documentedStrings(tree, page.facts, example)) {
      const value = found.valueNode.value;
      const sets = found.rows.flatMap(({ row, host }) => tree.valueSetsOf(row, host ?? page.facts));
      const documented = sets.find((s) => s.values.includes(value));
      // Enum members are identifiers: a documented "value" with dots, spaces or a `#` is some
      // other kind of text (a type name, a sentence) the oracle is not sure about.
      if (!documented || !ENUM_LIKE.test(value)) continue;
      const start = example.bodyStart + found.valueNode.offset;
      const end = start + found.valueNode.length;
      // Values with escapes are left out: the planted text must be the value, quoted.
      if (page.text.slice(start, end) !== JSON.stringify(value)) continue;
      yield {
        id: `${tree.relative(page.file)}@${start}`,
        key: found.key,
        value,
        start,
        end,
        keyStart: sameLine(page.text, example.bodyStart + found.keyNode.offset, start)
          ? example.bodyStart + found.keyNode.offset
          : start,
        documented,
        /** Every value any documenting row or table gives, as written and in lower case. */
        documentedAnywhere: new Set(sets.flatMap((s) => s.values)),
        avoid: new Set(sets.flatMap((s) => s.values).map((v) => v.toLowerCase())),
        pointer: found.pointer,
        exampleKind: example.kind,
      };
    }
  }
}

function sameLine(text, a, b) {
  return a <= b && !text.slice(a, b).includes("\n");
}

/**
 * Top-level keys of POST/PATCH/PUT request bodies that the page's own Request body table types as
 * Boolean (given true/false) or Int32/Int64/Double (given a number), every row for the key agreeing.
 */
function* typedRequestSites(tree, page) {
  for (const example of page.examples) {
    if (example.kind !== "request" || !BODY_METHODS.has(example.method) || example.tree?.type !== "object")
      continue;
    for (const prop of example.tree.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      const rows = page.facts.requestRowsByKey.get(keyNode?.value);
      if (!rows || !valueNode) continue;
      const types = new Set(
        rows.map((r) =>
          r.typeCell
            .toLowerCase()
            .replace(/^edm\./, "")
            .trim(),
        ),
      );
      if (types.size !== 1) continue;
      const [type] = types;
      const fits =
        (type === "boolean" && valueNode.type === "boolean") ||
        (NUMBER_TYPES.has(type) && valueNode.type === "number");
      if (!fits) continue;
      const start = example.bodyStart + valueNode.offset;
      const keyStart = example.bodyStart + keyNode.offset;
      yield {
        id: `${tree.relative(page.file)}@${start}`,
        type: type === "boolean" ? "boolean" : "number",
        key: keyNode.value,
        /** The literal as written (`true`, `60`, `1.5`): planted as a string of itself. */
        value: page.text.slice(start, start + valueNode.length),
        start,
        end: start + valueNode.length,
        keyStart: sameLine(page.text, keyStart, start) ? keyStart : start,
        documented: {
          values: [],
          source: `"${keyNode.value}" row (type ${rows[0].typeCell}) of the Request body table`,
        },
        pointer: `/${keyNode.value}`,
        exampleKind: "request",
      };
    }
  }
}

/** The planted value of an enum kind at a site, or undefined when the kind cannot be planted there. */
function enumDefectFor(kind, site, random) {
  if (kind === "enum-near-miss") return nearMissOf(site.value, site.avoid, random);
  if (kind === "enum-case") {
    const value = caseVariantOf(site.value, site.documentedAnywhere);
    return value === undefined ? undefined : { value, how: "case" };
  }
  return placeholderOf(site.key, site.avoid, random);
}

/**
 * A typo of `value` one or two edits away: two adjacent inner letters swapped, one inner letter
 * dropped, or one doubled (inner: not the first or last character, so the word stays recognisable).
 * Never a documented value in any letter case.
 */
export function nearMissOf(value, avoid, random) {
  const isLetter = (c) => /\p{L}/u.test(c ?? "");
  const byOperation = { swap: [], drop: [], double: [] };
  for (let i = 1; i <= value.length - 2; i++) {
    if (!isLetter(value[i])) continue;
    byOperation.drop.push(value.slice(0, i) + value.slice(i + 1));
    byOperation.double.push(value.slice(0, i + 1) + value.slice(i));
    if (
      i + 1 <= value.length - 2 &&
      isLetter(value[i + 1]) &&
      value[i].toLowerCase() !== value[i + 1].toLowerCase()
    )
      byOperation.swap.push(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  }
  const fresh = (list) => list.filter((v) => !avoid.has(v.toLowerCase()));
  const operations = Object.keys(byOperation).filter((op) => fresh(byOperation[op]).length > 0);
  if (operations.length === 0) return undefined;
  const how = pick(operations, random);
  return { value: pick(fresh(byOperation[how]), random), how };
}

/** The value in another letter case (the first letter flipped, else all upper or lower case). */
export function caseVariantOf(value, documented) {
  const first = value.search(/\p{L}/u);
  if (first === -1) return undefined;
  const c = value[first];
  const flipped =
    value.slice(0, first) +
    (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) +
    value.slice(first + 1);
  return [flipped, value.toUpperCase(), value.toLowerCase()].find((v) => v !== value && !documented.has(v));
}

/** What a stub leaves in place of a value: "<key>-value" or the type name "String". */
function placeholderOf(key, avoid, random) {
  const options = [`${key}-value`, "String"].filter((v) => !avoid.has(v.toLowerCase()));
  return options.length === 0 ? undefined : { value: pick(options, random), how: "placeholder" };
}

/** A candidate that replaces one JSON value (at site.start..site.end) with `planted.value`. */
function valueCandidate(kind, tree, page, site, planted) {
  const replacement = kind.startsWith("enum-") ? JSON.stringify(planted.value) : planted.value;
  const what = {
    file: tree.relative(page.file),
    key: site.key,
    pointer: site.pointer,
    original: page.text.slice(site.start, site.end),
    planted: replacement,
    how: planted.how,
    example: site.exampleKind,
    documented: site.documented,
  };
  return {
    kind,
    id: site.id,
    file: page.file,
    docsRoot: tree.root,
    size: 1,
    what,
    plant: () => {
      const text = page.text.slice(0, site.start) + replacement + page.text.slice(site.end);
      const newEnd = site.start + replacement.length;
      return {
        kind,
        file: page.file,
        lintPath: page.file,
        docsRoot: tree.root,
        original: page.text,
        text,
        edits: [{ start: site.start, end: site.end, replacement }],
        places: [{ start: site.keyStart, end: newEnd, what }],
      };
    },
  };
}

/**
 * An externalConnectors page made into what it looked like before the namespace had its own
 * prefix: file name without `externalconnectors-`, `Namespace: microsoft.graph`, `@odata.type`s
 * `microsoft.graph.x` in annotations and code, request paths `/connections/…` instead of
 * `/external/connections/…`. Each path changed is one planted place (where `/connections` now is).
 */
export function oldConnectorPage(page, label) {
  const { md, text, file } = page;
  const edits = [];
  const pathEdits = [];
  for (const line of md.lines) {
    const namespace = /^(\s*(?:Namespace|命名空间)\s*[:：]\s*)(microsoft\.graph\.externalConnectors)\b/i.exec(
      line.text,
    );
    if (namespace) {
      const start = line.start + namespace[1].length;
      edits.push({ start, end: start + namespace[2].length, replacement: "microsoft.graph" });
    }
  }
  // @odata.type values and type names in annotations and code blocks.
  const codeRanges = [
    ...md.annotations.map((a) => [a.firstLine, a.lastLine]),
    ...md.blocks.map((b) => [b.firstContentLine, b.lastContentLine]),
  ];
  for (const [first, last] of codeRanges) {
    for (let i = first; i <= last && i < md.lines.length; i++) {
      for (const m of md.lines[i].text.matchAll(/microsoft\.graph\.externalConnectors\./gi)) {
        const start = md.lines[i].start + m.index;
        edits.push({ start, end: start + m[0].length, replacement: "microsoft.graph." });
      }
    }
  }
  for (const block of md.blocks) {
    if (!["http", "", "msgraph-interactive"].includes(block.info)) continue;
    for (let i = block.firstContentLine; i <= block.lastContentLine; i++) {
      const line = md.lines[i];
      const m = /^(\s*(?:GET|POST|PUT|PATCH|DELETE)\s+\S*?)(\/external)(\/connections)(?=[/?(\s]|$)/i.exec(
        line.text,
      );
      if (!m) continue;
      const start = line.start + m[1].length;
      pathEdits.push({ start, end: start + m[2].length, replacement: "", line: i, path: line.text.trim() });
    }
  }
  const all = [...edits, ...pathEdits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  let shift = 0;
  const places = [];
  for (const edit of all) {
    out += text.slice(at, edit.start) + edit.replacement;
    at = edit.end;
    const newStart = edit.start + shift;
    shift += edit.replacement.length - (edit.end - edit.start);
    if (pathEdits.includes(edit))
      places.push({
        start: newStart,
        end: newStart + "/connections".length,
        what: {
          file: label,
          key: "request path",
          pointer: `line ${edit.line + 1}`,
          original: edit.path,
          planted: edit.path.replace(/\/external\/connections/i, "/connections"),
          how: "old page",
          example: "request",
          documented: { values: [], source: "externalConnectors request path" },
        },
      });
  }
  out += text.slice(at);
  const lintPath = join(dirname(file), basename(file).replace(/^externalconnectors-/i, ""));
  return { lintPath, original: text, text: out, edits: all, places };
}
