import { PassThrough } from "node:stream"
import { describe, expect, it } from "@effect/vitest"
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js"
import { Deferred, Effect, Fiber, FiberId, Layer } from "effect"
import { packageEntries } from "../../support/package-entries.js"

/**
 * The server assembled from layers only, as an Effect program would: the stdio transport on the
 * McpServer layer on the fake MWAA and a config. The program runs until the client goes away
 * (stdin ends). Streams are in-process pipes standing in for the process's stdin and stdout.
 */

const { AppConfig, McpConnection, MwaaMcpServerLive } = await packageEntries.root()
const { StdioTransport } = await packageEntries.mcp()
const { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, demoSeed, FakeMwaa } = await packageEntries.fake()

/** The newline-delimited JSON-RPC messages a stream carries, each id's answer awaitable. */
const answersOn = (stdout: PassThrough) => {
  const answers = new Map<unknown, Deferred.Deferred<any>>()
  const answer = (id: unknown) => {
    if (!answers.has(id)) answers.set(id, Deferred.unsafeMake<any>(FiberId.none))
    return answers.get(id)!
  }
  let buffer = ""
  stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8")
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const message = JSON.parse(buffer.slice(0, newline))
      buffer = buffer.slice(newline + 1)
      Deferred.unsafeDone(answer(message.id), Effect.succeed(message))
    }
  })
  return (id: unknown) => Deferred.await(answer(id))
}

describe("StdioTransport.layer on MwaaMcpServerLive", () => {
  it.live("serves tools/call on stdio and ends when stdin ends", () =>
    Effect.gen(function* () {
      const stdin = new PassThrough()
      const stdout = new PassThrough()
      const answerTo = answersOn(stdout)
      const send = (message: object) => Effect.sync(() => stdin.write(`${JSON.stringify(message)}\n`))

      const ServerLive = StdioTransport.layer({ stdin, stdout }).pipe(
        Layer.provide(MwaaMcpServerLive),
        Layer.provide(Layer.merge(FakeMwaa.layer(demoSeed()), AppConfig.make()))
      )
      const program = Effect.flatMap(McpConnection, (connection) => connection.closed).pipe(Effect.provide(ServerLive))
      const running = yield* Effect.fork(program)

      yield* send({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "layers", version: "0" } }
      })
      expect((yield* answerTo(1)).result.serverInfo.name).toBe("mwaa-mcp-server")
      yield* send({ jsonrpc: "2.0", method: "notifications/initialized" })
      yield* send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list-environments", arguments: {} } })
      const listed = yield* answerTo(2)
      expect(listed.result.isError).toBe(false)
      expect(listed.result.structuredContent.environments).toEqual([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3])

      // The client goes away: the connection closes, the program ends and releases its layers.
      stdin.end()
      yield* Fiber.join(running).pipe(Effect.timeout("5 seconds"))
    })
  )
})
