#!/usr/bin/env node
import { guardStdout } from "../adapters/mcp/stdout-guard.js"

// stdout carries MCP messages only: route any console output to stderr before anything else loads.
guardStdout()

const { runMain } = await import("@effect/platform-node/NodeRuntime")
const { main } = await import("./main.js")
runMain(main(process.argv.slice(2), process.env), { disableErrorReporting: true })
