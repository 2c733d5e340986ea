/**
 * The anatomy of a rule, after typescript-eslint's `createRule`: `meta` says what the rule is and
 * declares every sentence it can say (`messages`, by id, with `{{placeholders}}`); `check` reads the
 * page model and reports a message id, its data and a range through `context.report`. The engine
 * turns that into the words a writer reads, so a rule's tests assert ids and data, not sentences.
 *
 * What a rule may read: the page model (`context.page`), the docs index (`context.docs`), the
 * type resolver (`context.types`) and the service's metadata when configured (`context.metadata`). `page.text` may be read only at ranges the model gives: to quote
 * what the page wrote, to compare the written form with the model's reading (a fix must replace
 * exactly what is there), or to search the words of prose ranges (`visibleText`). A rule never
 * parses structure (blocks, tables, JSON, HTTP lines) out of the text: that is the model's job.
 */
import type { DocsIndex } from "../docset/index.js";
import type { TypeResolver } from "../docset/resolve.js";
import type { MetadataIndex } from "../metadata/index.js";
import type { Page } from "../page/model.js";
import type { Range } from "../parse/source.js";
import { packageInfo } from "../util/package-info.js";

export type Severity = "error" | "warn";

/** A rule's setting in a configuration: off, or the severity it reports at. */
export type RuleSetting = "off" | Severity;

/** The values a message template's `{{placeholders}}` take. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A JSON Schema (draft 7, as ajv reads it) of a rule's options object. */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta<MessageIds extends string = string> {
  /** Stable id, kebab-case; also the name of the rule's doc, `docs/rules/<id>.md`. */
  id: string;
  /** One line: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** URL of the rule's documentation (derived from the id). */
  docs: string;
  /** Every message the rule reports, by id: templates with `{{placeholders}}`. */
  messages: Readonly<Record<MessageIds, string>>;
  /** The schema of the rule's options object; undefined when the rule takes no options. */
  schema: OptionsSchema | undefined;
}

/** A text edit: replace `range` with `text`. */
export interface Fix {
  range: Range;
  text: string;
}

/** A place the finding points to besides its own, with a message of the rule's. */
export interface RelatedReport<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: MessageData;
  range: Range;
}

export interface Report<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: MessageData;
  range: Range;
  fix?: Fix;
  related?: RelatedReport<MessageIds>[];
}

export interface RuleContext<MessageIds extends string = string, Options = unknown> {
  page: Page;
  docs: DocsIndex;
  types: TypeResolver;
  /**
   * The service's CSDL for the page's API version, when one is configured (`metadata` in the
   * configuration, `--metadata`); undefined otherwise, and then a rule that needs it reports nothing.
   */
  metadata: MetadataIndex | undefined;
  /**
   * The beta CSDL, on a page of v1.0 when beta's file is configured too; undefined otherwise. A rule
   * reads it only to say that what v1.0 lacks is beta's (a v1.0 page documenting it too early).
   */
  betaMetadata?: MetadataIndex | undefined;
  /** The rule's options: its defaults, overridden by the configuration's. */
  options: Options;
  report(report: Report<MessageIds>): void;
}

export interface Rule<MessageIds extends string = string, Options = unknown> {
  meta: RuleMeta<MessageIds>;
  /** The options a rule runs with when the configuration gives none. */
  defaultOptions: Options;
  check(context: RuleContext<MessageIds, Options>): void;
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

export interface RuleSpec<MessageIds extends string, Options> {
  id: string;
  description: string;
  /** `error` unless given. */
  defaultSeverity?: Severity;
  /** False unless given: only a fixable rule's fixes are applied. */
  fixable?: boolean;
  messages: Record<MessageIds, string>;
  schema?: OptionsSchema;
  defaultOptions?: Options;
  check(context: RuleContext<MessageIds, Options>): void;
}

/**
 * Makes a rule from its spec, as typescript-eslint's `RuleCreator` does: the docs URL from the id,
 * the defaults filled in, and the message ids typed so that `report` accepts only declared ones.
 */
export function createRule<MessageIds extends string, Options extends object = Record<string, never>>(
  spec: RuleSpec<MessageIds, Options>,
): Rule<MessageIds, Options> {
  return {
    meta: {
      id: spec.id,
      description: spec.description,
      defaultSeverity: spec.defaultSeverity ?? "error",
      fixable: spec.fixable ?? false,
      docs: ruleDocsUrl(spec.id),
      messages: spec.messages,
      schema: spec.schema,
    },
    defaultOptions: spec.defaultOptions ?? ({} as Options),
    check: spec.check,
  };
}

/**
 * The options a rule runs with: its defaults with the configured object's keys over them (options
 * are flat objects; a configured value replaces the default of its key).
 */
export function optionsFor<Options>(rule: Rule<string, Options>, configured: unknown): Options {
  if (configured === undefined || configured === null || typeof configured !== "object") {
    return rule.defaultOptions;
  }
  return { ...rule.defaultOptions, ...(configured as Partial<Options>) };
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * A message template with its placeholders replaced by `data`, as ESLint interpolates: a
 * placeholder without data stays as written, so that a missing value shows instead of vanishing.
 */
export function interpolate(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}
