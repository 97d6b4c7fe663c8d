/**
 * `mwaa-mcp-server/adapters/mcp`: the MCP side. StdioTransport (an effect or a layer), the
 * stateless Streamable HTTP server (serveHttp, on a ToolHost), the Promise-level stdio functions,
 * the confirmation codec replicas share (makeConfirmationCodec, for McpServerOptions.confirmations),
 * and the stderr logger a stdio server needs (stdout carries the protocol alone). Needs the
 * optional peers @modelcontextprotocol/server and (for HTTP) @modelcontextprotocol/node; serveHttp's
 * `oauth` option (an OAuth 2.1 resource server) loads the optional peer jose when it is set.
 */
export { type ConfirmationCodec, makeConfirmationCodec } from "../adapters/mcp/confirmation.js"
export {
  DEFAULT_HTTP_HOST,
  DEFAULT_HTTP_PORT,
  type HttpConnection,
  type HttpLog,
  MCP_PATH,
  serveHttp,
  type ServeHttpOptions
} from "../adapters/mcp/http.js"
export { connectMcpServer, McpConnection, type McpConnectionShape, McpServer, McpTransportError } from "../adapters/mcp/McpServer.js"
export { createMcpServer, type McpServerOptions, mcpServerFactory } from "../adapters/mcp/server.js"
export { stderrLogger, StderrLoggerLive } from "../adapters/mcp/stderr-logger.js"
export { StdioTransport } from "../adapters/mcp/stdio-layer.js"
export { connectStdio, type ConnectStdioOptions, serveStdio, type ServeStdioOptions, type StdioConnection } from "../adapters/mcp/stdio.js"
export { guardStdout } from "../adapters/mcp/stdout-guard.js"
