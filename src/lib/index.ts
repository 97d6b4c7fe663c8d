/**
 * `mwaa-mcp-server`: the server for Effect programs. makeMwaaMcpServer builds the MCP Server on
 * a layer providing the ports (the backend's — Environments, AirflowApi, TaskLogs, DagFiles — and AppConfig,
 * re-exported here); connect it to a
 * transport with connectMcpServer or StdioTransport (mwaa-mcp-server/adapters/mcp). The
 * backends are in mwaa-mcp-server/adapters/aws and mwaa-mcp-server/adapters/fake, so this entry
 * never loads the AWS SDK. Needs effect and the optional peer @modelcontextprotocol/server.
 * For several regions and accounts, fleetPorts takes a plan (fleetPlanOf) and the backend of each
 * reach in place of one backend's ports.
 */
export { type EmbedOptions, makeMwaaMcpServer, makeMwaaToolHost, MwaaMcpServerLive } from "../app/embed.js"
export { connectMcpServer, McpConnection, type McpConnectionShape, McpServer, McpTransportError } from "../adapters/mcp/McpServer.js"
export type { McpServerOptions } from "../adapters/mcp/server.js"
export * from "./ports.js"
export { fleetPorts } from "../app/fleet/fleet-ports.js"
export { type FleetPlan, fleetPlanOf } from "../app/fleet/fleet-config.js"
export { Fleet, type Reach, type TargetListing } from "../app/fleet/Fleet.js"
export type { Target } from "../domain/targets.js"
