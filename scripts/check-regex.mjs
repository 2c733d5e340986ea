// Lists every regular expression in src/ and rules/ (regex literals, and `new RegExp(…)` /
// `RegExp(…)` whose arguments are constant) and checks each for catastrophic backtracking (ReDoS)
// with recheck. Prints each regex with its verdict; exits 1 if any is vulnerable.
//
//   node scripts/check-regex.mjs
//
// The TypeScript compiler API finds the regexes (RegularExpressionLiteral nodes, and RegExp calls);
// a RegExp built from string literals, template literals, `+`, constants of the same file and
// `.source` of regex constants is evaluated; one built from run-time values is listed as dynamic.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSync } from "recheck";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FOLDERS = ["src", "rules"];

function tsFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out.sort();
}

/** Splits a regex literal's text `/source/flags`. */
function splitLiteral(text) {
  const slash = text.lastIndexOf("/");
  return { source: text.slice(1, slash), flags: text.slice(slash + 1) };
}

/** Regexes found in one file: { line, column, kind, source, flags } or { …, dynamic: reason }. */
function regexesIn(file) {
  const text = readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** Constants of the file: name → initializer (for `const X = …`). */
  const constants = new Map();
  const collect = (node) => {
    if (
      ts.isVariableDeclarationList(node) &&
      node.flags & ts.NodeFlags.Const &&
      node.declarations.every((d) => ts.isIdentifier(d.name))
    ) {
      for (const d of node.declarations) if (d.initializer) constants.set(d.name.text, d.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(sourceFile);

  /** The constant string value of an expression, or undefined when it depends on run time. */
  const evaluate = (node, depth = 0) => {
    if (depth > 20) return undefined;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
      return evaluate(node.expression, depth + 1);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const value = evaluate(span.expression, depth + 1);
        if (value === undefined) return undefined;
        out += value + span.literal.text;
      }
      return out;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left, depth + 1);
      const right = evaluate(node.right, depth + 1);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    if (ts.isIdentifier(node)) {
      const init = constants.get(node.text);
      return init ? evaluate(init, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      // `OTHER.source` / `OTHER.flags` of a regex constant.
      const init = constants.get(node.expression.text);
      if (init && ts.isRegularExpressionLiteral(init)) {
        const parts = splitLiteral(init.text);
        if (node.name.text === "source") return parts.source;
        if (node.name.text === "flags") return parts.flags;
      }
      return undefined;
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "join" &&
      ts.isArrayLiteralExpression(node.expression.expression)
    ) {
      // `["a", "b"].join("|")`
      const items = node.expression.expression.elements.map((e) => evaluate(e, depth + 1));
      const sep = node.arguments[0] ? evaluate(node.arguments[0], depth + 1) : ",";
      return items.includes(undefined) || sep === undefined ? undefined : items.join(sep);
    }
    return undefined;
  };

  const found = [];
  const at = (node) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { file: relative(ROOT, file), line: line + 1, column: character + 1 };
  };
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      found.push({ ...at(node), kind: "literal", ...splitLiteral(node.text) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp"
    ) {
      const [patternArg, flagsArg] = node.arguments ?? [];
      const source = patternArg ? evaluate(patternArg) : undefined;
      const flags = flagsArg ? evaluate(flagsArg) : "";
      if (source === undefined || flags === undefined) {
        found.push({ ...at(node), kind: "RegExp", dynamic: node.getText(sourceFile).replace(/\s+/g, " ") });
      } else {
        found.push({ ...at(node), kind: "RegExp", source, flags });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const all = FOLDERS.flatMap((folder) => tsFiles(join(ROOT, folder))).flatMap(regexesIn);
const verdicts = new Map();
const counts = { safe: 0, vulnerable: 0, unknown: 0, dynamic: 0 };
const started = performance.now();

for (const r of all) {
  const where = `${r.file}:${r.line}:${r.column}`;
  if (r.dynamic !== undefined) {
    counts.dynamic++;
    console.log(`dynamic     ${where}  ${r.dynamic.slice(0, 160)}  (built at run time: not checked)`);
    continue;
  }
  const key = `/${r.source}/${r.flags}`;
  let d = verdicts.get(key);
  if (!d) {
    d = checkSync(r.source, r.flags, { timeout: 20_000 });
    verdicts.set(key, d);
  }
  counts[d.status]++;
  let detail = "";
  if (d.status === "safe") detail = d.complexity.type;
  else if (d.status === "vulnerable") {
    const attack = d.attack.pattern ?? d.attack.string;
    detail = `${d.complexity.summary}; attack: ${String(attack).slice(0, 120)}`;
    const hot = d.hotspot.map((h) => r.source.slice(h.start, h.end)).filter(Boolean);
    if (hot.length > 0) detail += `; hotspot: ${hot.join(" ")}`;
  } else detail = `${d.error.kind}${d.error.message ? `: ${d.error.message}` : ""}`;
  console.log(`${d.status.padEnd(11)} ${where}  ${key}  (${detail})`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\ncheck-regex: ${all.length} regexes (${verdicts.size} distinct checked) in ${FOLDERS.join(", ")}: ` +
    `${counts.safe} safe, ${counts.vulnerable} vulnerable, ${counts.unknown} unknown, ${counts.dynamic} dynamic; ${seconds} s`,
);
if (counts.vulnerable > 0) process.exit(1);
