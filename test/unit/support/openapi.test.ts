import { describe, expect, it } from "vitest"
import { loadSpecValidator } from "../../support/openapi.js"

/** The validator itself must reject what the spec forbids, or the contract suite proves nothing. */
describe("OpenAPI response validator", () => {
  it("accepts a valid Airflow 2 DAG collection and rejects a wrong type", () => {
    const v2 = loadSpecValidator(2)
    expect(v2.validate("GET", "/dags", 200, { dags: [], total_entries: 0 })).toEqual([])
    expect(v2.validate("GET", "/dags", 200, { dags: "nope", total_entries: 0 }).length).toBeGreaterThan(0)
  })

  it("matches Airflow 3's batch path through its {dag_id} template and checks nullable fields", () => {
    const v3 = loadSpecValidator(3)
    expect(v3.validate("POST", "/dags/~/dagRuns/list", 200, { dag_runs: [], total_entries: 0 })).toEqual([])
    expect(
      v3.validate("GET", "/importErrors", 200, { import_errors: [{ import_error_id: "x" }], total_entries: 1 }).length
    ).toBeGreaterThan(0)
    expect(() => v3.validate("GET", "/no/such/endpoint", 200, {})).toThrow()
  })
})
