import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { logGroupArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { type HttpFake, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/** CloudWatch Logs (awsJson1.1) and S3 GetObject on the wire, with raw signed requests. */
let fake: HttpFake

const BIG = "dag_id=d/run_id=big/task_id=t/attempt=1.log"
const TRY_2 = "dag_id=d/run_id=r/task_id=t/attempt=2.log"

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed({ [BIG]: Array.from({ length: 25 }, (_, i) => `line ${i}`) }) })
})

afterAll(() => fake.close())

const logs = async (operation: string, input: Record<string, unknown>) => {
  const response = await signedFetch(fake.url, {
    service: "logs",
    method: "POST",
    path: "/",
    headers: { "x-amz-target": `Logs_20140328.${operation}`, "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(input)
  })
  expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1")
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

const messages = (body: Record<string, any>) => (body["events"] as Array<{ message: string }>).map((e) => e.message)

describe("HTTP fake: CloudWatch Logs awsJson1.1", () => {
  it("DescribeLogStreams by name or by ARN finds streams by prefix, and pages by limit", async () => {
    const byName = await logs("DescribeLogStreams", { logGroupName: "airflow-tiny-2-Task", logStreamNamePrefix: "dag_id=d/run_id=r/" })
    expect(byName.status).toBe(200)
    expect(byName.body["logStreams"].map((s: { logStreamName: string }) => s.logStreamName)).toEqual([
      "dag_id=d/run_id=r/task_id=t/attempt=1.log",
      TRY_2
    ])
    expect(byName.body["logStreams"][1]).toMatchObject({ lastEventTimestamp: Date.UTC(2026, 10, 24, 8, 3, 59), storedBytes: 0 })
    const byArn = await logs("DescribeLogStreams", {
      logGroupIdentifier: logGroupArn("tiny-2"),
      logStreamNamePrefix: "dag_id=d/run_id=r/",
      limit: 1
    })
    expect(byArn.body["logStreams"]).toHaveLength(1)
    const next = await logs("DescribeLogStreams", {
      logGroupIdentifier: logGroupArn("tiny-2"),
      logStreamNamePrefix: "dag_id=d/run_id=r/",
      limit: 1,
      nextToken: byArn.body["nextToken"]
    })
    expect(next.body["logStreams"][0].logStreamName).toBe(TRY_2)
    expect(next.body["nextToken"]).toBeUndefined()
  })

  it("refuses what CloudWatch refuses: an ARN as logGroupName, a trailing ':*', both members, a limit over 50", async () => {
    for (const input of [
      { logGroupName: logGroupArn("tiny-2") },
      { logGroupIdentifier: `${logGroupArn("tiny-2")}:*` },
      { logGroupName: "airflow-tiny-2-Task", logGroupIdentifier: logGroupArn("tiny-2") },
      { logGroupName: "airflow-tiny-2-Task", limit: 51 }
    ]) {
      const out = await logs("DescribeLogStreams", input)
      expect(out, JSON.stringify(input)).toMatchObject({ status: 400, body: { __type: "InvalidParameterException" } })
    }
  })

  it("GetLogEvents reads backwards from the newest event by default, then with nextBackwardToken", async () => {
    const group = { logGroupIdentifier: logGroupArn("tiny-2"), logStreamName: BIG }
    const last = await logs("GetLogEvents", { ...group, limit: 10 })
    expect(messages(last.body)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 15}`))
    expect(last.body["events"][0]).toMatchObject({ timestamp: expect.any(Number), ingestionTime: expect.any(Number) })
    const before = await logs("GetLogEvents", { ...group, limit: 10, nextToken: last.body["nextBackwardToken"] })
    expect(messages(before.body)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 5}`))
    // Forward from there comes back to where the first page started.
    const forward = await logs("GetLogEvents", { ...group, limit: 5, nextToken: before.body["nextForwardToken"] })
    expect(messages(forward.body)).toEqual(["line 15", "line 16", "line 17", "line 18", "line 19"])
  })

  it("GetLogEvents with startFromHead reads forwards; at the end the forward token repeats", async () => {
    const group = { logGroupName: "airflow-tiny-2-Task", logStreamName: BIG, startFromHead: true }
    const first = await logs("GetLogEvents", { ...group, limit: 20 })
    expect(messages(first.body)[0]).toBe("line 0")
    const rest = await logs("GetLogEvents", { ...group, nextToken: first.body["nextForwardToken"] })
    expect(messages(rest.body)).toEqual(["line 20", "line 21", "line 22", "line 23", "line 24"])
    const end = await logs("GetLogEvents", { ...group, nextToken: rest.body["nextForwardToken"] })
    expect(end.body["events"]).toEqual([])
    expect(end.body["nextForwardToken"]).toBe(rest.body["nextForwardToken"])
  })

  it("unknown groups and streams are ResourceNotFoundException; a forged token is InvalidParameterException", async () => {
    expect(await logs("GetLogEvents", { logGroupName: "airflow-nope-Task", logStreamName: TRY_2 })).toMatchObject({
      status: 400,
      body: { __type: "ResourceNotFoundException" }
    })
    expect(await logs("GetLogEvents", { logGroupName: "airflow-tiny-2-Task", logStreamName: "nope" })).toMatchObject({
      status: 400,
      body: { __type: "ResourceNotFoundException", message: "The specified log stream does not exist." }
    })
    expect(await logs("GetLogEvents", { logGroupName: "airflow-tiny-2-Task", logStreamName: TRY_2, nextToken: "f/forged" })).toMatchObject({
      status: 400,
      body: { __type: "InvalidParameterException" }
    })
    expect(await logs("PutLogEvents", {})).toMatchObject({ status: 400, body: { __type: "UnknownOperationException" } })
  })
})

describe("HTTP fake: S3 GetObject, path-style", () => {
  it("answers the object's bytes", async () => {
    const response = await signedFetch(fake.url, { service: "s3", path: "/airflow-tiny-3/dags/d.py" })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe("# the DAG d\n")
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/)
  })

  it("an unknown key is 404 NoSuchKey, an unknown bucket 404 NoSuchBucket, in S3's XML", async () => {
    const key = await signedFetch(fake.url, { service: "s3", path: "/airflow-tiny-3/dags/nope.py" })
    expect(key.status).toBe(404)
    expect(await key.text()).toMatch(
      /<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>dags\/nope.py<\/Key>/
    )
    const bucket = await signedFetch(fake.url, { service: "s3", path: "/nobody/dags/d.py" })
    expect(bucket.status).toBe(404)
    expect(await bucket.text()).toMatch(/<Code>NoSuchBucket<\/Code>/)
  })

  it("the request log tells the three services apart, each signed for its own", () => {
    const services = new Set(fake.requests().map((r) => `${r.service}/${r.signingService}`))
    expect(services).toEqual(new Set(["logs/logs", "s3/s3"]))
    expect(fake.requests().find((r) => r.operation === "GetObject")).toMatchObject({
      environmentName: "tiny-3",
      region: "us-east-1",
      status: 200
    })
    expect(fake.requests().find((r) => r.operation === "GetLogEvents")).toMatchObject({ environmentName: "tiny-2" })
  })
})
