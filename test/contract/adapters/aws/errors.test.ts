import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, TestClock } from "effect"
import { toMwaaError } from "../../../../src/adapters/aws/index.js"
import { isRetryable, MwaaError } from "../../../../src/ports/MwaaError.js"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { operation, shape } from "./model.js"
import { awsError, hangingHandler, json, type StubAnswer } from "./stub-handler.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

/** Every error MWAA can answer InvokeRestApi with, decoded to the port's MwaaError reason. */

const airflowBody = { detail: "DAG with dag_id: 'etl' not found", status: 404, title: "DAG not found", type: "about:blank" }

interface Case {
  readonly title: string
  /** The model's error shape this case answers with, if any. */
  readonly modelError?: string
  readonly answer: StubAnswer
  readonly expected: Partial<MwaaError>
}

const status = (error: string) => shape(error).error!.httpStatusCode

const cases: ReadonlyArray<Case> = [
  {
    title: "RestApiClientException (x-amzn-errortype) → AirflowClientError with Airflow's status and body",
    modelError: "RestApiClientException",
    answer: awsError("RestApiClientException", status("RestApiClientException"), { RestApiStatusCode: 404, RestApiResponse: airflowBody }),
    expected: { reason: "AirflowClientError", airflowStatus: 404, airflowBody }
  },
  {
    title: "RestApiServerException (__type in the body, same HTTP 400) → AirflowServerError",
    modelError: "RestApiServerException",
    answer: json(
      { __type: "com.amazonaws.mwaa#RestApiServerException", RestApiStatusCode: 503, RestApiResponse: { detail: "busy" } },
      status("RestApiServerException")
    ),
    expected: { reason: "AirflowServerError", airflowStatus: 503, airflowBody: { detail: "busy" } }
  },
  {
    title: "RestApiClientException (code in the body) → AirflowClientError",
    answer: json({ code: "RestApiClientException", RestApiStatusCode: 409, RestApiResponse: { detail: "exists" } }, 400),
    expected: { reason: "AirflowClientError", airflowStatus: 409, airflowBody: { detail: "exists" } }
  },
  {
    title: "ValidationException → Validation",
    modelError: "ValidationException",
    answer: awsError("ValidationException", status("ValidationException"), {
      message: "1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 64"
    }),
    expected: { reason: "Validation" }
  },
  {
    title: "AccessDeniedException (Message, capital M) → AccessDenied",
    modelError: "AccessDeniedException",
    answer: awsError("AccessDeniedException", status("AccessDeniedException"), {
      Message: "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: airflow:InvokeRestApi"
    }),
    expected: { reason: "AccessDenied" }
  },
  {
    title: "ResourceNotFoundException → NotFound",
    modelError: "ResourceNotFoundException",
    answer: awsError("ResourceNotFoundException", status("ResourceNotFoundException"), { message: "Environment my-env not found" }),
    expected: { reason: "NotFound" }
  },
  {
    title: "InternalServerException → Unavailable (transient, retried for reads)",
    modelError: "InternalServerException",
    answer: awsError("InternalServerException", status("InternalServerException"), { message: "internal" }),
    expected: { reason: "Unavailable" }
  },
  {
    title: "ThrottlingException, not modelled, as a common AWS error → Throttled",
    answer: awsError("ThrottlingException", 400, { message: "Rate exceeded" }),
    expected: { reason: "Throttled" }
  },
  {
    title: "the SDK's other throttling codes (TooManyRequestsException) → Throttled",
    answer: awsError("TooManyRequestsException", 400, { message: "slow down" }),
    expected: { reason: "Throttled" }
  },
  {
    title: "a bare HTTP 429 with an HTML body and no error type → Throttled",
    answer: { status: 429, headers: { "content-type": "text/html" }, body: "<html>Too Many Requests</html>" },
    expected: { reason: "Throttled" }
  },
  {
    title: "an unknown error type on HTTP 403 → AccessDenied",
    answer: awsError("UnrecognizedClientException", 403, { message: "The security token included in the request is invalid." }),
    expected: { reason: "AccessDenied" }
  },
  {
    title: "HTTP 502 from a proxy (an HTML page, no error type) → Unavailable, the page's text as message",
    answer: {
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>"
    },
    expected: { reason: "Unavailable", message: "HTTP 502: 502 Bad Gateway nginx" }
  },
  {
    title: "HTTP 502 whose page holds a secret far in and 200 KB of unclosed '<' → the text whole, for the app to mask before it cuts",
    answer: {
      status: 502,
      headers: { "content-type": "text/html" },
      body: `<html><body>${"x ".repeat(400)}password=hunter2-proxy-secret ${"<a".repeat(100_000)}</body></html>`
    },
    expected: { reason: "Unavailable", message: expect.stringContaining("password=hunter2-proxy-secret") }
  }
]

hermeticAwsEnv()

describe("InvokeRestApi errors → MwaaError", () => {
  it("every error of the model's InvokeRestApi has a case", () => {
    const covered = new Set(cases.flatMap((c) => (c.modelError === undefined ? [] : [c.modelError])))
    expect([...covered].sort()).toEqual(
      operation("InvokeRestApi")
        .errors.map((e) => e.shape)
        .sort()
    )
  })

  for (const c of cases) {
    it.effect(c.title, () =>
      Effect.gen(function* () {
        const { run } = gatewayWith(() => c.answer)
        const error = yield* Effect.flip(run(() => viaInvoke({ environmentName: "my-env", method: "GET", path: "/dags/etl" })))
        expect(error).toBeInstanceOf(MwaaError)
        expect(error).toMatchObject({ ...c.expected, operation: "InvokeRestApi GET /dags/etl" })
      })
    )
  }

  it.effect("the message carries the service's message (AccessDenied's `Message`) and Airflow's detail", () =>
    Effect.gen(function* () {
      const denied = yield* Effect.flip(
        gatewayWith(() => cases[4]!.answer).run(() => viaInvoke({ environmentName: "e", method: "GET", path: "/dags" }))
      )
      expect(denied.message).toContain("not authorized to perform: airflow:InvokeRestApi")
      const airflow = yield* Effect.flip(
        gatewayWith(() => cases[0]!.answer).run(() => viaInvoke({ environmentName: "e", method: "GET", path: "/dags" }))
      )
      expect(airflow.message).toBe("RestApiClientException: Airflow answered 404: DAG with dag_id: 'etl' not found")
    })
  )

  it.effect("Airflow's 503 through RestApiServerException is retryable, its 404 is not", () =>
    Effect.gen(function* () {
      const e503 = yield* Effect.flip(
        gatewayWith(() => cases[1]!.answer).run(() => viaInvoke({ environmentName: "e", method: "GET", path: "/dags" }))
      )
      const e404 = yield* Effect.flip(
        gatewayWith(() => cases[0]!.answer).run(() => viaInvoke({ environmentName: "e", method: "GET", path: "/dags" }))
      )
      expect(isRetryable(e503)).toBe(true)
      expect(isRetryable(e404)).toBe(false)
    })
  )
})

describe("timeouts", () => {
  it.effect("InvokeRestApi gives up after 15 s (MWAA gives Airflow 10) with Timeout, and aborts the request", () =>
    Effect.gen(function* () {
      const stub = hangingHandler()
      const { run } = gatewayWith(() => json({}), { requestHandler: stub.handler })
      const fiber = yield* Effect.fork(run(() => viaInvoke({ environmentName: "e", method: "GET", path: "/dags" })))
      yield* TestClock.adjust("14 seconds")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 second")
      const error = yield* Effect.flip(Fiber.join(fiber))
      expect(error).toMatchObject({ reason: "Timeout", operation: "InvokeRestApi GET /dags" })
      expect(stub.signals.map((s) => s.aborted)).toEqual([true])
    })
  )

  it.effect("a request handler's TimeoutError (socket or connection timeout) → Timeout", () =>
    Effect.gen(function* () {
      const { environments } = gatewayWith(() => {
        const e = new Error("Connection timed out after 1000 ms")
        e.name = "TimeoutError"
        throw e
      })
      const error = yield* Effect.flip(environments((e) => e.get("my-env")))
      expect(error).toMatchObject({ reason: "Timeout", operation: "GetEnvironment" })
    })
  )
})

describe("toMwaaError", () => {
  it("maps S3 and CloudWatch Logs error names and Node network errors", () => {
    const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error("m"), { name, ...extra })
    expect(toMwaaError("GetObject")(named("NoSuchKey")).reason).toBe("NotFound")
    expect(toMwaaError("GetObject")(named("AccessDenied")).reason).toBe("AccessDenied")
    expect(toMwaaError("GetObject")(named("SlowDown", { $metadata: { httpStatusCode: 503 } })).reason).toBe("Throttled")
    expect(toMwaaError("GetLogEvents")(named("InvalidParameterException")).reason).toBe("Validation")
    expect(toMwaaError("GetLogEvents")(named("ResourceNotFoundException")).reason).toBe("NotFound")
    expect(toMwaaError("GetEnvironment")(named("CredentialsProviderError")).reason).toBe("AccessDenied")
    expect(toMwaaError("GetEnvironment")(Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" })).reason).toBe("Timeout")
    expect(toMwaaError("GetEnvironment")(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })).reason).toBe("Unavailable")
    expect(toMwaaError("GetEnvironment")(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })).reason).toBe("Unavailable")
    expect(toMwaaError("GetEnvironment")("a string").reason).toBe("Internal")
  })
})
