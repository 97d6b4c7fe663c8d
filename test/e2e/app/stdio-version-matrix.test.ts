import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DASHBOARD_DAG, FX_DAG, matrixEnvironmentName } from "../../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../../src/adapters/fake-mwaa/demo/approvals.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, longIdsMatrixSeed } from "../../support/long-ids-seed.js"
import { specFor, validatorFor } from "../../support/openapi.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool } from "./stdio-helpers.js"
import { actsOnWorkflows } from "../../support/tool-names.js"

/**
 * The built bin in AWS mode against the HTTP fake seeded with the version matrix: on Airflow 2.11,
 * 3.0, 3.2 and 3.3, every read tool the server lists answers (and, with --allow-write, every write tool), and every answer the fake's Airflow
 * gave for those calls is one that release's OpenAPI document allows (specFor; the 3.3 document is
 * derived, test/fixtures/airflow/PROVENANCE.md). The tools come from tools/list, so a new read tool
 * is covered as soon as it has an argument builder below, and fails here until it has one. The ids
 * are the 40-character ones, whose direct paths pass 64 characters: reads take the batch endpoints.
 */

const VERSIONS = ["2.11.2", "3.0.6", "3.2.1", "3.3.1"] as const

type Args = Record<string, unknown>

const env = (environment_name: string): Args => ({ environment_name })
const dag = (environment_name: string): Args => ({ environment_name, dag_id: LONG_DAG })
const run = (environment_name: string): Args => ({ ...dag(environment_name), dag_run_id: LONG_RUN })
const task = (environment_name: string): Args => ({ ...run(environment_name), task_id: LONG_TASK })

/** How to call each read tool on an environment of the matrix. */
const ARGUMENT_BUILDERS: Readonly<Record<string, (environment_name: string) => Args>> = {
  "list-environments": () => ({}),
  "get-fleet-health": () => ({}),
  "get-environment": env,
  "get-environment-health": env,
  "list-dags": env,
  "get-import-errors": env,
  "list-connections": env,
  "list-variables": env,
  "get-dag": dag,
  "get-dag-source": dag,
  "list-dag-runs": dag,
  "get-dag-run": run,
  "diagnose-dag-run": run,
  "wait-for-dag-run": run,
  "list-task-instances": run,
  "get-task-instance": task,
  "get-task-logs": task,
  "get-xcom": (name) => ({ ...task(name), include_values: true }),
  // The demo's data-aware DAG: its inputs and what it waits on.
  "list-asset-events": (name) => ({ environment_name: name, dag_id: DASHBOARD_DAG }),
  "list-pending-approvals": env
}

/**
 * Read tools that need a later Airflow than some of the matrix: before that release they must
 * refuse, naming the release they need, instead of answering.
 */
const NEEDS: Readonly<Record<string, readonly [major: number, minor: number]>> = { "list-pending-approvals": [3, 1] }

const atLeast = (airflowVersion: string, [major, minor]: readonly [number, number]) => {
  const [a, b] = airflowVersion.split(".").map(Number) as [number, number]
  return a > major || (a === major && b >= minor)
}

/** The environment each release's writes create, change and delete. */
const created = (environment_name: string) => `matrix-${environment_name}`

/**
 * How to call each write tool on an environment of the matrix, in the order they run: the
 * environment tools last, creating one at that release, changing it once MWAA says AVAILABLE,
 * and deleting it (confirmed by name: this client cannot be asked).
 */
const WRITES: ReadonlyArray<readonly [tool: string, build: (environment_name: string, airflowVersion: string) => Args]> = [
  ["pause-dag", (name) => ({ environment_name: name, dag_id: FX_DAG })],
  ["unpause-dag", (name) => ({ environment_name: name, dag_id: FX_DAG })],
  ["trigger-dag-run", (name) => ({ environment_name: name, dag_id: FX_DAG, conf: { reason: "version matrix" } })],
  // A dry run (the default) of the DAG's failed task instances.
  ["clear-task-instances", (name) => ({ environment_name: name, dag_id: FX_DAG })],
  [
    "respond-to-approval",
    (name) => ({
      environment_name: name,
      dag_id: APPROVAL_DAG,
      dag_run_id: PENDING_APPROVAL_RUN,
      task_id: APPROVAL_TASK,
      chosen_options: ["Approve"]
    })
  ],
  [
    "create-environment",
    (name, airflowVersion) => ({
      environment_name: created(name),
      airflow_version: airflowVersion,
      execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
      source_bucket_arn: "arn:aws:s3:::matrix-bucket",
      dag_s3_path: "dags",
      network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
    })
  ],
  ["update-environment", (name) => ({ environment_name: created(name), max_workers: 5 })],
  ["delete-environment", (name) => ({ environment_name: created(name), confirm_environment_name: created(name) })]
]

/** Write tools that need a later Airflow than some of the matrix, as NEEDS for reads. */
const WRITE_NEEDS: Readonly<Record<string, readonly [major: number, minor: number]>> = { "respond-to-approval": [3, 1] }

let fake: HttpFake
let session: StdioSession
let writer: StdioSession
let readTools: ReadonlyArray<string>
let writeTools: ReadonlyArray<string>
const specOf = validatorFor

beforeAll(async () => {
  fake = await startHttpFake({ seed: longIdsMatrixSeed() })
  session = await connectStdio([], awsModeEnv(fake.url))
  writer = await connectStdio(["--allow-write"], awsModeEnv(fake.url))
  const { tools } = await session.client.listTools()
  // The MWAA Serverless tools are not per Airflow release: their own contract and stdio tests cover them.
  const perRelease = tools.filter((t) => !actsOnWorkflows(t.name))
  readTools = perRelease.filter((t) => t.annotations?.readOnlyHint === true).map((t) => t.name)
  writeTools = perRelease.filter((t) => t.annotations?.readOnlyHint === false).map((t) => t.name)
})
afterAll(async () => {
  await session?.close()
  await writer?.close()
  await fake?.close()
})

/**
 * Calls a tool on a release's environment: what is wrong with its answer, if anything. A tool that
 * needs a later release must refuse, naming it; any other must answer.
 */
const callOn = async (
  client: StdioSession,
  airflowVersion: string,
  tool: string,
  args: Args,
  needs: readonly [number, number] | undefined
): Promise<string | undefined> => {
  const answer = await callTool(client, tool, args)
  if (needs !== undefined && !atLeast(airflowVersion, needs)) {
    return answer.isError && answer.text.includes(`${needs[0]}.${needs[1]}`)
      ? undefined
      : `${airflowVersion} ${tool}: expected a refusal naming Airflow ${needs.join(".")}, got: ${answer.text}`
  }
  return answer.isError ? `${airflowVersion} ${tool} ${JSON.stringify(args)}: ${answer.text}` : undefined
}

/** Every Airflow answer the fake gave on this release's environment, checked against its document. */
const specProblems = (airflowVersion: string) => {
  const name = matrixEnvironmentName(airflowVersion)
  const answered = fake.requests().filter((r) => r.environmentName === name && r.airflowAnswer !== undefined)
  expect(answered.length, airflowVersion).toBeGreaterThan(10)
  return answered.flatMap((r) => specOf(airflowVersion).validate(r.method, r.path, r.airflowAnswer!.status, r.airflowAnswer!.body))
}

describe("the version matrix over stdio (AWS mode, HTTP fake)", () => {
  it("has an argument builder for every read tool the server lists", () => {
    expect(readTools.length).toBeGreaterThan(10)
    const missing = readTools.filter((name) => ARGUMENT_BUILDERS[name] === undefined)
    expect(missing, `read tools without an argument builder in ${import.meta.url}: ${missing.join(", ")}`).toEqual([])
  })

  // Each environment has its own rate limiter in the server: the four releases run side by side.
  it("answers every read tool on 2.11, 3.0, 3.2 and 3.3, with answers each release's document allows", async () => {
    const failures = await Promise.all(
      VERSIONS.map(async (airflowVersion) => {
        const name = matrixEnvironmentName(airflowVersion)
        const problems: Array<string> = []
        for (const tool of readTools) {
          const build = ARGUMENT_BUILDERS[tool]
          if (build === undefined) continue
          const problem = await callOn(session, airflowVersion, tool, build(name), NEEDS[tool])
          if (problem !== undefined) problems.push(problem)
        }
        return problems
      })
    )
    expect(failures.flat()).toEqual([])

    for (const airflowVersion of VERSIONS) {
      expect(specProblems(airflowVersion), `Airflow ${airflowVersion} (document ${specFor(airflowVersion)})`).toEqual([])
    }
  })

  it("has a call for every write tool the server lists", () => {
    expect(writeTools.length).toBeGreaterThan(5)
    expect([...writeTools].sort()).toEqual(WRITES.map(([tool]) => tool).sort())
  })

  it("performs every write tool on 2.11, 3.0, 3.2 and 3.3 with --allow-write, with answers each release's document allows", async () => {
    const failures = await Promise.all(
      VERSIONS.map(async (airflowVersion) => {
        const name = matrixEnvironmentName(airflowVersion)
        const problems: Array<string> = []
        for (const [tool, build] of WRITES) {
          if (tool === "update-environment") {
            // MWAA creates asynchronously: wait for AVAILABLE as an assistant would.
            let status = ""
            for (let i = 0; i < 5 && status !== "AVAILABLE"; i++)
              status = (await callTool(writer, "get-environment", { environment_name: created(name) })).structured?.status
          }
          const problem = await callOn(writer, airflowVersion, tool, build(name, airflowVersion), WRITE_NEEDS[tool])
          if (problem !== undefined) problems.push(problem)
        }
        return problems
      })
    )
    expect(failures.flat()).toEqual([])
    for (const airflowVersion of VERSIONS) {
      const name = matrixEnvironmentName(airflowVersion)
      // The writes reached Airflow: the run triggered and the approval answered are in the fake's log.
      const writes = fake.requests().filter((r) => r.environmentName === name && r.method !== "GET" && r.airflowAnswer !== undefined)
      expect(
        writes.some((r) => r.method === "POST" && r.path === `/dags/${FX_DAG}/dagRuns`),
        airflowVersion
      ).toBe(true)
      expect(
        writes.some((r) => r.method === "PATCH" && r.path.endsWith("/hitlDetails")),
        airflowVersion
      ).toBe(atLeast(airflowVersion, [3, 1]))
      expect(specProblems(airflowVersion), `Airflow ${airflowVersion} (document ${specFor(airflowVersion)})`).toEqual([])
    }
  })
})
