import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
  ThrottlingException
} from "@aws-sdk/client-cloudwatch-logs"
import { GetObjectCommand, NoSuchKey, S3Client } from "@aws-sdk/client-s3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_FAILED_TASK, DEMO_MANUAL_RUN, ORDERS_DAG, logGroupArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { type HttpFake, startHttpFake } from "../../../support/http-fake/index.js"

/** CloudWatch Logs and S3 through the real @aws-sdk clients, on the demo seed. */
let fake: HttpFake
let logs: CloudWatchLogsClient
let s3: S3Client

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test" }
const GROUP = logGroupArn(DEMO_ENVIRONMENT_2)

beforeAll(async () => {
  fake = await startHttpFake()
  logs = new CloudWatchLogsClient({ region: "us-east-1", endpoint: fake.url, credentials, maxAttempts: 1 })
  s3 = new S3Client({ region: "us-east-1", endpoint: fake.url, credentials, forcePathStyle: true, maxAttempts: 1 })
})

afterAll(async () => {
  logs.destroy()
  s3.destroy()
  await fake.close()
})

describe("HTTP fake: CloudWatch Logs and S3 with the AWS SDK", () => {
  it("DescribeLogStreams finds the tries of the demo's failed task; GetLogEvents reads the end of the last", async () => {
    const prefix = `dag_id=${ORDERS_DAG}/run_id=${DEMO_MANUAL_RUN.replaceAll(":", "_")}/task_id=${DEMO_FAILED_TASK}/`
    const { logStreams } = await logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: GROUP, logStreamNamePrefix: prefix }))
    expect(logStreams?.map((s) => s.logStreamName)).toEqual([`${prefix}attempt=1.log`, `${prefix}attempt=2.log`])
    const page = await logs.send(
      new GetLogEventsCommand({ logGroupIdentifier: GROUP, logStreamName: `${prefix}attempt=2.log`, startFromHead: false, limit: 5 })
    )
    expect(page.events).toHaveLength(5)
    expect(page.events?.every((e) => typeof e.timestamp === "number" && typeof e.message === "string")).toBe(true)
    expect(page.nextBackwardToken).toMatch(/^b\//)
    expect(page.nextForwardToken).toMatch(/^f\//)
  })

  it("an unknown group is the SDK's ResourceNotFoundException; injected throttling its ThrottlingException", async () => {
    const missing = await logs.send(new DescribeLogStreamsCommand({ logGroupName: "airflow-nope-Task" })).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(ResourceNotFoundException)
    fake.throttleNext(1, { api: "GetLogEvents" })
    const throttled = await logs
      .send(new GetLogEventsCommand({ logGroupName: "airflow-demo-airflow-2-Task", logStreamName: "x" }))
      .catch((e: unknown) => e)
    expect(throttled).toBeInstanceOf(ThrottlingException)
  })

  it("GetObject answers a DAG file's source; an unknown key is NoSuchKey", async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: `airflow-${DEMO_ENVIRONMENT_2}`, Key: `dags/${ORDERS_DAG}.py` }))
    expect(await out.Body?.transformToString()).toMatch(/dag_id|DAG\(/)
    const missing = await s3
      .send(new GetObjectCommand({ Bucket: `airflow-${DEMO_ENVIRONMENT_2}`, Key: "dags/nope.py" }))
      .catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(NoSuchKey)
    const nested = await s3.send(new GetObjectCommand({ Bucket: `airflow-${DEMO_ENVIRONMENT_2}`, Key: "dags/legacy/legacy_crm_export.py" }))
    expect(nested.ContentType).toBe("text/x-python")
    expect((await nested.Body?.transformToString())?.length).toBeGreaterThan(0)
  })

  it("every request was signed for its own service in us-east-1", () => {
    const log = fake.requests()
    expect(log.every((r) => r.signingService === r.service && r.region === "us-east-1")).toBe(true)
    expect(new Set(log.map((r) => r.service))).toEqual(new Set(["logs", "s3"]))
  })
})
