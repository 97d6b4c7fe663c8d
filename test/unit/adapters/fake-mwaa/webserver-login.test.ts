import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import { DAG_250, webserverSeed } from "../../../support/webserver-seed.js"

/** The login model: CreateWebLoginToken, the login per Airflow major, the REST API behind a session. */
const layer = () => FakeMwaa.layer(webserverSeed())
const web = Effect.map(FakeMwaa, (f) => f.webserver)

const signIn = (name: string, path: string) =>
  Effect.gen(function* () {
    const w = yield* web
    const token = yield* w.createWebLoginToken(name)
    return yield* w.login({ path, formToken: token.WebToken })
  })

describe("fake MWAA webserver login", () => {
  it.effect("CreateWebLoginToken names the webserver host, -vpce for PRIVATE_ONLY; an unknown environment is NotFound", () =>
    Effect.gen(function* () {
      const w = yield* web
      const token = yield* w.createWebLoginToken("tiny-2")
      expect(token.WebServerHostname).toMatch(/^[0-9a-f-]{36}\.c2\.us-east-1\.airflow\.amazonaws\.com$/)
      expect(token.WebToken.split(".")).toHaveLength(3)
      expect(token.IamIdentity).toBe("assumed-role/Admin/fake-user")
      expect((yield* w.createWebLoginToken("private-2")).WebServerHostname).toMatch(
        /^[0-9a-f-]{36}-vpce\.c2\.us-east-1\.airflow\.amazonaws\.com$/
      )
      const missing = yield* Effect.flip(w.createWebLoginToken("nope"))
      expect(missing).toMatchObject({ reason: "NotFound", operation: "CreateWebLoginToken" })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 2 logs in at /aws_mwaa/login (cookie session), Airflow 3 at /pluginsv2/aws_mwaa/login (cookie _token, a JWT)", () =>
    Effect.gen(function* () {
      const v2 = yield* signIn("tiny-2", "/aws_mwaa/login")
      expect(v2).toMatchObject({ ok: true, environmentName: "tiny-2", cookieName: "session" })
      const v3 = yield* signIn("tiny-3", "/pluginsv2/aws_mwaa/login")
      expect(v3).toMatchObject({ ok: true, environmentName: "tiny-3", cookieName: "_token" })
      if (!v3.ok || !v2.ok) return
      const [header, claims] = v3.cookieValue
        .split(".")
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")))
      expect(header).toEqual({ alg: "HS512", typ: "JWT" })
      expect(claims.exp - claims.iat).toBe(12 * 3600)
      const fake = yield* FakeMwaa
      expect(yield* fake.webserver.issuedCredentials).toEqual(expect.arrayContaining([v2.cookieValue, v3.cookieValue]))
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the other major's login path is a 404 and leaves the token unspent; a missing token is 400 / 422", () =>
    Effect.gen(function* () {
      const w = yield* web
      const token = yield* w.createWebLoginToken("tiny-2")
      const wrong = yield* w.login({ path: "/pluginsv2/aws_mwaa/login", formToken: token.WebToken })
      expect(wrong).toMatchObject({ ok: false, status: 404, contentType: "text/html; charset=utf-8" })
      expect(yield* w.login({ path: "/aws_mwaa/login", formToken: token.WebToken })).toMatchObject({ ok: true })
      expect(yield* w.login({ path: "/aws_mwaa/login", formToken: undefined })).toMatchObject({ ok: false, status: 400 })
      const v3 = yield* w.login({ path: "/pluginsv2/aws_mwaa/login", formToken: undefined })
      expect(v3).toMatchObject({ ok: false, status: 422 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a token is single-use and lives 60 s of the fake clock", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const w = fake.webserver
      const once = yield* w.createWebLoginToken("tiny-3")
      expect(yield* w.login({ path: "/pluginsv2/aws_mwaa/login", formToken: once.WebToken })).toMatchObject({ ok: true })
      const again = yield* w.login({ path: "/pluginsv2/aws_mwaa/login", formToken: once.WebToken })
      expect(again).toMatchObject({ ok: false, status: 401, body: JSON.stringify({ detail: "Invalid or expired token" }) })
      const onTime = yield* w.createWebLoginToken("tiny-2")
      yield* fake.advanceClock(60_000)
      expect(yield* w.login({ path: "/aws_mwaa/login", formToken: onTime.WebToken })).toMatchObject({ ok: true })
      const late = yield* w.createWebLoginToken("tiny-2")
      yield* fake.advanceClock(60_001)
      const refused = yield* w.login({ path: "/aws_mwaa/login", formToken: late.WebToken })
      expect(refused).toMatchObject({ ok: false, status: 401, contentType: "text/html; charset=utf-8" })
      expect(yield* w.login({ path: "/aws_mwaa/login", formToken: "made-up" })).toMatchObject({ ok: false, status: 401 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("REST behind the session: v1 with the cookie, v2 with the bearer; 401 without, with another's, or once stale", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const w = fake.webserver
      const v2 = yield* signIn("tiny-2", "/aws_mwaa/login")
      const v3 = yield* signIn("tiny-3", "/pluginsv2/aws_mwaa/login")
      if (!v2.ok || !v3.ok) throw new Error("login failed")
      const cookie = { cookies: { session: v2.cookieValue } }
      const bearer = { cookies: {}, authorization: `Bearer ${v3.cookieValue}` }
      const ok2 = yield* w.serve({ ...cookie, method: "GET", path: `/api/v1/dags/${DAG_250}` })
      expect(ok2).toMatchObject({ kind: "airflow", environmentName: "tiny-2", path: `/dags/${DAG_250}` })
      const ok3 = yield* w.serve({ ...bearer, method: "GET", path: `/api/v2/dags/${DAG_250}` })
      expect(ok3).toMatchObject({ kind: "airflow", environmentName: "tiny-3" })
      // The prefix of the other major is no route on this webserver.
      expect(yield* w.serve({ ...cookie, method: "GET", path: "/api/v2/dags" })).toMatchObject({ kind: "refused", status: 404 })
      expect(yield* w.serve({ ...bearer, method: "GET", path: "/api/v1/dags" })).toMatchObject({
        kind: "refused",
        status: 404,
        body: { detail: "Not Found" }
      })
      expect(yield* w.serve({ cookies: {}, method: "GET", path: "/api/v1/dags" })).toMatchObject({
        kind: "refused",
        status: 401,
        body: { title: "Unauthorized", status: 401, detail: null }
      })
      expect(yield* w.serve({ cookies: {}, method: "GET", path: "/api/v2/dags" })).toMatchObject({
        status: 401,
        body: { detail: "Not authenticated" }
      })
      // tiny-3's webserver, addressed by its host, refuses tiny-2's session and Airflow 2's cookie.
      const host3 = (yield* w.createWebLoginToken("tiny-3")).WebServerHostname
      expect(yield* w.serve({ ...cookie, hostname: host3, method: "GET", path: "/api/v2/dags" })).toMatchObject({
        kind: "refused",
        environmentName: "tiny-3",
        status: 401
      })
      yield* w.expireSessions
      expect(yield* w.serve({ ...cookie, method: "GET", path: "/api/v1/dags" })).toMatchObject({ kind: "refused", status: 401 })
      expect(yield* w.serve({ ...bearer, method: "GET", path: "/api/v2/dags" })).toMatchObject({
        status: 401,
        body: { detail: "Invalid JWT token" }
      })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a session ends 12 h later on the fake clock", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const v2 = yield* signIn("tiny-2", "/aws_mwaa/login")
      if (!v2.ok) throw new Error("login failed")
      const get = fake.webserver.serve({ cookies: { session: v2.cookieValue }, method: "GET", path: "/api/v1/dags" })
      yield* fake.advanceClock(12 * 3600 * 1000)
      expect(yield* get).toMatchObject({ kind: "airflow" })
      yield* fake.advanceClock(1)
      expect(yield* get).toMatchObject({ kind: "refused", status: 401 })
    }).pipe(Effect.provide(layer()))
  )
})
