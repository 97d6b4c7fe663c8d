#!/usr/bin/env node
import { guardStdout } from "../adapters/mcp/stdout-guard.js"

// stdout carries MCP messages only: route any console output to stderr before anything else loads.
guardStdout()

const { runMain } = await import("@effect/platform-node/NodeRuntime")
const { main } = await import("./main.js")
// Our own stderr JSON logger only: runMain's pretty logger would print every line twice.
runMain(main(process.argv.slice(2), process.env), { disableErrorReporting: true, disablePrettyLogger: true })
