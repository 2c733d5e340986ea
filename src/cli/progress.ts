/**
 * Progress of a long run on standard error: `graph-docs-lint: 1,234/11,289 files`, rewritten in
 * place. Only on a terminal and outside CI (the CI variable), and only for runs large enough to be
 * spread over worker threads: a piped, redirected or CI run, and a one-page run, never see it.
 */
import { MIN_FILES_FOR_WORKERS } from "./pool.js";

export interface Progress {
  /** One more file is done. */
  tick(): void;
  /** Clears the line. */
  end(): void;
}

const SILENT: Progress = { tick() {}, end() {} };

export function progressFor(
  total: number,
  stderr: { isTTY?: boolean; write(text: string): unknown },
  env: NodeJS.ProcessEnv,
): Progress {
  if (total < MIN_FILES_FOR_WORKERS || stderr.isTTY !== true || isCi(env)) return SILENT;
  const n = (value: number) => value.toLocaleString("en-US");
  let done = 0;
  let shown = -1;
  const show = () => {
    // At most a hundred updates: one per percent.
    const percent = Math.floor((done * 100) / total);
    if (percent === shown) return;
    shown = percent;
    stderr.write(`\rgraph-docs-lint: ${n(done)}/${n(total)} files`);
  };
  show();
  return {
    tick() {
      done++;
      show();
    },
    end() {
      stderr.write("\r\u001b[K");
    },
  };
}

/** A CI service runs us: most set CI (GitHub Actions, GitLab, Azure Pipelines with TF_BUILD). */
function isCi(env: NodeJS.ProcessEnv): boolean {
  return (env.CI !== undefined && env.CI !== "false" && env.CI !== "0") || env.TF_BUILD !== undefined;
}
