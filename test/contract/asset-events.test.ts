import { describe, expect, it } from "vitest"
import {
  ASSET_EVENT_NOTE,
  ASSET_EVENT_SECRET,
  FX_DAG,
  FX_RATES_ASSET,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG
} from "../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../src/domain/paths.js"
import { assetEventsSeed, LONG_ASSET_URI, LONG_CONSUMER, withLongAssetIds } from "../support/asset-events-seed.js"
import { validatorFor } from "../support/openapi.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * list-asset-events through the catalogue, on every Airflow release of the matrix, on the in-memory
 * fake and on the AWS SDK gateway over the HTTP fake: the data-aware DAG (a 250-character id) waits
 * on its orders input (a uri of hundreds of characters); every Airflow answer, errors included,
 * validates against its release's OpenAPI document and no InvokeRestApi Path passes 64.
 */

for (const backend of contractBackends) {
  describe(`list-asset-events: ${backend.name}`, () => {
    const session = contractSession(backend, assetEventsSeed)
    const { exchanges } = session
    const call = (args: Record<string, unknown>) => session.call("list-asset-events", args)

    const ok = async (args: Record<string, unknown>) => {
      const result = await call(args)
      expect(result.isError, result.text).toBe(false)
      expect(result.text).not.toContain(ASSET_EVENT_SECRET)
      return { text: result.text, out: result.structuredContent as Record<string, any> }
    }

    for (const version of MATRIX_VERSIONS) {
      const environment_name = matrixEnvironmentName(version)
      const term = version.startsWith("2") ? "dataset" : "asset"

      it(`${version}: the 250-character DAG waits on its long-uri orders input; its FX input is queued`, async () => {
        const { text, out } = await ok({ environment_name, dag_id: LONG_CONSUMER })
        expect(out.term).toBe(term)
        expect(out.consumer.waiting_on).toEqual([LONG_ASSET_URI])
        expect(out.consumer.inputs.map((i: any) => [i.uri, i.since_last_run, i.queued])).toEqual([
          [LONG_ASSET_URI, false, false],
          [FX_RATES_ASSET, true, true]
        ])
        expect(out.consumer.last_run).not.toBeNull()
        expect(out.consumer.schedule_condition).toContain(version.startsWith("2") ? FX_RATES_ASSET : "fx_rates")
        // The summary counts; the uris are the environment's text and stay in the data (summary-text.ts).
        const summary = text.split("\n")[0]
        expect(summary).toContain(`is scheduled on 2 ${term}(s)`)
        expect(summary).toContain("waiting on 1 of the 2 shown")
        expect(summary).not.toContain(LONG_ASSET_URI)
        expect(out.next_steps.map((s: any) => s.tool)).toContain("list-dag-runs")
        expect(out.next_steps.find((s: any) => s.tool === "list-dag-runs").arguments.dag_id).toBe(ORDERS_DAG)
        // A DAG on a cron schedule: no inputs; Airflow 2 and 3.0 answer its queued events with a 404, 3.2 with none.
        const plain = await ok({ environment_name, dag_id: FX_DAG })
        expect(plain.out.consumer.inputs).toEqual([])
        expect(plain.out.consumer.queued_events).toEqual([])
        expect(plain.text.split("\n")[0]).toBe(`DAG ${FX_DAG} is not scheduled on any ${term}.`)
      })

      it(`${version}: an asset's events by its long uri, and the FX events with their secret masked`, async () => {
        const orders = await ok({ environment_name, asset: LONG_ASSET_URI, limit: 2 })
        expect(orders.out.asset.uri).toBe(LONG_ASSET_URI)
        expect(orders.out.events).toHaveLength(2)
        expect(orders.out.next_offset).toBe(2)
        expect(orders.out.events[0].source_dag_id).toBe(ORDERS_DAG)
        expect(JSON.stringify(orders.out.events[0].extra)).toContain(withLongAssetIds(ASSET_EVENT_NOTE))
        // The note is the environment's data: below the label, never in the summary.
        expect(orders.text.split("\n")[0]).not.toContain("SERVER NOTE")
        const fx = await ok({ environment_name, asset: FX_RATES_ASSET, since: "2026-11-23T00:00:00Z" })
        expect(fx.out.events.length).toBe(2)
        expect(fx.out.events[0].extra_masked).toBe(true)
        expect(fx.out.events[0].source_dag_id).toBe(FX_DAG)
      })
    }

    it("refuses bad input naming the field", async () => {
      const env = { environment_name: matrixEnvironmentName("3.2.1") }
      const neither = await call(env)
      expect(neither.isError).toBe(true)
      expect(neither.text).toMatch(/asset/)
      const both = await call({ ...env, asset: FX_RATES_ASSET, dag_id: FX_DAG })
      expect(both.isError).toBe(true)
      expect(both.text).toMatch(/dag_id/)
      const limit = await call({ ...env, asset: FX_RATES_ASSET, limit: 1000 })
      expect(limit.isError).toBe(true)
      expect(limit.text).toMatch(/limit must be an integer from 1 to 100/)
      for (const bad of ["yesterday", 0, "2026-11-24T00:00:00", 100_000]) {
        const since = await call({ ...env, asset: FX_RATES_ASSET, since: bad })
        expect(since.isError, String(bad)).toBe(true)
        expect(since.text).toMatch(/since must be an ISO 8601 date-time with a zone .* or a number of hours back/)
      }
      // Hours back, as a number or its text (the window's events depend on today's date: only acceptance is checked).
      expect((await call({ ...env, asset: FX_RATES_ASSET, since: 48 })).isError).toBe(false)
      expect((await call({ ...env, asset: FX_RATES_ASSET, since: "48" })).isError).toBe(false)
    })

    it("sent only Paths MWAA accepts, and got only answers each release's OpenAPI document allows", () => {
      expect(exchanges.some((x) => x.api === "Webserver")).toBe(true)
      const problems = exchanges.flatMap((x) => {
        if (x.api === "InvokeRestApi" && x.request.path.length > MAX_PATH_LENGTH) return [`Path over 64: ${x.request.path}`]
        const version = MATRIX_VERSIONS.find((v) => matrixEnvironmentName(v) === x.request.environmentName) ?? "2.10.3"
        const validator = validatorFor(version)
        const status = x.response?.status ?? x.errorStatus
        if (status === undefined) return []
        return validator.validate(x.request.method, x.request.path, status, x.response?.body ?? x.errorBody).map((p) => `${version}: ${p}`)
      })
      expect(problems).toEqual([])
      expect(session.wireProblems(["airflow", "webserver"])).toEqual([])
    })
  })
}
