import { describe, expect, it } from "vitest"
import fc from "fast-check"
import type { WorkflowRunSummary, WorkflowSummary } from "../../../src/ports/Workflows.js"
import {
  fitWorkflows,
  MAX_CHECKED_WORKFLOWS,
  workflowHealthOf,
  workflowsToCheck,
  worstWorkflowsFirst
} from "../../../src/domain/workflow-health.js"

const arnOf = (region: string, name: string) => `arn:aws:airflow-serverless:${region}:111111111111:workflow/${name}-Ab3Cd4Ef5G`
const workflow = (name: string, region = "us-east-1"): WorkflowSummary => ({
  arn: arnOf(region, name),
  name,
  version: null,
  description: null,
  status: "READY",
  trigger_mode: null,
  created_at: null,
  modified_at: null
})
const run = (status: string): WorkflowRunSummary => ({
  workflow_arn: "x",
  run_id: `run-${status}`,
  version: null,
  run_type: "SCHEDULED",
  status,
  created_at: null,
  started_at: "2026-11-25T02:00:00Z",
  ended_at: null
})

describe("workflowHealthOf", () => {
  it("flags a workflow whose latest run failed, timed out or was stopped, in Airflow's state names", () => {
    for (const status of ["FAILED", "TIMEOUT", "STOPPED"]) {
      const entry = workflowHealthOf(workflow("w"), { run: run(status) })
      expect(entry).toMatchObject({ kind: "serverless-workflow", flagged: true, region: "us-east-1", account: "111111111111" })
      expect(entry.latest_run).toMatchObject({ state: "failed", status })
    }
    expect(workflowHealthOf(workflow("w"), { run: run("RUNNING") })).toMatchObject({ flagged: false, latest_run: { state: "running" } })
    expect(workflowHealthOf(workflow("w"), { run: undefined })).toMatchObject({ flagged: false, latest_run: null, error: null })
    expect(workflowHealthOf(workflow("w"), { error: "AccessDenied: no" })).toMatchObject({ flagged: false, error: "AccessDenied: no" })
  })

  it("ranks failed first, then unreadable, then running, then the rest", () => {
    const entries = [
      workflowHealthOf(workflow("ok"), { run: run("SUCCESS") }),
      workflowHealthOf(workflow("going"), { run: run("RUNNING") }),
      workflowHealthOf(workflow("denied"), { error: "AccessDenied" }),
      workflowHealthOf(workflow("broken"), { run: run("FAILED") })
    ]
    expect(worstWorkflowsFirst(entries).map((e) => e.name)).toEqual(["broken", "denied", "going", "ok"])
  })
})

describe("workflowsToCheck", () => {
  it("takes workflows in turn from each reach up to the bound, and counts the rest", () => {
    const east = Array.from({ length: 80 }, (_, i) => workflow(`e${String(i).padStart(2, "0")}`))
    const west = [workflow("w1", "eu-west-1"), workflow("w2", "eu-west-1")]
    const { chosen, unchecked } = workflowsToCheck([east, west])
    expect(chosen).toHaveLength(MAX_CHECKED_WORKFLOWS)
    expect(unchecked).toBe(82 - MAX_CHECKED_WORKFLOWS)
    expect(chosen.slice(0, 4).map((w) => w.name)).toEqual(["e00", "w1", "e01", "w2"])
  })

  it("checks a workflow two reaches both list once", () => {
    expect(workflowsToCheck([[workflow("a"), workflow("b")], [workflow("a")]])).toEqual({
      chosen: [workflow("a"), workflow("b")],
      unchecked: 0
    })
  })

  it("checks them all when there are few", () => {
    expect(workflowsToCheck([[workflow("a")], []])).toEqual({ chosen: [workflow("a")], unchecked: 0 })
  })
})

describe("fitWorkflows", () => {
  it("fits the bound, worst first, counting what it leaves out", () => {
    const status = fc.constantFrom("FAILED", "SUCCESS", "RUNNING", "QUEUED")
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/), status), { maxLength: 60 }),
        fc.integer({ min: 0, max: 8000 }),
        (rows, max) => {
          const entries = rows.map(([name, s]) => workflowHealthOf(workflow(name), { run: run(s) }))
          const fitted = fitWorkflows(entries, max)
          expect(Buffer.byteLength(JSON.stringify(fitted.entries), "utf8")).toBeLessThanOrEqual(Math.max(max, 2))
          expect(fitted.entries.length + fitted.omitted).toBe(entries.length)
          expect(fitted.entries).toEqual(worstWorkflowsFirst(entries).slice(0, fitted.entries.length))
        }
      )
    )
  })
})
