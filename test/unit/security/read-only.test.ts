import { READ_TOOLS, WORKFLOW_READ_TOOLS, WRITE_TOOLS } from "../../support/tool-names.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Option } from "effect"
import * as fc from "fast-check"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, type FakeCall } from "../../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../../src/adapters/fake-mwaa/demo/approvals.js"
import { EVENTS_RUNNING_RUN } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { demoEnvironment } from "../../../src/adapters/fake-mwaa/demo/seed.js"
import { longIdsSeed } from "../../support/long-ids-seed.js"
import { makeSecurityHarness, PROPERTY_RUNS, propertyTimeout, type SecurityHarness } from "../../support/security-harness.js"

/**
 * Issue 4, write safety: without --allow-write, no tool — whatever arguments it is given —
 * makes the fake receive a write: no InvokeRestApi with POST/PATCH/PUT/DELETE (except Airflow's
 * two batch LIST endpoints, which are reads sent as POST), no Create/Update/DeleteEnvironment.
 * Every write tool refuses, naming --allow-write, before anything at all is sent.
 */

const ALL_TOOLS: ReadonlyArray<string> = [...WRITE_TOOLS, ...READ_TOOLS]

/** Airflow's batch list endpoints: POST, but reads. */
const READ_ONLY_POSTS = new Set(["/dags/~/dagRuns/list", "/dags/~/dagRuns/~/taskInstances/list"])

/** Why a call the fake received is a write, or undefined for a read. */
const writeIn = (call: FakeCall): string | undefined => {
  if (call.api === "CreateEnvironment" || call.api === "UpdateEnvironment" || call.api === "DeleteEnvironment") return call.api
  if (call.api !== "InvokeRestApi") return undefined
  if (call.method === "GET") return undefined
  if (call.method === "POST" && READ_ONLY_POSTS.has(call.path ?? "")) return undefined
  return `InvokeRestApi ${call.method} ${call.path}`
}

// ---- arguments: valid-looking ones from the seed, mixed with junk -------------------------------

/** Human-in-the-loop requests need Airflow 3.1: an environment at 3.2 with the demo's waiting approval. */
const ENV_32 = "demo-airflow-3-2"
const longIds = longIdsSeed()
const seed = { ...longIds, environments: [...longIds.environments, demoEnvironment(ENV_32, "3.2.1")] }
/** Task instances of the seed, with their environment: ids that belong together, so reads succeed. */
const contexts = seed.environments.flatMap((env) =>
  (env.taskInstances ?? []).map((ti) => ({
    environment_name: env.name,
    dag_id: ti.dagId,
    dag_run_id: ti.runId,
    task_id: ti.taskId,
    map_index: ti.mapIndex ?? -1,
    try_number: Math.max(1, ti.tryNumber)
  }))
)
type Context = (typeof contexts)[number]
const ALL_DAG_IDS = [...new Set(seed.environments.flatMap((env) => (env.dags ?? []).map((d) => d.dagId)))]
const ALL_RUN_IDS = [...new Set(seed.environments.flatMap((env) => (env.dagRuns ?? []).map((r) => r.runId)))]
const ALL_TASK_IDS = [...new Set(contexts.map((c) => c.task_id))]

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("", " ", "~", "../connections", "a/b", "x?limit=1", "null", "true", "-1", "1e9", "NaN", "%2e%2e", "a".repeat(3000))
)
const isoDate = fc
  .date({ min: new Date("2026-11-01T00:00:00Z"), max: new Date("2026-12-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString())
const bool = fc.oneof(fc.boolean(), fc.constantFrom("true", "false"))
const int = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), fc.integer({ min, max }).map(String))
const envName = fc.constantFrom(DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, "no-such-environment", "demo-airflow-9")
const SAME_AS_ENVIRONMENT = Symbol("same as environment_name")
/** An id taken from the call's context (a task instance of the seed), filled in after generation. */
class FromContext {
  constructor(readonly key: keyof Context) {}
}
const fromContext = (key: keyof Context) => fc.constant(new FromContext(key))

/** A valid-looking value for a field, by its name (ids from the seed), else by its advertised JSON Schema. */
const validFor = (field: string, schema: Record<string, any>): fc.Arbitrary<unknown> => {
  switch (field) {
    case "environment_name":
      return fc.oneof({ weight: 5, arbitrary: fromContext("environment_name") }, envName)
    case "name":
      return fc.oneof(envName, fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/))
    case "confirm_environment_name":
      return fc.oneof({ weight: 4, arbitrary: fc.constant(SAME_AS_ENVIRONMENT) }, envName)
    case "dag_id":
      return fc.oneof({ weight: 5, arbitrary: fromContext("dag_id") }, fc.constantFrom(...ALL_DAG_IDS, "no_such_dag"))
    case "dag_run_id":
      return fc.oneof({ weight: 5, arbitrary: fromContext("dag_run_id") }, fc.constantFrom(...ALL_RUN_IDS, "manual__no_such_run"))
    case "task_id":
      return fc.oneof({ weight: 5, arbitrary: fromContext("task_id") }, fc.constantFrom(...ALL_TASK_IDS))
    case "task_ids":
      return fc.oneof(
        fromContext("task_id").map((t) => [t]),
        fc.subarray(ALL_TASK_IDS, { maxLength: 3 })
      )
    case "map_index":
      return fc.oneof({ weight: 5, arbitrary: fromContext("map_index") }, int(-1, 3))
    case "try_number":
      return fc.oneof({ weight: 5, arbitrary: fromContext("try_number") }, int(1, 3))
    case "dag_id_pattern":
      return fc.constantFrom("orders", "fx", "", "_", "legacy", "warehouse_inventory")
    case "conf":
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
    case "state":
      return fc.oneof(
        fc.constantFrom("failed", "success", "running", "queued"),
        fc.subarray(["failed", "success", "upstream_failed", "running"])
      )
  }
  if (field.endsWith("_gte") || field.endsWith("_lte") || field === "logical_date") return isoDate
  if (Array.isArray(schema["enum"])) return fc.constantFrom(...(schema["enum"] as Array<unknown>))
  switch (schema["type"]) {
    case "integer": {
      const min = typeof schema["minimum"] === "number" ? schema["minimum"] : 0
      return int(min, Math.min(typeof schema["maximum"] === "number" ? schema["maximum"] : 50, Math.max(min, 0) + 300))
    }
    case "boolean":
      return bool
    case "array":
      return fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { maxLength: 3 })
    case "object": {
      const properties = (schema["properties"] ?? {}) as Record<string, Record<string, any>>
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 10 }), { maxKeys: 3 })
      return fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validFor(k, s)])))
    }
    default:
      return field.endsWith("_arn")
        ? fc.constantFrom("arn:aws:iam::123456789012:role/mwaa", "arn:aws:s3:::bucket")
        : fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}$/)
  }
}

const OMIT = Symbol("omit")

/**
 * Arguments for one tool: each advertised field present (valid-looking) or not; in messy calls also
 * junk values, extra keys, or no object at all. Clean calls keep most reads real (they must answer).
 */
const argumentsFor = (inputSchema: Record<string, any>): fc.Arbitrary<unknown> => {
  const properties = (inputSchema["properties"] ?? {}) as Record<string, Record<string, any>>
  const required = new Set<string>(inputSchema["required"] ?? [])
  const build = (messy: boolean) => {
    const fields = Object.entries(properties).map(([field, schema]) =>
      fc
        .oneof(
          { weight: required.has(field) || field === "environment_name" ? 10 : 4, arbitrary: validFor(field, schema) },
          { weight: messy ? 2 : 0, arbitrary: junk },
          { weight: required.has(field) ? (messy ? 1 : 0) : field === "environment_name" ? 2 : 5, arbitrary: fc.constant(OMIT) }
        )
        .map((value) => [field, value] as const)
    )
    const extra = messy
      ? fc.oneof(
          fc.constant([] as Array<readonly [string, unknown]>),
          fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }),
          fc.constantFrom(
            [["dry_run", false] as const],
            [["allow_write", true] as const],
            [["method", "DELETE"] as const],
            [["path", "/dags/x"] as const]
          )
        )
      : fc.constant([] as Array<readonly [string, unknown]>)
    return fc.tuple(fc.tuple(...fields), extra).map(([present, more]) => {
      const entries = [...present.filter(([, v]) => v !== OMIT), ...more]
      // fromEntries, not assignment: a generated "__proto__" key stays a plain key.
      return Object.fromEntries(entries)
    })
  }
  return fc.oneof(
    { weight: 6, arbitrary: build(false) },
    { weight: 5, arbitrary: build(true) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
  )
}

/** The generated arguments with the context's ids filled in (and a delete's confirmation set to its environment_name). */
const withContext = (args: unknown, ctx: Context): unknown => {
  const fill = (v: unknown): unknown => (v instanceof FromContext ? ctx[v.key] : Array.isArray(v) ? v.map(fill) : v)
  if (typeof args !== "object" || args === null || Array.isArray(args)) return args
  const entries = Object.entries(args).map(([k, v]) => [k, fill(v)] as const)
  const env = entries.find(([k]) => k === "environment_name")?.[1] ?? ctx.environment_name
  return Object.fromEntries(entries.map(([k, v]) => [k, v === SAME_AS_ENVIRONMENT ? env : v]))
}

/**
 * wait-for-dag-run on a run that is still going (the demo's 3.3 payout run waits for an approval)
 * waits as long as it was told, up to 15 minutes: one second here, whatever was generated, since
 * this property is about writes, and the waits' own bounds are tested where waiting is the point.
 */
const boundedWait = (tool: string, args: unknown): unknown =>
  tool === "wait-for-dag-run" && typeof args === "object" && args !== null && !Array.isArray(args)
    ? { ...args, timeout_seconds: 1, poll_interval_seconds: 2 }
    : args

/** Plain valid arguments of each read tool: a failed task instance of the FX DAG on Airflow 2. */
const plainArgs = (tool: string): Record<string, unknown> => {
  const ctx = contexts.find(
    (c) => c.environment_name === DEMO_ENVIRONMENT_2 && c.dag_id === "fx_rates_refresh" && c.task_id === "fetch_rates"
  )!
  const env = { environment_name: ctx.environment_name }
  const run = { ...env, dag_id: ctx.dag_id, dag_run_id: ctx.dag_run_id }
  switch (tool) {
    case "list-environments":
    case "get-fleet-health":
      return {}
    case "get-dag":
    case "get-dag-source":
    case "list-dag-runs":
    case "list-asset-events":
      return { ...env, dag_id: ctx.dag_id }
    case "get-dag-run":
    case "diagnose-dag-run":
    case "wait-for-dag-run":
    case "list-task-instances":
      return run
    case "get-task-instance":
    case "get-task-logs":
    case "get-xcom":
      return { ...run, task_id: ctx.task_id }
    case "list-pending-approvals":
      return { environment_name: ENV_32 }
    default:
      return env
  }
}

describe("read-only by default: no tool, whatever its arguments, writes anything", () => {
  let h: SecurityHarness
  let schemas: ReadonlyMap<string, Record<string, any>>

  beforeAll(() => {
    // Omitted environment_name resolves to MWAA_ENVIRONMENT, so loose calls still reach Airflow.
    h = makeSecurityHarness(seed, { allowWrite: false, defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3) })
    schemas = new Map(h.host.tools.map((t) => [t.name, t.inputSchema as Record<string, any>]))
  })
  afterAll(() => h.dispose())

  it("the catalogue is the 38 tools, the 10 write tools among them", () => {
    expect([...schemas.keys()].sort()).toEqual([...ALL_TOOLS, ...WORKFLOW_READ_TOOLS].sort())
    const advertisedWrites = h.host.tools
      .filter((t) => !t.annotations.readOnlyHint)
      .map((t) => t.name)
      .sort()
    expect(advertisedWrites).toEqual([...WRITE_TOOLS].sort())
  })

  /**
   * The property. MUTATIONS it catches (each tried once, then reverted):
   *  - src/app/tool-host.ts: delete the write gate (`if (spec.kind === "write") {…}`) → pause-dag sends PATCH /dags/… → fails;
   *  - src/app/tools/pause-dag.ts: declare it with readTool instead of writeTool → PATCH reaches the fake → fails;
   *  - src/domain/paths.ts: DAG_RUNS_BATCH_PATH = "/dags/~/dagRuns" (Airflow's trigger endpoint) → list-dag-runs POSTs a write → fails.
   */
  it(
    "every tool with generated arguments: no write reaches the fake, and every write tool refuses naming --allow-write",
    async () => {
      const answered = new Map<string, number>(READ_TOOLS.map((t) => [t, 0]))
      let reads = 0
      // One arbitrary per tool, built once (building them per case is what would be slow).
      const perTool = new Map(ALL_TOOLS.map((tool) => [tool, argumentsFor(schemas.get(tool)!)] as const))
      const step = fc
        .tuple(
          fc.constantFrom(...ALL_TOOLS).chain((tool) => perTool.get(tool)!.map((args) => [tool, args] as const)),
          fc.constantFrom(...contexts)
        )
        .map(([[tool, args], ctx]) => [tool, boundedWait(tool, withContext(args, ctx))] as const)
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
          for (const [tool, args] of steps) {
            await h.clearCalls()
            const answer = await h.call(tool, args)
            const calls = await h.calls()
            const where = `${tool} ${JSON.stringify(args)?.slice(0, 300)}`
            expect(
              calls.flatMap((c) => writeIn(c) ?? []),
              where
            ).toEqual([])
            if ((WRITE_TOOLS as ReadonlyArray<string>).includes(tool)) {
              expect(answer.isError, where).toBe(true)
              expect(answer.text, where).toContain("--allow-write")
              // Refused before decoding or resolving anything: not even a read was sent.
              expect(calls, where).toEqual([])
            } else {
              reads++
              if (!answer.isError) answered.set(tool, (answered.get(tool) ?? 0) + 1)
            }
          }
        }),
        // First one plain valid call of each read tool, so each is seen answering at least once.
        {
          numRuns: PROPERTY_RUNS,
          examples: READ_TOOLS.map((tool) => [[[tool, plainArgs(tool)] as const]] as [Array<readonly [string, unknown]>])
        }
      )
      // The reads were real ones: many answered (an argument generator that only produced errors would prove nothing).
      const succeeded = [...answered.values()].reduce((a, b) => a + b, 0)
      expect(succeeded / reads, `${succeeded} of ${reads} reads answered`).toBeGreaterThan(0.25)
      expect([...answered].filter(([, n]) => n === 0).map(([t]) => t)).toEqual([])
    },
    propertyTimeout(40)
  )

  it("each write tool with valid arguments refuses and sends nothing, on both Airflow versions", async () => {
    for (const environment_name of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
      const ctx = contexts.find((c) => c.environment_name === environment_name && c.dag_id === "fx_rates_refresh")!
      const valid: Record<(typeof WRITE_TOOLS)[number], Record<string, unknown>> = {
        "create-environment": {
          environment_name: "read-only-probe",
          execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
          source_bucket_arn: "arn:aws:s3:::probe-bucket",
          dag_s3_path: "dags",
          network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
        },
        "update-environment": { environment_name, max_workers: 3 },
        "delete-environment": { environment_name, confirm_environment_name: environment_name },
        "pause-dag": { environment_name, dag_id: ctx.dag_id },
        "unpause-dag": { environment_name, dag_id: ctx.dag_id },
        "trigger-dag-run": { environment_name, dag_id: ctx.dag_id, conf: { reason: "probe" } },
        "clear-task-instances": { environment_name, dag_id: ctx.dag_id, dag_run_id: ctx.dag_run_id, dry_run: false, only_failed: false },
        "respond-to-approval": {
          environment_name: ENV_32,
          dag_id: APPROVAL_DAG,
          dag_run_id: PENDING_APPROVAL_RUN,
          task_id: APPROVAL_TASK,
          chosen_options: ["Approve"]
        },
        // By name: not even the ListWorkflows that resolves it is sent.
        "start-workflow-run": { workflow: "payouts-nightly", override_parameters: { day: "2026-11-25" }, client_token: "probe" },
        "stop-workflow-run": { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN, confirm_run_id: EVENTS_RUNNING_RUN }
      }
      for (const tool of WRITE_TOOLS) {
        await h.clearCalls()
        const answer = await h.call(tool, valid[tool])
        expect(answer.isError, tool).toBe(true)
        expect(answer.text, tool).toContain("--allow-write")
        expect(await h.calls(), tool).toEqual([])
      }
    }
  })
})
