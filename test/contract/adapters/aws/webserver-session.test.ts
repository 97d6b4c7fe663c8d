import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Duration, Effect, Logger, LogLevel } from "effect"
import { AwsGateway } from "../../../../src/adapters/aws/index.js"
import type { AirflowApi, WebserverRequest } from "../../../../src/ports/AirflowApi.js"
import { hermeticAwsEnv } from "./gateway-harness.js"
import { credentials } from "./stub-handler.js"
import { closedPort, startWebserverStub } from "./webserver-stub.js"
import { viaWebserver } from "../../../support/airflow-routes.js"

/**
 * The AWS adapter's webserver route against a loopback stub: CreateWebLoginToken through the SDK,
 * the login of each Airflow version with its real cookie and header names, the session reused,
 * one fresh login after a 401, and no credential in any error or log line.
 */

hermeticAwsEnv()

let stub: Awaited<ReturnType<typeof startWebserverStub>>
beforeAll(async () => {
  stub = await startWebserverStub()
})
afterAll(async () => {
  await stub.close()
})

const logs: Array<string> = []
const captureLogs = Logger.replace(
  Logger.defaultLogger,
  Logger.make(({ message }) => {
    logs.push(JSON.stringify(message))
  })
)

/** A fresh gateway (fresh sessions) running `f`, its log lines captured. */
const withGateway = <A, E>(
  f: () => Effect.Effect<A, E, AirflowApi>,
  webserverEndpoint?: string,
  callTimeout: Duration.DurationInput = "2 seconds"
) =>
  Effect.suspend(f).pipe(
    Effect.provide(
      AwsGateway.layer({
        region: "us-east-1",
        endpointUrl: stub.url,
        endpoints: {},
        credentials,
        webserverEndpoint: webserverEndpoint ?? stub.url,
        callTimeout
      })
    ),
    Effect.provide(captureLogs),
    Logger.withMinimumLogLevel(LogLevel.All)
  )

const request = (airflowMajor: 2 | 3, path: string, extra: Partial<WebserverRequest> = {}): WebserverRequest => ({
  environmentName: "my-env",
  method: "GET",
  path,
  airflowMajor,
  ...extra
})

const count = (path: string) => stub.count((r) => r.url.startsWith(path))
const logins = () => count("/aws_mwaa/login") + count("/pluginsv2/aws_mwaa/login")
const tokensIssued = () => count("/webtoken/")

/** No credential the stub ever issued appears in what came out of the adapter, nor in any log line. */
const expectNoCredential = (...outputs: ReadonlyArray<unknown>) => {
  const text = [...outputs.map((o) => JSON.stringify(o) + String(o)), ...logs].join("\n")
  expect(stub.issued.length).toBeGreaterThan(0)
  for (const secret of stub.issued) {
    expect(text).not.toContain(secret)
    // Each part of a JWT too.
    for (const part of secret.split(".")) if (part.length > 12) expect(text).not.toContain(part)
  }
}

describe("the webserver route over loopback", () => {
  it.live("Airflow 2: web token, form login at /aws_mwaa/login, then /api/v1 with the session cookie", () =>
    Effect.gen(function* () {
      const before = stub.seen.length
      const response = yield* withGateway(() =>
        viaWebserver(
          request(2, "/dags/~/dagRuns/list", {
            method: "POST",
            queryParameters: { state: ["failed", "queued"], paused: false },
            body: { a: 1 }
          })
        )
      )
      expect(response).toEqual({
        status: 200,
        body: {
          path: "/dags/~/dagRuns/list",
          query: [
            ["state", "failed"],
            ["state", "queued"],
            ["paused", "false"]
          ],
          body: { a: 1 }
        }
      })
      const [token, login, api] = stub.seen.slice(before)
      expect(token).toMatchObject({ method: "POST", url: "/webtoken/my-env" })
      expect(token?.headers.authorization).toContain("/us-east-1/airflow/aws4_request")
      expect(login).toMatchObject({ method: "POST", url: "/aws_mwaa/login" })
      expect(login?.headers["content-type"]).toBe("application/x-www-form-urlencoded")
      expect(login?.body).toMatch(/^token=webtoken-/)
      expect(api?.url.startsWith("/api/v1/dags/~/dagRuns/list?")).toBe(true)
      expect(api?.headers.cookie).toMatch(/^session=session-/)
      expect(api?.headers.authorization).toBeUndefined()
      expect(api?.headers["content-type"]).toBe("application/json")
      expectNoCredential(response)
    })
  )

  it.live("Airflow 3: form login at /pluginsv2/aws_mwaa/login, then /api/v2 with the _token JWT as a bearer", () =>
    Effect.gen(function* () {
      const before = stub.seen.length
      const response = yield* withGateway(() => viaWebserver(request(3, `/dags/${"d".repeat(250)}`)))
      expect(response.status).toBe(200)
      const [, login, api] = stub.seen.slice(before)
      expect(login).toMatchObject({ method: "POST", url: "/pluginsv2/aws_mwaa/login" })
      expect(api?.url).toBe(`/api/v2/dags/${"d".repeat(250)}`)
      expect(api?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.sig$/)
      expect(api?.headers.cookie).toBeUndefined()
    })
  )

  it.live("reuses the session across calls: one web token, one login", () =>
    Effect.gen(function* () {
      const [t0, l0] = [tokensIssued(), logins()]
      yield* withGateway(() =>
        Effect.gen(function* () {
          for (let i = 0; i < 4; i++) yield* viaWebserver(request(2, `/dags/d${i}`))
        })
      )
      expect([tokensIssued() - t0, logins() - l0]).toEqual([1, 1])
    })
  )

  it.live("concurrent first calls log in once", () =>
    Effect.gen(function* () {
      const [t0, l0] = [tokensIssued(), logins()]
      const answers = yield* withGateway(() =>
        Effect.all(
          Array.from({ length: 12 }, (_, i) => viaWebserver(request(3, `/dags/c${i}`))),
          { concurrency: "unbounded" }
        )
      )
      expect(answers.every((a) => a.status === 200)).toBe(true)
      expect([tokensIssued() - t0, logins() - l0]).toEqual([1, 1])
    })
  )

  it.live("a refused session (401) logs in again once, then the call succeeds", () =>
    Effect.gen(function* () {
      const [t0, l0] = [tokensIssued(), logins()]
      const second = yield* withGateway(() =>
        Effect.gen(function* () {
          yield* viaWebserver(request(2, "/dags/a"))
          stub.forgetSessions()
          return yield* viaWebserver(request(2, "/dags/b"))
        })
      )
      expect(second).toMatchObject({ status: 200, body: { path: "/dags/b" } })
      expect([tokensIssued() - t0, logins() - l0]).toEqual([2, 2])
      expectNoCredential(second)
    })
  )

  it.live("refused again after a fresh login: AccessDenied, with no credential in the error or the logs", () =>
    Effect.gen(function* () {
      const l0 = logins()
      stub.state.refuseAll = true
      const error = yield* withGateway(() => Effect.flip(viaWebserver(request(3, "/dags/a")))).pipe(
        Effect.ensuring(Effect.sync(() => (stub.state.refuseAll = false)))
      )
      expect(error).toMatchObject({ _tag: "MwaaError", reason: "AccessDenied", operation: "Webserver GET /dags/a" })
      expect(logins() - l0).toBe(2)
      expectNoCredential(error, error.message, error.airflowBody)
    })
  )

  it.live("Airflow's errors keep their status and body, with the credentials the webserver echoed scrubbed", () =>
    Effect.gen(function* () {
      const [boom, forbidden] = yield* withGateway(() =>
        Effect.all([Effect.flip(viaWebserver(request(2, "/boom"))), Effect.flip(viaWebserver(request(3, "/forbidden")))])
      )
      expect(boom).toMatchObject({ reason: "AirflowServerError", airflowStatus: 500 })
      expect(JSON.stringify(boom.airflowBody)).toContain("[redacted]")
      expect(forbidden).toMatchObject({ reason: "AirflowClientError", airflowStatus: 403 })
      expect(String(forbidden.airflowBody)).toContain("Forbidden for [redacted]")
      expectNoCredential(boom, boom.message, boom.airflowBody, forbidden, forbidden.airflowBody)
    })
  )

  it.live("Airflow's detail is kept whole, for the app to mask before it cuts (a cut here could leave part of a secret)", () =>
    Effect.gen(function* () {
      const error = yield* withGateway(() => Effect.flip(viaWebserver(request(2, "/long-detail"))))
      expect(error).toMatchObject({ reason: "AirflowClientError", airflowStatus: 400 })
      expect(error.message).toContain("password=hunter2-webserver-secret")
    })
  )

  it.live("a login that refuses the web token: AccessDenied without the token", () =>
    Effect.gen(function* () {
      // The login answers 401 with the token echoed in its body and a header.
      stub.state.rejectLogins = true
      const error = yield* withGateway(() => Effect.flip(viaWebserver(request(2, "/dags")))).pipe(
        Effect.ensuring(Effect.sync(() => (stub.state.rejectLogins = false)))
      )
      expect(error).toMatchObject({ reason: "AccessDenied", operation: "Webserver login (Airflow 2)" })
      expectNoCredential(error, error.message)
    })
  )

  it.live("an answer that is not JSON, or over 6 MB: Internal", () =>
    Effect.gen(function* () {
      const [text, big] = yield* withGateway(() =>
        Effect.all([Effect.flip(viaWebserver(request(2, "/text"))), Effect.flip(viaWebserver(request(2, "/big")))])
      )
      expect(text).toMatchObject({ reason: "Internal", message: expect.stringContaining("not JSON") })
      expect(big).toMatchObject({ reason: "Internal", message: expect.stringContaining("6 MB") })
    })
  )

  it.live("a refused connection is an unreachable webserver, not retried, naming no credential", () =>
    Effect.gen(function* () {
      const nowhere = yield* Effect.promise(closedPort)
      const error = yield* withGateway(() => Effect.flip(viaWebserver(request(2, "/dags"))), nowhere)
      expect(error).toMatchObject({ reason: "Unavailable", webserverUnreachable: true, operation: "Webserver login (Airflow 2)" })
      expect(error.message).toContain("ECONNREFUSED")
      expect(error.message).toContain(new URL(nowhere).host)
      expectNoCredential(error, error.message)
    })
  )

  it.live("a webserver that never answers is unreachable after the timeout", () =>
    Effect.gen(function* () {
      stub.state.hang.add("/aws_mwaa/login")
      const started = Date.now()
      const error = yield* withGateway(() => Effect.flip(viaWebserver(request(2, "/dags"))), undefined, "300 millis").pipe(
        Effect.ensuring(Effect.sync(() => stub.state.hang.clear()))
      )
      expect(error).toMatchObject({ reason: "Unavailable", webserverUnreachable: true })
      expect(error.message).toContain("no answer within")
      expect(Date.now() - started).toBeLessThan(5000)
    })
  )
})
