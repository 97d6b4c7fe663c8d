import { PassThrough } from "node:stream"
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js"
import { describe, expect, it, vi } from "vitest"
import { serveStdio } from "../../../../src/adapters/mcp/stdio.js"
import { makeFakeHost } from "../../../support/fake-host.js"

/** A server on in-process pipes, and a reader for the newline-delimited messages it writes. */
const start = async () => {
  const stdin = new PassThrough()
  const stdout = new PassThrough()
  const lines: Array<unknown> = []
  let buffer = ""
  stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString()
    let newline = buffer.indexOf("\n")
    while (newline >= 0) {
      lines.push(JSON.parse(buffer.slice(0, newline)))
      buffer = buffer.slice(newline + 1)
      newline = buffer.indexOf("\n")
    }
  })
  const onClose = vi.fn()
  const connection = await serveStdio(makeFakeHost(), { stdin, stdout, onClose })
  const send = (message: object) => stdin.write(`${JSON.stringify(message)}\n`)
  return { stdin, stdout, lines, onClose, connection, send }
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw", version: "0" } }
}

describe("serveStdio", () => {
  it("answers newline-delimited JSON-RPC on its stdout", async () => {
    const { lines, send, connection } = await start()
    send(initialize)
    await vi.waitFor(() => expect(lines).toHaveLength(1))
    expect(lines[0]).toMatchObject({
      jsonrpc: "2.0",
      id: 1,
      result: { serverInfo: { name: "fake-mwaa-mcp" }, instructions: expect.stringContaining("Read before you write") }
    })
    await connection.close()
  })

  it("closes and calls onClose once when stdin ends", async () => {
    const { stdin, onClose, connection } = await start()
    stdin.end()
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1))
    await connection.close()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it("closes when asked", async () => {
    const { onClose, connection } = await start()
    await connection.close()
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it("closes when stdout breaks instead of crashing", async () => {
    const { stdout, onClose } = await start()
    stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1))
  })
})
