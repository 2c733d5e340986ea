// `npm run docs:examples`: runs the shell examples of the README and docs/ (see
// scripts/lib/doc-examples.mjs) and lists those whose shown output differs from what the built
// CLI prints now. `-- --update` rewrites the shown output instead: run it after changing a
// message or a format, and read the diff before committing it.
import {
  allExamples,
  byBlock,
  documentedFiles,
  runExamples,
  shown,
  updateFile,
} from "./lib/doc-examples.mjs";

if (process.argv.includes("--update")) {
  for (const file of documentedFiles()) {
    const count = updateFile(file);
    if (count > 0) console.log(`${file}: ${count} example(s) rewritten`);
  }
} else {
  let differ = 0;
  const examples = allExamples();
  const runs = byBlock(examples).flatMap((block) => {
    const results = runExamples(block);
    return block.map((example, i) => [example, results[i]]);
  });
  for (const [example, { actual, status }] of runs) {
    const ok =
      example.expected === undefined
        ? status !== 2
        : JSON.stringify(actual) === JSON.stringify(shown(example.expected));
    if (ok) continue;
    differ++;
    console.log(`${example.file}:${example.line}: $ ${example.command}  (exit ${status})`);
  }
  console.log(`${examples.length} examples, ${differ} differ`);
  process.exitCode = differ > 0 ? 1 : 0;
}
