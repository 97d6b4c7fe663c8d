import { type Context, Effect, Ref } from "effect"
import type { AirflowApi } from "../../ports/AirflowApi.js"
import type { DagFiles } from "../../ports/DagFiles.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { CloudWatchLogsWire } from "../cloudwatch-task-logs.js"
import { type CallLog, type FakeApi, type FakeCall, FaultMark } from "./call-log.js"
import { environmentOfLogGroup } from "./cloudwatch.js"
import type { FakeControlPlane } from "./control-plane.js"
import { type Answerer, faultError, reshaped, unreadable } from "./fault-answers.js"
import type { FaultQueue } from "./faults.js"
import { environmentOfBucket } from "./s3.js"
import type { FakeState } from "./state.js"

/**
 * The calls behind the fake's ports with the tests' faults in front (faults.ts): a refusal
 * (throttle, timeout, 5xx) answers in place of the call, recorded in the call log as the call
 * would have been; a malformed answer lets the call run and record itself, marked, and reshapes
 * what it answered. The Environments port decodes the control plane's answer after this, as the
 * AWS adapter decodes the SDK's. The HTTP fake serves the plain calls: its faults are on the wire.
 */
export interface Faultable {
  readonly controlPlane: FakeControlPlane
  readonly airflowApi: Context.Tag.Service<AirflowApi>
  readonly cloudWatchLogs: CloudWatchLogsWire
  readonly dagFiles: Context.Tag.Service<DagFiles>
}

export const withFaults = (calls: Faultable, faults: FaultQueue, log: CallLog, ref: Ref.Ref<FakeState>): Faultable => {
  /**
   * One call through the faults. `describe` is the call as the log records it (asked only when a
   * fault answers); `reshape` is its malformed answer: reshaped, or by default unreadable (no
   * Schema reads it, so the SDK's deserializer is what would fail).
   */
  const faulted = <A, E>(
    api: FakeApi,
    describe: Effect.Effect<Omit<FakeCall, "api">>,
    operation: string,
    answerer: Answerer,
    run: Effect.Effect<A, E>,
    reshape: (answer: A) => Effect.Effect<A, E | MwaaError> = () => Effect.fail(unreadable(operation))
  ): Effect.Effect<A, E | MwaaError> =>
    Effect.flatMap(faults.draw(api), (fault) => {
      if (fault === undefined) return run
      if (fault.kind === "malformed") return Effect.flatMap(Effect.locally(run, FaultMark, { api, fault: fault.kind }), reshape)
      return describe.pipe(
        Effect.flatMap((call) => log.record({ api, ...call, fault: fault.kind })),
        Effect.zipRight(Effect.fail(faultError(fault, operation, answerer)))
      )
    })
  const aws = <A, E>(api: FakeApi, call: Omit<FakeCall, "api">, run: Effect.Effect<A, E>) =>
    faulted(api, Effect.succeed(call), api, "aws", run)
  const ofLogGroup = (logGroupArn: string) => Effect.map(Ref.get(ref), (s) => environmentOfLogGroup(s, logGroupArn))
  const reshapedTo = <A>(answer: A) => Effect.succeed(reshaped(answer) as A)

  const { controlPlane: plane, airflowApi, cloudWatchLogs, dagFiles } = calls
  return {
    controlPlane: {
      listEnvironments: () => aws("ListEnvironments", {}, plane.listEnvironments()),
      getEnvironment: (name) =>
        faulted(
          "GetEnvironment",
          Effect.succeed({ environmentName: name }),
          "GetEnvironment",
          "aws",
          plane.getEnvironment(name),
          reshapedTo
        ),
      createEnvironment: (input) => aws("CreateEnvironment", { environmentName: input.Name, body: input }, plane.createEnvironment(input)),
      updateEnvironment: (input) => aws("UpdateEnvironment", { environmentName: input.Name, body: input }, plane.updateEnvironment(input)),
      deleteEnvironment: (name) => aws("DeleteEnvironment", { environmentName: name }, plane.deleteEnvironment(name))
    },
    airflowApi: {
      send: (route, request) => {
        const { environmentName, method, path, queryParameters, body } = request
        const api = route._tag === "InvokeRestApi" ? "InvokeRestApi" : "AirflowWebserver"
        const call = Effect.succeed({ environmentName, method, path, queryParameters, body })
        const reshape = (response: { readonly status: number; readonly body: unknown }) =>
          Effect.succeed({ ...response, body: reshaped(response.body) })
        return faulted(api, call, `${route._tag} ${method} ${path}`, "airflow", airflowApi.send(route, request), reshape)
      }
    },
    cloudWatchLogs: {
      describeLogStreams: (logGroupArn, prefix) => {
        const call = Effect.map(ofLogGroup(logGroupArn), (environmentName) => ({
          environmentName,
          logGroupArn,
          logStreamNamePrefix: prefix
        }))
        return faulted("DescribeLogStreams", call, "DescribeLogStreams", "aws", cloudWatchLogs.describeLogStreams(logGroupArn, prefix))
      },
      getLogEventsBackward: (logGroupArn, logStreamName, options) => {
        const { nextToken, limit } = options
        const call = Effect.map(ofLogGroup(logGroupArn), (environmentName) => ({
          environmentName,
          logGroupArn,
          logStreamName,
          nextToken,
          limit
        }))
        const run = cloudWatchLogs.getLogEventsBackward(logGroupArn, logStreamName, options)
        return faulted("GetLogEvents", call, "GetLogEvents", "aws", run)
      }
    },
    dagFiles: {
      read: (bucketArn, key) => {
        const call = Effect.map(Ref.get(ref), (s) => ({ environmentName: environmentOfBucket(s, bucketArn), bucketArn, key }))
        return faulted("GetObject", call, "GetObject", "aws", dagFiles.read(bucketArn, key))
      }
    }
  }
}
