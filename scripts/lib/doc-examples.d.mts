// Types of scripts/lib/doc-examples.mjs, for test/docs-examples.test.ts.

export declare const ROOT: string;

export interface DocExample {
  /** The markdown file, relative to the repository (set by allExamples). */
  file?: string;
  /** The 1-based line of the command. */
  line: number;
  /** The line that opens the block the example stands in. */
  block: number;
  command: string;
  /** The lines shown after the command, or undefined when none are. */
  expected: string[] | undefined;
  /** The text of the nearest markdown block above the example. */
  page: string | undefined;
}

export interface ExampleRun {
  actual: string[];
  status: number | null;
}

export declare function documentedFiles(): string[];
export declare function extractExamples(text: string): DocExample[];
export declare function runExamples(examples: readonly DocExample[]): ExampleRun[];
export declare function shown(expected: readonly string[]): string[];
export declare function byBlock<T extends { file?: string; block: number }>(examples: readonly T[]): T[][];
export declare function allExamples(): Array<DocExample & { file: string }>;
export declare function updateFile(file: string): number;
