import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/** What the loopback server saw of one request. */
export interface SeenRequest {
  readonly method: string | undefined
  readonly url: string | undefined
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

/** An answer: status, headers, JSON body. */
export interface Answer {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body: unknown
}

/**
 * A tiny HTTP server on 127.0.0.1 that records each request and answers from `respond`: the client's
 * real Node HTTP handler, signer and protocol run end to end, with no AWS behind them.
 */
export const startLoopback = async (respond: (request: SeenRequest) => Answer) => {
  const seen: Array<SeenRequest> = []
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = ""
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")))
    req.on("end", () => {
      const request = { method: req.method, url: req.url, headers: req.headers, body }
      seen.push(request)
      const answer = respond(request)
      res.writeHead(answer.status, { "content-type": "application/x-amz-json-1.0", ...answer.headers })
      res.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const close = async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  return { seen, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close }
}
