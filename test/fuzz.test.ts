/**
 * Property-based tests: "never crash, never corrupt". Random Graph-style pages (test/fuzz/
 * arbitraries.ts) are linted and fixed through src/, and every invariant is checked on each.
 *
 * Seeded, so a run is reproducible: a failure prints its seed and counterexample path, and
 * `FUZZ_SEED=<seed> npx vitest run test/fuzz.test.ts` replays it. `FUZZ_RUNS` scales the total.
 * `npm run fuzz` runs the same properties 100,000+ times against the build.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFixes, buildPage, fixText, lintText } from "../src/index.js";
import { parseBlocks, parseBlocksWhole } from "../src/parse/blocks.js";
import { type FuzzApi, type FuzzProperty, describeCase, fuzzProperties } from "./fuzz/arbitraries.js";

const api: FuzzApi = { lintText, fixText, applyFixes, buildPage, parseBlocks, parseBlocksWhole };

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_124);
/** Cases over all the properties that are expected to hold (the known-bug ones run a few more). */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const TIMEOUT_MS = 300_000;

/** Runs a property with its share of the runs; on failure, throws with the shrunk case printed. */
function check(p: FuzzProperty): void {
  const weights = fuzzProperties.filter((q) => !q.knownBug).reduce((sum, q) => sum + q.weight, 0);
  const numRuns = p.knownBug ? 50 : Math.max(1, Math.round((TOTAL_RUNS * p.weight) / weights));
  const skips = new Map<string, number>();
  const details = fc.check(
    fc.property(p.arbitrary, (c) => p.run(api, c, skips)),
    // A known bug needs one failure, not the smallest: no shrinking.
    { seed: SEED, numRuns, endOnFailure: p.knownBug !== undefined },
  );
  if (details.failed) {
    const shown = details.counterexample ? describeCase(details.counterexample[0]) : "(no counterexample)";
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${p.name}\nseed ${details.seed}, path "${details.counterexamplePath}", after ${details.numRuns} run(s), ${details.numShrinks} shrink(s)\n${error}\n${shown}`,
    );
  }
  // Most cases must really be checked: a known bug may explain a few failures, not most.
  expect(details.numSkips).toBeLessThan(numRuns / 10);
}

describe("fuzz: invariants that hold", () => {
  for (const p of fuzzProperties.filter((q) => !q.knownBug)) {
    it(p.name, () => check(p), TIMEOUT_MS);
  }
});

// A reported bug that a property reproduces gets `knownBug` and an `it.fails` here (run with
// `check(fuzzProperties.find((p) => p.id === id))`), listed below, until its fix flips it back.
describe("fuzz: known bugs (reported; each flips to `it`, and loses its knownBug, when fixed)", () => {
  it("every known-bug property is listed here", () => {
    expect(fuzzProperties.filter((p) => p.knownBug).map((p) => p.id)).toEqual([]);
  });
});
