import { type IncomingHttpHeaders, type OutgoingHttpHeaders, createServer, request } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A plain round-robin HTTP reverse proxy on loopback, as a load balancer in front of replicas
 * without sticky sessions: each request goes to the next upstream in turn, whatever it carries
 * (no session id, cookie or header decides), and both bodies are streamed through as they come
 * (an SSE answer reaches the client event by event). The Host header is passed on unchanged, as a
 * load balancer does, so the upstreams must accept the proxy's host name (`--allowed-hosts`).
 * It counts what each upstream received, so a test can tell the requests really were spread.
 */

export interface ProxiedRequest {
  /** Index into the upstreams. */
  readonly upstream: number
  readonly method: string
  /** The Mcp-Method header (2026-07-28 clients send it), when there is one. */
  readonly mcpMethod: string | undefined
  /** The HTTP status the upstream answered with; 502 when it could not be reached. */
  readonly status: number
}

export interface RoundRobinProxy {
  readonly url: string
  readonly port: number
  /** Sets (or replaces) the upstreams, e.g. once they are started with the proxy's port as an allowed host. */
  readonly setUpstreams: (urls: ReadonlyArray<string>) => void
  /** Requests forwarded to each upstream, by index. */
  readonly counts: () => ReadonlyArray<number>
  /** Every forwarded request, in order. */
  readonly requests: () => ReadonlyArray<ProxiedRequest>
  readonly close: () => Promise<void>
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te", "trailer"])

const endToEnd = (headers: IncomingHttpHeaders): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)))

/** Starts the proxy on 127.0.0.1 (a free port unless `port` is given) in front of `upstreams` (origins or URLs; the request's path is kept). */
export const startRoundRobinProxy = async (upstreams: ReadonlyArray<string> = [], port = 0): Promise<RoundRobinProxy> => {
  let targets = upstreams.map((u) => new URL(u))
  let next = 0
  const log: Array<ProxiedRequest> = []

  const server = createServer((req, res) => {
    if (targets.length === 0) {
      res.writeHead(503, { "Content-Type": "text/plain" }).end("no upstreams")
      return
    }
    const index = next
    next = (next + 1) % targets.length
    const target = targets[index]!
    const mcpMethod = req.headers["mcp-method"]
    const record = (status: number) =>
      log.push({ upstream: index, method: req.method ?? "", mcpMethod: typeof mcpMethod === "string" ? mcpMethod : undefined, status })
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: endToEnd(req.headers) },
      (answer) => {
        record(answer.statusCode ?? 0)
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers))
        answer.pipe(res)
        answer.on("error", () => res.destroy())
      }
    )
    upstream.on("error", () => {
      if (!res.headersSent) {
        record(502)
        res.writeHead(502, { "Content-Type": "text/plain" }).end("upstream unreachable")
      } else res.destroy()
    })
    // The client going away cancels the upstream request too (MCP's cancellation over HTTP).
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.pipe(upstream)
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${bound}/mcp`,
    port: bound,
    setUpstreams: (urls) => {
      targets = urls.map((u) => new URL(u))
      next = 0
    },
    counts: () => targets.map((_, i) => log.filter((r) => r.upstream === i).length),
    requests: () => log.slice(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
