import { describe, expect, it } from "@effect/vitest"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js"
import { Context, Effect, HashMap, Layer, Logger, Option } from "effect"
import { packageEntries } from "../../support/package-entries.js"

/**
 * What an Effect user does with the package: build the MCP server on a layer providing the
 * ports (here the in-memory fake MWAA and a config), connect it to a transport of their own (the
 * SDK's in-memory pair), and talk to it with the SDK's Client. Everything is imported through the
 * package's published entry points, i.e. its "exports" map and the built files.
 */

const { AppConfig, connectMcpServer, makeMwaaMcpServer } = await packageEntries.root()
const { catalogue } = await packageEntries.catalogue()
const { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, demoSeed, FakeMwaa } = await packageEntries.fake()

type CallResult = Awaited<ReturnType<Client["callTool"]>>
const textOf = (result: CallResult): string =>
  (result.content as ReadonlyArray<{ readonly type: string; readonly text?: string }>).map((c) => c.text ?? "").join("\n")

/**
 * The fake built once in the test's scope, so the test can read the fake's own state beside
 * what the server answers; the server gets it as part of its ports layer.
 */
const embedded = (config: Partial<import("../../../src/lib/ports.js").AppConfigShape>) =>
  Effect.gen(function* () {
    const fake = yield* Layer.build(FakeMwaa.layer(demoSeed()))
    const server = yield* makeMwaaMcpServer(Layer.merge(Layer.succeedContext(fake), AppConfig.make(config)))
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
    yield* connectMcpServer(server, serverSide)
    const client = new Client({ name: "embedding-program", version: "1.0.0" })
    yield* Effect.acquireRelease(
      Effect.promise(() => client.connect(clientSide)),
      () => Effect.promise(() => client.close())
    )
    const call = (name: string, args: Record<string, unknown>) => Effect.promise(() => client.callTool({ name, arguments: args }))
    return { client, call, inspector: Context.get(fake, FakeMwaa) }
  })

/** A logger of the embedding program that keeps the server's audit lines (one per write attempt). */
const auditCollector = () => {
  const audits: Array<Record<string, unknown>> = []
  const logger = Logger.make(({ annotations }) => {
    const fields = Object.fromEntries(HashMap.toEntries(annotations))
    if (fields["audit"] === true) audits.push({ tool: fields["tool"], outcome: fields["outcome"] })
  })
  return { audits, layer: Logger.replace(Logger.defaultLogger, logger) }
}

describe("makeMwaaMcpServer, embedded in an Effect program on the in-memory fake", () => {
  it.scopedLive("lists the catalogue and answers read tools with the fake's data", () =>
    Effect.gen(function* () {
      const { client, call, inspector } = yield* embedded({ defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3) })
      expect(client.getServerVersion()?.name).toBe("mwaa-mcp-server")

      const { tools } = yield* Effect.promise(() => client.listTools())
      expect(tools.map((t) => t.name)).toEqual(catalogue.map((t) => t.name))
      expect(tools.find((t) => t.name === "pause-dag")?.annotations).toMatchObject({ readOnlyHint: false })

      const environments = yield* call("list-environments", {})
      expect(environments.isError, textOf(environments)).toBe(false)
      expect(environments.structuredContent).toMatchObject({ environments: [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3] })

      // No environment named: the config's default (MWAA_ENVIRONMENT's counterpart) is used.
      const dags = yield* call("list-dags", {})
      expect(dags.isError, textOf(dags)).toBe(false)
      const stored = (yield* inspector.state).environments.find((e) => e.name === DEMO_ENVIRONMENT_3)!.dags
      const listed = (dags.structuredContent as { dags: ReadonlyArray<{ dag_id: string; is_paused: boolean }> }).dags
      expect(listed.map((d) => [d.dag_id, d.is_paused])).toEqual(
        [...stored].sort((a, b) => a.dagId.localeCompare(b.dagId)).map((d) => [d.dagId, d.isPaused])
      )
      const rest = (yield* inspector.calls).filter((c) => c.api === "InvokeRestApi")
      expect(rest).toContainEqual(expect.objectContaining({ environmentName: DEMO_ENVIRONMENT_3, method: "GET", path: "/dags" }))
    })
  )

  it.scopedLive("refuses write tools without allowWrite, before any call reaches MWAA; the audit line goes to the program's logger", () => {
    const { audits, layer } = auditCollector()
    return Effect.gen(function* () {
      const { call, inspector } = yield* embedded({})
      const active = (yield* inspector.state).environments[0]!.dags.find((d) => !d.isPaused)!
      const answer = yield* call("pause-dag", { environment_name: DEMO_ENVIRONMENT_2, dag_id: active.dagId })
      expect(answer.isError).toBe(true)
      expect(textOf(answer)).toContain("--allow-write")
      expect(yield* inspector.calls).toEqual([])
      const after = yield* inspector.dag(DEMO_ENVIRONMENT_2, active.dagId)
      expect(Option.map(after, (d) => d.isPaused)).toEqual(Option.some(false))
      // The server's runtime was built in this fiber, so it logs through this program's logger.
      expect(audits).toEqual([{ tool: "pause-dag", outcome: "error" }])
    }).pipe(Effect.provide(layer))
  })

  it.scopedLive("runs write tools when the config layer allows them", () => {
    const { audits, layer } = auditCollector()
    return Effect.gen(function* () {
      const { call, inspector } = yield* embedded({ allowWrite: true })
      const active = (yield* inspector.state).environments[0]!.dags.find((d) => !d.isPaused)!
      const answer = yield* call("pause-dag", { environment_name: DEMO_ENVIRONMENT_2, dag_id: active.dagId })
      expect(answer.isError, textOf(answer)).toBe(false)
      expect(answer.structuredContent).toMatchObject({ dag_id: active.dagId, is_paused: true })
      const after = yield* inspector.dag(DEMO_ENVIRONMENT_2, active.dagId)
      expect(Option.map(after, (d) => d.isPaused)).toEqual(Option.some(true))
      expect(audits).toEqual([{ tool: "pause-dag", outcome: "ok" }])
    }).pipe(Effect.provide(layer))
  })
})
