import { request } from "node:http"
import { Sha256 } from "@smithy/core/checksum"
import { HttpRequest } from "@smithy/core/protocols"
import { SignatureV4 } from "@smithy/signature-v4"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type HttpFake, invokeRestApi, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/** Every request must be SigV4-signed for its own service and the fake's region, like at AWS's front door. */
let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed() })
})

afterAll(() => fake.close())

const DAGS = { Path: "/dags", Method: "GET" }

/** A request signed for `host`, sent to the fake whatever the host says (as a DNS override would). */
const sendWithHost = async (host: string): Promise<{ status: number; body: string }> => {
  const port = Number(new URL(fake.url).port)
  const body = JSON.stringify(DAGS)
  const signer = new SignatureV4({
    service: "airflow",
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    sha256: Sha256
  })
  const signed = await signer.sign(
    new HttpRequest({
      method: "POST",
      hostname: host,
      port,
      path: "/restapi/tiny-2",
      headers: { host: `${host}:${port}`, "content-type": "application/json" },
      body
    })
  )
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: signed.path, headers: signed.headers }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }))
    })
    req.on("error", reject)
    req.end(body)
  })
}

describe("HTTP fake: SigV4 scope checks", () => {
  it("an unsigned MWAA request is 403 MissingAuthenticationTokenException", async () => {
    const response = await signedFetch(fake.url, { service: "airflow", path: "/environments", unsigned: true })
    expect(response.status).toBe(403)
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException")
    expect(await response.json()).toEqual({ message: "Missing Authentication Token" })
  })

  it("InvokeRestApi signed for another service or region is 403 InvalidSignatureException", async () => {
    const wrongService = await invokeRestApi(fake.url, "tiny-2", DAGS, { service: "execute-api" })
    expect(wrongService.status).toBe(403)
    expect(wrongService.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException")
    expect(((await wrongService.json()) as { message: string }).message).toMatch(/scoped to correct service: 'airflow'/)
    const wrongRegion = await invokeRestApi(fake.url, "tiny-2", DAGS, { region: "eu-west-1" })
    expect(wrongRegion.status).toBe(403)
    expect(((await wrongRegion.json()) as { message: string }).message).toMatch(/region 'eu-west-1' is wrong/)
  })

  it("an Authorization header without Signature is 403 IncompleteSignatureException", async () => {
    const response = await fetch(`${fake.url}/environments`, {
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/us-east-1/airflow/aws4_request, SignedHeaders=host;x-amz-date",
        "x-amz-date": "20261125T093000Z"
      }
    })
    expect(response.status).toBe(403)
    expect(response.headers.get("x-amzn-errortype")).toBe("IncompleteSignatureException")
  })

  it("CloudWatch Logs wants `logs`, S3 wants `s3`, in their own error shapes", async () => {
    const logs = await signedFetch(fake.url, {
      service: "airflow",
      method: "POST",
      path: "/",
      headers: { "x-amz-target": "Logs_20140328.DescribeLogStreams", "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify({ logGroupName: "airflow-tiny-2-Task" })
    })
    expect(logs.status).toBe(403)
    expect(await logs.json()).toMatchObject({ __type: "InvalidSignatureException" })
    const s3 = await signedFetch(fake.url, { service: "logs", path: "/airflow-tiny-2/dags/d.py" })
    expect(s3.status).toBe(403)
    expect(await s3.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/)
    const anonymous = await signedFetch(fake.url, { service: "s3", path: "/airflow-tiny-2/dags/d.py", unsigned: true })
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).toMatch(/<Code>AccessDenied<\/Code>/)
  })

  it("refused requests never reach the in-memory fake, and are logged with the scope they carried", () => {
    const refused = fake.requests().filter((r) => r.status === 403)
    expect(refused.length).toBeGreaterThanOrEqual(6)
    expect(refused.find((r) => r.signingService === "execute-api")).toMatchObject({
      service: "airflow",
      operation: "InvokeRestApi",
      errorType: "InvalidSignatureException"
    })
    expect(refused.find((r) => r.region === "eu-west-1")).toMatchObject({ service: "airflow", signingService: "airflow" })
    expect(refused.find((r) => r.service === "logs")).toMatchObject({ operation: "DescribeLogStreams", signingService: "airflow" })
    expect(refused.find((r) => r.signingService === undefined && r.service === "airflow")).toMatchObject({
      errorType: "MissingAuthenticationTokenException"
    })
  })

  it("MWAA requests route the same with the SDK's `env.`/`api.` host prefixes as without", async () => {
    for (const host of ["env.localhost", "127.0.0.1"]) {
      const out = await sendWithHost(host)
      expect(out.status, host).toBe(200)
      expect(JSON.parse(out.body)).toMatchObject({ RestApiStatusCode: 200 })
    }
    expect(fake.requests().at(-2)?.host).toMatch(/^env\.localhost:/)
  })
})
