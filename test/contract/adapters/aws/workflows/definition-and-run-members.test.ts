import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { destroyClients, makeClients } from "../../../../../src/adapters/aws/clients.js"
import { makeWorkflows } from "../../../../../src/adapters/aws/workflows.js"
import { hermeticAwsEnv } from "../gateway-harness.js"
import { credentials, type Responder, type StubAnswer, stubHandler } from "../stub-handler.js"

/**
 * What the HTTP fake does not vary, on a stub request handler: the definition's ranged GetObject
 * (a head cut inside a character, the object's size from Content-Range or Content-Length, an S3
 * that ignores the range, an empty object) and GetWorkflowRun answering without its optional ids.
 */
hermeticAwsEnv()

const ARN = "arn:aws:airflow-serverless:us-east-1:123456789012:workflow/payouts-nightly-Pq7Rs2Tu9W"
const LOCATION = { bucket: "demo-workflow-definitions", object_key: "payouts/payouts-nightly.yaml", version_id: "v2.demo" }

/** The port on clients whose requests the stub answers; the clients are destroyed after `f`. */
const withWorkflows = <A, E>(respond: Responder, f: (workflows: ReturnType<typeof makeWorkflows>) => Effect.Effect<A, E>) => {
  const stub = stubHandler(respond)
  return Effect.acquireUseRelease(
    Effect.sync(() => makeClients({ region: "us-east-1", credentials, requestHandler: stub.handler })),
    (clients) => Effect.map(f(makeWorkflows(clients, "5 seconds")), (result) => ({ result, requests: stub.requests })),
    (clients) => Effect.sync(() => destroyClients(clients))
  )
}

const object = (bytes: Buffer, headers: Record<string, string>, status = 206): StubAnswer => ({
  status,
  headers: { "content-type": "application/x-yaml", "content-length": String(bytes.length), ...headers },
  body: bytes
})

describe("readDefinition: the head of the definition object", () => {
  it.effect("asks for bytes=0-(max-1) at the object's version; a short object is whole", () =>
    Effect.gen(function* () {
      const yaml = Buffer.from("name: payouts-nightly\n")
      const { result, requests } = yield* withWorkflows(
        () => object(yaml, { "content-range": `bytes 0-${yaml.length - 1}/${yaml.length}` }),
        (w) => w.readDefinition(LOCATION, 4096)
      )
      expect(result).toEqual({ text: "name: payouts-nightly\n", total_bytes: yaml.length, truncated: false })
      expect(requests[0]?.headers["range"]).toBe("bytes=0-4095")
      expect(requests[0]?.query).toMatchObject({ versionId: "v2.demo" })
      expect(`${requests[0]?.hostname}${requests[0]?.path}`).toContain("payouts/payouts-nightly.yaml")
    })
  )

  it.effect("a head cut inside a character ends before it; the size comes from Content-Range", () =>
    Effect.gen(function* () {
      // "é" is two bytes (c3 a9): a 4-byte head of "abcé…" ends inside it.
      const whole = Buffer.from("abcé and more", "utf8")
      const head = whole.subarray(0, 4)
      const { result } = yield* withWorkflows(
        () => object(head, { "content-range": `bytes 0-3/${whole.length}` }),
        (w) => w.readDefinition({ ...LOCATION, version_id: null }, 4)
      )
      expect(result).toEqual({ text: "abc", total_bytes: whole.length, truncated: true })
    })
  )

  it.effect("an S3 that ignores the range: read no further than the bound, sized by Content-Length", () =>
    Effect.gen(function* () {
      const whole = Buffer.from("x".repeat(100))
      const { result } = yield* withWorkflows(
        () => object(whole, {}, 200),
        (w) => w.readDefinition(LOCATION, 10)
      )
      expect(result).toEqual({ text: "x".repeat(10), total_bytes: 100, truncated: true })
    })
  )

  it.effect("an empty object (S3 answers a range on it with 416 InvalidRange) reads as empty text", () =>
    Effect.gen(function* () {
      const { result } = yield* withWorkflows(
        () => ({
          status: 416,
          headers: { "content-type": "application/xml" },
          body: "<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>"
        }),
        (w) => w.readDefinition(LOCATION, 10)
      )
      expect(result).toEqual({ text: "", total_bytes: 0, truncated: false })
    })
  )

  it.effect("a missing object is NotFound (GetObject)", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        withWorkflows(
          () => ({
            status: 404,
            headers: { "content-type": "application/xml" },
            body: "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
          }),
          (w) => w.readDefinition(LOCATION, 10)
        )
      )
      expect(error).toMatchObject({ reason: "NotFound", operation: "GetObject" })
    })
  )
})

describe("getRun: the model's optional WorkflowArn and RunId", () => {
  it.effect("an answer without them reads as the run asked for", () =>
    Effect.gen(function* () {
      const { result } = yield* withWorkflows(
        () => ({
          status: 200,
          headers: { "content-type": "application/x-amz-json-1.0" },
          body: { RunDetail: { RunState: "SUCCESS", StartedOn: "2026-11-25T02:00:00Z", TaskInstances: ["t-1"] } }
        }),
        (w) => w.getRun(ARN, "run-1")
      )
      expect(result).toMatchObject({
        workflow_arn: ARN,
        run_id: "run-1",
        status: "SUCCESS",
        started_at: "2026-11-25T02:00:00.000Z",
        task_instance_ids: ["t-1"]
      })
    })
  )
})
