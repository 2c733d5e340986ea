#!/usr/bin/env node
/**
 * Figures of the CSDL reader on the real metadata files (from the build: run `npm run build` first).
 *
 *   node scripts/metadata-stats.mjs [--metadata ../shared/metadata] [--runs 3] [--json]
 *
 * For v1.0_metadata.xml and beta_metadata.xml: what the model holds, then, each in a new process
 * (median of --runs), wall and CPU time and peak RSS of: a cold load (nothing stored: read, hash,
 * parse, store) of the index, a warm one (the index from the store, looked up by size and time,
 * and one type's properties, as a rule on a one-page run), the whole model from the store, a load
 * by content hash (stamp unknown: read, hash, stored index) and reading + hashing alone; and the
 * peak RSS of an idle process. Figures only: nothing is asserted. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LIBRARY = join(ROOT, "dist", "src", "metadata", "index.js");
const STORE_DIR = join(ROOT, "dist", "src", "docset", "store-dir.js");
const FILES = ["v1.0_metadata.xml", "beta_metadata.xml"];

const { values } = parseArgs({
  options: {
    metadata: { type: "string", default: join(ROOT, "..", "shared", "metadata") },
    runs: { type: "string", default: "3" },
    json: { type: "boolean", default: false },
    // Internal: one measurement in this process (see `measure`).
    child: { type: "string" },
    file: { type: "string" },
    store: { type: "string" },
  },
});

if (values.child) {
  console.log(JSON.stringify(await childMeasurement(values.child, values.file, values.store)));
} else {
  await main();
}

async function main() {
  if (!existsSync(LIBRARY)) fail(`${relative(process.cwd(), LIBRARY)} is missing: run npm run build`);
  const folder = resolve(values.metadata);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`bad --runs: ${values.runs}`);
  const { loadMetadataIndex, diffMetadata } = await import(LIBRARY);
  const results = [];
  const indexes = [];
  for (const name of FILES) {
    const file = join(folder, name);
    if (!existsSync(file)) fail(`${file} not found (pass --metadata DIR)`);
    const index = loadMetadataIndex(file, { storeDir: false });
    indexes.push(index);
    results.push({
      file: name,
      bytes: readFileSync(file).length,
      counts: countsOf(index.model),
      ...timings(file, runs),
    });
  }
  const added = diffMetadata(indexes[0], indexes[1]);
  const betaAdds = {
    types: added.types.length,
    properties: added.properties.length,
    enumMembers: added.enumMembers.length,
  };
  const idle = median(Array.from({ length: runs }, () => measure("idle", FILES[0], "").peakRssMB));
  const stamp = median(Array.from({ length: runs }, () => measure("stamp", FILES[0], "").ms));
  const load = (await import("node:os")).loadavg()[0];
  if (values.json) {
    console.log(
      JSON.stringify(
        { node: process.version, runs, idlePeakRssMB: idle, buildStampMs: stamp, results, betaAdds },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `Node ${process.version}, median of ${runs} run(s), each measurement in a new process; load average ${load.toFixed(1)}.\n`,
  );
  for (const r of results) {
    const c = r.counts;
    console.log(`${r.file} (${(r.bytes / 1e6).toFixed(1)} MB)`);
    console.log(
      `  ${c.namespaces} namespaces, ${c.entityTypes} entity types, ${c.complexTypes} complex types, ${c.enumTypes} enum types`,
    );
    console.log(
      `  ${c.properties} properties, ${c.navigationProperties} navigation properties, ${c.enumMembers} enum members`,
    );
    console.log(
      `  stored: names ${(r.storedBytes.header / 1e6).toFixed(2)} MB, types ${(r.storedBytes.body / 1e6).toFixed(1)} MB`,
    );
    for (const [label, key] of [
      ["cold: read, hash, parse, store, index", "cold"],
      ["warm: index from the store, one type", "warmIndex"],
      ["warm: the whole model from the store", "warmModel"],
      ["by content: read, hash, stored index", "byContent"],
      ["read + SHA-256 only", "hash"],
    ]) {
      const m = r[key];
      console.log(
        `  ${label.padEnd(40)} ${ms(m.ms)} wall ${ms(m.cpuMs)} CPU   peak RSS ${m.peakRssMB.toFixed(0)} MB`,
      );
    }
  }
  console.log(`\nA Node process that only loaded the library peaks at ${idle.toFixed(0)} MB.`);
  console.log(
    `The linter's build stamp (shared with the facts store, not in the figures above): ${ms(stamp)}.`,
  );
  console.log(
    `beta adds to v1.0: ${betaAdds.types} types, ${betaAdds.properties} properties of shared types, ${betaAdds.enumMembers} enum members.`,
  );
}

function countsOf(model) {
  const structured = model.structuredTypes;
  return {
    namespaces: model.schemas.length,
    entityTypes: structured.filter((t) => t.kind === "entity").length,
    complexTypes: structured.filter((t) => t.kind === "complex").length,
    enumTypes: model.enumTypes.length,
    properties: structured.reduce((n, t) => n + t.properties.length, 0),
    navigationProperties: structured.reduce((n, t) => n + t.navigationProperties.length, 0),
    enumMembers: model.enumTypes.reduce((n, t) => n + t.members.length, 0),
  };
}

/** Each kind of load, `runs` times in new processes, with a store folder of its own. */
function timings(file, runs) {
  const rows = { cold: [], warmIndex: [], warmModel: [], byContent: [], hash: [] };
  let storedBytes;
  for (let run = 0; run < runs; run++) {
    const store = mkdtempSync(join(tmpdir(), "gdl-metadata-stats-"));
    try {
      rows.cold.push(measure("cold-index", file, store));
      rows.warmIndex.push(measure("index", file, store));
      rows.warmModel.push(measure("model", file, store));
      const sizeOf = (prefix) =>
        statSync(
          join(
            store,
            readdirSync(store).find((n) => n.startsWith(prefix)),
          ),
        ).size;
      storedBytes = { header: sizeOf("model-"), body: sizeOf("types-") };
      for (const name of readdirSync(store)) if (name.startsWith("stamp-")) rmSync(join(store, name));
      rows.byContent.push(measure("index", file, store));
      rows.hash.push(measure("hash", file, store));
    } finally {
      rmSync(store, { recursive: true, force: true });
    }
  }
  const summary = (list) => ({
    ms: median(list.map((m) => m.ms)),
    cpuMs: median(list.map((m) => m.cpuMs)),
    peakRssMB: median(list.map((m) => m.peakRssMB)),
  });
  return Object.fromEntries([
    ["storedBytes", storedBytes],
    ...Object.entries(rows).map(([key, list]) => [key, summary(list)]),
  ]);
}

function measure(kind, file, store) {
  const args = [fileURLToPath(import.meta.url), "--child", kind, "--file", file, "--store", store];
  const child = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (child.status !== 0) fail(`measurement ${kind} of ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** One measurement in this (new) process: the library is loaded first, outside the timing. */
async function childMeasurement(kind, file, store) {
  const { loadMetadata, loadMetadataIndex } = await import(LIBRARY);
  const { linterBuildStamp } = await import(STORE_DIR);
  const { createHash } = await import("node:crypto");
  // The linter's build stamp (a stat of each code file) names the store's folder; a one-page run
  // pays it once for the facts store and the metadata store together, so it is timed on its own.
  if (kind !== "stamp") linterBuildStamp(0);
  let parsed = false;
  const options = { storeDir: store, onParse: () => (parsed = true) };
  const work = {
    idle: () => {},
    stamp: () => linterBuildStamp(0),
    hash: () => createHash("sha256").update(readFileSync(file)).digest("hex"),
    // What a rule does on a one-page run: the index, and the properties of one type with its bases.
    index: () => loadMetadataIndex(file, options).properties("microsoft.graph.user"),
    model: () => loadMetadata(file, options),
  }[kind.replace(/^cold-/, "")];
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  if (!["idle", "hash", "stamp"].includes(kind) && parsed !== kind.startsWith("cold-"))
    fail(`a ${kind} load ${parsed ? "parsed" : "did not parse"} (store ${store})`);
  return { ms, cpuMs: (user + system) / 1000, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value) {
  return `${value.toFixed(1).padStart(7)} ms`;
}

function fail(message) {
  console.error(`metadata-stats: ${message}`);
  process.exit(2);
}
