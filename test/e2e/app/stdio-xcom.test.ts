import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_MANUAL_RUN,
  DEMO_XCOM_PASSWORD,
  DEMO_XCOM_TOKEN,
  ORDERS_DAG
} from "../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { idsOf } from "../../support/very-long-ids-seed.js"
import {
  LONG_XCOM_PASSWORD,
  XCOM_ENVIRONMENT_30,
  XCOM_ENVIRONMENT_32,
  XCOM_PATTERN_ENVIRONMENTS,
  xcomLongIdsSeed
} from "../../support/xcom-seed.js"
import { callTool } from "./stdio-helpers.js"

/**
 * get-xcom as a user meets it: the built bin (`npm run build` first) with the real AWS SDK gateway,
 * pointed at the loopback HTTP fake, on Airflow 2.10, 3.0 and 3.2. A task's XCom comes back with the
 * secrets under sensitive keys masked and no secret anywhere in the text, for the demo's ids and for
 * DAG, run and task ids of 250 characters: through the webserver route on 2.x and 3.0, and on 3.2
 * through InvokeRestApi's `~` list with pattern filters, its path within 64 characters.
 */

const ids = idsOf(250)
let fake: HttpFake
let session: StdioSession

beforeAll(async () => {
  fake = await startHttpFake({ seed: xcomLongIdsSeed(250) })
  session = await connectStdio(["--log-level", "debug"], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

const SECRETS = [DEMO_XCOM_PASSWORD, DEMO_XCOM_TOKEN, LONG_XCOM_PASSWORD]

describe.each([DEMO_ENVIRONMENT_2, XCOM_ENVIRONMENT_30, XCOM_ENVIRONMENT_32, DEMO_ENVIRONMENT_3])(
  "get-xcom over stdio, AWS gateway, HTTP fake on %s",
  (environment_name) => {
    it("returns a task's XCom, secrets under sensitive keys masked, none anywhere in the text", async () => {
      const answer = await callTool(session, "get-xcom", {
        environment_name,
        dag_id: ORDERS_DAG,
        dag_run_id: DEMO_MANUAL_RUN,
        task_id: "extract_orders",
        include_values: true
      })
      expect(answer.isError, answer.text).toBe(false)
      expect(answer.summary).toMatch(/^2 of 2 XCom entries of extract_orders with values, 1 masked/)
      const info = answer.structured.xcom_entries.find((e: any) => e.key === "connection_info")
      expect(info.value).toMatchObject({ password: "***", options: { api_token: "***" }, user: "etl_writer" })
      for (const secret of SECRETS) expect(answer.text).not.toContain(secret)
    })

    it("reads the XCom of 250-character ids, no Path over 64 through InvokeRestApi", async () => {
      fake.clearRequests()
      const answer = await callTool(session, "get-xcom", {
        environment_name,
        dag_id: ids.dag,
        dag_run_id: ids.run,
        task_id: ids.task,
        include_values: true
      })
      expect(answer.isError, answer.text).toBe(false)
      expect(answer.structured.xcom_entries.map((e: any) => e.key).sort()).toEqual(["connection_info", "return_value"])
      expect(answer.structured.xcom_entries.find((e: any) => e.key === "connection_info").value.password).toBe("***")
      for (const secret of SECRETS) expect(answer.text).not.toContain(secret)
      const airflow = fake.requests().filter((r) => r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver")
      for (const r of airflow) {
        if (r.operation === "InvokeRestApi") expect(r.path.length, r.path).toBeLessThanOrEqual(MAX_PATH_LENGTH)
        else expect(r.path.length, r.path).toBeGreaterThan(MAX_PATH_LENGTH)
      }
      const lists = airflow.filter((r) => r.path.endsWith("/xcomEntries"))
      expect(lists.length).toBeGreaterThan(0)
      if (XCOM_PATTERN_ENVIRONMENTS.includes(environment_name)) {
        // 3.1+: the `~` list with pattern filters serves it exactly, over InvokeRestApi.
        expect(lists.every((r) => r.operation === "InvokeRestApi" && r.path === "/dags/~/dagRuns/~/taskInstances/~/xcomEntries")).toBe(true)
      } else {
        expect(lists.every((r) => r.operation === "AirflowWebserver")).toBe(true)
      }
      // The values have no short form: each entry's own path, through the webserver.
      expect(airflow.filter((r) => r.path.includes("/xcomEntries/")).every((r) => r.operation === "AirflowWebserver")).toBe(true)
    })

    it("names the field of bad input", async () => {
      const base = { environment_name, dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN, task_id: "extract_orders" }
      for (const [args, field] of [
        [{ map_index: -5 }, "map_index"],
        [{ key: "" }, "key"],
        [{ limit: 1000 }, "limit"]
      ] as const) {
        const answer = await callTool(session, "get-xcom", { ...base, ...args })
        expect(answer.isError).toBe(true)
        expect(answer.text).toContain(field)
      }
    })
  }
)

describe("the server's own log", () => {
  it("holds no XCom secret, debug level included", () => {
    for (const secret of SECRETS) expect(session.stderr()).not.toContain(secret)
  })
})
