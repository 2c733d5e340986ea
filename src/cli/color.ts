/**
 * Whether the readable formats are coloured, as ESLint (through chalk's supports-color) decides:
 * `--color` / `--no-color` first, then FORCE_COLOR (`0` or `false` turns colour off, anything else
 * on), then NO_COLOR (any value turns it off), then whether standard output is a terminal (and not
 * a `dumb` one). A report written to a file is coloured only with `--color`.
 */
export function useColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  target: { isTTY?: boolean; toFile: boolean },
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === "0" || force.toLowerCase() === "false");
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (target.toFile) return false;
  return target.isTTY === true && env.TERM !== "dumb";
}
