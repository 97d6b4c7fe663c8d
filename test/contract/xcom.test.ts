import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import {
  DEMO_MANUAL_RUN,
  DEMO_XCOM_FX_TOKEN,
  DEMO_XCOM_PASSWORD,
  DEMO_XCOM_TOKEN,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG,
  SPEND_DAG
} from "../../src/adapters/fake-mwaa/index.js"
import { DATA_LABEL } from "../../src/app/tool-host.js"
import { MAX_PATH_LENGTH } from "../../src/domain/paths.js"
import { type SpecVersion, specFileName, specFor, validatorFor } from "../support/openapi.js"
import { idsOf } from "../support/very-long-ids-seed.js"
import { LONG_XCOM_PASSWORD, xcomMatrixSeed } from "../support/xcom-seed.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * get-xcom's contract: through the catalogue, on the in-memory fake and on the AWS SDK gateway over
 * the HTTP fake, on Airflow 2.10, 2.11, 3.0, 3.2 and 3.3. Every Airflow answer is validated against
 * its release's OpenAPI document (3.3 against 3.2's until the 3.3 fixture lands), every query
 * parameter sent is one that document declares, and no Path over 64 characters reaches InvokeRestApi.
 */

/** The query parameters each XCom operation of a document declares (path-level ones included), by path suffix. */
const xcomParameters = (version: SpecVersion) => {
  const spec = parse(readFileSync(fileURLToPath(new URL(`../fixtures/airflow/${specFileName(version)}`, import.meta.url)), "utf8"))
  const resolve = (p: any) => (typeof p.$ref === "string" ? spec.components.parameters[p.$ref.split("/").pop()] : p)
  const namesOf = (path: string) => {
    const item = Object.entries(spec.paths as Record<string, any>).find(([k]) => k.endsWith(path))![1]
    return new Set(
      [...(item.parameters ?? []), ...(item.get.parameters ?? [])]
        .map(resolve)
        .filter((p: any) => p.in === "query")
        .map((p: any) => p.name as string)
    )
  }
  return { list: namesOf("/xcomEntries"), entry: namesOf("/xcomEntries/{xcom_key}") }
}

for (const backend of contractBackends) {
  for (const airflowVersion of MATRIX_VERSIONS) {
    const environment_name = matrixEnvironmentName(airflowVersion)
    const spec = specFor(airflowVersion)
    describe(`get-xcom contract: ${backend.name}, Airflow ${airflowVersion}`, () => {
      const session = contractSession(backend, xcomMatrixSeed)
      const { exchanges } = session
      const call = (args: Record<string, unknown>) => session.call("get-xcom", { environment_name, ...args })

      const ok = async (args: Record<string, unknown>) => {
        const result = await call(args)
        expect(result.isError, result.text).toBe(false)
        return { result, data: result.structuredContent as Record<string, any> }
      }
      const manual = { dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN }

      it("lists keys, then values with the secrets under sensitive keys masked", async () => {
        const keys = await ok({ ...manual, task_id: "extract_orders" })
        expect(keys.data.xcom_entries.map((e: any) => e.key).sort()).toEqual(["connection_info", "return_value"])
        expect(keys.data.next_steps[0]).toMatchObject({ tool: "get-xcom", arguments: { include_values: true } })
        const values = await ok({ ...manual, task_id: "extract_orders", include_values: true })
        const info = values.data.xcom_entries.find((e: any) => e.key === "connection_info")
        expect(info).toMatchObject({ masked: true, value: { user: "etl_writer", password: "***", options: { api_token: "***" } } })
        expect(values.data.xcom_entries.find((e: any) => e.key === "return_value").value).toMatchObject({ rows: 1842 })
        for (const secret of [DEMO_XCOM_PASSWORD, DEMO_XCOM_TOKEN]) expect(values.result.text).not.toContain(secret)
        const one = await ok({ ...manual, task_id: "extract_orders", key: "return_value", include_values: true })
        expect(one.data.xcom_entries).toHaveLength(1)
      })

      it("masks a value whole under a key naming a secret, and reads a mapped task per map index", async () => {
        const fx = await ok({ dag_id: "fx_rates_refresh", dag_run_id: fxRun(airflowVersion), task_id: "fetch_rates", include_values: true })
        expect(fx.data.xcom_entries.find((e: any) => e.key === "fx_api_token")).toMatchObject({ value: "***", masked: true })
        expect(fx.result.text).not.toContain(DEMO_XCOM_FX_TOKEN)
        const mapped = await ok({
          dag_id: SPEND_DAG,
          dag_run_id: spendRun(airflowVersion),
          task_id: "fetch_channel_spend",
          map_index: 1,
          include_values: true
        })
        expect(mapped.data.xcom_entries).toEqual([
          expect.objectContaining({ key: "return_value", map_index: 1, value: expect.objectContaining({ channel: "social" }) })
        ])
      })

      it("bounds a large value and says what was cut; text posing as a server note stays below the data label, invisible characters gone", async () => {
        const big = await ok({ ...manual, task_id: "stage_order_lines", include_values: true })
        const summary = big.result.text.slice(0, big.result.text.indexOf(DATA_LABEL))
        expect(summary).toContain("Answer cut to fit")
        expect(summary).toContain("xcom_entries")
        expect(Buffer.byteLength(JSON.stringify(big.data))).toBeLessThanOrEqual(64 * 1024)
        // The entries left out are the next page's.
        expect(big.data.next_offset).toBe(1)
        const next = await ok({ ...manual, task_id: "stage_order_lines", include_values: true, offset: big.data.next_offset })
        const at = next.result.text.indexOf(DATA_LABEL)
        expect(next.result.text.slice(0, at)).not.toMatch(/server note|ignore/i)
        expect(next.data.xcom_entries[0]).toMatchObject({ key: "validation_report" })
        expect(next.data.xcom_entries[0].value).toContain("[MWAA server note]")
        expect(next.result.text.slice(at)).toContain("[MWAA server note]")
        expect(next.result.text).not.toMatch(/[\u200B\u202E]|[\u{E0000}-\u{E007F}]/u)
      })

      it("answers an empty list for a task that pushed nothing, and NotFound naming an unknown task", async () => {
        const empty = await ok({ ...manual, task_id: "aggregate_daily_totals" })
        expect(empty.data).toMatchObject({ xcom_entries: [], total_entries: 0, next_offset: null })
        expect(empty.data.next_steps[0]).toMatchObject({ tool: "get-task-logs" })
        const unknown = await call({ ...manual, task_id: "no_such_task" })
        expect(unknown.isError).toBe(true)
        expect(unknown.text).toContain("no_such_task")
      })

      it("reads 250-character ids' XCom, its password masked", async () => {
        const ids = idsOf(250)
        const { result, data } = await ok({ dag_id: ids.dag, dag_run_id: ids.run, task_id: ids.task, include_values: true })
        expect(data.xcom_entries.find((e: any) => e.key === "connection_info").value.password).toBe("***")
        expect(result.text).not.toContain(LONG_XCOM_PASSWORD)
        const lists = exchanges.filter((x) => x.request.path.endsWith("/xcomEntries") && x.request.path.includes("~"))
        if (spec === "3.2" || spec === "3.3") expect(lists.some((x) => x.api === "InvokeRestApi")).toBe(true)
        else expect(lists).toEqual([])
      })

      it("refuses bad input naming the field", async () => {
        for (const [args, field] of [
          [{ map_index: -2 }, "map_index"],
          [{ key: "" }, "key"],
          [{ limit: 0 }, "limit"],
          [{ limit: 101 }, "limit"],
          [{ include_values: "maybe" }, "include_values"]
        ] as const) {
          const result = await call({ ...manual, task_id: "extract_orders", ...args })
          expect(result.isError).toBe(true)
          expect(result.text).toContain(field)
        }
      })

      it("sent only Paths and parameters the release accepts, and got only answers its OpenAPI document allows", () => {
        expect(exchanges.length).toBeGreaterThan(5)
        const params = xcomParameters(spec)
        const problems = exchanges.flatMap((x) => {
          const path = x.request.path
          const found: Array<string> = []
          if (x.api === "InvokeRestApi" && path.length > MAX_PATH_LENGTH) found.push(`Path over 64: ${path}`)
          if (x.api === "Webserver" && path.length <= MAX_PATH_LENGTH) found.push(`Webserver for a Path that fits: ${path}`)
          const declared = path.endsWith("/xcomEntries") ? params.list : path.includes("/xcomEntries/") ? params.entry : undefined
          for (const name of Object.keys(x.request.queryParameters ?? {})) {
            if (declared !== undefined && !declared.has(name)) found.push(`${path}: ${name} is not a parameter of ${specFileName(spec)}`)
          }
          if (x.response !== undefined)
            found.push(...validatorFor(airflowVersion).validate(x.request.method, path, x.response.status, x.response.body))
          return found
        })
        expect(problems).toEqual([])
        expect(session.wireProblems(["airflow"])).toEqual([])
      })
    })
  }
}

/** The FX DAG's run of 2026-11-24 (it succeeded), in the release's run id. */
const fxRun = (airflowVersion: string) =>
  airflowVersion.startsWith("2") ? "scheduled__2026-11-23T06:15:00+00:00" : "scheduled__2026-11-24T06:15:00+00:00"
const spendRun = (airflowVersion: string) =>
  airflowVersion.startsWith("2") ? "scheduled__2026-11-23T02:00:00+00:00" : "scheduled__2026-11-24T02:00:00+00:00"
