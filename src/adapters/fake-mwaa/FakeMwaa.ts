import { Context, Effect, Layer, Option, Ref } from "effect"
import { AirflowApi } from "../../ports/AirflowApi.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { Environments } from "../../ports/Environments.js"
import { TaskLogs } from "../../ports/TaskLogs.js"
import { Workflows } from "../../ports/Workflows.js"
import { type CloudWatchLogsWire, cloudWatchTaskLogs } from "../cloudwatch-task-logs.js"
import { makeAirflowApi } from "./airflow-api.js"
import { buildState } from "./build-state.js"
import { type FakeCall, makeCallLog } from "./call-log.js"
import { type FakeControlPlane, makeControlPlane } from "./control-plane.js"
import { makeEnvironments } from "./environments-port.js"
import { makeFakeClock } from "./fake-clock.js"
import { type FakeFaults, makeFaultQueue } from "./faults.js"
import { withFaults } from "./faulted-ports.js"
import { DEFAULT_LOCATION, type FakeLocation } from "./locations.js"
import { makeCloudWatchLogs, makeDagFiles, makeS3Objects, type S3Objects } from "./logs-and-s3.js"
import { findDag, findRun, findTaskInstance } from "./lookups.js"
import { setDagRunState } from "./scheduler.js"
import type { FakeSeed } from "./seed-types.js"
import type * as S from "./state.js"
import { findEnvironment } from "./state.js"
import { type FakeWebserver, makeFakeWebserver } from "./webserver-service.js"
import { makeFakeWorkflows } from "./workflows-port.js"

export interface FakeMwaaOptions {
  /** Also append every call as one JSON line to this file (for tests in another process). */
  readonly callLogPath?: string | undefined
  /** The account every ARN names (default 123456789012). */
  readonly account?: string | undefined
  /** The region every ARN and webserver host names (default us-east-1). */
  readonly region?: string | undefined
}

/** What tests can see of the fake: the calls it received and its current stored records. */
export interface FakeMwaaShape {
  /** Where this fake lives: the account and region its ARNs and webserver hosts name. */
  readonly location: FakeLocation
  readonly calls: Effect.Effect<ReadonlyArray<FakeCall>>
  readonly clearCalls: Effect.Effect<void>
  /** The whole stored state, for checks the readers below do not cover. */
  readonly state: Effect.Effect<S.FakeState>
  readonly environment: (name: string) => Effect.Effect<Option.Option<S.EnvironmentRecord>>
  readonly dag: (environmentName: string, dagId: string) => Effect.Effect<Option.Option<S.DagRecord>>
  readonly dagRun: (environmentName: string, dagId: string, runId: string) => Effect.Effect<Option.Option<S.DagRunRecord>>
  readonly taskInstance: (
    environmentName: string,
    dagId: string,
    runId: string,
    taskId: string,
    mapIndex?: number
  ) => Effect.Effect<Option.Option<S.TaskInstanceRecord>>
  /**
   * The environments' webservers: CreateWebLoginToken, the login, the REST API behind a session
   * (what the HTTP fake serves on the wire), and the tests' levers on sessions.
   */
  readonly webserver: FakeWebserver
  /** MWAA's control plane in the model's member names (what the HTTP fake serves); recorded like the ports' calls. */
  readonly controlPlane: FakeControlPlane
  /** CloudWatch Logs' calls as the wire has them (tokens and all), recorded: what the HTTP fake serves. */
  readonly cloudWatchLogs: CloudWatchLogsWire
  /** S3 GetObject on the source buckets, recorded: what the HTTP fake serves. */
  readonly dagFiles: Context.Tag.Service<DagFiles>
  /** S3 GetObject on any bucket the fake holds (DAG files, workflow definitions), at an object version: recorded. */
  readonly s3Objects: S3Objects
  /**
   * Moves the fake's time forward on top of Effect's Clock (web login tokens expire after 60 s,
   * sessions after 12 h). In-process tests can use TestClock.adjust instead: the fake reads the Clock.
   */
  readonly advanceClock: (millis: number) => Effect.Effect<void>
  /**
   * Faults injected at the backend's ports, per call (faults.ts). The control plane, CloudWatch Logs
   * and S3 calls above meet none; the HTTP fake answers InvokeRestApi through the AirflowApi port,
   * so faults on InvokeRestApi reach its wire too.
   */
  readonly faults: FakeFaults
  /** Moves a run to another state, as Airflow's scheduler would; false when the run does not exist. */
  readonly setDagRunState: (
    environmentName: string,
    dagId: string,
    runId: string,
    state: "queued" | "running" | "success" | "failed"
  ) => Effect.Effect<boolean>
}

/**
 * The in-memory MWAA: one layer provides the backend's ports — Environments, AirflowApi (Airflow
 * 2.10 or 3.0 behind InvokeRestApi or the webserver), TaskLogs (CloudWatch Logs), DagFiles (S3) —
 * and this inspection service over the same state. Used by the demo, property tests and end-to-end tests.
 */
export class FakeMwaa extends Context.Tag("mwaa-mcp/FakeMwaa")<FakeMwaa, FakeMwaaShape>() {
  static readonly layer = (seed: FakeSeed, options: FakeMwaaOptions = {}): Layer.Layer<BackendPorts | FakeMwaa> =>
    Layer.effectContext(
      Effect.gen(function* () {
        const location = { account: options.account ?? DEFAULT_LOCATION.account, region: options.region ?? DEFAULT_LOCATION.region }
        const ref = yield* Ref.make(buildState(seed, location))
        const clock = yield* makeFakeClock(ref)
        const log = yield* makeCallLog(options.callLogPath)
        const faults = makeFaultQueue()
        const read = <A>(f: (state: S.FakeState) => A | undefined) => Effect.map(Ref.get(ref), (state) => Option.fromNullable(f(state)))
        const inEnv = <A>(name: string, f: (env: S.EnvironmentRecord) => A | undefined) =>
          read((state) => {
            const env = findEnvironment(state, name)
            return env === undefined ? undefined : f(env)
          })
        const web = makeFakeWebserver(ref, clock, log)
        const controlPlane = makeControlPlane(ref, clock, log)
        const cloudWatchLogs = makeCloudWatchLogs(ref, log)
        const s3Objects = makeS3Objects(ref, log)
        const dagFiles = makeDagFiles(s3Objects)
        const inspector: FakeMwaaShape = {
          location,
          calls: log.calls,
          clearCalls: log.clear,
          state: Ref.get(ref),
          environment: (name) => read((state) => findEnvironment(state, name)),
          dag: (name, dagId) => inEnv(name, (env) => findDag(env, dagId)),
          dagRun: (name, dagId, runId) => inEnv(name, (env) => findRun(env, dagId, runId)),
          taskInstance: (name, dagId, runId, taskId, mapIndex = -1) =>
            inEnv(name, (env) => findTaskInstance(env, dagId, runId, taskId, mapIndex)),
          webserver: web,
          controlPlane,
          cloudWatchLogs,
          dagFiles,
          s3Objects,
          advanceClock: clock.advance,
          faults: faults.levers,
          setDagRunState: (name, dagId, runId, runState) =>
            clock.write((state) => {
              const next = setDagRunState(state, name, dagId, runId, runState)
              return next === undefined ? [false, state] : [true, next]
            })
        }
        const ports = withFaults({ controlPlane, airflowApi: makeAirflowApi(clock, log, web), cloudWatchLogs, dagFiles }, faults, log, ref)
        return Context.make(Environments, makeEnvironments(ports.controlPlane)).pipe(
          Context.add(AirflowApi, ports.airflowApi),
          Context.add(TaskLogs, cloudWatchTaskLogs(ports.cloudWatchLogs)),
          Context.add(DagFiles, ports.dagFiles),
          Context.add(Workflows, makeFakeWorkflows(ref, log, ports.cloudWatchLogs, s3Objects)),
          Context.add(FakeMwaa, inspector)
        )
      })
    )
}
