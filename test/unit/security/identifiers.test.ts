import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Option, Schema } from "effect"
import * as fc from "fast-check"
import { taskLogStreamName } from "../../../src/adapters/cloudwatch-task-logs.js"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, demoSeed, FX_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../../src/adapters/fake-mwaa/demo/approvals.js"
import { demoEnvironment } from "../../../src/adapters/fake-mwaa/demo/seed.js"
import { clearTaskInstancesRequest } from "../../../src/domain/clear-defaults.js"
import { DagId, DagRunId, TaskId } from "../../../src/domain/ids.js"
import { DAG_RUNS_BATCH_PATH, MAX_PATH_LENGTH, pathOf, TASK_INSTANCES_BATCH_PATH } from "../../../src/domain/paths.js"
import * as Routes from "../../../src/domain/routes.js"
import type { AirflowMajor, RestCall } from "../../../src/domain/routes.js"
import * as Runs from "../../../src/domain/routes-runs.js"
import * as Tasks from "../../../src/domain/routes-tasks.js"
import { makeSecurityHarness, PROPERTY_RUNS, propertyTimeout, type SecurityHarness } from "../../support/security-harness.js"

/**
 * Issue 4, identifiers: an id can never steer a call elsewhere.
 * (a) every ACCEPTED id yields exactly the intended Airflow path (parsed back: same operation, same ids);
 * (b) every REJECTED id is refused, naming the field and its rule, and nothing at all reaches the gateway.
 */

// ---- the rules, written out here (independently of src/domain/ids.ts) ----------------------

const KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"
const RUN_CHARS = `${KEY_CHARS}~:+`
const ENV_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

const dotsOnly = (s: string) => /^\.+$/.test(s)
/** Airflow's KEY_REGEX, ID_LEN 250, not "." or "..": dag_id and task_id. */
const keyAccepted = (s: string) => /^[A-Za-z0-9_.-]+$/.test(s) && s.length <= 250 && !dotsOnly(s)
/** Airflow's allowed_run_id_pattern; "~" is the wildcard, never a run. */
const runAccepted = (s: string) => /^[A-Za-z0-9_.~:+-]+$/.test(s) && s.length <= 250 && s !== "~" && !dotsOnly(s)
/** MWAA's Name pattern, 1-80; or region/name, or an environment's ARN, which name one by its region (and account). */
const mwaaName = (s: string) => /^[a-zA-Z][0-9a-zA-Z_-]*$/.test(s) && s.length <= 80
const envAccepted = (s: string) => {
  const arn = /^arn:aws(?:-[a-z]+)*:airflow:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:environment\/(.*)$/.exec(s)
  const qualified = /^[a-z]{2}(?:-[a-z]+)+-\d+\/(.*)$/.exec(s)
  const name = arn?.[1] ?? qualified?.[1] ?? s
  return mwaaName(name) && s.length <= 200
}

// ---- generators of accepted ids --------------------------------------------------------------

const stringOf = (chars: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...chars.split("")), minLength, maxLength })

/** Short ids (their direct paths fit 64 characters), medium ones, and up to Airflow's 250. */
const keyId = fc
  .oneof(
    { weight: 4, arbitrary: stringOf(KEY_CHARS, 1, 8) },
    { weight: 3, arbitrary: stringOf(KEY_CHARS, 9, 45) },
    { weight: 1, arbitrary: stringOf(KEY_CHARS, 46, 250) }
  )
  .filter(keyAccepted)

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString())
const runId = fc
  .oneof(
    isoDate.map((d) => `scheduled__${d.replace(/\.\d{3}Z$/, "+00:00")}`),
    isoDate.map((d) => `manual__${d.replace("Z", "123+00:00")}`),
    isoDate.map((d) => `dataset_triggered__${d}`),
    { weight: 3, arbitrary: stringOf(RUN_CHARS, 1, 10) },
    stringOf(RUN_CHARS, 11, 250)
  )
  .filter(runAccepted)
const mapIndex = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -1, max: 100_000 }))
const tryNumber = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 1000 }))
const version = fc.constantFrom<AirflowMajor>(2, 3)

// ---- parsing a planned call back -----------------------------------------------------------

/** The path split on "/" with each segment percent-decoded; the leading "" is dropped. */
const segmentsOf = (path: string): ReadonlyArray<string> => {
  expect(path.startsWith("/"), path).toBe(true)
  return path.slice(1).split("/").map(decodeURIComponent)
}

/** What the intended operation looks like: method, segments, and what the body/query must carry. */
interface Expected {
  readonly method: string
  readonly segments: ReadonlyArray<string>
  readonly body?: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, unknown>>
}

const rawPathOf = (segments: ReadonlyArray<string>) => `/${segments.join("/")}`
/** Accepted ids need no percent-encoding except none at all, so the raw join is the real length. */
const fitsRaw = (segments: ReadonlyArray<string>) => rawPathOf(segments).length <= MAX_PATH_LENGTH

/** `anyLength`: a direct path planned whatever its length (route-choice.ts sends one over 64 through the webserver). */
const expectCall = (what: string, call: RestCall, expected: Expected, anyLength = false) => {
  const label = `${what}: ${call.method} ${call.path}`
  if (!anyLength) expect(call.path.length, label).toBeLessThanOrEqual(MAX_PATH_LENGTH)
  // Nothing that could start a query, a fragment, or hide a separator: only pchars and %XX.
  expect(call.path, label).toMatch(/^\/[A-Za-z0-9_.~:+\-/%]*$/)
  expect(call.method, label).toBe(expected.method)
  expect(segmentsOf(call.path), label).toEqual(expected.segments)
  for (const [k, v] of Object.entries(expected.body ?? {})) expect(call.body?.[k], `${label} body.${k}`).toEqual(v)
  for (const [k, v] of Object.entries(expected.query ?? {})) expect(call.query?.[k], `${label} query.${k}`).toEqual(v)
}

const DAG_RUNS_BATCH = ["dags", "~", "dagRuns", "list"]
const TASK_INSTANCES_BATCH = ["dags", "~", "dagRuns", "~", "taskInstances", "list"]

/** Every operation of the planner for one set of ids, each checked against its intended template. */
const checkEveryRoute = (v: AirflowMajor, dag: string, run: string, task: string, mi: number, tn: number, token: string) => {
  // get-dag: GET /dags/{dag}, or the list filtered by the id (matched exactly by the caller)
  const getDag = Routes.getDag(dag)
  if (fitsRaw(["dags", dag])) expectCall("getDag", getDag.call, { method: "GET", segments: ["dags", dag] })
  else {
    expectCall("getDag (list)", getDag.call, { method: "GET", segments: ["dags"], query: { dag_id_pattern: dag } })
    expect(getDag.exactMatchIn).toBe("dags")
  }
  // ... and always its own path when long paths can be sent (the webserver route)
  expectCall("getDag (long paths)", Routes.getDag(dag, true).call, { method: "GET", segments: ["dags", dag] }, true)

  // pause/unpause: PATCH /dags/{dag} whatever its length, never the pattern form
  for (const paused of [true, false]) {
    expectCall(
      "setDagPaused",
      Routes.setDagPaused(dag, paused),
      { method: "PATCH", segments: ["dags", dag], body: { is_paused: paused }, query: { update_mask: "is_paused" } },
      true
    )
  }

  // DAG source: Airflow 2 by file_token, Airflow 3 by dag_id
  const sourceKey = v === 2 ? token : dag
  const source = Routes.dagSourceRest(v, dag, token)
  expect(Option.isSome(source)).toBe(fitsRaw(["dagSources", sourceKey]))
  if (Option.isSome(source)) expectCall("dagSourceRest", source.value, { method: "GET", segments: ["dagSources", sourceKey] })

  // runs of a DAG: GET /dags/{dag}/dagRuns, or the batch list carrying the id in the body
  const filters = { limit: 25, offset: 0 }
  const list = Runs.listDagRuns(v, dag, filters)
  if (fitsRaw(["dags", dag, "dagRuns"])) expectCall("listDagRuns", list, { method: "GET", segments: ["dags", dag, "dagRuns"] })
  else expectCall("listDagRuns (batch)", list, { method: "POST", segments: DAG_RUNS_BATCH, body: { dag_ids: [dag] } })
  expectCall("listDagRuns (every DAG)", Runs.listDagRuns(v, undefined, filters), { method: "POST", segments: DAG_RUNS_BATCH })
  expect(Runs.listDagRuns(v, undefined, filters).body?.["dag_ids"]).toBeUndefined()

  // one run: its own path when it fits, else the batch lookup for exactly this DAG
  const direct = Runs.getDagRunDirect(dag, run)
  expect(Option.isSome(direct)).toBe(fitsRaw(["dags", dag, "dagRuns", run]))
  if (Option.isSome(direct)) expectCall("getDagRunDirect", direct.value, { method: "GET", segments: ["dags", dag, "dagRuns", run] })
  expectCall("dagRunLookup", Runs.dagRunLookup(v, dag, run, { limit: 100, offset: 0 }), {
    method: "POST",
    segments: DAG_RUNS_BATCH,
    body: { dag_ids: [dag] }
  })

  // ... and its own path whatever its length, for the webserver route
  expectCall("getDagRunPath", Runs.getDagRunPath(dag, run), { method: "GET", segments: ["dags", dag, "dagRuns", run] }, true)

  // trigger: POST /dags/{dag}/dagRuns with this run id in the body, whatever its length
  expectCall(
    "triggerDagRun",
    Runs.triggerDagRun(v, dag, { dag_run_id: run, conf: { k: "v" } }),
    { method: "POST", segments: ["dags", dag, "dagRuns"], body: { dag_run_id: run, conf: { k: "v" } } },
    true
  )

  // task instances of a run: the batch endpoint, ids in the body
  expectCall("listTaskInstances", Tasks.listTaskInstances(dag, run, { task_ids: [task] }), {
    method: "POST",
    segments: TASK_INSTANCES_BATCH,
    body: { dag_ids: [dag], dag_run_ids: [run], task_ids: [task] }
  })

  // one task instance: GET .../taskInstances/{task}[/{map_index}], else the batch list narrowed to it
  const tiSegments = ["dags", dag, "dagRuns", run, "taskInstances", task, ...(mi >= 0 ? [String(mi)] : [])]
  const ti = Tasks.getTaskInstance(dag, run, task, mi)
  if (fitsRaw(tiSegments)) expectCall("getTaskInstance", ti, { method: "GET", segments: tiSegments })
  else {
    expectCall("getTaskInstance (batch)", ti, {
      method: "POST",
      segments: TASK_INSTANCES_BATCH,
      body: { dag_ids: [dag], dag_run_ids: [run], task_ids: [task] }
    })
  }

  // clearing: POST /dags/{dag}/clearTaskInstances, run and tasks in the body
  const clearRequest = clearTaskInstancesRequest({ dag_id: dag, dag_run_id: run, task_ids: [task] })
  expectCall(
    "clearTaskInstances",
    Tasks.clearTaskInstances(dag, clearRequest),
    { method: "POST", segments: ["dags", dag, "clearTaskInstances"], body: { dag_run_id: run, task_ids: [task], dry_run: true } },
    true
  )

  // a try's log over REST: .../taskInstances/{task}/logs/{try}, map_index in the query
  const logSegments = ["dags", dag, "dagRuns", run, "taskInstances", task, "logs", String(tn)]
  const log = Tasks.taskLogRest({ dag_id: dag, dag_run_id: run, task_id: task, map_index: mi, try_number: tn })
  expect(Option.isSome(log)).toBe(fitsRaw(logSegments))
  if (Option.isSome(log)) {
    expectCall("taskLogRest", log.value, { method: "GET", segments: logSegments, query: { map_index: mi >= 0 ? mi : undefined } })
  }

  // the CloudWatch stream of the try: one "/"-separated part per id, ':' written '_'
  const stream = taskLogStreamName({ dag_id: dag, dag_run_id: run, task_id: task, map_index: mi, try_number: tn })
  expect(stream.split("/")).toEqual([
    `dag_id=${dag}`,
    `run_id=${run.replace(/:/g, "_")}`,
    `task_id=${task}`,
    ...(mi >= 0 ? [`map_index=${mi}`] : []),
    `attempt=${tn}.log`
  ])
}

describe("identifiers: accepted ids yield exactly the intended Airflow path", () => {
  /**
   * Property (a). MUTATIONS it catches (each tried once, then reverted):
   *  - src/domain/paths.ts: `fits = () => true` → a direct path over 64 characters is planned → fails;
   *  - src/domain/routes-tasks.ts getTaskInstance: drop the map_index segment → the parsed path differs → fails;
   *  - src/domain/routes-runs.ts dagRunLookup: `dag_ids: [runId]` → the batch body names another DAG → fails.
   */
  it("every planned path parses back to the operation's template and the same ids, within 64 characters unless direct", () => {
    fc.assert(
      fc.property(
        version,
        keyId,
        runId,
        keyId,
        mapIndex,
        tryNumber,
        stringOf(`${KEY_CHARS}`, 20, 120).filter(keyAccepted),
        (v, dag, run, task, mi, tn, token) => {
          // The generated ids are accepted by the schemas the tools decode with.
          expect(Schema.is(DagId)(dag)).toBe(true)
          expect(Schema.is(TaskId)(task)).toBe(true)
          expect(Schema.is(DagRunId)(run)).toBe(true)
          checkEveryRoute(v, dag, run, task, mi, tn, token)
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  /**
   * Defence in depth: even a string no schema would accept stays inside its segment.
   * MUTATION it catches: src/domain/paths.ts `encodeSegment = (s) => s` → "a/b" becomes two segments → fails.
   */
  it("pathOf percent-encodes every segment: any strings parse back to the same segments", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 6 }), (segments) => {
        const path = pathOf(...segments)
        expect(path, JSON.stringify(segments)).not.toMatch(/[?#\s]/)
        expect(segmentsOf(path)).toEqual(segments)
      }),
      { numRuns: PROPERTY_RUNS }
    )
  })

  it("the batch paths are the fixed wildcard endpoints", () => {
    expect(segmentsOf(DAG_RUNS_BATCH_PATH)).toEqual(DAG_RUNS_BATCH)
    expect(segmentsOf(TASK_INSTANCES_BATCH_PATH)).toEqual(TASK_INSTANCES_BATCH)
  })
})

// ---- (b) rejected ids through the ToolHost ----------------------------------------------------

type Kind = "key" | "run" | "env"

/** The ids the issue names, plus look-alikes: each one is rejected for every kind of id. */
const NAMED_REJECTS: ReadonlyArray<string> = [
  "../connections",
  "a/b",
  "x?limit=1",
  "%2e%2e",
  "%2F",
  "~",
  "",
  "a".repeat(10 * 1024),
  "a\u0000b",
  "\u0000",
  "\u202Eevil",
  "safe\u202Egnp.exe",
  "é",
  "ß",
  "café",
  "straße",
  "\uFF44\uFF41\uFF47", // fullwidth "dag": NFKC would make it ASCII; we must not normalize
  "\u212A", // Kelvin sign: NFKC gives "K"
  "a\u200Bb",
  "\uD800",
  " leading",
  "trailing ",
  " ",
  "a b",
  "a\tb",
  "a\nb",
  "a#b",
  "a&b",
  "a;b",
  "..",
  "."
]

const acceptedBy: Readonly<Record<Kind, (s: string) => boolean>> = { key: keyAccepted, run: runAccepted, env: envAccepted }
const allowedChars: Readonly<Record<Kind, string>> = { key: KEY_CHARS, run: RUN_CHARS, env: ENV_CHARS }

/** Any code point (astral, controls, lone surrogates, look-alikes) outside the kind's alphabet. */
const forbiddenChar = (kind: Kind) =>
  fc
    .oneof(
      fc.constantFrom(..."/?#%&=;,\\ \t\r\n\u0000~:+@!$'\"()*[]{}<>|^`\u202E\u2066\u200B\uFEFF\u00E9\u00DF\u0130\u212A\uFF41".split("")),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
    )
    .filter((c) => !allowedChars[kind].includes(c))

/** Strings with at least one forbidden character between otherwise valid parts, over-long ones, dots. */
const rejectedId = (kind: Kind): fc.Arbitrary<string> => {
  const valid = stringOf(allowedChars[kind], 0, 12)
  const lead = kind === "env" ? stringOf(LETTERS, 1, 1) : fc.constant("")
  const tooLong = kind === "env" ? stringOf(LETTERS, 81, 200) : stringOf(KEY_CHARS.replace(".", ""), 251, 400)
  const generated: Array<fc.Arbitrary<string>> = [
    fc
      .tuple(lead, valid, fc.array(forbiddenChar(kind), { minLength: 1, maxLength: 3 }), valid)
      .map(([l, a, bad, b]) => `${l}${a}${bad.join("")}${b}`),
    tooLong,
    fc.constantFrom(...NAMED_REJECTS)
  ]
  if (kind !== "env") generated.push(fc.integer({ min: 1, max: 5 }).map((n) => ".".repeat(n)))
  if (kind === "env") generated.push(fc.tuple(fc.constantFrom(..."0123456789_-".split("")), valid).map(([c, rest]) => `${c}${rest}`))
  return fc.oneof(...generated).filter((s) => !acceptedBy[kind](s))
}

/** The rule texts a rejection must name (any one of them, as the first broken rule). */
const RULE =
  /must not be empty|at most \d+ characters|may contain only|must not be only dots|must be a real run id|must start with a letter/

interface Target {
  readonly tool: string
  /** The argument that receives the rejected id. */
  readonly field: string
  readonly kind: Kind
  /** How the field is named in the error ("task_ids" is an array: its element is task_ids.0). */
  readonly named: string
  /** Place the id into otherwise valid arguments. */
  readonly put: (id: string) => Record<string, unknown>
}

describe("identifiers: rejected ids are refused, naming the field, and nothing is sent", () => {
  const ENV = DEMO_ENVIRONMENT_2
  // A real run and task of the demo's FX DAG in the Airflow 2 environment (its 2026-11-25 run failed).
  const fxRun = demoSeed().environments[0]!.dagRuns!.find((r) => r.dagId === FX_DAG && r.state === "failed")!
  const TASK = "fetch_rates"
  const ids = { environment_name: ENV, dag_id: FX_DAG, dag_run_id: fxRun.runId }
  // Human-in-the-loop requests need Airflow 3.1: an environment at 3.2 with the demo's waiting approval.
  const ENV_32 = "demo-airflow-3-2"
  const approval = { environment_name: ENV_32, dag_id: APPROVAL_DAG, dag_run_id: PENDING_APPROVAL_RUN }
  let h: SecurityHarness
  let deleteNeedsConfirmation = false

  /** Valid arguments for every tool that takes an id: each would reach the fake (checked below). */
  const base = (): ReadonlyArray<readonly [string, Record<string, unknown>]> => [
    ["get-environment", { environment_name: ENV }],
    ["get-environment-health", { environment_name: ENV }],
    ["list-dags", { environment_name: ENV }],
    ["get-dag", { environment_name: ENV, dag_id: FX_DAG }],
    ["get-dag-source", { environment_name: ENV, dag_id: FX_DAG }],
    ["list-dag-runs", { environment_name: ENV, dag_id: FX_DAG }],
    ["get-dag-run", ids],
    ["diagnose-dag-run", ids],
    ["wait-for-dag-run", ids],
    ["list-task-instances", { ...ids, task_ids: [TASK] }],
    ["get-task-instance", { ...ids, task_id: TASK }],
    ["get-task-logs", { ...ids, task_id: TASK }],
    ["get-xcom", { ...ids, task_id: TASK }],
    ["get-import-errors", { environment_name: ENV }],
    ["list-connections", { environment_name: ENV }],
    ["list-variables", { environment_name: ENV }],
    ["list-asset-events", { environment_name: ENV, dag_id: FX_DAG }],
    ["pause-dag", { environment_name: ENV, dag_id: FX_DAG }],
    ["unpause-dag", { environment_name: ENV, dag_id: FX_DAG }],
    ["trigger-dag-run", { environment_name: ENV, dag_id: FX_DAG, dag_run_id: "manual__security_probe" }],
    ["clear-task-instances", { ...ids, task_ids: [TASK] }],
    ["list-pending-approvals", approval],
    ["respond-to-approval", { ...approval, task_id: APPROVAL_TASK, chosen_options: ["Approve"] }],
    [
      "create-environment",
      {
        environment_name: "security-probe",
        execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
        source_bucket_arn: "arn:aws:s3:::probe-bucket",
        dag_s3_path: "dags",
        network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
      }
    ],
    // `name`, environment_name's deprecated alias, takes the same ids through the same rule.
    [
      "create-environment",
      {
        name: "security-probe-alias",
        execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
        source_bucket_arn: "arn:aws:s3:::probe-bucket",
        dag_s3_path: "dags",
        network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
      }
    ],
    ["update-environment", { environment_name: DEMO_ENVIRONMENT_3, max_workers: 3 }],
    // Last: it deletes the environment it names.
    [
      "delete-environment",
      {
        environment_name: DEMO_ENVIRONMENT_3,
        ...(deleteNeedsConfirmation ? { confirm_environment_name: DEMO_ENVIRONMENT_3 } : {})
      }
    ]
  ]

  const FIELDS: ReadonlyArray<readonly [field: string, kind: Kind]> = [
    ["environment_name", "env"],
    ["name", "env"],
    ["dag_id", "key"],
    ["task_id", "key"],
    ["task_ids", "key"],
    ["dag_run_id", "run"]
  ]

  /** Every (tool, id argument) pair: every place an id enters a request. */
  const targets = (): ReadonlyArray<Target> =>
    base().flatMap(([tool, args]) =>
      FIELDS.filter(([field]) => field in args).map(
        ([field, kind]): Target => ({
          tool,
          field,
          kind,
          named: field === "task_ids" ? "task_ids.0" : field,
          put: (id) => ({
            ...args,
            [field]: field === "task_ids" ? [id] : id,
            // delete-environment's confirmation repeats the name: keep the two equal so only the rule refuses it.
            ...(tool === "delete-environment" && field === "environment_name" && deleteNeedsConfirmation
              ? { confirm_environment_name: id }
              : {})
          })
        })
      )
    )

  beforeAll(() => {
    const demo = demoSeed()
    h = makeSecurityHarness({ ...demo, environments: [...demo.environments, demoEnvironment(ENV_32, "3.2.1")] }, { allowWrite: true })
    const schema = h.host.tools.find((t) => t.name === "delete-environment")?.inputSchema as
      | { properties?: Record<string, unknown> }
      | undefined
    deleteNeedsConfirmation = schema?.properties?.["confirm_environment_name"] !== undefined
  })
  afterAll(() => h.dispose())

  it("covers every tool that takes an id, and every id argument", () => {
    const covered = new Set(targets().map((t) => `${t.tool}.${t.field}`))
    for (const tool of h.host.tools) {
      const properties = Object.keys((tool.inputSchema as { properties?: Record<string, unknown> }).properties ?? {})
      for (const [field] of FIELDS) {
        if (properties.includes(field)) expect(covered.has(`${tool.name}.${field}`), `${tool.name}.${field} is not exercised`).toBe(true)
      }
    }
  })

  /**
   * Property (b). MUTATIONS it catches (each tried once, then reverted):
   *  - src/domain/ids.ts: remove Schema.pattern(KEY_PATTERN) from DagId → "x?limit=1" reaches the fake → fails;
   *  - src/domain/ids.ts: drop the `s !== "~"` filter of DagRunId → run id "~" reaches the fake → fails;
   *  - src/domain/ids.ts: ENVIRONMENT_NAME_PATTERN = /^.+$/ → "a/b" is sent as an environment name → fails.
   */
  it(
    "every rejected id, in every tool and argument that takes it, is an error naming the field and no gateway call",
    async () => {
      const all = targets()
      const byKind = (kind: Kind) => all.filter((t) => t.kind === kind)
      const problems: Array<string> = []
      const check = async (target: Target, id: string) => {
        await h.clearCalls()
        const answer = await h.call(target.tool, target.put(id))
        const calls = await h.calls()
        const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…(${id.length})` : id)
        if (!answer.isError) problems.push(`${target.tool} ${target.field}=${shown}: accepted`)
        else if (!answer.text.includes(target.named) || !RULE.test(answer.text)) {
          problems.push(`${target.tool} ${target.field}=${shown}: error does not name the field and its rule: ${answer.text.slice(0, 300)}`)
        }
        if (calls.length > 0)
          problems.push(
            `${target.tool} ${target.field}=${shown}: reached the fake: ${calls.map((c) => `${c.api} ${c.method ?? ""} ${c.path ?? ""}`).join("; ")}`
          )
      }

      // The issue's list, in every place.
      for (const target of all) for (const id of NAMED_REJECTS) await check(target, id)
      expect(problems).toEqual([])

      // Generated ones.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<Kind>("key", "run", "env").chain((kind) => fc.tuple(fc.constant(kind), rejectedId(kind))),
          async ([kind, id]) => {
            expect(acceptedBy[kind](id), JSON.stringify(id)).toBe(false)
            for (const target of byKind(kind)) await check(target, id)
            expect(problems).toEqual([])
          }
        ),
        { numRuns: PROPERTY_RUNS }
      )
    },
    propertyTimeout(40)
  )

  it("the same arguments with valid ids do reach the fake (so 'no call' above is the id's doing)", async () => {
    for (const [tool, args] of base()) {
      await h.clearCalls()
      const answer = await h.call(tool, args)
      expect((await h.calls()).length, `${tool}: ${answer.text.slice(0, 300)}`).toBeGreaterThan(0)
    }
  })
})
