import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { toNodeHandler } from "@modelcontextprotocol/node"
import { createMcpHandler } from "@modelcontextprotocol/server"
import { batchTooLarge, DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./http-body.js"
import { makeDrain } from "./http-drain.js"
import { answerProbe, type ReadinessCheck } from "./http-probes.js"
import { writeStderrLine } from "./stderr-line.js"
import { loopbackAllowList, makeBearerCheck, makeHostCheck, makeOriginCheck } from "./http-guard.js"
import { type McpServerOptions, mcpServerFactory } from "./server.js"
import type { OAuthGate } from "./oauth/gate.js"
import type { OAuthOptions } from "./oauth/options.js"
import type { ToolHost } from "../../ports/ToolHost.js"

/** The one path that speaks MCP. */
export const MCP_PATH = "/mcp"
export const DEFAULT_HTTP_HOST = "127.0.0.1"
export const DEFAULT_HTTP_PORT = 3000
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000

export type HttpLog = (level: "INFO" | "WARN" | "ERROR", message: string, fields?: Readonly<Record<string, unknown>>) => void

export interface ServeHttpOptions extends McpServerOptions {
  /** Address to bind; default 127.0.0.1. Binding elsewhere needs `allowedHosts` for the names clients use. */
  readonly host?: string
  /** Port to bind; default 3000; 0 picks a free one (see the returned `port`). */
  readonly port?: number
  /** When set, every request needs `Authorization: Bearer <token>`. */
  readonly token?: string | undefined
  /**
   * When set, the server is an OAuth 2.1 resource server: every request needs an access token of the
   * issuer for this resource, with the read scope (and the write scope to call a write tool), and the
   * Protected Resource Metadata is served. Not together with `token`.
   */
  readonly oauth?: OAuthOptions | undefined
  /** Extra Host values accepted besides localhost/127.0.0.1/[::1] on the bound port ("name" any port, "name:port" that one). */
  readonly allowedHosts?: ReadonlyArray<string>
  /** Extra Origin values accepted besides http://localhost|127.0.0.1|[::1] on the bound port. */
  readonly allowedOrigins?: ReadonlyArray<string>
  /** Largest request body; default 4 MiB. */
  readonly maxBodyBytes?: number
  /** How long `close()` lets in-flight requests run before cutting them; default 10 s. */
  readonly shutdownTimeoutMs?: number
  /** Where the adapter's own lines go; default JSON lines on stderr, never stdout. */
  readonly log?: HttpLog
  /** What /readyz answers (credentials and a target usable); without it, ready whenever not draining. */
  readonly readiness?: ReadinessCheck | undefined
  /**
   * Accept any Host header: for a server only reachable through a platform's own proxy (AgentCore
   * Runtime), whose Host names are not known ahead. DNS rebinding needs a browser that can reach the
   * server, which such a server has not.
   */
  readonly allowAnyHost?: boolean | undefined
}

export interface HttpConnection {
  /** The address actually bound, and the MCP endpoint's URL on it. */
  readonly host: string
  readonly port: number
  readonly url: string
  /** Stops accepting, lets in-flight requests finish (up to shutdownTimeoutMs), then resolves. */
  readonly close: () => Promise<void>
}

const logToStderr: HttpLog = (level, message, fields) => writeStderrLine(level, message, fields)

/** An HTTP error with a JSON-RPC error body, as the SDK answers its own refusals. */
const sendError = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
  code = -32000
): void => {
  if (res.headersSent) {
    res.end()
    return
  }
  res.writeHead(status, { "Content-Type": "application/json", ...headers })
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }))
}

const listen = (server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve(server.address() as AddressInfo)
    })
  })

const isWildcard = (address: string): boolean => address === "0.0.0.0" || address === "::"
const isLoopback = (address: string): boolean => address === "::1" || address.startsWith("127.")

/**
 * Serves the host's tools over MCP Streamable HTTP at /mcp, statelessly, in both eras: the SDK's
 * handler answers a 2026-07-28 request (its protocol version and client in `_meta`) and a 2025
 * one (the handshake and each request after it) from a fresh server per request, so replicas need
 * no sticky sessions. In front of it, the project's guards: draining, Host and Origin allow-lists,
 * the path, the bearer token, the body size and the batch size. With `oauth`, the Protected Resource
 * Metadata (no token needed) comes before the path, the access token (401, or 503 while the issuer's
 * keys cannot be had) in place of the bearer token, and the scopes the parsed body needs (403) after
 * the batch size; the caller then reaches the tools as `ctx.http.authInfo`. Cancellation is the
 * client closing the request.
 */
export const serveHttp = async (host: ToolHost, options: ServeHttpOptions = {}): Promise<HttpConnection> => {
  const log = options.log ?? logToStderr
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const mcp = createMcpHandler(mcpServerFactory(host, options), {
    legacy: "stateless",
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => log("WARN", "MCP HTTP request refused or failed", { cause: error.message })
  })
  const serveMcp = toNodeHandler(mcp, {
    maxRequestBodySize: maxBodyBytes,
    onerror: (error) => log("ERROR", "MCP HTTP request failed", { cause: error.message })
  })
  // Bad settings fail here, before a port is taken.
  if (options.token !== undefined && options.oauth !== undefined) {
    throw new RangeError("The HTTP transport takes a static bearer token or OAuth, not both")
  }
  const checkBearer = options.token === undefined ? undefined : makeBearerCheck(options.token)
  // Imported only when asked for: jose (an optional peer) is for OAuth alone.
  const gate: OAuthGate | undefined =
    options.oauth === undefined
      ? undefined
      : (await import("./oauth/gate.js")).makeOAuthGate(options.oauth, host.tools, host.serverName, MCP_PATH)
  const extraHost = makeHostCheck(options.allowedHosts ?? [])
  const extraOrigin = makeOriginCheck(options.allowedOrigins ?? [])
  // The loopback lists need the bound port (port 0 picks one): set once listening.
  let checkHost: (value: string | undefined) => boolean = () => false
  let checkOrigin: (value: string | undefined) => boolean = () => false

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "").split("?", 1)[0] ?? ""
    if (await answerProbe(path, req.method, res, { draining: drain.isDraining(), readiness: options.readiness })) return
    if (drain.isDraining()) return sendError(res, 503, "Service Unavailable: the server is shutting down", { Connection: "close" })
    if (options.allowAnyHost !== true && !checkHost(req.headers.host))
      return sendError(res, 403, `Forbidden: Host header ${JSON.stringify(req.headers.host ?? "")} is not allowed`)
    if (!checkOrigin(req.headers.origin))
      return sendError(res, 403, `Forbidden: Origin ${JSON.stringify(req.headers.origin)} is not allowed`)
    if (gate?.metadataPaths.has(path)) return serveMetadata(gate, req, res)
    if (path !== MCP_PATH) return sendError(res, 404, `Not Found: the MCP endpoint is ${MCP_PATH}`)
    const who = gate === undefined ? undefined : await authenticate(gate, req, res)
    if (who === null) return
    if (checkBearer !== undefined) {
      const verdict = checkBearer(req.headers.authorization)
      if (verdict !== "ok") {
        const challenge = verdict === "missing" ? `Bearer realm="mcp"` : `Bearer realm="mcp", error="invalid_token"`
        return sendError(res, 401, "Unauthorized: a valid bearer token is required", { "WWW-Authenticate": challenge })
      }
    }
    // Other methods (GET, DELETE: 2025 session operations) are the SDK's to answer: 405, stateless.
    if (req.method !== "POST") {
      if (gate !== undefined && who !== undefined && !authorize(gate, who, undefined, req, res)) return
      return serveMcp(req, res)
    }
    const body = await readJsonBody(req, maxBodyBytes)
    if (body._tag === "TooLarge")
      return sendError(res, 413, `Payload Too Large: the body must not exceed ${maxBodyBytes} bytes`, { Connection: "close" })
    if (body._tag === "Invalid") return sendError(res, 400, "Parse error: Invalid JSON", {}, -32700)
    const tooMany = batchTooLarge(body.value)
    if (tooMany !== undefined) return sendError(res, 400, tooMany, {}, -32600)
    if (gate !== undefined && who !== undefined && !authorize(gate, who, body.value, req, res)) return
    await serveMcp(req, res, body.value)
  }

  /** The caller, or null once refused (401, or 503 when the issuer's keys cannot be had): logged once, never the token. */
  const authenticate = async (gate: OAuthGate, req: IncomingMessage, res: ServerResponse) => {
    const outcome = await gate.authenticate(req.headers.authorization)
    if (outcome._tag === "Authenticated") return outcome
    log(outcome.tokenGiven ? "WARN" : "INFO", `MCP HTTP request refused (${outcome.status})`, { reason: outcome.reason })
    sendError(res, outcome.status, outcome.message, outcome.headers)
    return null
  }

  /** Whether the token's scopes cover the request; if not, a 403 insufficient_scope (logged once). Sets `req.auth` for the SDK. */
  const authorize = (
    gate: OAuthGate,
    who: Parameters<OAuthGate["authorize"]>[0],
    body: unknown,
    req: IncomingMessage & { auth?: unknown },
    res: ServerResponse
  ): boolean => {
    const decision = gate.authorize(who, body)
    if (decision._tag === "Forbidden") {
      log("WARN", "MCP HTTP request refused (403): insufficient scope", {
        sub: who.caller.subject,
        missing: decision.missing,
        ...(decision.tools.length === 0 ? {} : { tools: decision.tools })
      })
      sendError(res, 403, decision.message, decision.headers)
      return false
    }
    req.auth = decision.authInfo
    return true
  }

  /** The Protected Resource Metadata: GET only, no token needed, JSON. */
  const serveMetadata = (gate: OAuthGate, req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendError(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" })
      return
    }
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "max-age=300" })
    res.end(req.method === "HEAD" ? undefined : JSON.stringify(gate.metadata))
  }

  const http = createServer((req, res) => {
    drain.track(req, res)
    handle(req, res).catch((error: unknown) => {
      log("ERROR", "MCP HTTP request failed", { cause: error instanceof Error ? error.message : String(error) })
      sendError(res, 500, "Internal server error", {}, -32603)
    })
  })
  const drain = makeDrain(http, options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS, (inFlight) => {
    log("WARN", "MCP HTTP shutdown timed out: closing the remaining connections", { inFlight })
  })

  const address = await listen(http, options.port ?? DEFAULT_HTTP_PORT, options.host ?? DEFAULT_HTTP_HOST)
  const loopback = loopbackAllowList(address.port)
  // A specific bound address is a name clients use too; a wildcard is not a name.
  const urlHost = isWildcard(address.address) ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address
  const bound = isWildcard(address.address) ? [] : [`${urlHost}:${address.port}`]
  const boundHost = makeHostCheck([...loopback.hosts, ...bound])
  const boundOrigin = makeOriginCheck([...loopback.origins, ...bound.map((hostPort) => `http://${hostPort}`)])
  checkHost = (value) => boundHost(value) || extraHost(value)
  // Origin is optional: the loopback check lets a missing one through, the extra list must not override a refusal.
  checkOrigin = (value) => boundOrigin(value) || (value !== undefined && extraOrigin(value))

  const url = `http://${urlHost}:${address.port}${MCP_PATH}`
  if (!isLoopback(address.address) && checkBearer === undefined && gate === undefined) {
    log("WARN", "MCP HTTP endpoint reachable beyond this machine without a bearer token", { address: address.address, port: address.port })
  }
  log("INFO", "MCP Streamable HTTP listening", { url })
  const close = async (): Promise<void> => {
    await drain.close()
    await mcp.close()
  }
  return { host: address.address, port: address.port, url, close }
}
