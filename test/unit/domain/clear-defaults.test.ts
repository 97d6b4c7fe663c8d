import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { clearTaskInstancesRequest } from "../../../src/domain/clear-defaults.js"

const flag = fc.option(fc.boolean(), { nil: undefined })
const input = fc.record(
  {
    dag_id: fc.string({ minLength: 1 }),
    dag_run_id: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    task_ids: fc.option(fc.array(fc.string({ minLength: 1 })), { nil: undefined }),
    dry_run: flag,
    only_failed: flag,
    include_upstream: flag,
    include_downstream: flag,
    only_running: flag,
    reset_dag_runs: flag
  },
  { requiredKeys: ["dag_id"] }
)

describe("clearTaskInstancesRequest", () => {
  it("is a dry run of failed tasks when nothing is said", () => {
    expect(clearTaskInstancesRequest({ dag_id: "etl" })).toEqual({
      dag_id: "etl",
      dry_run: true,
      only_failed: true,
      include_upstream: false,
      include_downstream: false,
      only_running: false,
      reset_dag_runs: true
    })
  })

  it("keeps the ids it was given", () => {
    const request = clearTaskInstancesRequest({ dag_id: "etl", dag_run_id: "manual__1", task_ids: ["load"], dry_run: false })
    expect(request).toMatchObject({ dag_run_id: "manual__1", task_ids: ["load"], dry_run: false, only_failed: true })
  })

  it("leaves dry run and failed-only only on an explicit false", () => {
    fc.assert(
      fc.property(input, (i) => {
        const request = clearTaskInstancesRequest(i)
        expect(request.dry_run).toBe(i.dry_run !== false)
        expect(request.only_failed).toBe(i.only_failed !== false)
      })
    )
  })

  it("resolves every flag to a boolean and omits absent ids", () => {
    fc.assert(
      fc.property(input, (i) => {
        const request = clearTaskInstancesRequest(i)
        for (const key of ["dry_run", "only_failed", "include_upstream", "include_downstream", "only_running", "reset_dag_runs"] as const) {
          expect(typeof request[key]).toBe("boolean")
        }
        expect("dag_run_id" in request).toBe(i.dag_run_id !== undefined)
        expect("task_ids" in request).toBe(i.task_ids !== undefined)
        expect(Object.values(request)).not.toContain(undefined)
      })
    )
  })
})
