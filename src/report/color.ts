/**
 * ANSI styles for the readable formats, applied only when colour is on (the command line decides
 * from --color, --no-color, FORCE_COLOR, NO_COLOR and whether stdout is a terminal). A handful of
 * escape codes: not worth a dependency on a one-page run.
 */

export interface Styles {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    text === "" ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const ANSI: Styles = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (text: string): string => text;
const PLAIN: Styles = { red: identity, yellow: identity, dim: identity, bold: identity, underline: identity };

export function styles(color: boolean): Styles {
  return color ? ANSI : PLAIN;
}
