import { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, createServer, request } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A loopback HTTP proxy in front of the HTTP fake MWAA, for answers the fake cannot give: it
 * passes every request and answer through unchanged, except the next answer a test arms with
 * `rewriteNext`, whose body it replaces (e.g. with 50 MB of JSON). Point AWS_ENDPOINT_URL at
 * `url`; the fake's faults, request log and state keep working behind it. A connection the fake
 * resets is reset here too.
 */

/** The operations the proxy recognises: InvokeRestApi (POST /restapi/{Name}) and CloudWatch GetLogEvents. */
export type ProxiedOperation = "InvokeRestApi" | "GetLogEvents"

export interface RewriteRule {
  readonly operation: ProxiedOperation
  /** For InvokeRestApi: only a call whose Path matches. */
  readonly path?: RegExp | undefined
  /** The new body, from the fake's real one (only successful answers are rewritten). */
  readonly rewrite: (body: Buffer) => Buffer | string
}

export interface RewritingProxy {
  readonly url: string
  /** Rewrites the next matching successful answer; rules are consumed in the order they were added. */
  readonly rewriteNext: (rule: RewriteRule) => void
  /** Rules not consumed yet. */
  readonly pending: () => number
  /** Bytes of every rewritten body sent so far. */
  readonly rewrittenBytes: () => ReadonlyArray<number>
  readonly close: () => Promise<void>
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade"])

const endToEnd = (headers: IncomingHttpHeaders): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)))

const readAll = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    stream.on("end", () => resolve(Buffer.concat(chunks)))
    stream.on("error", reject)
  })

const operationOf = (req: IncomingMessage, body: Buffer): { operation?: ProxiedOperation; path?: string } => {
  const target = req.headers["x-amz-target"]
  if (typeof target === "string" && target.endsWith(".GetLogEvents")) return { operation: "GetLogEvents" }
  if (req.method === "POST" && (req.url ?? "").startsWith("/restapi/")) {
    try {
      const input = JSON.parse(body.toString("utf8")) as { Path?: unknown }
      return { operation: "InvokeRestApi", ...(typeof input.Path === "string" ? { path: input.Path } : {}) }
    } catch {
      return { operation: "InvokeRestApi" }
    }
  }
  return {}
}

export const startRewritingProxy = async (targetUrl: string): Promise<RewritingProxy> => {
  const target = new URL(targetUrl)
  const rules: Array<RewriteRule> = []
  const rewritten: Array<number> = []

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req)
      const { operation, path } = operationOf(req, body)
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...endToEnd(req.headers), "content-length": String(body.length) }
        },
        (answer) => {
          void readAll(answer)
            .then((payload) => {
              const status = answer.statusCode ?? 502
              const index =
                status === 200
                  ? rules.findIndex((r) => r.operation === operation && (r.path === undefined || (path !== undefined && r.path.test(path))))
                  : -1
              const rule = index >= 0 ? rules.splice(index, 1)[0] : undefined
              const out = rule === undefined ? payload : Buffer.from(rule.rewrite(payload))
              if (rule !== undefined) rewritten.push(out.length)
              res.writeHead(status, { ...endToEnd(answer.headers), "content-length": String(out.length) })
              res.end(out)
            })
            .catch(() => req.socket.destroy())
        }
      )
      // The fake reset the connection (or is gone): the client must see a reset too, not an answer.
      upstream.on("error", () => req.socket.destroy())
      upstream.end(body)
    })().catch(() => req.socket.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    rewriteNext: (rule) => void rules.push(rule),
    pending: () => rules.length,
    rewrittenBytes: () => rewritten.slice(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
