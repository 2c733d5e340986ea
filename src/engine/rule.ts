/**
 * The anatomy of a rule, after ESLint's rule modules: `meta` says what the rule is, `check` reads
 * the page model and reports through `context.report`. Rules never read the page's text themselves.
 */
import type { DocsIndex } from "../docset/index.js";
import type { TypeResolver } from "../docset/resolve.js";
import type { Page } from "../page/model.js";
import type { Range } from "../parse/source.js";
import { packageInfo } from "../util/package-info.js";

export type Severity = "error" | "warn";

/** A rule's setting in a configuration: off, or the severity it reports at. */
export type RuleSetting = "off" | Severity;

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

/**
 * The rules a front end lints with, and the configurations `extends` can name: what the rules'
 * plugin module (rules/plugin.ts) exports and the engine, the configuration loader and the
 * reporters are given.
 */
export interface RulePlugin {
  /** Every rule, in the order the docs list them. */
  readonly rules: readonly Rule[];
  /** The presets by name (`graph-docs-lint:recommended`): a setting per rule id. */
  readonly presets: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>>;
}

/**
 * The address of a rule's documentation, `docs/rules/<id>.md` in the repository that package.json
 * names (`repository`); a path relative to the package when it names none.
 */
export function ruleDocsUrl(id: string): string {
  const repository = packageInfo()?.repositoryUrl;
  return repository ? `${repository}/blob/main/docs/rules/${id}.md` : `docs/rules/${id}.md`;
}
