import { fileURLToPath } from "node:url"

/** Paths the scenarios spawn. This file is bundled into node_modules/.cache/, so they come from the repository root. */
export const repoRoot = process.env["MWAA_MCP_BENCH_ROOT"] ?? fileURLToPath(new URL("../../../", import.meta.url))
/** The bundled bin, as it ships. */
export const bundledBin = `${repoRoot}dist/bin/mwaa-mcp-server.mjs`
/** The tsc output's bin: the same program, unbundled (for comparison only). */
export const tscBin = `${repoRoot}dist/src/app/bin.js`
/** A bare SDK v2 (@modelcontextprotocol/server) stdio server with one tool, echo. */
export const bareServer = `${repoRoot}bench/bare-server.mjs`

/** The Node that runs the servers: this one, or --node=PATH (e.g. a Node 22 binary). */
export const serverNode = process.env["MWAA_MCP_BENCH_NODE"] ?? process.execPath

/** Dummy credentials for default mode: nothing here ever reaches AWS (loopback endpoints, or no AWS call at all). */
export const dummyAws = {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDBENCHMARK0000000",
  AWS_SECRET_ACCESS_KEY: "bench-secret-not-real"
} as const
