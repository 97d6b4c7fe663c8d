import { Console } from "node:console"

/**
 * The console methods that write to stdout. Over stdio, stdout carries only MCP messages:
 * one stray `console.log` from us or a dependency would corrupt the client's stream.
 * (`error` and `trace` already write to stderr.)
 */
const stdoutMethods = [
  "log",
  "info",
  "debug",
  "warn",
  "dir",
  "dirxml",
  "table",
  "group",
  "groupCollapsed",
  "groupEnd",
  "count",
  "countReset",
  "timeLog",
  "timeEnd"
] as const

let restoreGuard: (() => void) | undefined

/**
 * Sends every console method that would print to stdout to stderr instead. Idempotent;
 * returns a function that puts the original methods back (for tests).
 */
export const guardStdout = (stderr: NodeJS.WritableStream = process.stderr): (() => void) => {
  if (restoreGuard !== undefined) return restoreGuard
  // One Console for all the methods, so group indentation and counters stay consistent.
  const toStderr = new Console({ stdout: stderr, stderr })
  const originals = stdoutMethods.map((name) => [name, console[name]] as const)
  for (const name of stdoutMethods) {
    // Cast: each method is assigned its own counterpart, which TypeScript cannot see through the loop.
    ;(console as unknown as Record<string, unknown>)[name] = toStderr[name].bind(toStderr)
  }
  restoreGuard = () => {
    for (const [name, original] of originals) {
      ;(console as unknown as Record<string, unknown>)[name] = original
    }
    restoreGuard = undefined
  }
  return restoreGuard
}
