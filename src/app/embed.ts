import type { BackendPorts } from "../ports/BackendPorts.js"
import type { McpServerFactory } from "@modelcontextprotocol/server"
import { Context, Effect, Layer, type Scope } from "effect"
import { McpServer } from "../adapters/mcp/McpServer.js"
import { type McpServerOptions, mcpServerFactory } from "../adapters/mcp/server.js"
import type { ToolHost } from "../ports/ToolHost.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Telemetry } from "../ports/Telemetry.js"
import { toolServicesOn } from "./layers.js"
import { mwaaToolHost } from "./server-host.js"

/**
 * The server for other Effect programs. Unlike the bin, which builds its runtime on the first
 * tools/call to start fast, these build it at once in the caller's scope: a layer that fails
 * fails here, typed, and the runtime keeps the caller's logger, tracer and log level.
 */

/** The ToolHost (for serveHttp, or a transport of your own) on a layer providing the backend's ports (BackendPorts: Environments, AirflowApi, TaskLogs, DagFiles) and AppConfig. */
export const makeMwaaToolHost = <E, R>(
  ports: Layer.Layer<BackendPorts | AppConfig, E, R>,
  options: EmbedOptions = {}
): Effect.Effect<ToolHost, E, R | Scope.Scope> =>
  Effect.gen(function* () {
    // With traceCalls, the AWS adapter's calls get their spans too (children of the tool's).
    const services = toolServicesOn(ports)
    const runtime = yield* Layer.toRuntime(
      options.traceCalls === true ? Layer.merge(services, Layer.succeed(Telemetry, { traces: true, metrics: false })) : services
    )
    return mwaaToolHost({ runtime: () => Promise.resolve(runtime) }, Context.get(runtime.context, AppConfig).allowWrite, {
      traceCalls: options.traceCalls === true
    })
  })

export interface EmbedOptions {
  /**
   * One span per tool call, named `tool <name>`, and one per AWS call under it, for a program that
   * installs a tracer (default off).
   */
  readonly traceCalls?: boolean
}

/**
 * The MCP server, as a factory of the SDK's Servers (not yet connected), on a layer providing
 * the backend's ports and AppConfig: serve it on any transport (connectMcpServer, StdioTransport, the SDK's
 * createMcpHandler for HTTP). Closing the scope releases the layer.
 */
export const makeMwaaMcpServer = <E, R>(
  ports: Layer.Layer<BackendPorts | AppConfig, E, R>,
  options: McpServerOptions & EmbedOptions = {}
): Effect.Effect<McpServerFactory, E, R | Scope.Scope> =>
  Effect.map(makeMwaaToolHost(ports, options), (host) => mcpServerFactory(host, options))

/** The McpServer as a layer, on the ports found in context: compose it with a gateway, a config and a transport. */
export const MwaaMcpServerLive: Layer.Layer<McpServer, never, BackendPorts | AppConfig> = Layer.scoped(
  McpServer,
  makeMwaaMcpServer(Layer.context<BackendPorts | AppConfig>())
)
