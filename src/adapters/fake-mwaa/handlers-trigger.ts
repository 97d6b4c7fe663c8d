import { createHash } from "node:crypto"
import { Either } from "effect"
import { type AirflowFailure, airflowError, httpException, problem, unprocessable } from "./airflow-errors.js"
import { findDag, runView } from "./lookups.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { isoWithSpace } from "./time.js"

/**
 * POST /dags/{dag_id}/dagRuns: a queued manual run, with its task instances in no state yet
 * (as create_dagrun + verify_integrity leave them). A run id or logical date that exists is a 409.
 */
interface Plan {
  readonly runId: string
  readonly logicalDate: string | null
  readonly runAfter: string
  readonly dataIntervalStart: string | null
  readonly dataIntervalEnd: string | null
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

/** Airflow 2: logical_date (or its alias execution_date) defaults to now; run id manual__<logical_date>. */
const plan2 = (body: Readonly<Record<string, unknown>>, now: string): Either.Either<Plan, AirflowFailure> => {
  const logical = str(body["logical_date"])
  const execution = str(body["execution_date"])
  if (logical !== undefined && execution !== undefined && logical !== execution) {
    return Either.left(problem(400, undefined, "{'_schema': ['logical_date conflicts with execution_date']}"))
  }
  const logicalDate = logical ?? execution ?? now
  return Either.right({
    runId: str(body["dag_run_id"]) ?? `manual__${logicalDate}`,
    logicalDate,
    runAfter: logicalDate,
    dataIntervalStart: str(body["data_interval_start"]) ?? logicalDate,
    dataIntervalEnd: str(body["data_interval_end"]) ?? logicalDate
  })
}

/** Airflow 3.0: logical_date may be null; without it the run id gets a random suffix (here a stable one). */
const plan3 = (body: Readonly<Record<string, unknown>>, now: string, dagId: string): Either.Either<Plan, AirflowFailure> => {
  const start = str(body["data_interval_start"])
  const end = str(body["data_interval_end"])
  if ((start === undefined) !== (end === undefined)) {
    const msg = "Value error, Either both data_interval_start and data_interval_end must be provided or both must be None"
    return Either.left(unprocessable([{ type: "value_error", loc: ["body"], msg, input: body }]))
  }
  const logicalDate = str(body["logical_date"]) ?? null
  const runAfter = logicalDate === null ? (str(body["run_after"]) ?? now) : (end ?? logicalDate)
  const suffix = createHash("sha1").update(`${dagId}/${runAfter}`).digest("base64url").replace(/[-_]/g, "x").slice(0, 8)
  return Either.right({
    runId: str(body["dag_run_id"]) ?? (logicalDate === null ? `manual__${runAfter}_${suffix}` : `manual__${runAfter}`),
    logicalDate,
    runAfter,
    dataIntervalStart: logicalDate === null ? null : (start ?? logicalDate),
    dataIntervalEnd: logicalDate === null ? null : (end ?? logicalDate)
  })
}

/** Airflow 2 names the clash; Airflow 3.0 reports the database's unique constraint violation. */
const conflict = (env: S.EnvironmentRecord, dagId: string, plan: Plan, clash: S.DagRunRecord): AirflowFailure => {
  if (env.flavor === 2) {
    const detail =
      clash.logicalDate === plan.logicalDate && plan.logicalDate !== null
        ? `DAGRun with DAG ID: '${dagId}' and DAGRun logical date: '${isoWithSpace(plan.logicalDate)}' already exists`
        : `DAGRun with DAG ID: '${dagId}' and DAGRun ID: '${plan.runId}' already exists`
    return problem(409, undefined, detail)
  }
  const byRunId = clash.runId === plan.runId
  const constraint = byRunId ? "dag_run_dag_id_run_id_key" : "dag_run_dag_id_logical_date_key"
  const key = byRunId ? `(dag_id, run_id)=(${dagId}, ${plan.runId})` : `(dag_id, logical_date)=(${dagId}, ${plan.logicalDate})`
  return httpException(409, {
    reason: "Unique constraint violation",
    statement: "INSERT INTO dag_run (dag_id, queued_at, logical_date, start_date, end_date, state, run_id, ...) VALUES (...)",
    orig_error: `duplicate key value violates unique constraint "${constraint}"\nDETAIL:  Key ${key} already exists.`
  })
}

export const triggerRun: Handler = ({ env, params, body, now }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    const dag = findDag(env, dagId)
    if (dag === undefined) {
      const detail = `DAG with dag_id: '${dagId}' not found`
      return yield* Either.left(airflowError(env.flavor, 404, { title: "DAG not found", detail }, detail))
    }
    if (dag.hasImportErrors) {
      const detail = `DAG with dag_id: '${dagId}' has import errors`
      return yield* Either.left(
        airflowError(env.flavor, 400, { title: "DAG cannot be triggered", detail }, `${detail} and cannot be triggered`)
      )
    }
    const plan = yield* env.flavor === 2 ? plan2(body, now) : plan3(body, now, dagId)
    const clash = env.dagRuns.find(
      (r) => r.dagId === dagId && (r.runId === plan.runId || (plan.logicalDate !== null && r.logicalDate === plan.logicalDate))
    )
    if (clash !== undefined) return yield* Either.left(conflict(env, dagId, plan, clash))
    const run: S.DagRunRecord = {
      id: env.nextId,
      dagId,
      runId: plan.runId,
      runType: "manual",
      state: "queued",
      logicalDate: plan.logicalDate,
      runAfter: plan.runAfter,
      dataIntervalStart: plan.dataIntervalStart,
      dataIntervalEnd: plan.dataIntervalEnd,
      queuedAt: now,
      startDate: null,
      endDate: null,
      lastSchedulingDecision: null,
      externalTrigger: true,
      conf: (body["conf"] as Record<string, unknown> | null | undefined) ?? {},
      note: str(body["note"]) ?? null,
      triggeredBy: "rest_api"
    }
    const tis = dag.tasks.map(
      (task, i): S.TaskInstanceRecord => ({
        id: env.nextId + 1 + i,
        dagId,
        runId: run.runId,
        taskId: task.taskId,
        mapIndex: -1,
        state: null,
        tryNumber: 0,
        maxTries: task.retries,
        operator: task.operator,
        startDate: null,
        endDate: null,
        queuedWhen: null,
        hostname: "",
        pid: null,
        pool: "default_pool",
        queue: "default",
        priorityWeight: 1,
        tries: []
      })
    )
    const next: S.EnvironmentRecord = {
      ...env,
      dagRuns: [...env.dagRuns, run],
      taskInstances: [...env.taskInstances, ...tis],
      nextId: env.nextId + 1 + tis.length
    }
    return ok(runView(next, run), next)
  })
