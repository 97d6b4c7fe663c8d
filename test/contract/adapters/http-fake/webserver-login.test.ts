import { request as httpRequest } from "node:http"
import { Effect } from "effect"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import {
  createWebLoginToken,
  type HttpFake,
  LOGIN_PATHS,
  postLogin,
  startHttpFake,
  webFetch,
  webLogin
} from "../../../support/http-fake/index.js"
import { webserverSeed } from "../../../support/webserver-seed.js"

/** CreateWebLoginToken over restJson1 and the webservers' login forms, on the HTTP fake. */
let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({ seed: webserverSeed() })
})

afterEach(() => {
  fake.reset()
  fake.clearRequests()
})

afterAll(() => fake.close())

const advanceClock = (millis: number) => fake.runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.advanceClock(millis)))
const tokenOf = async (name: string) => ((await (await createWebLoginToken(fake.url, name)).json()) as { WebToken: string }).WebToken

describe("HTTP fake: CreateWebLoginToken", () => {
  it("answers the token, the webserver host and the identities, signed for airflow", async () => {
    const response = await createWebLoginToken(fake.url, "tiny-2")
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, string>
    expect(Object.keys(body).sort()).toEqual(["AirflowIdentity", "IamIdentity", "WebServerHostname", "WebToken"])
    expect(body["WebServerHostname"]).toMatch(/^[0-9a-f-]{36}\.c2\.us-east-1\.airflow\.amazonaws\.com$/)
    const privateHost = (await (await createWebLoginToken(fake.url, "private-2")).json()) as Record<string, string>
    expect(privateHost["WebServerHostname"]).toMatch(/-vpce\.c2\.us-east-1\.airflow\.amazonaws\.com$/)
    expect(fake.requests()[0]).toMatchObject({
      service: "airflow",
      signingService: "airflow",
      operation: "CreateWebLoginToken",
      method: "POST",
      path: "/webtoken/tiny-2",
      environmentName: "tiny-2",
      status: 200
    })
  })

  it("unsigned or signed for another service is 403; an unknown environment 404; a bad name 400", async () => {
    const unsigned = await createWebLoginToken(fake.url, "tiny-2", { unsigned: true })
    expect([unsigned.status, unsigned.headers.get("x-amzn-errortype")]).toEqual([403, "MissingAuthenticationTokenException"])
    const other = await createWebLoginToken(fake.url, "tiny-2", { service: "execute-api" })
    expect([other.status, other.headers.get("x-amzn-errortype")]).toEqual([403, "InvalidSignatureException"])
    const missing = await createWebLoginToken(fake.url, "nope")
    expect([missing.status, missing.headers.get("x-amzn-errortype")]).toEqual([404, "ResourceNotFoundException"])
    expect(await missing.json()).toEqual({ message: "Environment nope not found." })
    const bad = await createWebLoginToken(fake.url, "-bad")
    expect([bad.status, bad.headers.get("x-amzn-errortype")]).toEqual([400, "ValidationException"])
  })

  it("takes injected faults with { api: 'CreateWebLoginToken' }", async () => {
    fake.failNext(1, { status: 500, api: "CreateWebLoginToken" })
    fake.throttleNext(1, { api: "CreateWebLoginToken" })
    const failed = await createWebLoginToken(fake.url, "tiny-2")
    const throttled = await createWebLoginToken(fake.url, "tiny-2")
    expect([failed.status, failed.headers.get("x-amzn-errortype")]).toEqual([500, "InternalServerException"])
    expect([throttled.status, throttled.headers.get("x-amzn-errortype")]).toEqual([429, "ThrottlingException"])
    expect((await createWebLoginToken(fake.url, "tiny-2")).status).toBe(200)
  })
})

describe("HTTP fake: webserver login", () => {
  it("Airflow 2: POST /aws_mwaa/login answers 302 to / with the session cookie", async () => {
    const response = await postLogin(fake.url, "/aws_mwaa/login", await tokenOf("tiny-2"))
    expect(response.status).toBe(302)
    expect(response.headers.get("location")).toBe("/")
    expect(response.headers.get("set-cookie")).toMatch(/^session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; Secure; Path=\/$/)
    expect(fake.requests().map((r) => [r.operation, r.service, r.signingService, r.environmentName, r.status])).toEqual([
      ["CreateWebLoginToken", "airflow", "airflow", "tiny-2", 200],
      ["WebLogin", "webserver", undefined, "tiny-2", 302]
    ])
  })

  it("Airflow 3: POST /pluginsv2/aws_mwaa/login answers 302 to / with _token, a JWT", async () => {
    const response = await postLogin(fake.url, "/pluginsv2/aws_mwaa/login", await tokenOf("tiny-3"))
    expect(response.status).toBe(302)
    const cookie = response.headers.get("set-cookie") ?? ""
    expect(cookie).toMatch(/^_token=[\w-]+\.[\w-]+\.[\w-]+; Secure; Path=\/; SameSite=Lax$/)
    const header = JSON.parse(Buffer.from(cookie.slice("_token=".length).split(".")[0]!, "base64url").toString("utf8"))
    expect(header).toEqual({ alg: "HS512", typ: "JWT" })
  })

  it("the other major's login path is 404; a token is single-use; it expires after 60 s of the fake clock", async () => {
    const token = await tokenOf("tiny-3")
    const wrong = await postLogin(fake.url, "/aws_mwaa/login", token)
    expect([wrong.status, await wrong.json()]).toEqual([404, { detail: "Not Found" }])
    expect((await postLogin(fake.url, LOGIN_PATHS[3], token)).status).toBe(302)
    const reused = await postLogin(fake.url, LOGIN_PATHS[3], token)
    expect([reused.status, reused.headers.get("set-cookie")]).toEqual([401, null])
    const late = await tokenOf("tiny-2")
    await advanceClock(60_001)
    const expired = await postLogin(fake.url, LOGIN_PATHS[2], late)
    expect(expired.status).toBe(401)
    expect(expired.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(await expired.text()).toContain("<title>401 Unauthorized</title>")
    expect((await postLogin(fake.url, LOGIN_PATHS[2], undefined)).status).toBe(400)
    expect((await postLogin(fake.url, LOGIN_PATHS[3], undefined)).status).toBe(422)
  })

  it("lists every credential it handed out", async () => {
    const token = await tokenOf("tiny-2")
    const session = await webLogin(fake.url, "tiny-2", 2)
    expect(fake.issuedCredentials()).toEqual(expect.arrayContaining([token, session.value]))
  })

  it("a session of one environment is refused (401) by another's webserver, addressed by its Host", async () => {
    const session = await webLogin(fake.url, "tiny-2", 2)
    const host3 = ((await (await createWebLoginToken(fake.url, "tiny-3")).json()) as { WebServerHostname: string }).WebServerHostname
    const host2 = ((await (await createWebLoginToken(fake.url, "tiny-2")).json()) as { WebServerHostname: string }).WebServerHostname
    // fetch cannot set Host: node:http can, as a client resolving the webserver's name would send it.
    const get = (host: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(fake.url)
        const req = httpRequest(
          { host: url.hostname, port: url.port, path, headers: { host, cookie: `session=${session.value}` } },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        req.on("error", reject)
        req.end()
      })
    expect(await get(host2, "/api/v1/dags")).toBe(200)
    expect(await get(host3, "/api/v2/dags")).toBe(401)
    expect(fake.requests().at(-1)).toMatchObject({ operation: "AirflowWebserver", environmentName: "tiny-3", status: 401 })
    expect((await webFetch(fake.url, session, "GET", "/dags")).status).toBe(200)
  })
})
