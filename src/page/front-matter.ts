/**
 * Front matter → entries with their ranges. Nearly every page's front matter is a few
 * `key: value` lines, read here without the YAML parser; anything else goes to the \`yaml\` package.
 */
import type { Range } from "../parse/source.js";
import { yaml } from "../parse/yaml.js";
import type { FrontMatter } from "./model.js";

export function readFrontMatter(content: string, base: number, range: Range): FrontMatter {
  return readSimpleFrontMatter(content, base, range) ?? readYamlFrontMatter(content, base, range);
}

/** The key of a `key: value` line. */
const SIMPLE_KEY = /^[A-Za-z_][\w.-]*/;
/** Characters that start something other than a plain scalar in YAML. */
const INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
/** Plain scalars the YAML core schema reads as numbers, booleans or null, which `String()` would change. */
const NON_STRING_SCALAR =
  /^(?:[-+]?\d+|0o[0-7]+|0x[\da-fA-F]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/**
 * Reads front matter made only of `key: value` lines (plain values, or quoted without escapes)
 * without the YAML parser, which costs a fifth of the page model otherwise. Anything else (lists,
 * block scalars, escapes, comments, a colon in a value, a repeated key) returns undefined and is
 * left to the YAML parser, so both read the same entries (test/front-matter.test.ts compares them).
 */
export function readSimpleFrontMatter(content: string, base: number, range: Range): FrontMatter | undefined {
  const entries: FrontMatter["entries"] = [];
  const seen = new Set<string>();
  let lineStart = 0;
  for (const line of content.split("\n")) {
    const at = base + lineStart;
    lineStart += line.length + 1;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (text.trim() === "") continue;
    if (text.includes("\r") || text.includes("\t")) return undefined;
    const key = SIMPLE_KEY.exec(text)?.[0];
    if (!key || seen.has(key)) return undefined;
    seen.add(key);
    let colon = key.length;
    while (text[colon] === " ") colon++;
    if (text[colon] !== ":") return undefined;
    const rest = text.slice(colon + 1);
    const value = rest.trim();
    const keyRange = { start: at, end: at + key.length };
    if (rest === "") {
      // A null value: the YAML parser puts its empty range just after the colon.
      const after = at + colon + 1;
      entries.push({ key, value: undefined, keyRange, valueRange: { start: after, end: after } });
      continue;
    }
    if (value === "") return undefined;
    if (rest[0] !== " ") return undefined;
    const valueStart = at + colon + 1 + rest.indexOf(value);
    const valueRange = { start: valueStart, end: valueStart + value.length };
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const inner = value.slice(1, -1);
      if (value.length < 2 || value.at(-1) !== quote || inner.includes(quote) || inner.includes("\\"))
        return undefined;
      entries.push({ key, value: inner, keyRange, valueRange });
      continue;
    }
    if (INDICATORS.includes(value[0]!) || value.includes("#") || value.includes(": ") || value.endsWith(":"))
      return undefined;
    if (NON_STRING_SCALAR.test(value)) return undefined;
    entries.push({ key, value, keyRange, valueRange });
  }
  return { entries, error: undefined, ...range };
}

export function readYamlFrontMatter(content: string, base: number, range: Range): FrontMatter {
  // The yaml package knows LF and CRLF only; a lone CR becomes LF (same length, so offsets hold).
  const { isMap, isScalar, parseDocument } = yaml();
  const doc = parseDocument(content.replace(/\r(?!\n)/g, "\n"), {
    keepSourceTokens: false,
    uniqueKeys: false,
    prettyErrors: false,
  });
  const entries: FrontMatter["entries"] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const keyRange = { start: base + pair.key.range[0], end: base + pair.key.range[1] };
      const value = isScalar(pair.value) ? pair.value : undefined;
      entries.push({
        key,
        value: value && value.value !== null ? String(value.value) : undefined,
        keyRange,
        valueRange: value?.range ? { start: base + value.range[0], end: base + value.range[1] } : undefined,
      });
    }
  }
  const first = doc.errors[0];
  const error = first
    ? {
        message: first.message.split("\n")[0]!,
        range: { start: base + first.pos[0], end: base + first.pos[1] },
      }
    : undefined;
  return { entries, error, ...range };
}

/** A front matter key's scalar value. */
export function frontMatterValue(frontMatter: FrontMatter | undefined, key: string): string | undefined {
  return frontMatter?.entries.find((e) => e.key === key)?.value;
}
