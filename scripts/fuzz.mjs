// The fuzz run: the properties of test/fuzz.test.ts, 100,000+ cases against the build (dist/).
//
//   npm run fuzz                       (builds first)
//   node scripts/fuzz.mjs [--cases N] [--time-budget SECONDS] [--seed S|random] [--workers W]
//                         [--stall-seconds T]
//
// --cases N (or --runs N): how many cases, 100,000 by default. --time-budget SECONDS: start no job
// after that long (the jobs under way finish), for a CI run of bounded time; the count of cases run
// is printed either way.
//
// The generators and invariants are test/fuzz/arbitraries.ts (one source of truth), loaded through
// tsx. The runs are cut into jobs of one property each, with their own seed (printed), spread over
// worker threads. A counterexample is shrunk and printed, and the run exits 1; a worker that makes
// no progress for --stall-seconds is a hang: the case it was on is printed, and the run exits 1.
// Properties of known (reported) bugs run a few cases each and are reported, not failed.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const ARBITRARIES = new URL("../test/fuzz/arbitraries.ts", import.meta.url).href;
const DIST = new URL("../dist/src/index.js", import.meta.url).href;
const DIST_BLOCKS = new URL("../dist/src/parse/blocks.js", import.meta.url).href;
/** Bytes of shared memory per worker for the case it is on (for hang reports). */
const SLOT_BYTES = 1 << 20;
const JOB_RUNS = 2_500;
const KNOWN_BUG_RUNS = 20;

if (isMainThread) await main();
else await worker();

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: "string" },
      runs: { type: "string" },
      "time-budget": { type: "string" },
      seed: { type: "string", default: "20251124" },
      workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      "stall-seconds": { type: "string", default: "120" },
    },
  });
  if (values.cases !== undefined && values.runs !== undefined && values.cases !== values.runs) {
    console.error("fuzz: --cases and --runs are the same option: give one");
    process.exit(2);
  }
  const total = Number(values.cases ?? values.runs ?? "100000");
  const budgetMs = values["time-budget"] === undefined ? Infinity : Number(values["time-budget"]) * 1000;
  const seed =
    values.seed === "random" ? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0 : Number(values.seed);
  const workerCount = Math.max(1, Number(values.workers));
  const stallMs = Number(values["stall-seconds"]) * 1000;
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed) || !(budgetMs > 0)) {
    console.error(
      "fuzz: --cases takes a positive whole number, --seed a whole number or 'random', --time-budget a positive number of seconds",
    );
    process.exit(2);
  }

  const { fuzzProperties } = await import(ARBITRARIES);
  const holding = fuzzProperties.filter((p) => !p.knownBug);
  const weights = holding.reduce((sum, p) => sum + p.weight, 0);
  /** @type {Array<{ id: number; property: number; runs: number; seed: number; knownBug: boolean }>} */
  const jobs = [];
  fuzzProperties.forEach((p, property) => {
    if (p.knownBug) {
      jobs.push({ id: jobs.length, property, runs: KNOWN_BUG_RUNS, seed, knownBug: true });
      return;
    }
    let left = Math.max(1, Math.round((total * p.weight) / weights));
    while (left > 0) {
      const runs = Math.min(JOB_RUNS, left);
      jobs.push({
        id: jobs.length,
        property,
        runs,
        seed: (seed + jobs.length * 7919) >>> 0,
        knownBug: false,
      });
      left -= runs;
    }
  });
  // Interleaved (the first job of each property, then the second…), so that the costlier properties
  // do not all run at the end, on one worker.
  const rank = new Map();
  for (const job of jobs) {
    const n = [...rank.values()].filter((r) => r.property === job.property).length;
    rank.set(job, { property: job.property, n });
  }
  jobs.sort((a, b) => rank.get(a).n - rank.get(b).n || a.id - b.id);
  console.log(
    `fuzz: seed ${seed}, ${total} cases${budgetMs < Infinity ? ` (time budget ${values["time-budget"]} s)` : ""} over ${holding.length} properties (+${fuzzProperties.length - holding.length} known-bug checks), ${jobs.length} jobs, ${workerCount} worker(s)`,
  );

  const started = performance.now();
  /** @type {Map<number, { runs: number; skips: number; byBug: Record<string, number>; ms: number }>} */
  const stats = new Map();
  const knownBugResults = [];
  let failure;
  let next = 0;
  let outOfTime = false;

  await new Promise((done) => {
    let running = 0;
    const workers = [];
    const stopAll = () => {
      for (const w of workers) void w.worker.terminate();
      done();
    };
    let lastReport = performance.now();
    const watchdog = setInterval(() => {
      if (performance.now() - lastReport >= 30_000) {
        lastReport = performance.now();
        const done = workers.reduce((n, w) => n + Atomics.load(w.counter, 0), 0);
        const elapsed = ((performance.now() - started) / 1000).toFixed(0);
        console.log(`  … ${done} cases, job ${Math.min(next, jobs.length)}/${jobs.length}, ${elapsed} s`);
      }
      for (const w of workers) {
        if (!w.job) continue;
        const progress = Atomics.load(w.counter, 0);
        if (progress !== w.lastProgress) {
          w.lastProgress = progress;
          w.lastChange = performance.now();
        } else if (performance.now() - w.lastChange > stallMs) {
          const length = Atomics.load(w.counter, 1);
          const caseText = new TextDecoder().decode(
            new Uint8Array(w.slot, 8, Math.min(length, SLOT_BYTES - 8)),
          );
          failure = {
            kind: "hang",
            text:
              `${fuzzProperties[w.job.property].name}\n` +
              `no progress for ${values["stall-seconds"]} s (job seed ${w.job.seed}); the case being checked:\n${caseText}`,
          };
          clearInterval(watchdog);
          stopAll();
          return;
        }
      }
    }, 1000);
    const dispatch = (w) => {
      if (next < jobs.length && performance.now() - started > budgetMs) outOfTime = true;
      if (failure || outOfTime || next >= jobs.length) {
        w.job = undefined;
        if (running === 0 || failure) {
          clearInterval(watchdog);
          stopAll();
        }
        return;
      }
      w.job = jobs[next++];
      w.lastChange = performance.now();
      running++;
      w.worker.postMessage(w.job);
    };
    for (let i = 0; i < workerCount; i++) {
      const slot = new SharedArrayBuffer(SLOT_BYTES);
      const w = {
        worker: new Worker(new URL(import.meta.url), {
          workerData: { slot },
          // The main thread's stack (~1 MB), not a worker's 4 MB default: a stack overflow must show.
          resourceLimits: { stackSizeMb: 1 },
        }),
        slot,
        counter: new Int32Array(slot, 0, 2),
        job: undefined,
        lastProgress: 0,
        lastChange: 0,
      };
      workers.push(w);
      w.worker.on("message", (result) => {
        running--;
        const job = w.job;
        const p = fuzzProperties[job.property];
        if (job.knownBug) {
          knownBugResults.push({ p, result });
        } else if (result.failed) {
          failure = { kind: "counterexample", text: `${p.name}\n${result.report}` };
        } else {
          const s = stats.get(job.property) ?? { runs: 0, skips: 0, byBug: {}, ms: 0 };
          s.runs += result.numRuns;
          s.skips += result.numSkips;
          s.ms += result.ms;
          for (const [bug, n] of Object.entries(result.byBug)) s.byBug[bug] = (s.byBug[bug] ?? 0) + n;
          stats.set(job.property, s);
        }
        dispatch(w);
      });
      w.worker.on("error", (error) => {
        failure = { kind: "worker crash", text: String(error?.stack ?? error) };
        clearInterval(watchdog);
        stopAll();
      });
    }
    for (const w of workers) dispatch(w);
  });

  const seconds = (performance.now() - started) / 1000;
  let cases = 0;
  for (const [property, s] of stats) {
    cases += s.runs + s.skips;
    const bugs = Object.entries(s.byBug)
      .map(([bug, n]) => `${n} explained by known bug ${bug}`)
      .join(", ");
    console.log(
      `  ${String(s.runs).padStart(6)} passed, ${String(s.skips).padStart(4)} skipped${bugs ? ` (${bugs})` : ""}, ${(s.ms / 1000).toFixed(1)} s  ${fuzzProperties[property].name}`,
    );
  }
  for (const { p, result } of knownBugResults) {
    console.log(
      result.failed
        ? `  known bug ${p.knownBug}: still reproduces (expected until fixed)`
        : `  known bug ${p.knownBug}: NO LONGER REPRODUCES in ${result.numRuns} cases: flip its it.fails in test/fuzz.test.ts`,
    );
  }
  if (outOfTime && !failure)
    console.log(
      `fuzz: time budget of ${values["time-budget"]} s reached after ${next} of ${jobs.length} jobs: ${cases} of ${total} cases run`,
    );
  console.log(`fuzz: ${cases} cases checked, seed ${seed}, ${seconds.toFixed(1)} s`);
  if (failure) {
    console.error(`\nfuzz: FAILED (${failure.kind}): ${failure.text}`);
    console.error(`\nReplay: node scripts/fuzz.mjs --seed ${seed} --cases ${total} --workers ${workerCount}`);
    process.exit(1);
  }
}

async function worker() {
  const fc = (await import("fast-check")).default;
  const arbitraries = await import(ARBITRARIES);
  const { lintText, fixText, applyFixes, buildPage } = await import(DIST);
  const { parseBlocks, parseBlocksWhole } = await import(DIST_BLOCKS);
  const api = { lintText, fixText, applyFixes, buildPage, parseBlocks, parseBlocksWhole };
  const counter = new Int32Array(workerData.slot, 0, 2);
  const slot = new Uint8Array(workerData.slot, 8);
  const encoder = new TextEncoder();
  parentPort.on("message", (job) => {
    const p = arbitraries.fuzzProperties[job.property];
    const skips = new Map();
    const started = performance.now();
    const details = fc.check(
      fc.property(p.arbitrary, (c) => {
        const { written } = encoder.encodeInto(arbitraries.describeCase(c), slot);
        Atomics.store(counter, 1, written);
        Atomics.add(counter, 0, 1);
        p.run(api, c, skips);
      }),
      { seed: job.seed, numRuns: job.runs, endOnFailure: job.knownBug },
    );
    let report = "";
    if (details.failed && !job.knownBug) {
      const error =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      report =
        `job seed ${details.seed}, path "${details.counterexamplePath}", after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s)\n` +
        `${error}\n` +
        (details.counterexample
          ? arbitraries.describeCase(details.counterexample[0])
          : "(no counterexample)");
    }
    parentPort.postMessage({
      failed: details.failed,
      numRuns: details.numRuns,
      numSkips: details.numSkips,
      byBug: Object.fromEntries(skips),
      ms: performance.now() - started,
      report,
    });
  });
}

export const scriptPath = fileURLToPath(import.meta.url);
