#!/usr/bin/env node
import module from "node:module"
import { guardStdout } from "../adapters/mcp/stdout-guard.js"

// stdout carries MCP messages only: route any console output to stderr before anything else loads.
guardStdout()

// Node 22.1+ keeps the compiled code of the modules loaded below on disk (in the OS temp folder;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off), so later starts skip compiling them, as tsc's bin does.
// Older Node has no such function.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

const { runMain } = await import("@effect/platform-node/NodeRuntime")
const Exit = await import("effect/Exit")
const Cause = await import("effect/Cause")
const Option = await import("effect/Option")
const { main, StartupError } = await import("./main.js")

/** Exit codes: 0 done (or stopped by a signal), 2 bad flags or settings (a usage error, as CLIs do), 1 otherwise. */
const exitCode = (exit: import("effect/Exit").Exit<unknown, unknown>): number => {
  if (Exit.isSuccess(exit) || Cause.isInterruptedOnly(exit.cause)) return 0
  return Option.exists(Cause.failureOption(exit.cause), (failure) => failure instanceof StartupError) ? 2 : 1
}

// Our own stderr JSON logger only: runMain's pretty logger would print every line twice.
runMain(main(process.argv.slice(2), process.env), {
  disableErrorReporting: true,
  disablePrettyLogger: true,
  teardown: (exit, onExit) => onExit(exitCode(exit))
})
