/**
 * A test-only entry: the real tool catalogue on the embedded demo fake, served over Streamable
 * HTTP, for the conformance runner until the app has an HTTP flag. Run from source:
 *   PORT=3001 npx vite-node test/support/http-demo-server.ts
 * SIGTERM/SIGINT close it gracefully.
 */
import { Layer, ManagedRuntime } from "effect"
import { serveHttp } from "../../src/adapters/mcp/http.js"
import { StderrLoggerLive } from "../../src/adapters/mcp/stderr-logger.js"
import { catalogue } from "../../src/app/catalogue.js"
import { instructions } from "../../src/app/instructions.js"
import { prompts } from "../../src/app/prompts.js"
import { makeToolHost } from "../../src/app/tool-host.js"
import { packageVersion } from "../../src/app/version.js"
import { fakeToolServices } from "./test-layer.js"

const runtime = ManagedRuntime.make(fakeToolServices().pipe(Layer.provideMerge(StderrLoggerLive)))
const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: packageVersion })
const connection = await serveHttp(host, { port: Number(process.env["PORT"] ?? "3001") })
const stop = (): void => {
  void connection
    .close()
    .then(() => runtime.dispose())
    .then(() => process.exit(0))
}
process.once("SIGTERM", stop)
process.once("SIGINT", stop)
