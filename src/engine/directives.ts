/**
 * Inline control comments, after ESLint's and markdownlint's:
 *
 *   <!-- graph-docs-lint-disable rule-a rule-b -->   … <!-- graph-docs-lint-enable -->
 *   <!-- graph-docs-lint-disable-next-line rule-a -->
 *   <!-- graph-docs-lint-disable-line -->
 *   <!-- graph-docs-lint-disable-file -->
 *
 * No rule names means every rule. Text after ` -- ` is a reason and is ignored. A finding is
 * suppressed when its start lies in a disabled region or on a disabled line.
 */
import type { Page } from "../page/model.js";
import type { Range } from "../parse/source.js";

export type DirectiveKind = "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file";

export interface Directive extends Range {
  kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  rules: string[];
  /** Range of each named rule id, for messages about unknown rules. */
  ruleRanges: Range[];
  /** 1-based lines a line directive applies to. */
  lines: number[];
}

/** What every directive's name starts with; DIRECTIVE below reads the same spelling. */
const PREFIX = "graph-docs-lint-";

const DIRECTIVE =
  /^<!--\s*graph-docs-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->)/;

/** The directive's name as a page spells it: `graph-docs-lint-disable-next-line`. */
export function directiveName(kind: DirectiveKind): string {
  return `${PREFIX}${kind}`;
}

/** The comment that writes a directive: `<!-- graph-docs-lint-disable-next-line rule-a -->`. */
export function directiveComment(kind: DirectiveKind, ruleIds: readonly string[]): string {
  return `<!-- ${[directiveName(kind), ...ruleIds].join(" ")} -->`;
}

/** The directives among a page's HTML comments, in page order. */
export function readDirectives(page: Page): Directive[] {
  const directives: Directive[] = [];
  for (const comment of page.comments) {
    const text = page.text.slice(comment.start, comment.end);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    const bodyStart = m[0].length;
    const close = text.endsWith("-->") ? text.length - 3 : text.length;
    let body = text.slice(bodyStart, close);
    const reason = body.indexOf(" -- ");
    if (reason !== -1) body = body.slice(0, reason);
    const rules: string[] = [];
    const ruleRanges: Range[] = [];
    for (const name of body.matchAll(/[^\s,]+/g)) {
      rules.push(name[0]);
      const at = comment.start + bodyStart + name.index;
      ruleRanges.push({ start: at, end: at + name[0].length });
    }
    const first = page.lines.point(comment.start).line;
    const last = page.lines.point(comment.end).line;
    const lines =
      kind === "disable-line"
        ? Array.from({ length: last - first + 1 }, (_, i) => first + i)
        : kind === "disable-next-line"
          ? [last + 1]
          : [];
    directives.push({ kind, rules, ruleRanges, lines, ...comment });
  }
  return directives;
}

export interface Suppressible {
  ruleId: string | undefined;
  range: Range;
  line: number;
}

/**
 * Splits findings into those that stand and those a directive suppresses, and tells which
 * directives suppressed nothing.
 */
export function applyDirectives<T extends Suppressible>(
  directives: Directive[],
  findings: T[],
): { kept: T[]; suppressed: T[]; unused: Directive[] } {
  const used = new Set<Directive>();
  const kept: T[] = [];
  const suppressed: T[] = [];
  const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  const fileWide = directives.filter((d) => d.kind === "disable-file");
  const lineWide = directives.filter((d) => d.kind === "disable-line" || d.kind === "disable-next-line");
  const regional = directives.filter((d) => d.kind === "disable" || d.kind === "enable");
  for (const finding of findings) {
    const ruleId = finding.ruleId;
    if (ruleId === undefined) {
      kept.push(finding);
      continue;
    }
    const by =
      fileWide.find((d) => applies(d, ruleId)) ??
      lineWide.find((d) => d.lines.includes(finding.line) && applies(d, ruleId)) ??
      regionalSuppressor(regional, ruleId, finding.range.start);
    if (by) {
      used.add(by);
      suppressed.push(finding);
    } else kept.push(finding);
  }
  const unused = directives.filter((d) => d.kind !== "enable" && !used.has(d));
  return { kept, suppressed, unused };
}

/** The `disable` directive in force for a rule at an offset, replaying the directives before it. */
function regionalSuppressor(directives: Directive[], ruleId: string, offset: number): Directive | undefined {
  let all: Directive | undefined;
  let byRule: Directive | undefined;
  let reEnabled = false;
  for (const d of directives) {
    if (d.end > offset) break;
    const names = d.rules.length === 0 || d.rules.includes(ruleId);
    if (!names) continue;
    if (d.kind === "disable") {
      if (d.rules.length === 0) {
        all = d;
        byRule = undefined;
      } else byRule = d;
      reEnabled = false;
    } else {
      // enable
      if (d.rules.length === 0) all = undefined;
      byRule = undefined;
      reEnabled = d.rules.length > 0;
    }
  }
  if (byRule) return byRule;
  return all && !reEnabled ? all : undefined;
}
