import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Schema, TestClock } from "effect"
import { errorText } from "../../support/tool-error-text.js"
import { AirflowClient } from "../../../src/domain/airflow-client.js"
import type { AirflowRouteMode } from "../../../src/ports/AppConfig.js"
import { MwaaError } from "../../../src/ports/MwaaError.js"
import { AirflowApi, type RestRequest, type WebserverRequest } from "../../../src/ports/AirflowApi.js"
import { stubEnvironments } from "../../support/environments-stub.js"
import { unusedLogsAndFiles } from "../../support/unused-ports.js"
import { stubToolServices } from "../../support/test-layer.js"

/**
 * AirflowClient.send on both routes: which route of the AirflowApi port carries a call, the same retry policy
 * and rate limit on each, and an unreachable webserver named with its access mode.
 */

const LONG = `/dags/${"d".repeat(100)}/clearTaskInstances`

const gateway = (
  sent: Array<{ api: string; request: RestRequest }>,
  webserver: (r: WebserverRequest) => Effect.Effect<unknown, MwaaError>
) =>
  Layer.mergeAll(
    stubEnvironments({ airflow_version: "3.0.6", webserver_access_mode: "PRIVATE_ONLY" }, ["env"]),
    Layer.succeed(AirflowApi, {
      send: (route, request) =>
        route._tag === "InvokeRestApi"
          ? Effect.sync(() => {
              sent.push({ api: "InvokeRestApi", request })
              return { status: 200, body: {} }
            })
          : Effect.suspend(() => {
              const withMajor = { ...request, airflowMajor: route.airflowMajor }
              sent.push({ api: "Webserver", request: withMajor })
              return webserver(withMajor).pipe(Effect.map((body) => ({ status: 200, body })))
            })
    })
  )

const withClient = <A, E>(
  mode: AirflowRouteMode,
  webserver: (r: WebserverRequest) => Effect.Effect<unknown, MwaaError>,
  f: (client: AirflowClient, sent: Array<{ api: string; request: RestRequest }>) => Effect.Effect<A, E>
) => {
  const sent: Array<{ api: string; request: RestRequest }> = []
  return Effect.flatMap(AirflowClient, (client) => f(client, sent)).pipe(
    Effect.provide(stubToolServices(Layer.merge(gateway(sent, webserver), unusedLogsAndFiles), { airflowRoute: mode, maxAttempts: 3 }))
  )
}

const ok = () => Effect.succeed({})

describe("AirflowClient on two routes", () => {
  it.effect("auto: a short path through InvokeRestApi, a long one through the webserver with the Airflow major", () =>
    withClient("auto", ok, (client, sent) =>
      Effect.gen(function* () {
        yield* client.send("env", { method: "GET", path: "/dags" }, Schema.Unknown)
        yield* client.send("env", { method: "POST", path: LONG, body: { dry_run: true } }, Schema.Unknown)
        expect(sent.map((s) => s.api)).toEqual(["InvokeRestApi", "Webserver"])
        expect(sent[1]?.request).toMatchObject({ environmentName: "env", path: LONG, body: { dry_run: true }, airflowMajor: 3 })
      })
    )
  )

  it.effect("invoke: a long path fails with RouteUnfit before any call; the app names the limit and the setting", () =>
    withClient("invoke", ok, (client, sent) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(client.send("env", { method: "POST", path: LONG }, Schema.Unknown))
        expect(error).toMatchObject({ _tag: "RouteUnfit", pathLength: LONG.length, limit: 64 })
        expect(sent).toEqual([])
        const text = errorText("clear-task-instances", "env", error)
        expect(text).toContain("at most 64")
        expect(text).toContain("--airflow-route auto")
        expect(text).toContain("MWAA_MCP_AIRFLOW_ROUTE=auto")
      })
    )
  )

  it.effect("webserver: every call through the webserver", () =>
    withClient("webserver", ok, (client, sent) =>
      Effect.gen(function* () {
        yield* client.send("env", { method: "GET", path: "/dags" }, Schema.Unknown)
        expect(sent.map((s) => s.api)).toEqual(["Webserver"])
      })
    )
  )

  it.effect("the retry policy applies on the webserver route: a 503 read is retried, a 503 write is not", () => {
    let calls = 0
    const flaky = () =>
      Effect.suspend(() => {
        calls++
        return calls === 1
          ? Effect.fail(new MwaaError({ reason: "AirflowServerError", operation: "w", message: "503", airflowStatus: 503 }))
          : Effect.succeed({ ok: true })
      })
    return withClient("webserver", flaky, (client) =>
      Effect.gen(function* () {
        const read = yield* Effect.fork(client.send("env", { method: "GET", path: "/dags" }, Schema.Unknown))
        yield* TestClock.adjust(Duration.seconds(10))
        expect(yield* Fiber.join(read)).toEqual({ ok: true })
        expect(calls).toBe(2)
        calls = 0
        const write = yield* Effect.fork(
          Effect.flip(client.send("env", { method: "POST", path: "/dags/x/clearTaskInstances" }, Schema.Unknown))
        )
        yield* TestClock.adjust(Duration.seconds(10))
        expect(yield* Fiber.join(write)).toMatchObject({ airflowStatus: 503 })
        expect(calls).toBe(1)
      })
    )
  })

  it.effect("an unreachable webserver is not retried, and carries the environment's access mode into the message", () => {
    let calls = 0
    const down = () =>
      Effect.suspend(() => {
        calls++
        return Effect.fail(
          new MwaaError({
            reason: "Unavailable",
            operation: "Webserver login (Airflow 3)",
            message: "ECONNREFUSED",
            webserverUnreachable: true
          })
        )
      })
    return withClient("auto", down, (client) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(client.send("env", { method: "GET", path: LONG }, Schema.Unknown))
        expect(calls).toBe(1)
        expect(error).toMatchObject({ _tag: "MwaaError", webserverUnreachable: true, webserverAccessMode: "PRIVATE_ONLY" })
        const text = errorText("get-dag", "env", error)
        expect(text).toContain("access mode PRIVATE_ONLY")
        expect(text).toContain("inside its VPC")
        expect(text).toContain("--airflow-route invoke")
      })
    )
  })
})
