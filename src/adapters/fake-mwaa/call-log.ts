import { appendFileSync } from "node:fs"
import { Effect, FiberRef } from "effect"
import type { RestMethod } from "../../ports/AirflowApi.js"

/** Every gateway call the fake received, in order, so tests can check what reached "AWS". */
export type FakeApi =
  | "ListEnvironments"
  | "GetEnvironment"
  | "CreateEnvironment"
  | "UpdateEnvironment"
  | "DeleteEnvironment"
  | "InvokeRestApi"
  /** mwaa:CreateWebLoginToken: one per webserver login. */
  | "CreateWebLoginToken"
  /** One Airflow REST request to the environment's webserver (/api/v1 or /api/v2), path without the prefix. */
  | "AirflowWebserver"
  | "DescribeLogStreams"
  | "GetLogEvents"
  | "GetObject"
  /** One MWAA Serverless operation, by its X-Amz-Target. */
  | `AmazonMWAAServerless.${string}`

export interface FakeCall {
  readonly api: FakeApi
  /** The environment the call concerns, when it can be told (for logs and S3: by group or bucket). */
  readonly environmentName?: string | undefined
  readonly method?: RestMethod | undefined
  readonly path?: string | undefined
  readonly queryParameters?: Readonly<Record<string, unknown>> | undefined
  readonly body?: unknown
  readonly logGroupArn?: string | undefined
  readonly logStreamName?: string | undefined
  readonly logStreamNamePrefix?: string | undefined
  readonly nextToken?: string | undefined
  readonly limit?: number | undefined
  readonly bucketArn?: string | undefined
  readonly key?: string | undefined
  /** The fault a test injected into this call (faults.ts): it answered in place of the call, or reshaped its answer. */
  readonly fault?: FakeFaultKind | undefined
}

/** The faults a test can inject into a call (their vocabulary is the HTTP fake's, in test/support/http-fake/faults.ts). */
export type FakeFaultKind = "throttle" | "timeout" | "fail" | "malformed"

/**
 * A call that runs with its answer then reshaped is recorded by the code that serves it, below
 * the port: the port marks the fiber so that record carries the fault (only the record of that
 * api: a webserver call's login is not the call that was faulted).
 */
export const FaultMark = FiberRef.unsafeMake<{ readonly api: FakeApi; readonly fault: FakeFaultKind } | undefined>(undefined)

export interface CallLog {
  readonly record: (call: FakeCall) => Effect.Effect<void>
  readonly calls: Effect.Effect<ReadonlyArray<FakeCall>>
  readonly clear: Effect.Effect<void>
}

/** Drops undefined members, so the in-memory record and the JSON line say the same thing. */
const compact = (call: FakeCall): FakeCall => {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(call)) if (value !== undefined) kept[key] = value
  return kept as unknown as FakeCall
}

/**
 * The demo serves for as long as its client runs: the log keeps at least the last 10,000 calls,
 * trimmed in batches so a call costs no copying, instead of growing without end.
 */
export const CALL_LOG_KEPT = 10_000

/**
 * A call log in memory and, when a path is given, appended to that file as JSON lines: stdio
 * end-to-end tests read it to see what reached the fake from the server's own process.
 * A plain array, appended to in place: the log only grows (or is cleared), each record is one
 * synchronous step, and `calls` hands out a copy, so no reader sees it change.
 */
export const makeCallLog = (path: string | undefined): Effect.Effect<CallLog> =>
  Effect.sync(() => {
    let log: Array<FakeCall> = []
    const toFile = (call: FakeCall) =>
      Effect.try(() => appendFileSync(path ?? "", `${JSON.stringify(compact(call))}\n`, "utf8")).pipe(
        Effect.catchAll((cause) => Effect.logWarning(`fake MWAA could not append to its call log ${path}`, cause))
      )
    const append = (entry: FakeCall) =>
      Effect.sync(() => {
        log.push(entry)
        if (log.length > 2 * CALL_LOG_KEPT) log = log.slice(-CALL_LOG_KEPT)
      })
    return {
      // Kept as given and compacted when read: recording is on every gateway call, reading is for tests.
      record: (given) => {
        const mark = FiberRef.getWith(FaultMark, (m) => Effect.succeed(m?.api === given.api ? { ...given, fault: m.fault } : given))
        return Effect.flatMap(mark, (call) => (path === undefined ? append(call) : Effect.zipRight(append(call), toFile(call))))
      },
      calls: Effect.sync((): ReadonlyArray<FakeCall> => log.map(compact)),
      clear: Effect.sync(() => {
        log = []
      })
    }
  })
