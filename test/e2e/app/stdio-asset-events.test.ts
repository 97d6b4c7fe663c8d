import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  ASSET_EVENT_NOTE,
  ASSET_EVENT_SECRET,
  FX_DAG,
  FX_RATES_ASSET,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG
} from "../../../src/adapters/fake-mwaa/index.js"
import { DATA_LABEL } from "../../../src/app/data-label.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import { assetEventsSeed, LONG_ASSET_URI, LONG_CONSUMER, withLongAssetIds } from "../../support/asset-events-seed.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, type ToolAnswer } from "./stdio-helpers.js"

/**
 * "Why did it not run?" as a user meets it: the built bin (`npm run build` first) in AWS mode,
 * the real AWS SDK gateway pointed at the HTTP fake holding the version matrix (2.10 … 3.3). The
 * data-aware DAG has a 250-character id and its orders input a uri of hundreds of characters; the
 * orders DAG has failed since 2026-11-23, so that input is named as the one it waits on. The
 * secret in an event's extra never shows, in any answer or on stderr; the planted note stays data.
 */
let fake: HttpFake
let session: StdioSession
const answers: Array<ToolAnswer> = []

beforeAll(async () => {
  fake = await startHttpFake({ seed: assetEventsSeed() })
  session = await connectStdio(["--log-level", "debug"], awsModeEnv(fake.url))
  // Listing the tools makes the SDK client check every answer against the advertised output schema.
  await session.client.listTools()
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

const call = async (args: Record<string, unknown>) => {
  const answer = await callTool(session, "list-asset-events", args)
  answers.push(answer)
  return answer
}
const ok = async (args: Record<string, unknown>) => {
  const answer = await call(args)
  expect(answer.isError, answer.text.slice(0, 600)).toBe(false)
  return answer
}

describe.each(MATRIX_VERSIONS.map((v) => [v, matrixEnvironmentName(v)] as const))(
  "list-asset-events over stdio, AWS gateway, HTTP fake on Airflow %s",
  (version, environment_name) => {
    const term = version.startsWith("2") ? "dataset" : "asset"

    it("names the input the 250-character DAG waits on, in the version's word", async () => {
      expect(LONG_CONSUMER).toHaveLength(250)
      expect(LONG_ASSET_URI.length).toBeGreaterThan(400)
      const answer = await ok({ environment_name, dag_id: LONG_CONSUMER })
      expect(answer.summary).toContain(`is scheduled on 2 ${term}(s)`)
      expect(answer.summary).toContain("waiting on 1 of the 2 shown, with no event since (consumer.waiting_on)")
      const c = answer.structured.consumer
      expect(c.waiting_on).toEqual([LONG_ASSET_URI])
      expect(c.inputs.find((i: { uri: string }) => i.uri === FX_RATES_ASSET).since_last_run).toBe(true)
      expect(c.queued_events.map((q: { asset_uri: string }) => q.asset_uri)).toEqual([FX_RATES_ASSET])
      expect(answer.structured.events.map((e: { source_dag_id: string }) => e.source_dag_id).sort()).toEqual([FX_DAG, ORDERS_DAG].sort())
    })

    it("lists an asset's events by its long uri, the note below the data label, the secret masked", async () => {
      const orders = await ok({ environment_name, asset: LONG_ASSET_URI, limit: 3 })
      expect(orders.structured.term).toBe(term)
      expect(orders.structured.events[0].asset_uri).toBe(LONG_ASSET_URI)
      const label = orders.text.indexOf(DATA_LABEL)
      expect(label).toBeGreaterThan(0)
      expect(orders.text.indexOf(withLongAssetIds(ASSET_EVENT_NOTE))).toBeGreaterThan(label)
      const fx = await ok({ environment_name, asset: FX_RATES_ASSET })
      expect(fx.structured.events[0].extra.provider.api_key).toBe("***")
      expect(fx.summary).toContain("masked")
    })

    it("refuses bad input, naming the field", async () => {
      const neither = await call({ environment_name })
      expect(neither.isError).toBe(true)
      expect(neither.text).toMatch(/asset/)
      const both = await call({ environment_name, asset: FX_RATES_ASSET, dag_id: FX_DAG })
      expect(both.isError).toBe(true)
      expect(both.text).toMatch(/dag_id/)
      const limit = await call({ environment_name, asset: FX_RATES_ASSET, limit: 0 })
      expect(limit.isError).toBe(true)
      expect(limit.text).toContain("limit must be an integer from 1 to 100")
    })
  }
)

describe("over every call", () => {
  it("no secret in any answer or on stderr; no InvokeRestApi Path over 64, long ones through the webserver", () => {
    expect(answers.length).toBeGreaterThan(20)
    for (const a of answers) expect(a.text).not.toContain(ASSET_EVENT_SECRET)
    expect(session.stderr()).not.toContain(ASSET_EVENT_SECRET)
    const airflow = fake.requests().filter((r) => r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver")
    for (const r of airflow) if (r.operation === "InvokeRestApi") expect(r.path.length, r.path).toBeLessThanOrEqual(MAX_PATH_LENGTH)
    expect(airflow.some((r) => r.operation === "AirflowWebserver")).toBe(true)
  })
})
