/** An error that ends the run with exit code 2 and one clear message (no stack trace). */
export class UsageError extends Error {}
