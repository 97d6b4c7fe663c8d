import type { IncomingMessage, Server, ServerResponse } from "node:http"
import type { Socket } from "node:net"

/** Graceful shutdown for a node:http server: stop accepting, finish what is running, then close. */
export interface Drain {
  /** Counts a request against its connection until its response closes. */
  readonly track: (req: IncomingMessage, res: ServerResponse) => void
  /** True once `close` was called: new requests should be refused (503). */
  readonly isDraining: () => boolean
  /** Resolves when every connection is closed; cuts those still busy after `timeoutMs`. */
  readonly close: () => Promise<void>
}

/**
 * Tracks requests per connection. Node's own closeIdleConnections does not count a
 * connection that has not sent its first request as idle (fetch may open one ahead), so
 * http.close() alone would wait for it until the client's keep-alive timeout.
 */
export const makeDrain = (http: Server, timeoutMs: number, onTimeout: (inFlight: number) => void): Drain => {
  const active = new Map<Socket, number>()
  let draining = false
  let closing: Promise<void> | undefined

  http.on("connection", (socket: Socket) => {
    active.set(socket, 0)
    socket.once("close", () => active.delete(socket))
  })

  const track = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket
    active.set(socket, (active.get(socket) ?? 0) + 1)
    res.once("close", () => {
      const left = (active.get(socket) ?? 1) - 1
      active.set(socket, left)
      // The response has been handed to the OS; ending sends it, then FIN.
      if (draining && left === 0) socket.end()
    })
  }

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      draining = true
      const timer = setTimeout(() => {
        onTimeout([...active.values()].reduce((sum, count) => sum + count, 0))
        // Destroying the sockets closes their responses, which aborts the calls behind them.
        for (const socket of active.keys()) socket.destroy()
      }, timeoutMs)
      timer.unref()
      http.close(() => {
        clearTimeout(timer)
        resolve()
      })
      for (const [socket, count] of active) if (count === 0) socket.end()
    })
    return closing
  }

  return { track, isDraining: () => draining, close }
}
