import { describe, expect, it } from "vitest"
import {
  type FakeSeed,
  DASHBOARD_DAG,
  FX_DAG,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG
} from "../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../src/adapters/fake-mwaa/demo/approvals.js"
import { catalogue } from "../../src/app/catalogue.js"
import { actsOnWorkflows } from "../support/tool-names.js"
import { describeTool } from "../../src/app/tool-host.js"
import { MAX_PATH_LENGTH } from "../../src/domain/paths.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, LONG_TASK_ERROR, longIdsMatrixSeed } from "../support/long-ids-seed.js"
import { validatorFor } from "../support/openapi.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * The contract suite: every tool, through the catalogue, on an environment of each Airflow release
 * of the version matrix (2.10, 2.11, 3.0, 3.2, 3.3), with every Airflow answer validated against that
 * release's OpenAPI document (specFor) and every Path within MWAA's limit. Each backend is a way of
 * reaching MWAA; each gets a fresh fake per release, seeded with that release's environment only.
 */

const specOf = validatorFor

/** The matrix with the 40-character DAG, cut to one release's environment. */
const seedFor = (environmentName: string): FakeSeed => {
  const seed = longIdsMatrixSeed()
  return { ...seed, environments: seed.environments.filter((e) => e.name === environmentName) }
}

for (const backend of contractBackends) {
  for (const airflowVersion of MATRIX_VERSIONS) {
    const environment_name = matrixEnvironmentName(airflowVersion)
    const version = Number(airflowVersion.split(".")[0]) as 2 | 3
    // Human-in-the-loop requests came in Airflow 3.1.
    const atLeast31 = version === 3 && Number(airflowVersion.split(".")[1]) >= 1
    describe(`contract: ${backend.name}, Airflow ${airflowVersion}`, () => {
      const session = contractSession(backend, () => seedFor(environment_name), { allowWrite: true })
      const { exchanges, wireProblems } = session
      const called = new Set<string>()
      const call = (name: string, args: Record<string, unknown>) => {
        called.add(name)
        return session.call(name, { environment_name, ...args })
      }

      const ok = async (name: string, args: Record<string, unknown> = {}) => {
        const result = await call(name, args)
        expect(result.isError, `${name}: ${result.text}`).toBe(false)
        return result.structuredContent as Record<string, any>
      }

      it("answers every read tool for a scheduled run of the 40-character DAG", async () => {
        await ok("get-environment")
        const health = await ok("get-environment-health")
        expect(health.verdict).toBe("degraded")
        expect(health.airflow.health).toMatchObject({ metadatabase: { status: "healthy" }, scheduler: { status: "healthy" }, error: null })
        expect(health.airflow.import_errors).toEqual({ count: 1, error: null })
        expect(health.airflow.dags.error).toBeNull()
        expect(health.airflow.failing_dags).toMatchObject({ error: null, complete: true })
        expect(health.airflow.failing_dags.dag_ids).toContain(ORDERS_DAG)
        expect((await ok("list-dags")).dags.length).toBeGreaterThan(0)
        const dag = await ok("get-dag", { dag_id: ORDERS_DAG })
        expect(dag.dag_id).toBe(ORDERS_DAG)
        // Airflow 3's DAG details carry the current version (the orders DAG changed on 2026-11-22); Airflow 2 has none.
        expect(dag.current_version?.version_number ?? null).toBe(version === 3 ? 2 : null)
        expect((await ok("get-dag-source", { dag_id: ORDERS_DAG })).content.length).toBeGreaterThan(0)
        const runs = (await ok("list-dag-runs", { dag_id: ORDERS_DAG, state: "failed" })).dag_runs
        const scheduled = runs.find((r: any) => r.dag_run_id.startsWith("scheduled__"))
        expect(scheduled).toBeDefined()
        const ids = { dag_id: ORDERS_DAG, dag_run_id: scheduled.dag_run_id }
        expect((await ok("get-dag-run", ids)).dag_run_id).toBe(scheduled.dag_run_id)
        expect(await ok("wait-for-dag-run", ids)).toMatchObject({
          terminal: true,
          timed_out: false,
          polls: 1,
          dag_run: { state: "failed" }
        })
        const tis = (await ok("list-task-instances", ids)).task_instances
        const failed = tis.find((t: any) => t.state === "failed")
        expect(failed).toBeDefined()
        const ti = await ok("get-task-instance", { ...ids, task_id: failed.task_id })
        expect(ti.state).toBe("failed")
        expect(ti.tries.map((t: any) => [t.try_number, t.state])).toEqual([
          [1, "up_for_retry"],
          [2, "failed"]
        ])
        expect((await ok("get-task-logs", { ...ids, task_id: failed.task_id })).lines.length).toBeGreaterThan(0)
        const diagnosis = await ok("diagnose-dag-run", ids)
        expect(diagnosis.failed_tasks.map((t: any) => t.task_id)).toContain(failed.task_id)
        expect(diagnosis.failed_tasks.every((t: any) => t.error !== null)).toBe(true)
        expect(diagnosis.failed_tasks[0].tries).toEqual({ count: 2, compared: [1, 2], same_error: true, differing: null })
        if (version === 3) {
          expect(diagnosis.dag_versions).toMatchObject({
            changed: true,
            run: [{ version_number: 2 }],
            last_success: { versions: [{ version_number: 1 }] }
          })
        } else expect(diagnosis.dag_versions).toBeNull()
        expect((await ok("get-import-errors")).total_entries).toBeGreaterThan(0)
        await ok("list-connections")
        await ok("list-variables")
        await ok("list-environments", { environment_name: undefined })
        const fleet = await ok("get-fleet-health", { environment_name: undefined })
        expect(fleet.environments.map((e: any) => e.environment_name)).toContain(environment_name)
      })

      it("reads a scheduled run whose DAG and task ids are both 40 characters", async () => {
        const ids = { dag_id: LONG_DAG, dag_run_id: LONG_RUN }
        expect((await ok("get-dag-run", ids)).state).toBe("failed")
        expect((await ok("wait-for-dag-run", ids)).dag_run.state).toBe("failed")
        expect((await ok("list-task-instances", { ...ids, task_ids: [LONG_TASK] })).task_instances).toHaveLength(1)
        const ti = await ok("get-task-instance", { ...ids, task_id: LONG_TASK })
        expect(ti.try_number).toBe(2)
        // The tries' path carries all three ids (over 64 characters): the webserver route carries it.
        expect(ti.tries.map((t: any) => t.try_number)).toEqual([1, 2])
        expect((await ok("get-task-logs", { ...ids, task_id: LONG_TASK })).lines).toContain(LONG_TASK_ERROR)
        expect((await ok("get-task-logs", { ...ids, task_id: LONG_TASK, try_number: 1 })).lines[0]).toMatch(/try 1/)
        // Clearing's path for a 40-character DAG id is 63 + 1 characters: the webserver route carries it.
        const dry = await ok("clear-task-instances", { ...ids, task_ids: [LONG_TASK] })
        expect(dry).toMatchObject({ dry_run: true, count: 1 })
      })

      it("performs every write tool", async () => {
        expect((await ok("pause-dag", { dag_id: FX_DAG })).is_paused).toBe(true)
        expect((await ok("unpause-dag", { dag_id: FX_DAG })).is_paused).toBe(false)
        const run = await ok("trigger-dag-run", { dag_id: FX_DAG, conf: { reason: "contract" } })
        expect((await ok("get-dag-run", { dag_id: FX_DAG, dag_run_id: run.dag_run_id })).conf).toEqual({ reason: "contract" })
        const failedRun = (await ok("list-dag-runs", { dag_id: FX_DAG, state: "failed" })).dag_runs[0]
        const dry = await ok("clear-task-instances", { dag_id: FX_DAG, dag_run_id: failedRun.dag_run_id })
        expect(dry.dry_run).toBe(true)
        expect(dry.count).toBeGreaterThan(0)
        expect((await ok("clear-task-instances", { dag_id: FX_DAG, dag_run_id: failedRun.dag_run_id, dry_run: false })).dry_run).toBe(false)
        const name = `contract-${environment_name}`
        await ok("create-environment", {
          environment_name: name,
          execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
          source_bucket_arn: "arn:aws:s3:::contract-bucket",
          dag_s3_path: "dags",
          network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] },
          min_webservers: 2,
          max_webservers: 3
        })
        // MWAA creates asynchronously: poll as an assistant would before changing it.
        let status = (await ok("get-environment", { environment_name: name })).status
        for (let i = 0; i < 5 && status !== "AVAILABLE"; i++) status = (await ok("get-environment", { environment_name: name })).status
        expect(status).toBe("AVAILABLE")
        await ok("update-environment", { environment_name: name, max_workers: 5, worker_replacement_strategy: "GRACEFUL" })
        await ok("delete-environment", { environment_name: name, confirm_environment_name: name })
      })

      it("answers XCom, asset events and approvals, or names the release approvals need", async () => {
        const xcom = await ok("get-xcom", { dag_id: LONG_DAG, dag_run_id: LONG_RUN, task_id: LONG_TASK, include_values: true })
        expect(Array.isArray(xcom.xcom_entries)).toBe(true)
        const waiting = await ok("list-asset-events", { dag_id: DASHBOARD_DAG })
        expect(waiting.consumer.waiting_on.length).toBeGreaterThan(0)
        const approvals = await call("list-pending-approvals", {})
        const respond = await call("respond-to-approval", {
          dag_id: APPROVAL_DAG,
          dag_run_id: PENDING_APPROVAL_RUN,
          task_id: APPROVAL_TASK,
          chosen_options: ["Approve"]
        })
        if (atLeast31) {
          expect(approvals.isError, approvals.text).toBe(false)
          const pending = (approvals.structuredContent as any).approvals
          expect(pending.map((r: any) => r.task_id)).toContain(APPROVAL_TASK)
          expect(respond.isError, respond.text).toBe(false)
          const again = await call("respond-to-approval", {
            dag_id: APPROVAL_DAG,
            dag_run_id: PENDING_APPROVAL_RUN,
            task_id: APPROVAL_TASK,
            chosen_options: ["Approve"]
          })
          expect(again.isError).toBe(true)
          expect(again.text).toMatch(/already answered/i)
        } else {
          for (const refused of [approvals, respond]) {
            expect(refused.isError).toBe(true)
            expect(refused.text).toContain(`needs Airflow 3.1 or later: environment ${environment_name} runs Airflow ${airflowVersion}`)
          }
        }
      })

      it("called every tool of the catalogue", () => {
        // The MWAA Serverless tools are not per Airflow release: workflow-*.test.ts call them on both backends.
        expect(catalogue.map((t) => describeTool(t).name).filter((name) => !called.has(name) && !actsOnWorkflows(name))).toEqual([])
      })

      it("sent only Paths MWAA accepts, and got only answers Airflow's OpenAPI document allows", () => {
        expect(exchanges.length).toBeGreaterThan(10)
        // The webserver route carried exactly the calls whose path InvokeRestApi cannot take.
        expect(exchanges.some((x) => x.api === "Webserver")).toBe(true)
        // The calls for tries, DAG versions and the last success were made, so they were validated below.
        const paths = exchanges.map((x) => x.request.path)
        expect(paths.filter((p) => p.endsWith("/tries")).length).toBeGreaterThan(1)
        if (version === 3) expect(paths.some((p) => p.endsWith("/details"))).toBe(true)
        const problems = exchanges.flatMap((x) => {
          if (x.api === "InvokeRestApi" && x.request.path.length > MAX_PATH_LENGTH) return [`Path over 64: ${x.request.path}`]
          if (x.api === "Webserver" && x.request.path.length <= MAX_PATH_LENGTH)
            return [`Webserver for a Path that fits: ${x.request.path}`]
          if (x.response === undefined) return []
          return specOf(airflowVersion).validate(x.request.method, x.request.path, x.response.status, x.response.body)
        })
        expect(problems).toEqual([])
        // Airflow 3 serves DAG source over REST (/dagSources/{dag_id} fits); Airflow 2 needs S3.
        expect(wireProblems(version === 2 ? ["airflow", "logs", "s3"] : ["airflow", "logs"])).toEqual([])
      })
    })
  }
}
