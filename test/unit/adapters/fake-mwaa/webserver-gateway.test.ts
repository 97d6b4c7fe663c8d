import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import type { WebserverRequest } from "../../../../src/ports/AirflowApi.js"
import { Environments } from "../../../../src/ports/Environments.js"
import { loadSpecValidator } from "../../../support/openapi.js"
import { DAG_250, webserverSeed } from "../../../support/webserver-seed.js"
import { viaInvoke, viaWebserver } from "../../../support/airflow-routes.js"

/** The in-memory gateway's webserverRestApi: token, login and REST call through the model, as a client runs them. */
const layer = () => FakeMwaa.layer(webserverSeed())
const call = (request: WebserverRequest) => viaWebserver(request)
const specs = { 2: loadSpecValidator(2), 3: loadSpecValidator(3) } as const
const CASES = [
  { environmentName: "tiny-2", airflowMajor: 2, trigger: { dag_run_id: "via_webserver", logical_date: "2026-11-25T10:00:00Z" } },
  { environmentName: "tiny-3", airflowMajor: 3, trigger: { dag_run_id: "via_webserver", logical_date: "2026-11-25T10:00:00Z" } }
] as const

describe("fake MWAA gateway: webserverRestApi", () => {
  it.effect("triggers a run of a 250-character DAG id and reads it back, on both majors, answers per the OpenAPI spec", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      for (const { environmentName, airflowMajor, trigger } of CASES) {
        const runs = `/dags/${DAG_250}/dagRuns`
        const created = yield* call({ environmentName, airflowMajor, method: "POST", path: runs, body: trigger })
        expect(created.status).toBe(200)
        expect(specs[airflowMajor].validate("POST", runs, created.status, created.body)).toEqual([])
        const read = yield* call({ environmentName, airflowMajor, method: "GET", path: `${runs}/via_webserver` })
        expect(read.body).toMatchObject({ dag_id: DAG_250, dag_run_id: "via_webserver" })
        expect(specs[airflowMajor].validate("GET", `${runs}/via_webserver`, read.status, read.body)).toEqual([])
      }
      const calls = yield* fake.calls
      expect(calls.map((c) => `${c.api} ${c.environmentName}`)).toEqual([
        "CreateWebLoginToken tiny-2",
        "AirflowWebserver tiny-2",
        "AirflowWebserver tiny-2",
        "CreateWebLoginToken tiny-3",
        "AirflowWebserver tiny-3",
        "AirflowWebserver tiny-3"
      ])
      expect(calls[1]).toEqual({
        api: "AirflowWebserver",
        environmentName: "tiny-2",
        method: "POST",
        path: `/dags/${DAG_250}/dagRuns`,
        body: CASES[0].trigger
      })
      const logged = JSON.stringify(calls)
      for (const credential of yield* fake.webserver.issuedCredentials) expect(logged).not.toContain(credential)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a path both routes can take gets the same answer through either", () =>
    Effect.gen(function* () {
      for (const { environmentName, airflowMajor } of CASES) {
        const request = { environmentName, method: "GET", path: "/dags/d/dagRuns", queryParameters: { state: ["failed"] } } as const
        const direct = yield* viaInvoke(request)
        expect(yield* viaWebserver({ ...request, airflowMajor })).toEqual(direct)
        const missing = { environmentName, method: "GET", path: "/dags/nope" } as const
        const byInvoke = yield* Effect.flip(viaInvoke(missing))
        const viaWeb = yield* Effect.flip(viaWebserver({ ...missing, airflowMajor }))
        expect([viaWeb.reason, viaWeb.airflowStatus, viaWeb.airflowBody]).toEqual([
          byInvoke.reason,
          byInvoke.airflowStatus,
          byInvoke.airflowBody
        ])
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow's 4xx comes back as AirflowClientError with its status and body, as through InvokeRestApi", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(call({ environmentName: "tiny-3", airflowMajor: 3, method: "GET", path: `/dags/${DAG_250}x` }))
      expect(missing).toMatchObject({ reason: "AirflowClientError", airflowStatus: 404, operation: `Webserver GET /dags/${DAG_250}x` })
      const extra = yield* Effect.flip(
        call({ environmentName: "tiny-3", airflowMajor: 3, method: "PATCH", path: `/dags/${DAG_250}`, body: { is_paused: true, x: 1 } })
      )
      expect(extra).toMatchObject({ reason: "AirflowClientError", airflowStatus: 422 })
      const unknown = yield* Effect.flip(call({ environmentName: "nope", airflowMajor: 2, method: "GET", path: "/dags" }))
      expect(unknown).toMatchObject({ reason: "NotFound", operation: "CreateWebLoginToken" })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("keeps the session per environment and logs in again once when it went stale", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const get = call({ environmentName: "tiny-2", airflowMajor: 2, method: "GET", path: "/dags" })
      yield* get
      yield* get
      yield* fake.webserver.expireSessions
      expect((yield* get).status).toBe(200)
      expect((yield* fake.calls).map((c) => c.api)).toEqual([
        "CreateWebLoginToken",
        "AirflowWebserver",
        "AirflowWebserver",
        "AirflowWebserver",
        "CreateWebLoginToken",
        "AirflowWebserver"
      ])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the wrong major for the environment: its login path is a 404 (AirflowClientError)", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(call({ environmentName: "tiny-3", airflowMajor: 2, method: "GET", path: "/dags" }))
      expect(error).toMatchObject({ reason: "AirflowClientError", airflowStatus: 404 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("keeps the sessions it issued when an environment is created meanwhile", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const get = call({ environmentName: "tiny-2", airflowMajor: 2, method: "GET", path: "/dags" })
      yield* get
      const issued = yield* fake.webserver.issuedCredentials
      expect(issued.length).toBeGreaterThan(0)
      yield* Effect.flatMap(Environments, (environments) =>
        environments.create({
          name: "created-meanwhile",
          execution_role_arn: "arn:aws:iam::123456789012:role/mwaa",
          source_bucket_arn: "arn:aws:s3:::airflow-created-meanwhile",
          dag_s3_path: "dags",
          network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
        })
      )
      expect(yield* fake.webserver.issuedCredentials).toEqual(issued)
      yield* get
      // Still the first session: no second login.
      expect((yield* fake.calls).filter((c) => c.api === "CreateWebLoginToken")).toHaveLength(1)
    }).pipe(Effect.provide(layer()))
  )
})
