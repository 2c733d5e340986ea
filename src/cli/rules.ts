/**
 * The command line's rules and its configuration loader: the rule plugin (rules/plugin.ts), which
 * the command line hands down to the engine and the reporters, and one loader per thread (each
 * worker thread has its own, filled as it goes).
 */
import { plugin } from "../../rules/plugin.js";
import { ConfigLoader } from "../engine/config/index.js";

export const rulePlugin = plugin;
export const configLoader = new ConfigLoader(plugin);
