import { type Context, Effect, type Ref } from "effect"
import { MwaaError, type MwaaErrorReason } from "../../ports/MwaaError.js"
import type { UnexpectedAnswer } from "../../ports/UnexpectedAnswer.js"
import type { Workflows } from "../../ports/Workflows.js"
import { readStreamBackward, type CloudWatchLogsWire } from "../cloudwatch-task-logs.js"
import { answerServerless, type ServerlessErrorType, type ServerlessOperation } from "../fake-mwaa-serverless/index.js"
import * as Codec from "../serverless-codec.js"
import type { CallLog } from "./call-log.js"
import type { S3Objects } from "./logs-and-s3.js"
import type { FakeState } from "./state.js"

/**
 * The Workflows port on the in-memory MWAA Serverless: each call goes through the same pure
 * handlers the HTTP fake serves on the wire, and its answer through the same edge codec the AWS
 * adapter decodes with. Logs and definitions come from the fake's CloudWatch Logs and S3.
 */

const REASON_OF: Readonly<Record<ServerlessErrorType, MwaaErrorReason>> = {
  AccessDeniedException: "AccessDenied",
  ConflictException: "Validation",
  InternalServerException: "Unavailable",
  OperationTimeoutException: "Timeout",
  ResourceNotFoundException: "NotFound",
  ServiceQuotaExceededException: "Validation",
  ThrottlingException: "Throttled",
  ValidationException: "Validation"
}

export const makeFakeWorkflows = (
  ref: Ref.Ref<FakeState>,
  log: CallLog,
  cloudWatchLogs: CloudWatchLogsWire,
  s3: S3Objects
): Context.Tag.Service<Workflows> => {
  const call = <A>(
    operation: ServerlessOperation,
    input: Record<string, unknown>,
    decode: (output: unknown) => Effect.Effect<A, UnexpectedAnswer>
  ): Effect.Effect<A, MwaaError | UnexpectedAnswer> =>
    Effect.gen(function* () {
      const state = yield* ref
      yield* log.record({ api: `AmazonMWAAServerless.${operation}`, body: input })
      const answer = answerServerless(state.serverless, operation, input)
      if (!answer.ok) {
        const { type, members } = answer.error
        const message = `${type}: ${String(members["Message"] ?? "")}`
        return yield* new MwaaError({ reason: REASON_OF[type], operation, message })
      }
      return yield* decode(answer.output)
    })
  const page = (p: { readonly max_results: number; readonly next_token?: string | undefined }) => ({
    MaxResults: p.max_results,
    ...(p.next_token === undefined ? {} : { NextToken: p.next_token })
  })
  return {
    list: (p) => call("ListWorkflows", page(p), Codec.decodeWorkflows),
    get: (arn, version) =>
      call("GetWorkflow", { WorkflowArn: arn, ...(version === undefined ? {} : { WorkflowVersion: version }) }, Codec.decodeWorkflow),
    listVersions: (arn, p) => call("ListWorkflowVersions", { WorkflowArn: arn, ...page(p) }, Codec.decodeWorkflowVersions),
    listRuns: (arn, p) =>
      call(
        "ListWorkflowRuns",
        { WorkflowArn: arn, ...page(p), ...(p.version === undefined ? {} : { WorkflowVersion: p.version }) },
        Codec.decodeWorkflowRuns
      ),
    getRun: (arn, runId) =>
      call("GetWorkflowRun", { WorkflowArn: arn, RunId: runId }, (out) =>
        Codec.decodeWorkflowRun({ WorkflowArn: arn, RunId: runId, ...(out as object) })
      ),
    listTasks: (arn, runId, p) => call("ListTaskInstances", { WorkflowArn: arn, RunId: runId, ...page(p) }, Codec.decodeTaskInstances),
    getTask: (arn, runId, id) => call("GetTaskInstance", { WorkflowArn: arn, RunId: runId, TaskInstanceId: id }, Codec.decodeTaskInstance),
    startRun: (arn, request) => call("StartWorkflowRun", Codec.startRunInput(arn, request), Codec.decodeStartedRun),
    stopRun: (arn, runId) => call("StopWorkflowRun", { WorkflowArn: arn, RunId: runId }, Codec.decodeStoppedRun),
    readDefinition: (location, maxBytes) =>
      Effect.map(s3(`arn:aws:s3:::${location.bucket}`, location.object_key, location.version_id ?? undefined), (text) => {
        const bytes = Buffer.from(text, "utf8")
        const head = bytes.subarray(0, maxBytes)
        // stream: true holds back a code point the cut split, as S3's byte range would have split it.
        const textRead = new TextDecoder("utf-8").decode(head, { stream: true })
        return { text: textRead, total_bytes: bytes.length, truncated: bytes.length > maxBytes }
      }),
    readLogBackward: readStreamBackward(cloudWatchLogs)
  }
}
