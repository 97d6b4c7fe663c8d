import { afterAll, afterEach, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, demoSeed, type FakeSeed } from "../../../src/adapters/fake-mwaa/index.js"
import type { CompletionRequest } from "../../../src/ports/ToolHost.js"
import { makeSecurityHarness } from "../../support/security-harness.js"

/**
 * completion/complete as the tool host answers it: environment names from the region, DAG ids
 * from an environment, prefix-filtered, at most 100, remembered briefly, and never an error.
 */

/** The demo plus 150 DAGs whose ids start with "bulk_" in the Airflow 3 environment. */
const manyDagsSeed = (): FakeSeed => {
  const demo = demoSeed()
  return {
    ...demo,
    environments: demo.environments.map((env) =>
      env.name !== DEMO_ENVIRONMENT_3
        ? env
        : {
            ...env,
            dags: [
              ...(env.dags ?? []),
              ...Array.from({ length: 150 }, (_, i) => ({
                dagId: `bulk_${String(i).padStart(3, "0")}`,
                schedule: null,
                owners: ["bulk"],
                tasks: [{ taskId: "t", operator: "EmptyOperator" }]
              }))
            ]
          }
    )
  }
}

const harness = makeSecurityHarness(manyDagsSeed())
afterAll(() => harness.dispose())
afterEach(() => harness.clearCalls())

const complete = (argument: string, value: string, otherArguments: Record<string, string> = {}, prompt = "triage-failed-dag-run") => {
  const request: CompletionRequest = { prompt, argument, value, otherArguments }
  return harness.host.complete!(request, new AbortController().signal)
}

const airflowCalls = async () => (await harness.calls()).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")

describe("completing prompt arguments", () => {
  it("offers the region's environments that start with what is typed", async () => {
    expect(await complete("environment_name", "")).toEqual({ values: [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3].sort(), hasMore: false })
    expect(await complete("environment_name", "demo-airflow-3")).toEqual({ values: [DEMO_ENVIRONMENT_3], hasMore: false })
    expect(await complete("environment_name", "DEMO-AIRFLOW-2")).toEqual({ values: [DEMO_ENVIRONMENT_2], hasMore: false })
    expect(await complete("environment_name", "prod")).toEqual({ values: [], hasMore: false })
    // The health check prompt takes environment_name too.
    expect((await complete("environment_name", "demo", {}, "environment-health-check")).values).toHaveLength(2)
  })

  it("offers the DAGs of the environment the other arguments name, at most 100 and saying there are more", async () => {
    const bulk = await complete("dag_id", "bulk_", { environment_name: DEMO_ENVIRONMENT_3 })
    expect(bulk.values).toHaveLength(100)
    expect(bulk.values.every((id) => id.startsWith("bulk_"))).toBe(true)
    expect(bulk.hasMore).toBe(true)
    const narrowed = await complete("dag_id", "bulk_14", { environment_name: DEMO_ENVIRONMENT_3 })
    expect(narrowed).toEqual({ values: Array.from({ length: 10 }, (_, i) => `bulk_14${i}`), hasMore: false })
    // Airflow 2's environment has none of them.
    expect(await complete("dag_id", "bulk_", { environment_name: DEMO_ENVIRONMENT_2 })).toEqual({ values: [], hasMore: false })
  })

  it("remembers a lookup briefly: typing the same again asks Airflow nothing", async () => {
    await complete("dag_id", "bulk_0", { environment_name: DEMO_ENVIRONMENT_3 })
    const first = (await airflowCalls()).length
    expect(first).toBeGreaterThan(0)
    await complete("dag_id", "bulk_0", { environment_name: DEMO_ENVIRONMENT_3 })
    expect((await airflowCalls()).length).toBe(first)
  })

  it("answers nothing, and asks Airflow nothing, for what no id could start with", async () => {
    for (const typed of ["bulk%", "a b", "x".repeat(251), "../dags", "bulk_\u202e"]) {
      expect(await complete("dag_id", typed, { environment_name: DEMO_ENVIRONMENT_3 })).toEqual({ values: [], hasMore: false })
    }
    expect(await complete("environment_name", "bad name")).toEqual({ values: [], hasMore: false })
    expect(await airflowCalls()).toEqual([])
  })

  it("answers nothing for an unknown prompt, an argument the prompt lacks, or arguments with no candidates", async () => {
    expect(await complete("environment_name", "", {}, "no-such-prompt")).toEqual({ values: [], hasMore: false })
    expect(await complete("dag_id", "", {}, "environment-health-check")).toEqual({ values: [], hasMore: false })
    expect(await complete("dag_run_id", "manual")).toEqual({ values: [], hasMore: false })
  })

  it("answers nothing rather than an error when the environment cannot be found or chosen", async () => {
    expect(await complete("dag_id", "bulk", { environment_name: "no-such-env" })).toEqual({ values: [], hasMore: false })
    // Two environments and no default: no environment to look in, so no values (not an error).
    expect(await complete("dag_id", "bulk")).toEqual({ values: [], hasMore: false })
  })
})
