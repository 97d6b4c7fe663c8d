import { describe, expect, it, vi } from "@effect/vitest"
import { Effect, Option } from "effect"
import { endpointsFromEnv } from "../../../../src/adapters/aws/index.js"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { json } from "./stub-handler.js"
import { viaInvoke } from "../../../support/airflow-routes.js"
import { DagFiles } from "../../../../src/ports/DagFiles.js"
import { TaskLogs } from "../../../../src/ports/TaskLogs.js"

const TRY = { dag_id: "d", dag_run_id: "r", task_id: "t", map_index: -1, try_number: 1 }

/** Endpoint overrides: the SDK's standard variables, a flag, and what an override changes on the wire. */

hermeticAwsEnv()

describe("endpointsFromEnv", () => {
  it("a service's own variable beats AWS_ENDPOINT_URL", () => {
    expect(
      endpointsFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:4566", AWS_ENDPOINT_URL_MWAA: "http://127.0.0.1:4510", PATH: "/bin" })
    ).toEqual({
      mwaa: "http://127.0.0.1:4510",
      logs: "http://127.0.0.1:4566",
      s3: "http://127.0.0.1:4566",
      serverless: "http://127.0.0.1:4566",
      sts: "http://127.0.0.1:4566"
    })
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://l", AWS_ENDPOINT_URL_S3: "http://s" })).toEqual({
      mwaa: undefined,
      logs: "http://l",
      s3: "http://s",
      serverless: undefined,
      sts: undefined
    })
  })

  it("MWAA Serverless: AWS_ENDPOINT_URL_MWAA_SERVERLESS, from the sdkId 'MWAA Serverless' as the SDK names the variable", () => {
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL_MWAA_SERVERLESS: "http://sl", AWS_ENDPOINT_URL_MWAA: "http://m" })).toMatchObject({
      mwaa: "http://m",
      serverless: "http://sl"
    })
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL_MWAA: "http://m" }).serverless).toBeUndefined()
  })

  it("the flag beats every variable", () => {
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL: "http://a", AWS_ENDPOINT_URL_S3: "http://s" }, "http://flag")).toEqual({
      mwaa: "http://flag",
      logs: "http://flag",
      s3: "http://flag",
      serverless: "http://flag",
      sts: "http://flag"
    })
  })

  it("nothing set, blank values, or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true: no override", () => {
    const none = { mwaa: undefined, logs: undefined, s3: undefined, serverless: undefined, sts: undefined }
    expect(endpointsFromEnv({})).toEqual(none)
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL: "  " }, "")).toEqual(none)
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL_STS: "http://sts" }).sts).toBe("http://sts")
    expect(endpointsFromEnv({ AWS_ENDPOINT_URL: "http://a", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" })).toEqual({
      mwaa: undefined,
      logs: undefined,
      s3: undefined,
      serverless: undefined,
      sts: undefined
    })
  })
})

const everyService = (endpointUrl: { endpointUrl?: string; endpoints?: Record<string, string> }) => {
  const h = gatewayWith(
    (req) =>
      req.path.startsWith("/restapi/")
        ? json({ RestApiStatusCode: 200, RestApiResponse: {} })
        : req.headers["x-amz-target"] !== undefined
          ? { status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: { logStreams: [] } }
          : req.path.startsWith("/environments/")
            ? json({ Environment: { Name: "my-env" } })
            : { status: 200, body: "print('dag')" },
    endpointUrl
  )
  return Effect.gen(function* () {
    yield* h.environments((e) => e.get("my-env"))
    yield* h.run(() => viaInvoke({ environmentName: "my-env", method: "GET", path: "/dags" }))
    const where = { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:airflow-my-env-Task", ...TRY }
    yield* h.use(Effect.flatMap(TaskLogs, (logs) => logs.readBackward(where, Option.none(), 10)))
    yield* h.use(Effect.flatMap(DagFiles, (files) => files.read("arn:aws:s3:::airflow-my-env", "dags/etl.py")))
    return h.requests.map((r) => `${r.protocol}//${r.hostname}${r.port === undefined ? "" : `:${r.port}`}${r.path}`)
  })
}

describe("the gateway behind an override", () => {
  it.effect("no override: the model's host prefixes and S3 virtual-hosted buckets", () =>
    Effect.gen(function* () {
      expect(yield* everyService({})).toEqual([
        "https://api.airflow.us-east-1.amazonaws.com/environments/my-env",
        "https://env.airflow.us-east-1.amazonaws.com/restapi/my-env",
        "https://logs.us-east-1.amazonaws.com/",
        "https://airflow-my-env.s3.us-east-1.amazonaws.com/dags/etl.py"
      ])
    })
  )

  it.effect("endpointUrl: every service there, no api./env. prefixes, S3 path-style", () =>
    Effect.gen(function* () {
      expect(yield* everyService({ endpointUrl: "http://127.0.0.1:4566" })).toEqual([
        "http://127.0.0.1:4566/environments/my-env",
        "http://127.0.0.1:4566/restapi/my-env",
        "http://127.0.0.1:4566/",
        "http://127.0.0.1:4566/airflow-my-env/dags/etl.py"
      ])
    })
  )

  it.effect("per-service endpoints win over endpointUrl", () =>
    Effect.gen(function* () {
      const urls = yield* everyService({
        endpointUrl: "http://127.0.0.1:4566",
        endpoints: { mwaa: "http://127.0.0.1:4510", s3: "http://localhost:9000" }
      })
      expect(urls).toEqual([
        "http://127.0.0.1:4510/environments/my-env",
        "http://127.0.0.1:4510/restapi/my-env",
        "http://127.0.0.1:4566/",
        "http://localhost:9000/airflow-my-env/dags/etl.py"
      ])
    })
  )

  it.effect("no endpoints given: the SDK's variables are read here too, so prefixes and path-style follow them", () =>
    Effect.gen(function* () {
      vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
      vi.stubEnv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000")
      expect(yield* everyService({})).toEqual([
        "http://127.0.0.1:4566/environments/my-env",
        "http://127.0.0.1:4566/restapi/my-env",
        "http://127.0.0.1:4566/",
        "http://127.0.0.1:9000/airflow-my-env/dags/etl.py"
      ])
    })
  )

  it.effect("endpoints given (even empty): only those, and endpointUrl, count", () =>
    Effect.gen(function* () {
      vi.stubEnv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000")
      const urls = yield* everyService({ endpointUrl: "http://127.0.0.1:4566", endpoints: {} })
      expect(urls[3]).toBe("http://127.0.0.1:4566/airflow-my-env/dags/etl.py")
    })
  )
})
