import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  DEMO_FAILED_TASK,
  type FakeSeed,
  FX_DAG,
  matrixEnvironmentName,
  ORDERS_DAG,
  versionMatrixSeed
} from "../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import { type HttpFake, invokeRestApi, startHttpFake, webFetch, webLogin } from "../../support/http-fake/index.js"
import { loadSpecValidator, type SpecVersion } from "../../support/openapi.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { idsOf, withLongIds } from "../../support/very-long-ids-seed.js"
import { callTool } from "./stdio-helpers.js"

/**
 * Issue 16's tries and versions as a user meets them: the built bin (`npm run build` first) in AWS
 * mode over the HTTP fake, on the matrix's Airflow 2.11, 3.0, 3.2 and 3.3 environments.
 * diagnose-dag-run says once that three tries failed the same way, and on Airflow 3 that the
 * orders DAG's version changed since its last success, naming both; get-task-instance shows the
 * tries of a task whose ids are 250 characters (the webserver route carries the path). The tries
 * and DAG versions in the Airflow answers the tools read are fetched again and checked against that
 * version's OpenAPI document.
 */

const VERSIONS = ["2.11.2", "3.0.6", "3.2.1", "3.3.1"] as const
const ids = idsOf(250)
/** The document each release is checked against (3.3's REST API is 3.2's plus additions: checked as 3.2). */
const specOf = (version: string): SpecVersion => (version.startsWith("2") ? 2 : version.startsWith("3.0") ? 3 : "3.2")

const seed = (): FakeSeed => {
  const matrix = versionMatrixSeed()
  return {
    ...matrix,
    environments: matrix.environments
      .filter((env) => (VERSIONS as ReadonlyArray<string>).includes(env.airflowVersion))
      .map((env) => withLongIds(env, 250))
  }
}

let fake: HttpFake
let session: StdioSession
beforeAll(async () => {
  fake = await startHttpFake({ seed: seed() })
  session = await connectStdio([], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

const ok = async (name: string, args: Record<string, unknown>) => {
  const answer = await callTool(session, name, args)
  expect(answer.isError, `${name} failed: ${answer.text.slice(0, 600)}`).toBe(false)
  return answer
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe.each(VERSIONS)("tries and versions over stdio on Airflow %s", (version) => {
  const environment_name = matrixEnvironmentName(version)
  const major = version.startsWith("3") ? 3 : 2

  it("three tries failing with the same exception: said once, the error shown once", async () => {
    const { summary, text, structured } = await ok("diagnose-dag-run", { environment_name, dag_id: FX_DAG })
    const task = structured.failed_tasks[0]
    expect(task.tries).toEqual({ count: 3, compared: [1, 2, 3], same_error: true, differing: null })
    expect(summary).toContain("Its 3 tries ended with the same error.")
    expect(occurrences(text, task.error.exception)).toBe(occurrences(JSON.stringify(task.error), task.error.exception))
  })

  it("the orders DAG: on Airflow 3 its version changed since the last success, both named; on Airflow 2 no versions", async () => {
    const { summary, structured } = await ok("diagnose-dag-run", { environment_name, dag_id: ORDERS_DAG })
    expect(structured.failed_tasks[0].task_id).toBe(DEMO_FAILED_TASK)
    if (major === 2) {
      expect(structured.dag_versions).toBeNull()
      expect(structured.dag_versions_note).toMatch(/Airflow 2 records no DAG versions/)
      return
    }
    expect(structured.dag_versions).toMatchObject({
      changed: true,
      run: [{ version_number: 2, bundle_name: "dags-folder", created_at: "2026-11-22T16:47:03.214551Z" }],
      last_success: {
        dag_run_id: "scheduled__2026-11-22T00:00:00+00:00",
        versions: [{ version_number: 1, bundle_name: "dags-folder", created_at: "2026-10-14T08:12:44.518230Z" }]
      }
    })
    expect(summary).toContain("The DAG's version changed since its last successful run: version 1 then, 2 in this run")
    const dag = await ok("get-dag", { environment_name, dag_id: ORDERS_DAG })
    expect(dag.structured.current_version).toMatchObject({ version_number: 2 })
  })

  it("get-task-instance shows the tries of a task whose ids are 250 characters, through the webserver", async () => {
    fake.clearRequests()
    const { structured } = await ok("get-task-instance", { environment_name, dag_id: ids.dag, dag_run_id: ids.run, task_id: ids.task })
    expect(structured).toMatchObject({ task_id: ids.task, state: "failed", tries_note: null })
    expect(structured.tries.map((t: { try_number: number; state: string }) => [t.try_number, t.state])).toEqual([[1, "failed"]])
    const tries = fake.requests().filter((r) => r.path.endsWith("/tries"))
    expect(tries.map((r) => r.operation)).toEqual(["AirflowWebserver"])
    for (const r of fake.requests().filter((r) => r.operation === "InvokeRestApi"))
      expect(r.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
  })

  it("the tries and DAG versions read above are as the version's OpenAPI document describes them", async () => {
    // The GETs the tools sent, asked again of the same fake and checked (the fake's state did not change).
    await ok("diagnose-dag-run", { environment_name, dag_id: ORDERS_DAG })
    const spec = loadSpecValidator(specOf(version))
    const credential = await webLogin(fake.url, environment_name, major)
    const gets = fake
      .requests()
      .filter((r) => r.method === "GET" && (r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver"))
    expect(gets.some((r) => r.path.endsWith("/tries"))).toBe(true)
    const problems: Array<string> = []
    for (const path of new Set(gets.map((r) => r.path))) {
      const response =
        path.length <= MAX_PATH_LENGTH
          ? ((await (await invokeRestApi(fake.url, environment_name, { Path: path, Method: "GET" })).json()) as {
              RestApiStatusCode: number
              RestApiResponse: unknown
            })
          : await webFetch(fake.url, credential, "GET", path).then(async (r) => ({
              RestApiStatusCode: r.status,
              RestApiResponse: await r.json()
            }))
      const found = spec.validate("GET", path, response.RestApiStatusCode, response.RestApiResponse)
      // This branch checks what it added: the tries whole, elsewhere the DAG versions (the rest of
      // 3.2's shapes is the version matrix's part of issue 16).
      problems.push(...(path.endsWith("/tries") ? found : found.filter((p) => p.includes("dag_version"))))
    }
    expect(problems).toEqual([])
  })
})
