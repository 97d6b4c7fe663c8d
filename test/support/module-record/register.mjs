// Preloaded with NODE_OPTIONS=--import=<this file>: records the URL of every module the process loads,
// one per line, in the file MODULE_RECORD_FILE names (through a loader hook, off the main thread).
import { register } from "node:module"

if (process.env.MODULE_RECORD_FILE) {
  register("./hooks.mjs", import.meta.url, { data: { file: process.env.MODULE_RECORD_FILE } })
}
