/** Catching and comparing the MetadataError of a bad metadata input. */
import { expect } from "vitest";
import { MetadataError } from "../../src/metadata/errors.js";

export interface Expected {
  message: string;
  line?: number;
  column?: number;
}

/** The MetadataError that `action` throws (any other error is thrown on; none fails the test). */
export function errorOf(action: () => unknown): MetadataError {
  try {
    action();
  } catch (error) {
    if (error instanceof MetadataError) return error;
    throw error;
  }
  throw new Error("no MetadataError was thrown");
}

/** Checks the error's message, file, line and column all at once (one diff shows them all). */
export function expectError(error: MetadataError, file: string, expected: Expected): void {
  expect({ message: error.message, file: error.file, line: error.line, column: error.column }).toEqual({
    message: expected.message,
    file,
    line: expected.line,
    column: expected.column,
  });
}
