import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { MAX_DAG_FILE_BYTES } from "../../../../src/adapters/aws/index.js"
import { DagFiles } from "../../../../src/ports/DagFiles.js"
import { TaskLogs } from "../../../../src/ports/TaskLogs.js"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import type { HttpRequest } from "@smithy/core/protocols"
import { bodyOf, type StubAnswer } from "./stub-handler.js"

/** The TaskLogs and DagFiles ports of the AWS adapter on the wire, against a stub request handler. */

const TASK_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:airflow-my-env-Task:*"
const BUCKET = "arn:aws:s3:::airflow-my-env"
const TRY = { dag_id: "etl", dag_run_id: "r", task_id: "t", map_index: -1, try_number: 3 }
const WHERE = { ...TRY, logGroupArn: TASK_GROUP }
const STREAM = "dag_id=etl/run_id=r/task_id=t/attempt=3.log"
const amzJson = (body: unknown): StubAnswer => ({ status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body })
const notFound: StubAnswer = {
  status: 400,
  headers: { "content-type": "application/x-amz-json-1.1" },
  body: { __type: "ResourceNotFoundException", message: "The specified log stream does not exist." }
}
const targetOf = (req: HttpRequest | undefined) => String(req?.headers["x-amz-target"] ?? "")
const read = (cursor: Option.Option<string>, pageEvents = 100) =>
  Effect.flatMap(TaskLogs, (logs) => logs.readBackward(WHERE, cursor, pageEvents))

hermeticAwsEnv()

describe("TaskLogs on CloudWatch Logs", () => {
  it.effect("readBackward: GetLogEvents from the end of the try's stream, by the group's name, with the cursor and page size", () =>
    Effect.gen(function* () {
      const { requests, use } = gatewayWith(() =>
        amzJson({
          events: [
            { timestamp: 1, message: "a", ingestionTime: 2 },
            { timestamp: 3, message: "b" }
          ],
          nextBackwardToken: "b/1"
        })
      )
      expect(yield* use(read(Option.some("b/2")))).toEqual({ messages: ["a", "b"], older: Option.some("b/1") })
      expect(targetOf(requests[0])).toBe("Logs_20140328.GetLogEvents")
      expect(requests[0]?.hostname).toBe("logs.us-east-1.amazonaws.com")
      expect(bodyOf(requests[0])).toEqual({
        logGroupName: "airflow-my-env-Task",
        logStreamName: STREAM,
        startFromHead: false,
        nextToken: "b/2",
        limit: 100
      })
    })
  )

  it.effect("the start of the log: CloudWatch's answer of no events and the same token is a page without an older cursor", () =>
    Effect.gen(function* () {
      const { use } = gatewayWith((req) =>
        amzJson(
          (bodyOf(req) as { nextToken?: string }).nextToken === "b/5"
            ? { events: [], nextBackwardToken: "b/5" }
            : { events: [{ timestamp: 1, message: "first" }], nextBackwardToken: "b/5" }
        )
      )
      // The quirk: the same token given back, even with events in the page.
      expect(yield* use(read(Option.some("b/5")))).toEqual({ messages: [], older: Option.none() })
      expect(yield* use(read(Option.none()))).toEqual({ messages: ["first"], older: Option.some("b/5") })
    })
  )

  it.effect("a try without a stream: DescribeLogStreams of the task's prefix lists the tries that have one", () =>
    Effect.gen(function* () {
      const { requests, use } = gatewayWith((req) =>
        targetOf(req).endsWith("GetLogEvents")
          ? notFound
          : amzJson(
              (bodyOf(req) as { nextToken?: string }).nextToken === undefined
                ? { logStreams: [{ logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=2.log" }], nextToken: "n1" }
                : { logStreams: [{ logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=1.log" }] }
            )
      )
      const missing = yield* Effect.flip(use(read(Option.none())))
      expect(missing).toMatchObject({ _tag: "TaskLogMissing", task: TRY, tries: [1, 2] })
      expect(missing.message).toBe("No CloudWatch log for try 3 of task t (run r, DAG etl). Tries with logs: 1, 2.")
      expect(bodyOf(requests[1])).toEqual({
        logGroupName: "airflow-my-env-Task",
        logStreamNamePrefix: "dag_id=etl/run_id=r/task_id=t/",
        limit: 50
      })
      expect(bodyOf(requests[2])).toMatchObject({ nextToken: "n1" })
    })
  )

  it.effect("DescribeLogStreams reads a bounded number of pages", () =>
    Effect.gen(function* () {
      const { requests, use } = gatewayWith((req) =>
        targetOf(req).endsWith("GetLogEvents")
          ? notFound
          : amzJson({ logStreams: [{ logStreamName: "x/attempt=7.log" }], nextToken: "again" })
      )
      expect(yield* Effect.flip(use(read(Option.none())))).toMatchObject({ tries: Array(10).fill(7) })
      expect(requests).toHaveLength(11)
    })
  )

  it.effect("streamOf: the Amazon provider's stream name, None once it would pass CloudWatch's 512 characters", () =>
    Effect.gen(function* () {
      const { use } = gatewayWith(() => amzJson({}))
      const logs = yield* use(TaskLogs)
      expect(logs.streamOf({ ...TRY, dag_run_id: "scheduled__2026-11-24T00:00:00+00:00", map_index: 4 })).toEqual(
        Option.some("dag_id=etl/run_id=scheduled__2026-11-24T00_00_00+00_00/task_id=t/map_index=4/attempt=3.log")
      )
      const fits = { ...TRY, dag_id: "d".repeat(512 - STREAM.length + 3) }
      expect(Option.map(logs.streamOf(fits), (s) => s.length)).toEqual(Option.some(512))
      expect(logs.streamOf({ ...fits, dag_id: `${fits.dag_id}d` })).toEqual(Option.none())
    })
  )
})

describe("DagFiles on S3", () => {
  const readFile = (key: string) => Effect.flatMap(DagFiles, (files) => files.read(BUCKET, key))

  it.effect("read: GetObject of the bucket named by the ARN, body as UTF-8 text, signed for s3", () =>
    Effect.gen(function* () {
      const source = "from airflow import DAG\n# naïve ✓\n"
      const { requests, use } = gatewayWith(() => ({
        status: 200,
        headers: { "content-length": String(Buffer.byteLength(source)) },
        body: source
      }))
      expect(yield* use(readFile("dags/etl.py"))).toBe(source)
      expect([requests[0]?.method, requests[0]?.hostname, requests[0]?.path]).toEqual([
        "GET",
        "airflow-my-env.s3.us-east-1.amazonaws.com",
        "/dags/etl.py"
      ])
      expect(String(requests[0]?.headers["authorization"])).toContain("/us-east-1/s3/aws4_request")
    })
  )

  it.effect("refuses a file over 5 MB by its Content-Length, without reading it", () =>
    Effect.gen(function* () {
      const { use } = gatewayWith(() => ({ status: 200, headers: { "content-length": String(MAX_DAG_FILE_BYTES + 1) }, body: "x" }))
      const error = yield* Effect.flip(use(readFile("dags/huge.py")))
      expect(error).toMatchObject({ reason: "Validation", operation: "GetObject" })
      expect(error.message).toContain("s3://airflow-my-env/dags/huge.py is larger than 5 MB")
    })
  )

  it.effect("refuses a file over 5 MB sent without a Content-Length, once 5 MB have been read", () =>
    Effect.gen(function* () {
      const { use } = gatewayWith(() => ({ status: 200, body: "x".repeat(MAX_DAG_FILE_BYTES + 10) }))
      expect(yield* Effect.flip(use(readFile("dags/huge.py")))).toMatchObject({ reason: "Validation", operation: "GetObject" })
    })
  )

  it.effect("NoSuchKey → NotFound", () =>
    Effect.gen(function* () {
      const { use } = gatewayWith(() => ({
        status: 404,
        headers: { "content-type": "application/xml" },
        body: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>'
      }))
      expect(yield* Effect.flip(use(readFile("dags/missing.py")))).toMatchObject({ reason: "NotFound", operation: "GetObject" })
    })
  )
})
