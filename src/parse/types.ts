export type { Point, Range } from "./source.js";
export type { SourceLine } from "./table.js";
