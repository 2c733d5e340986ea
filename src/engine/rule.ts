/**
 * The anatomy of a rule, after ESLint's rule modules: `meta` says what the rule is, `check` reads
 * the page model and reports through `context.report`. Rules never read the page's text themselves.
 */
import type { DocsIndex } from "../docset/index.js";
import type { TypeResolver } from "../docset/resolve.js";
import type { Page } from "../page/model.js";
import type { Range } from "../parse/source.js";

export type Severity = "error" | "warn";

export interface RuleMeta {
  /** Stable id, kebab-case; also the name of the rule's doc, `docs/rules/<id>.md`. */
  id: string;
  /** One line: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** URL of the rule's documentation. */
  docs: string;
}

/** A text edit: replace `range` with `text`. */
export interface Fix {
  range: Range;
  text: string;
}

export interface RelatedLocation {
  message: string;
  range: Range;
}

export interface Report {
  message: string;
  range: Range;
  fix?: Fix;
  related?: RelatedLocation[];
}

export interface RuleContext {
  page: Page;
  docs: DocsIndex;
  types: TypeResolver;
  /** The rule's options from configuration (undefined when none are set). */
  options: unknown;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export const DOCS_BASE_URL = "https://github.com/graph-docs-lint/graph-docs-lint/blob/main/docs/rules/";

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
