import { fileURLToPath } from "node:url"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { binPath } from "./bin-path.js"

// This file runs from source (test/support/), so the repository root is two levels up.
const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

/** A client connected to the built server over real stdio, plus what the server wrote to stderr. */
export interface StdioSession {
  readonly client: Client
  readonly stderr: () => string
  readonly close: () => Promise<void>
}

/**
 * The child's environment: ours, minus anything that could reach real AWS (credentials,
 * profile, region, a default MWAA environment), plus what the test sets explicitly.
 */
const childEnv = (env: Record<string, string>): Record<string, string> => {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith("AWS_") && entry[0] !== "MWAA_ENVIRONMENT"
  )
  return { ...Object.fromEntries(inherited), ...env }
}

/**
 * A child's environment in AWS mode against a loopback fake (or a proxy in front of one): dummy
 * credentials, and no credentials or config from this machine.
 */
export const awsModeEnv = (endpointUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  AWS_ENDPOINT_URL: endpointUrl,
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDSTDIOTEST",
  AWS_SECRET_ACCESS_KEY: "stdio-test-secret",
  AWS_CONFIG_FILE: "/nonexistent/aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
  AWS_EC2_METADATA_DISABLED: "true",
  ...extra
})

/** Spawns the bundled bin `node dist/bin/mwaa-mcp-server.mjs ...args` (run `npm run build` first) and connects an MCP client. */
export const connectStdio = async (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<StdioSession> => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, ...args],
    env: childEnv(env),
    cwd: repoRoot,
    stderr: "pipe"
  })
  const chunks: Array<string> = []
  // The PassThrough exists before start(), so early start-up errors are kept too.
  transport.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()))
  const client = new Client({ name: "stdio-test-client", version: "0.0.0" })
  try {
    await client.connect(transport)
  } catch (error) {
    await transport.close().catch(() => {})
    throw new Error(`Could not connect to ${binPath}: ${String(error)}\nstderr:\n${chunks.join("")}`)
  }
  return { client, stderr: () => chunks.join(""), close: () => client.close() }
}
