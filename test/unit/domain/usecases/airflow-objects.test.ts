import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as fc from "fast-check"
import { listConnections, listVariables } from "../../../../src/domain/usecases/airflow-objects.js"
import { AirflowApi } from "../../../../src/ports/AirflowApi.js"
import { stubEnvironments } from "../../../support/environments-stub.js"
import { unusedLogsAndFiles } from "../../../support/unused-ports.js"
import { stubToolServices } from "../../../support/test-layer.js"

/** A gateway that answers GetEnvironment with the given version and every REST call with `body`. */
const stubGateway = (airflowVersion: string, body: unknown) =>
  Layer.mergeAll(
    Layer.succeed(AirflowApi, { send: () => Effect.succeed({ status: 200, body }) }),
    stubEnvironments({ airflow_version: airflowVersion }, ["env"])
  )

/** `effect` on a backend whose Airflow answers `body`. */
const onStub = <A, E>(effect: Effect.Effect<A, E, any>, airflowVersion: string, body: unknown) =>
  Effect.provide(effect, stubToolServices(Layer.merge(stubGateway(airflowVersion, body), unusedLogsAndFiles))) as Effect.Effect<A, E>
// fast-check's async properties are Promises: each case runs its Effect to one.
const run = <A, E>(effect: Effect.Effect<A, E, any>, airflowVersion: string, body: unknown) =>
  Effect.runPromise(onStub(effect, airflowVersion, body))

// Secrets drawn from an alphabet no key name, host or type uses, so a hit can only be a leak.
const secret = fc.string({ unit: fc.constantFrom(..."QZX#%&!ÆØ§¶".split("")), minLength: 8, maxLength: 40 })
const word = fc.string({ unit: fc.constantFrom(..."abcdefghij".split("")), minLength: 1, maxLength: 8 })
const version = fc.constantFrom("2.10.3", "3.0.6")

const connection = fc.record({
  connection_id: word,
  conn_type: fc.constantFrom("postgres", "aws", "http", "snowflake"),
  host: fc.option(word, { nil: null }),
  login: fc.option(word, { nil: null }),
  schema: fc.option(word, { nil: null }),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
  password: secret,
  extra: fc.oneof(
    fc.dictionary(word, secret, { minKeys: 1 }).map((d) => JSON.stringify(d)),
    secret,
    fc.dictionary(word, secret, { minKeys: 1 })
  )
})

const fragment = fc.constantFrom(
  "password",
  "secret",
  "passwd",
  "authorization",
  "api_key",
  "apikey",
  "access_token",
  "token",
  "private_key",
  "passphrase",
  "credential",
  "keyfile_dict",
  "service_account"
)
const sep = fc.constantFrom("_", "-", ".", " ", "")
const sensitiveKey = fc
  .tuple(fc.option(word, { nil: "" }), sep, fragment, fc.boolean(), sep, fc.option(word, { nil: "" }))
  .map(([a, s1, f, upper, s2, b]) => `${a}${a === "" ? "" : s1}${upper ? f.toUpperCase() : f}${b === "" ? "" : s2}${b}`)
const secretValue = fc.oneof(
  secret,
  secret.map((s) => ({ nested: s })),
  secret.map((s) => [s])
)

describe("list-connections and list-variables never return secrets", () => {
  it("connections: no password and no extra value, whatever Airflow sends, on 2.x and 3.x", async () => {
    await fc.assert(
      fc.asyncProperty(version, fc.array(connection, { minLength: 1, maxLength: 5 }), async (v, conns) => {
        const out = await run(listConnections("env", { limit: 50, offset: 0 }), v, { connections: conns, total_entries: conns.length })
        const text = JSON.stringify(out)
        for (const c of conns) {
          expect(text).not.toContain(c.password)
          const extraValues = typeof c.extra === "string" ? [c.extra] : Object.values(c.extra)
          for (const value of extraValues) expect(text).not.toContain(value)
        }
        expect(out.connections.map((c) => c.connection_id)).toEqual(conns.map((c) => c.connection_id))
        expect(out.connections.every((c) => c.has_password)).toBe(true)
      }),
      { numRuns: 100 }
    )
  })

  it("variables: sensitive values masked whatever their type; plain ones kept", async () => {
    await fc.assert(
      fc.asyncProperty(
        version,
        fc.array(fc.tuple(sensitiveKey, secretValue), { minLength: 1, maxLength: 5 }),
        word,
        async (v, sensitive, plainValue) => {
          const variables = [
            ...sensitive.map(([key, value]) => ({
              key,
              value: typeof value === "string" ? value : JSON.stringify(value),
              description: null
            })),
            { key: "environment_label", value: plainValue, description: "plain" }
          ]
          const out = await run(listVariables("env", { limit: 50, offset: 0 }), v, { variables, total_entries: variables.length })
          const text = JSON.stringify(out)
          for (const [, value] of sensitive) {
            const raw = typeof value === "string" ? value : Array.isArray(value) ? value[0]! : value.nested
            expect(text).not.toContain(raw)
          }
          const plain = out.variables.find((x) => x.key === "environment_label")
          expect(plain).toMatchObject({ value: plainValue, masked: false })
          expect(out.variables.filter((x) => x.masked)).toHaveLength(sensitive.length)
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe("what a connection list says about secrets it does not show", () => {
  it.live("is unknown (null) when Airflow 2 leaves password and extra out, and masks an access key used as login", () =>
    Effect.gen(function* () {
      const out = yield* onStub(listConnections("env", { limit: 50, offset: 0 }), "2.10.3", {
        connections: [
          { connection_id: "aws_default", conn_type: "aws", login: "AKIAIOSFODNN7EXAMPLE", host: null, schema: null, port: null }
        ],
        total_entries: 1
      })
      expect(out.connections[0]).toMatchObject({ connection_id: "aws_default", has_password: null, has_extra: null })
      expect(JSON.stringify(out)).not.toContain("AKIAIOSFODNN7EXAMPLE")
    })
  )
})
