/**
 * A test-only entry: the fake two-tool host served over Streamable HTTP, for the conformance
 * runner (scripts/conformance.mjs) before the app has an HTTP flag. Run from source:
 *   PORT=3001 npx vite-node test/support/http-fake-server.ts
 * MWAA_MCP_HTTP_TOKEN, when set, is required as a bearer token. SIGTERM/SIGINT close it gracefully.
 */
import { serveHttp } from "../../src/adapters/mcp/http.js"
import { makeFakeHost } from "./fake-host.js"

const port = Number(process.env["PORT"] ?? "3001")
const token = process.env["MWAA_MCP_HTTP_TOKEN"]
const connection = await serveHttp(makeFakeHost(), { port, token: token === "" ? undefined : token })
const stop = (): void => {
  void connection.close().then(() => process.exit(0))
}
process.once("SIGTERM", stop)
process.once("SIGINT", stop)
