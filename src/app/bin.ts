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
const { main } = await import("./main.js")
// Our own stderr JSON logger only: runMain's pretty logger would print every line twice.
runMain(main(process.argv.slice(2), process.env), { disableErrorReporting: true, disablePrettyLogger: true })
