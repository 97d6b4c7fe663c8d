import { describe, expect, it } from "vitest"
import {
  DEMO_API_TOKEN,
  DEMO_DB_PASSWORD,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT,
  PAYOUTS_VERSIONS,
  SUCCESS_WITH_FAILED_TASK_RUN
} from "../../src/adapters/fake-mwaa-serverless/index.js"
import { DATA_LABEL } from "../../src/app/data-label.js"
import { FRAGMENTS } from "../support/hostile-seed.js"
import { HOSTILE_WORKFLOW, LONG_TASK_INSTANCE, LONG_WORKFLOW_RUN, workflowsSeed } from "../support/workflows-seed.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * The workflow read tools through the catalogue and the tool host, on the in-memory fake and on
 * the AWS SDK gateway over the HTTP fake: the demo's payouts workflow (45 runs, the latest failed
 * with secrets in its task's error message and XCom) and a hostile workflow.
 */

const PAYOUTS = "payouts-nightly"
const INVISIBLE = /[\u200B-\u200D\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/u

for (const backend of contractBackends) {
  describe(`workflow read tools: ${backend.name}`, () => {
    const session = contractSession(backend, workflowsSeed)
    const texts: Array<string> = []
    const call = async (name: string, args: Record<string, unknown>) => {
      const result = await session.call(name, args)
      texts.push(result.text)
      return result
    }
    const ok = async (name: string, args: Record<string, unknown> = {}) => {
      const result = await call(name, args)
      expect(result.isError, `${name}: ${result.text}`).toBe(false)
      return { data: result.structuredContent as Record<string, any>, summary: result.text.slice(0, result.text.indexOf(DATA_LABEL)) }
    }
    const fails = async (name: string, args: Record<string, unknown>) => {
      const result = await call(name, args)
      expect(result.isError, `${name} was expected to fail: ${result.text}`).toBe(true)
      return result.text
    }

    it("lists the region's workflows compactly, a page at a time", async () => {
      const { data } = await ok("list-workflows")
      expect(data.workflows.map((w: any) => w.name).sort()).toEqual(["events-hourly", HOSTILE_WORKFLOW, PAYOUTS].sort())
      expect(Object.keys(data.workflows[0]).sort()).toEqual(["arn", "description", "name", "status", "trigger_mode"])
      expect(data.next_token).toBeNull()
      const first = (await ok("list-workflows", { max_results: 1 })).data
      expect(first.workflows).toHaveLength(1)
      expect(first.next_token).toEqual(expect.any(String))
      const second = (await ok("list-workflows", { max_results: 1, next_token: first.next_token, full: true })).data
      expect(second.workflows[0].name).not.toBe(first.workflows[0].name)
      expect(second.workflows[0]).toHaveProperty("version")
    })

    it("reads a workflow by name or ARN: configuration, definition location, versions newest first, latest run", async () => {
      const { data, summary } = await ok("get-workflow", { workflow: PAYOUTS })
      expect(data).toMatchObject({
        name: PAYOUTS,
        status: "READY",
        version: PAYOUTS_VERSIONS.latest,
        schedule: "0 2 * * *",
        log_group: "/aws/mwaa-serverless/payouts-nightly",
        definition_location: { bucket: "demo-workflow-definitions", object_key: "payouts/payouts-nightly.yaml", version_id: "v2.demo" },
        more_versions: false,
        latest_run: { run_id: LATEST_PAYOUTS_RUN, state: "failed", status: "FAILED", workflow: PAYOUTS }
      })
      expect(data.role_arn).toContain("mwaa-serverless-payouts")
      expect(data.versions.map((v: any) => [v.version, v.is_latest])).toEqual([
        [PAYOUTS_VERSIONS.latest, true],
        [PAYOUTS_VERSIONS.old, false]
      ])
      expect(summary).toContain("diagnose-workflow-run")
      const byArn = (await ok("get-workflow", { workflow: data.arn, version: PAYOUTS_VERSIONS.old })).data
      expect(byArn).toMatchObject({ name: PAYOUTS, version: PAYOUTS_VERSIONS.old, latest_run: { workflow_version: PAYOUTS_VERSIONS.old } })
    })

    it(`pages list-workflow-runs through all ${PAYOUTS_RUN_COUNT} runs, newest first, with a token bound to its listing`, async () => {
      const ids: Array<string> = []
      let token: string | undefined
      let calls = 0
      do {
        const { data } = await ok("list-workflow-runs", { workflow: PAYOUTS, max_results: 20, ...(token ? { next_token: token } : {}) })
        ids.push(...data.runs.map((r: any) => r.run_id))
        token = data.next_token ?? undefined
        calls++
      } while (token !== undefined && calls < 10)
      expect(calls).toBe(3)
      expect(new Set(ids).size).toBe(PAYOUTS_RUN_COUNT)
      expect(ids[0]).toBe(LATEST_PAYOUTS_RUN)
      expect([...ids].sort().reverse()).toEqual(ids)

      const page = (await ok("list-workflow-runs", { workflow: PAYOUTS, max_results: 5 })).data
      const refused = await fails("list-workflow-runs", { workflow: PAYOUTS, state: "failed", next_token: page.next_token })
      expect(refused).toContain("next_token belongs to another listing")
      expect(await fails("list-workflow-runs", { workflow: PAYOUTS, next_token: "bm90LW91cnM" })).toContain("not one this server gave out")
    })

    it("filters runs by state (Airflow's or the service's words) and by a time window", async () => {
      const failed = await ok("list-workflow-runs", { workflow: PAYOUTS, state: ["failed"] })
      expect(failed.data.runs.map((r: any) => r.run_id)).toEqual([LATEST_PAYOUTS_RUN])
      expect(failed.data).toMatchObject({ scanned: PAYOUTS_RUN_COUNT, next_token: null, scan_limited: false })
      expect(failed.summary).toContain("1 failed")
      expect((await ok("list-workflow-runs", { workflow: PAYOUTS, state: "FAILED" })).data.runs).toHaveLength(1)
      const recent = (await ok("list-workflow-runs", { workflow: PAYOUTS, start_date_gte: "2026-11-20T00:00:00Z" })).data
      expect(recent.runs).toHaveLength(6)
      const window = (
        await ok("list-workflow-runs", {
          workflow: PAYOUTS,
          start_date_gte: "2026-11-18T00:00:00Z",
          start_date_lte: "2026-11-20T23:59:59Z",
          full: true
        })
      ).data
      expect(window.runs.map((r: any) => Date.parse(r.start_date))).toEqual(
        ["2026-11-20T02:01:00Z", "2026-11-19T02:01:00Z", "2026-11-18T02:01:00Z"].map(Date.parse)
      )
      expect(window.runs[0]).toHaveProperty("duration", 1500)
    })

    it("reads the failed run with its task instances, and flags the run reported SUCCESS with a FAILED task", async () => {
      const { data, summary } = await ok("get-workflow-run", { workflow: PAYOUTS, run_id: LATEST_PAYOUTS_RUN })
      expect(data).toMatchObject({ run_id: LATEST_PAYOUTS_RUN, state: "failed", status: "FAILED", succeeded_with_failed_tasks: false })
      expect(data.task_instances).toHaveLength(5)
      expect(data.failed_task_instance_ids).toEqual([expect.stringMatching(/^load_payouts-/)])
      expect(data.task_instances.filter((t: any) => t.state === "upstream_failed")).toHaveLength(2)
      expect(summary).toContain("diagnose-workflow-run")

      const flagged = await ok("get-workflow-run", { workflow: PAYOUTS, run_id: SUCCESS_WITH_FAILED_TASK_RUN })
      expect(flagged.data).toMatchObject({ state: "success", status: "SUCCESS", succeeded_with_failed_tasks: true })
      expect(flagged.data.failed_task_instance_ids).toEqual([expect.stringMatching(/^reconcile_totals-/)])
      expect(flagged.summary).toMatch(/1 task instance\(s\) FAILED/)
    })

    it("lists task instances with details (masked), by state, and one by its id", async () => {
      const ids = { workflow: PAYOUTS, run_id: LATEST_PAYOUTS_RUN }
      const { data } = await ok("list-workflow-task-instances", { ...ids, include_details: true })
      expect(data).toMatchObject({ listed: 5, details_shown: 5, details_limited: false, next_token: null })
      const load = data.task_instances.find((t: any) => t.task_id === "load_payouts")
      expect(load).toMatchObject({ state: "failed", status: "FAILED", try_number: 2, operator: "SQLExecuteQueryOperator" })
      expect(load.log_stream).toContain("load_payouts.attempt-2")
      expect(load.error_message).toContain("postgresql://payouts_writer:***@")
      expect(load.xcom).toMatchObject({ db_password: "***", api_token: "***", rows_loaded: "0" })
      const failed = (await ok("list-workflow-task-instances", { ...ids, state: "failed" })).data
      expect(failed.task_instances.map((t: any) => t.task_instance_id)).toEqual([load.task_instance_id])
      expect(failed.task_instances[0].error_message).toBeNull()
      const one = (await ok("list-workflow-task-instances", { ...ids, task_instance_id: load.task_instance_id })).data
      expect(one.task_instances).toHaveLength(1)
      expect(one.task_instances[0]).toMatchObject({ task_id: "load_payouts", try_number: 2, xcom: { db_password: "***" } })
    })

    it("reads the definition only when asked: masked, bounded, cut at a line's end", async () => {
      const { data } = await ok("get-workflow-definition", { workflow: PAYOUTS })
      expect(data).toMatchObject({ workflow: PAYOUTS, version: PAYOUTS_VERSIONS.latest, masked: true, truncated: false })
      expect(data.content).toContain("load_payouts:")
      expect(data.content).toContain("conn_uri: ***")
      const cut = (await ok("get-workflow-definition", { workflow: PAYOUTS, max_bytes: 200 })).data
      expect(cut.truncated).toBe(true)
      expect(cut.total_bytes).toBeGreaterThan(200)
      expect(cut.content.length).toBeLessThanOrEqual(200)
      expect(cut.content.endsWith("\n")).toBe(true)
      const hostile = (await ok("get-workflow-definition", { workflow: HOSTILE_WORKFLOW })).data
      expect(hostile.content).toContain("password: ***")
      expect(hostile.content).not.toContain("plain-words-no-rule-knows")
    })

    it("refuses bad input naming the field, and an unknown workflow with the names there are", async () => {
      expect(await fails("get-workflow", { workflow: "arn:aws:airflow:us-east-1:123456789012:environment/x" })).toMatch(/workflow.*ARN/)
      expect(await fails("get-workflow-run", { workflow: PAYOUTS, run_id: "a/b" })).toContain("run_id")
      expect(await fails("list-workflow-runs", { workflow: PAYOUTS, max_results: 0 })).toContain(
        "max_results must be an integer from 1 to 100"
      )
      expect(await fails("list-workflow-runs", { workflow: PAYOUTS, state: "exploded" })).toContain("state must be one of")
      expect(await fails("get-workflow", { workflow: "no-such-workflow" })).toContain(PAYOUTS)
      expect(await fails("get-workflow-run", { workflow: PAYOUTS, run_id: "no-such-run" })).toContain("NotFound")
    })

    it("shows hostile text only below the data label, without invisible characters; 255-character ids; a 64K XCom", async () => {
      const listed = await ok("list-workflows", { full: true })
      const hostile = listed.data.workflows.find((w: any) => w.name === HOSTILE_WORKFLOW)
      expect(hostile.description).toContain(FRAGMENTS[0])
      expect(hostile.description).not.toMatch(INVISIBLE)
      const runs = (await ok("list-workflow-runs", { workflow: HOSTILE_WORKFLOW })).data
      expect(runs.runs.map((r: any) => r.run_id)).toEqual([LONG_WORKFLOW_RUN])
      expect(LONG_WORKFLOW_RUN).toHaveLength(255)
      const run = await ok("get-workflow-run", { workflow: HOSTILE_WORKFLOW, run_id: LONG_WORKFLOW_RUN })
      expect(run.data.error_message).toContain(FRAGMENTS[1])
      expect(run.data.error_message).not.toMatch(INVISIBLE)
      expect(run.data.conf).toMatchObject({ api_token: "***" })
      expect(run.data.task_instances.map((t: any) => t.task_instance_id)).toEqual([LONG_TASK_INSTANCE])
      const started = Date.now()
      const tasks = await ok("list-workflow-task-instances", {
        workflow: HOSTILE_WORKFLOW,
        run_id: LONG_WORKFLOW_RUN,
        include_details: true
      })
      expect(Date.now() - started).toBeLessThan(5000)
      expect(tasks.data.task_instances[0].error_message).not.toMatch(INVISIBLE)
      expect(typeof tasks.data.task_instances[0].xcom.return_value).toBe("string")
      for (const answer of [listed, runs, run, tasks].map((a: any) => a.summary ?? "")) {
        for (const fragment of FRAGMENTS) expect(answer).not.toContain(fragment)
      }
    })

    it("never shows the demo's secrets, and reached MWAA Serverless and S3 as real AWS would accept", () => {
      expect(texts.length).toBeGreaterThan(20)
      for (const text of texts) {
        expect(text).not.toContain(DEMO_DB_PASSWORD)
        expect(text).not.toContain(DEMO_API_TOKEN)
        expect(text).not.toContain("tok-plain-secret-value")
      }
      // The two 404s are the unknown run the bad-input test asks for, as AWS answers it.
      expect(
        session
          .wireProblems(["airflow-serverless", "s3"])
          .filter((p) => !/^AmazonMWAAServerless\.(GetWorkflowRun|ListTaskInstances) answered 404$/.test(p))
      ).toEqual([])
    })
  })
}
