// npm run bench [-- --corpus DIR --metadata DIR --runs N --quick]
//
// Measures graph-docs-lint against the parse floor (remark-parse + remark-frontmatter alone) and
// markdownlint-cli2 (default rules) over the same pages, in one run on this machine, and prints a
// table of wall time (median of N runs), CPU time, peak RSS and pages/s, each as a ratio to
// markdownlint-cli2 and to the parse floor. Writes the table to bench/results.md.
//
// Workloads: the full tree cold (no cache), the full tree warm (cache, nothing changed), one page
// inside the tree with a cold process (the pre-commit case, docs index included), 1,000 / 5,000 /
// all pages (linearity), and the language server's edit-to-diagnostics time on the largest page.
// With the service's CSDL (--metadata DIR holding v1.0_metadata.xml and beta_metadata.xml, by
// default ../shared/metadata), the full tree cold and one page again with `--metadata` for each
// version: cold with nothing stored (the CSDL parsed), and one page with the CSDL stored.
// Peak RSS and CPU come from /proc/<pid> (Linux), polled while the process runs.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { metadataArgs as metadataArgsOf } from "../scripts/lib/metadata-args.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: resolve(project, "../shared/corpus") },
    runs: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    metadata: { type: "string", default: resolve(project, "../shared/metadata") },
  },
});
const corpusRoot = resolve(values.corpus);
if (!existsSync(corpusRoot)) {
  console.error(`bench: no corpus at ${corpusRoot} (pass --corpus DIR)`);
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs));
const cli = join(project, "dist/bundle/cli.js");
const mdl = join(project, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const clockTick = 100; // USER_HZ on Linux
const metadataArgs = metadataArgsOf(values.metadata);
if (metadataArgs.length === 0) console.error(`bench: no CSDL in ${values.metadata}; no metadata rows`);

/** The API and resource pages of the corpus (api/ and resources/ folders), sorted. */
function pages(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "includes") out.push(...pages(path));
    } else if (entry.name.endsWith(".md") && /[\\/](api|resources)$/.test(dir)) out.push(path);
  }
  return out.sort();
}

/** Runs a command; returns wall seconds, CPU seconds and peak RSS (MB) read from /proc. */
function measure(command, args, options = {}) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["pipe", "ignore", "pipe"], ...options });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    let peakKb = 0;
    let cpuTicks = 0;
    const poll = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
        cpuTicks = Math.max(cpuTicks, Number(stat[11]) + Number(stat[12]));
      } catch {
        // the process has exited
      }
    };
    const timer = setInterval(poll, 20);
    child.on("error", fail);
    child.on("exit", (code) => {
      clearInterval(timer);
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1)
        fail(new Error(`${command} ${args.slice(0, 3).join(" ")} exited ${code}: ${stderr.slice(0, 500)}`));
      else done({ wall, cpu: cpuTicks / clockTick, rssMb: peakKb / 1024 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

async function repeat(label, count, pagesCount, fn) {
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await fn());
  const row = {
    label,
    pages: pagesCount,
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
  console.error(
    `  ${label}: ${row.wall.toFixed(2)} s wall, ${row.cpu.toFixed(1)} s CPU, ${row.rssMb.toFixed(0)} MB`,
  );
  return row;
}

const all = pages(join(corpusRoot, "api-reference"));
const largest = all.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const onePage = all.find((p) => p.endsWith("externalconnectors-externalgroup-post-members.md")) ?? all[0];
const work = mkdtempSync(join(tmpdir(), "gdl-bench-"));
const listFile = (name, files) => {
  const path = join(work, name);
  writeFileSync(path, files.join("\n"));
  return path;
};
// graph-docs-lint keeps what it learned about the tree between runs in the temporary folder
// (request names and page facts, see src/docset/facts-store.ts): a cold run gets an empty one.
let tmpCount = 0;
const freshTmp = () => {
  const dir = join(work, `tmp-${tmpCount++}`);
  mkdirSync(dir);
  return { ...process.env, TMPDIR: dir };
};
const storedTmp = freshTmp();
const parseFloorScript = join(work, "parse-floor.mjs");
writeFileSync(
  parseFloorScript,
  `import { readFileSync } from "node:fs";
import { unified } from "${join(project, "node_modules/unified/index.js")}";
import remarkParse from "${join(project, "node_modules/remark-parse/index.js")}";
import remarkFrontmatter from "${join(project, "node_modules/remark-frontmatter/index.js")}";
const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).freeze();
for (const file of readFileSync(process.argv[2], "utf8").split("\\n")) processor.parse(readFileSync(file, "utf8"));
`,
);

// Both linters get the same globs for the full tree (each walks the tree itself), and literal
// paths for subsets (markdownlint-cli2 reads a leading ":" as "this path, not a glob").
const GLOBS = ["api-reference/*/api/*.md", "api-reference/*/resources/*.md"];
const mdlArgs = (files) => [mdl, ...(files ? files.map((f) => `:${f}`) : GLOBS)];

const rows = [];
console.error(
  `bench: ${all.length} pages, ${runs} run(s) each, ${availableParallelism()} cores, Node ${process.version}`,
);
const sizes = values.quick ? [1000] : [1000, 5000];
try {
  const allList = listFile("all.txt", all);
  rows.push(
    await repeat("parse floor (remark-parse + frontmatter, 1 thread)", runs, all.length, () =>
      measure(process.execPath, [parseFloorScript, allList]),
    ),
  );
  rows.push(
    await repeat("markdownlint-cli2 (default rules)", runs, all.length, () =>
      measure(process.execPath, mdlArgs(), { cwd: corpusRoot }),
    ),
  );
  rows.push(
    await repeat("graph-docs-lint, full tree, cold", runs, all.length, () =>
      measure(
        process.execPath,
        [cli, "--format", "json", "--output-file", join(work, "out.json"), ...GLOBS],
        { cwd: corpusRoot, env: freshTmp() },
      ),
    ),
  );
  if (metadataArgs.length > 0)
    rows.push(
      await repeat("graph-docs-lint, full tree, cold, with metadata (CSDL parsed)", runs, all.length, () =>
        measure(
          process.execPath,
          [cli, ...metadataArgs, "--format", "json", "--output-file", join(work, "out.json"), ...GLOBS],
          { cwd: corpusRoot, env: freshTmp() },
        ),
      ),
    );
  const cacheFile = join(work, "cache.json");
  await measure(
    process.execPath,
    [
      cli,
      "--cache",
      "--cache-location",
      cacheFile,
      "--format",
      "json",
      "--output-file",
      join(work, "out.json"),
      ...GLOBS,
    ],
    { cwd: corpusRoot, env: storedTmp },
  );
  rows.push(
    await repeat("graph-docs-lint, full tree, warm cache", runs, all.length, () =>
      measure(
        process.execPath,
        [
          cli,
          "--cache",
          "--cache-location",
          cacheFile,
          "--format",
          "json",
          "--output-file",
          join(work, "out.json"),
          ...GLOBS,
        ],
        { cwd: corpusRoot, env: storedTmp },
      ),
    ),
  );
  for (const n of sizes) {
    rows.push(
      await repeat(`graph-docs-lint, first ${n} pages, cold`, runs, n, () =>
        measure(
          process.execPath,
          [cli, "--format", "json", "--output-file", join(work, "out.json"), ...all.slice(0, n)],
          { cwd: corpusRoot, env: freshTmp() },
        ),
      ),
    );
  }
  const small = Math.max(runs, 5);
  rows.push(
    await repeat("node -e '' (process start)", small, 1, () => measure(process.execPath, ["-e", ""])),
  );
  rows.push(
    await repeat("markdownlint-cli2, one page", small, 1, () =>
      measure(process.execPath, mdlArgs([onePage]), { cwd: corpusRoot }),
    ),
  );
  rows.push(
    await repeat("graph-docs-lint, one page in the tree, cold (nothing stored)", small, 1, () =>
      measure(process.execPath, [cli, onePage], { cwd: corpusRoot, env: freshTmp() }),
    ),
  );
  // The pre-commit steady state: a new process, with what earlier runs stored about the tree.
  await measure(process.execPath, [cli, onePage], { cwd: corpusRoot, env: storedTmp });
  rows.push(
    await repeat("graph-docs-lint, one page in the tree, tree facts stored", small, 1, () =>
      measure(process.execPath, [cli, onePage], { cwd: corpusRoot, env: storedTmp }),
    ),
  );
  if (metadataArgs.length > 0) {
    rows.push(
      await repeat(
        "graph-docs-lint, one page, cold, with metadata (nothing stored: CSDL parsed)",
        small,
        1,
        () =>
          measure(process.execPath, [cli, ...metadataArgs, onePage], { cwd: corpusRoot, env: freshTmp() }),
      ),
    );
    await measure(process.execPath, [cli, ...metadataArgs, onePage], { cwd: corpusRoot, env: storedTmp });
    rows.push(
      await repeat("graph-docs-lint, one page, with metadata, tree facts and CSDL stored", small, 1, () =>
        measure(process.execPath, [cli, ...metadataArgs, onePage], { cwd: corpusRoot, env: storedTmp }),
      ),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

let lsp = "not measured (scripts/lsp-latency.mjs missing)";
const lspScript = join(project, "scripts/lsp-latency.mjs");
if (existsSync(lspScript)) {
  const out = await new Promise((done) => {
    const child = spawn(process.execPath, [lspScript, largest], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.on("exit", () => done(text.trim()));
  });
  lsp = out || "no output";
}

const byLabel = (start) => rows.find((r) => r.label.startsWith(start));
const mdlFull = byLabel("markdownlint-cli2 (default");
const floor = byLabel("parse floor");
const mdlOne = byLabel("markdownlint-cli2, one page");
const ratio = (row) => {
  const ref = row.pages === 1 ? mdlOne : mdlFull;
  const vsMdl = ref ? (row.wall / ref.wall).toFixed(2) : "";
  const vsFloor = row.pages > 1 && floor ? (row.wall / floor.wall).toFixed(2) : "";
  return [vsMdl, vsFloor];
};
const lines = [
  `# graph-docs-lint benchmark`,
  ``,
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}; corpus: ${all.length} API and resource pages; median of ${runs} runs (${Math.max(runs, 5)} for one-page rows). Largest page: ${largest.slice(corpusRoot.length + 1)} (${(statSync(largest).size / 1024).toFixed(0)} KB). One page: ${onePage.slice(corpusRoot.length + 1)}.`,
  metadataArgs.length > 0
    ? `Rows "with metadata" pass \`--metadata\` the CSDL of ${metadataArgs
        .filter((_, i) => i % 2 === 1)
        .map((a) => a.split("=")[0])
        .join(" and ")} from ${values.metadata}.`
    : `No CSDL given: no metadata rows.`,
  ``,
  `| workload | pages | wall (s) | CPU (s) | peak RSS (MB) | pages/s | × markdownlint-cli2 | × parse floor |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|`,
  ...rows.map((r) => {
    const [vsMdl, vsFloor] = ratio(r);
    return `| ${r.label} | ${r.pages} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(1)} | ${r.rssMb.toFixed(0)} | ${(r.pages / r.wall).toFixed(0)} | ${vsMdl} | ${vsFloor} |`;
  }),
  ``,
  `One-page rows compare with markdownlint-cli2 on one page; the others with markdownlint-cli2 on the full tree.`,
  ``,
  `Language server, largest page: ${lsp}`,
  ``,
];
const table = lines.join("\n");
console.log(table);
writeFileSync(join(here, "results.md"), table);
