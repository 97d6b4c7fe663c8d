import { describe, expect, it, vi } from "@effect/vitest"
import { Effect } from "effect"
import { AwsGateway } from "../../../../../src/adapters/aws/index.js"
import {
  DEMO_DB_PASSWORD,
  EVENTS_RUNNING_RUN,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT,
  PAYOUTS_VERSIONS
} from "../../../../../src/adapters/fake-mwaa-serverless/index.js"
import { Workflows, type WorkflowRunSummary } from "../../../../../src/ports/Workflows.js"
import { credentials } from "../stub-handler.js"
import { EVENTS, PAYOUTS, workflowsOverHttpFake } from "./harness.js"

/**
 * The Workflows port's reads on AWS against the HTTP fake: one MWAA Serverless command per call,
 * decoded into the port's snake_case types (timestamps as ISO-8601 in milliseconds), pages chained
 * by the service's NextToken.
 */
const { fake, workflows } = workflowsOverHttpFake()

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describe("Workflows on AWS, reads against the HTTP fake", () => {
  it.effect("list: the account's workflows, their latest version's summary", () =>
    Effect.gen(function* () {
      const page = yield* workflows().list({ max_results: 10 })
      expect(page.next_token).toBeNull()
      expect(page.items.map((w) => w.name).sort()).toEqual(["events-hourly", "payouts-nightly"])
      const payouts = page.items.find((w) => w.arn === PAYOUTS)
      expect(payouts).toMatchObject({ name: "payouts-nightly", status: "READY", trigger_mode: "SCHEDULE" })
      expect(payouts?.created_at).toMatch(ISO_MS)
    })
  )

  it.effect("list pages: one workflow a page, the token of the first reads the second", () =>
    Effect.gen(function* () {
      const first = yield* workflows().list({ max_results: 1 })
      expect(first.items).toHaveLength(1)
      expect(first.next_token).not.toBeNull()
      const second = yield* workflows().list({ max_results: 1, next_token: first.next_token! })
      expect(second.items).toHaveLength(1)
      expect(second.items[0]?.arn).not.toBe(first.items[0]?.arn)
      expect(
        fake()
          .requests()
          .map((r) => r.operation)
      ).toEqual(["AmazonMWAAServerless.ListWorkflows", "AmazonMWAAServerless.ListWorkflows"])
    })
  )

  it.effect("get: the version's configuration, its definition's location and log group, never the YAML", () =>
    Effect.gen(function* () {
      const workflow = yield* workflows().get(PAYOUTS)
      expect(workflow).toMatchObject({
        arn: PAYOUTS,
        name: "payouts-nightly",
        version: PAYOUTS_VERSIONS.latest,
        schedule: "0 2 * * *",
        log_group: "/aws/mwaa-serverless/payouts-nightly",
        definition_location: { bucket: "demo-workflow-definitions", object_key: "payouts/payouts-nightly.yaml", version_id: "v2.demo" }
      })
      expect(workflow.role_arn).toContain("mwaa-serverless-payouts")
      expect(JSON.stringify(workflow)).not.toContain("WorkflowDefinition")
      const old = yield* workflows().get(PAYOUTS, PAYOUTS_VERSIONS.old)
      expect(old).toMatchObject({ version: PAYOUTS_VERSIONS.old, definition_location: { version_id: "v1.demo" } })
    })
  )

  it.effect("listVersions: both versions, the latest flagged", () =>
    Effect.gen(function* () {
      const versions = yield* workflows().listVersions(PAYOUTS, { max_results: 10 })
      expect(versions.items.map((v) => [v.version, v.is_latest]).sort()).toEqual(
        [
          [PAYOUTS_VERSIONS.old, false],
          [PAYOUTS_VERSIONS.latest, true]
        ].sort()
      )
    })
  )

  it.effect("listRuns: 45 runs of payouts-nightly over three pages, newest first, each once", () =>
    Effect.gen(function* () {
      const runs: Array<WorkflowRunSummary> = []
      let token: string | undefined
      let pages = 0
      do {
        const page = yield* workflows().listRuns(PAYOUTS, { max_results: 20, next_token: token })
        runs.push(...page.items)
        token = page.next_token ?? undefined
        pages += 1
      } while (token !== undefined)
      expect(pages).toBe(3)
      expect(runs).toHaveLength(PAYOUTS_RUN_COUNT)
      expect(new Set(runs.map((r) => r.run_id)).size).toBe(PAYOUTS_RUN_COUNT)
      expect(runs[0]).toMatchObject({ workflow_arn: PAYOUTS, run_id: LATEST_PAYOUTS_RUN, status: "FAILED", run_type: "SCHEDULED" })
      expect(runs[0]?.started_at).toMatch(ISO_MS)
      const created = runs.map((r) => r.created_at ?? "")
      expect(created).toEqual([...created].sort().reverse())
    })
  )

  it.effect("listRuns of one version: only its runs", () =>
    Effect.gen(function* () {
      const page = yield* workflows().listRuns(PAYOUTS, { max_results: 100, version: PAYOUTS_VERSIONS.latest })
      expect(page.items).toHaveLength(15)
      expect(page.items.every((r) => r.version === PAYOUTS_VERSIONS.latest)).toBe(true)
    })
  )

  it.effect("getRun: the run's detail, its task instances and error", () =>
    Effect.gen(function* () {
      const run = yield* workflows().getRun(PAYOUTS, LATEST_PAYOUTS_RUN)
      expect(run).toMatchObject({
        workflow_arn: PAYOUTS,
        run_id: LATEST_PAYOUTS_RUN,
        status: "FAILED",
        error_message: "Task load_payouts failed after 2 attempts"
      })
      expect(run.task_instance_ids).toHaveLength(5)
      const running = yield* workflows().getRun(EVENTS, EVENTS_RUNNING_RUN)
      expect(running).toMatchObject({ status: "RUNNING", ended_at: null })
    })
  )

  it.effect("listTasks and getTask: the failed task's attempt, error, log stream and XCom as stored (the domain masks)", () =>
    Effect.gen(function* () {
      const tasks = yield* workflows().listTasks(PAYOUTS, LATEST_PAYOUTS_RUN, { max_results: 50 })
      expect(tasks.items).toHaveLength(5)
      const failed = tasks.items.find((t) => t.status === "FAILED")
      expect(failed).toMatchObject({ workflow_arn: PAYOUTS, run_id: LATEST_PAYOUTS_RUN, operator: "SQLExecuteQueryOperator" })
      const task = yield* workflows().getTask(PAYOUTS, LATEST_PAYOUTS_RUN, failed!.task_instance_id)
      expect(task).toMatchObject({
        task_id: "load_payouts",
        attempt: 2,
        status: "FAILED",
        log_stream: `workflow.payouts-nightly.${LATEST_PAYOUTS_RUN}.load_payouts.attempt-2`
      })
      expect(task.error_message).toContain(DEMO_DB_PASSWORD)
      expect(task.xcom?.["db_password"]).toBe(DEMO_DB_PASSWORD)
    })
  )

  it.effect("every call is one AmazonMWAAServerless.* request signed for airflow-serverless in the client's region", () =>
    Effect.gen(function* () {
      yield* workflows().get(PAYOUTS)
      yield* workflows().getRun(PAYOUTS, LATEST_PAYOUTS_RUN)
      expect(fake().requests()).toEqual([
        expect.objectContaining({
          operation: "AmazonMWAAServerless.GetWorkflow",
          signingService: "airflow-serverless",
          region: "us-east-1",
          httpMethod: "POST",
          httpPath: "/",
          status: 200
        }),
        expect.objectContaining({ operation: "AmazonMWAAServerless.GetWorkflowRun", signingService: "airflow-serverless", status: 200 })
      ])
    })
  )
})

describe("AwsGateway provides Workflows", () => {
  it.effect("on the MWAA Serverless client, its endpoint from AWS_ENDPOINT_URL_MWAA_SERVERLESS", () =>
    Effect.gen(function* () {
      vi.stubEnv("AWS_ENDPOINT_URL_MWAA_SERVERLESS", fake().url)
      const page = yield* Effect.flatMap(Workflows, (w) => w.list({ max_results: 10 })).pipe(
        Effect.provide(AwsGateway.layer({ region: "us-east-1", credentials }))
      )
      expect(page.items).toHaveLength(2)
      expect(
        fake()
          .requests()
          .map((r) => [r.operation, r.signingService])
      ).toEqual([["AmazonMWAAServerless.ListWorkflows", "airflow-serverless"]])
    })
  )
})
