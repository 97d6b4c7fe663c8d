import { mkdtempSync, writeFileSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs"
import {
  CreateWebLoginTokenCommand,
  GetEnvironmentCommand,
  ListEnvironmentsCommand,
  ResourceNotFoundException
} from "../../../../src/adapters/aws/index.js"
import { GetObjectCommand } from "@aws-sdk/client-s3"
import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers"
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Clients, destroyClients, makeClients } from "../../../../src/adapters/aws/clients.js"
import { FakeMwaa, logGroupArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { ACCOUNT_A, ACCOUNT_B, KEY_A, OPERATOR_ROLE, READER_EXTERNAL_ID, READER_ROLE, fleetOptions } from "../../../support/fleet-fake.js"
import { type HttpFake, LOGIN_PATHS, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/** The HTTP fake's worlds: each call answered by the signer's account in the credential scope's region. */
let fake: HttpFake
const opened: Array<Clients> = []

const clientsFor = (region: string, credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider): Clients => {
  const clients = makeClients({ region, endpointUrl: fake.url, credentials })
  opened.push(clients)
  return clients
}

/** What the server does for a target reached through a role: fromTemporaryCredentials over account A's key. */
const asRole = (region: string, RoleArn: string, ExternalId?: string) =>
  clientsFor(
    region,
    fromTemporaryCredentials({
      params: { RoleArn, RoleSessionName: "mwaa-mcp", ...(ExternalId === undefined ? {} : { ExternalId }) },
      masterCredentials: KEY_A,
      clientConfig: { region, endpoint: fake.url }
    })
  )

const names = async (clients: Clients) => (await clients.mwaa.send(new ListEnvironmentsCommand({}))).Environments

beforeAll(async () => {
  fake = await startHttpFake(fleetOptions())
})

afterAll(async () => {
  for (const clients of opened) destroyClients(clients)
  await fake.close()
})

describe("HTTP fake worlds: routing by account and region", () => {
  it("a role's temporary keys land in the role's account, in the region the client signs for", async () => {
    fake.clearRequests()
    const reader = asRole("eu-west-1", READER_ROLE, READER_EXTERNAL_ID)
    expect(await names(reader)).toEqual(["b-eu-2", "tiny-2"])
    const { Environment } = await reader.mwaa.send(new GetEnvironmentCommand({ Name: "tiny-2" }))
    expect(Environment?.Arn).toBe(`arn:aws:airflow:eu-west-1:${ACCOUNT_B}:environment/tiny-2`)
    expect(Environment?.WebserverUrl).toMatch(/\.c2\.eu-west-1\.airflow\.amazonaws\.com$/)
    const where = { account: ACCOUNT_B, region: "eu-west-1" }
    const streams = await reader.logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: logGroupArn("tiny-2", "Task", where) }))
    expect(streams.logStreams?.length).toBe(2)
    const file = await reader.s3.send(new GetObjectCommand({ Bucket: "airflow-tiny-2", Key: "dags/d.py" }))
    expect(await file.Body?.transformToString()).toBe("# the DAG d\n")

    // Each SDK client resolves its credentials once: one AssumeRole per client that called.
    const assumed = fake.requests().filter((r) => r.service === "sts")
    const calls = fake.requests().filter((r) => r.service !== "sts")
    expect(assumed.length).toBeGreaterThan(0)
    for (const record of assumed) {
      expect(record).toMatchObject({ operation: "AssumeRole", accessKeyId: KEY_A.accessKeyId, account: ACCOUNT_A, roleArn: READER_ROLE })
    }
    expect(calls.map((r) => [r.operation, r.region, r.account, r.roleArn, r.status])).toEqual([
      ["ListEnvironments", "eu-west-1", ACCOUNT_B, READER_ROLE, 200],
      ["GetEnvironment", "eu-west-1", ACCOUNT_B, READER_ROLE, 200],
      ["DescribeLogStreams", "eu-west-1", ACCOUNT_B, READER_ROLE, 200],
      ["GetObject", "eu-west-1", ACCOUNT_B, READER_ROLE, 200]
    ])
    for (const record of calls) expect(record.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
  })

  it("a profile that assumes a role (role_arn, source_profile, external_id) lands in the role's account too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fleet-profiles-"))
    const filepath = join(dir, "credentials")
    const configFilepath = join(dir, "config")
    writeFileSync(filepath, `[a]\naws_access_key_id = ${KEY_A.accessKeyId}\naws_secret_access_key = ${KEY_A.secretAccessKey}\n`)
    writeFileSync(
      configFilepath,
      `[profile b]\nrole_arn = ${READER_ROLE}\nsource_profile = a\nexternal_id = ${READER_EXTERNAL_ID}\nregion = eu-west-1\n`
    )
    fake.clearRequests()
    const viaProfile = clientsFor(
      "eu-west-1",
      fromIni({ profile: "b", filepath, configFilepath, clientConfig: { region: "eu-west-1", endpoint: fake.url } })
    )
    expect(await names(viaProfile)).toEqual(["b-eu-2", "tiny-2"])
    expect(fake.requests().map((r) => [r.operation, r.account, r.roleArn])).toEqual([
      ["AssumeRole", ACCOUNT_A, READER_ROLE],
      ["ListEnvironments", ACCOUNT_B, READER_ROLE]
    ])
  })

  it("the same account in another region is another world; a long-term key is its own account's", async () => {
    const operator = asRole("us-east-1", OPERATOR_ROLE)
    expect(await names(operator)).toEqual(["b-us-3"])
    const { Environment } = await operator.mwaa.send(new GetEnvironmentCommand({ Name: "b-us-3" }))
    expect(Environment?.Arn).toBe(`arn:aws:airflow:us-east-1:${ACCOUNT_B}:environment/b-us-3`)
    const profileA = clientsFor("us-east-1", KEY_A)
    expect(await names(profileA)).toEqual(["tiny-2", "tiny-3"])
    const tiny2 = await profileA.mwaa.send(new GetEnvironmentCommand({ Name: "tiny-2" }))
    expect(tiny2.Environment?.Arn).toBe(`arn:aws:airflow:us-east-1:${ACCOUNT_A}:environment/tiny-2`)
    // Any other key is the default (first) world's account.
    expect(await names(clientsFor("us-east-1", { accessKeyId: "AKIDSOMEONEELSE", secretAccessKey: "x" }))).toEqual(["tiny-2", "tiny-3"])
  })

  it("an (account, region) without a world answers as an empty region, and is a world from then on", async () => {
    const before = fake.worlds().length
    const elsewhere = clientsFor("ap-southeast-2", KEY_A)
    expect(await names(elsewhere)).toEqual([])
    await expect(elsewhere.mwaa.send(new GetEnvironmentCommand({ Name: "tiny-2" }))).rejects.toBeInstanceOf(ResourceNotFoundException)
    expect(fake.worlds().length).toBe(before + 1)
    const world = fake.world(ACCOUNT_A, "ap-southeast-2")
    expect(await world.runtime.runPromise(Effect.map(FakeMwaa, (f) => f.location))).toEqual({
      account: ACCOUNT_A,
      region: "ap-southeast-2"
    })
    expect(fake.requests().at(-1)).toMatchObject({ region: "ap-southeast-2", account: ACCOUNT_A, status: 404 })
  })

  it("faults apply in every world", async () => {
    fake.throttleAlways({ api: "ListEnvironments" })
    const reader = asRole("eu-west-1", READER_ROLE, READER_EXTERNAL_ID)
    await expect(names(reader)).rejects.toMatchObject({ name: "ThrottlingException" })
    expect(fake.requests().at(-1)).toMatchObject({ operation: "ListEnvironments", account: ACCOUNT_B, fault: "throttle", status: 429 })
    fake.reset()
  })
})

/** A request with its own Host header (fetch would not send one), answered without following redirects. */
const hostRequest = (
  path: string,
  options: { readonly method?: string; readonly host?: string; readonly headers?: Record<string, string>; readonly body?: string }
): Promise<{ status: number; setCookie: string | undefined }> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, fake.url)
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: { ...(options.host === undefined ? {} : { host: options.host }), ...options.headers } },
      (res) => {
        res.resume()
        res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"]?.[0] }))
      }
    )
    req.on("error", reject)
    req.end(options.body)
  })

const login = (token: string, host?: string) =>
  hostRequest(LOGIN_PATHS[2], {
    method: "POST",
    ...(host === undefined ? {} : { host }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }).toString()
  })

const sessionOf = (setCookie: string | undefined) => /^session=([^;]*)/.exec(setCookie ?? "")?.[1] ?? ""

describe("HTTP fake worlds: each world's webservers", () => {
  it("a web token or session of one world is refused on another world's webserver host", async () => {
    const inA = await clientsFor("us-east-1", KEY_A).mwaa.send(new CreateWebLoginTokenCommand({ Name: "tiny-2" }))
    const inB = await asRole("eu-west-1", READER_ROLE, READER_EXTERNAL_ID).mwaa.send(new CreateWebLoginTokenCommand({ Name: "tiny-2" }))
    const hostA = inA.WebServerHostname!
    const hostB = inB.WebServerHostname!
    expect(hostA).not.toBe(hostB)
    expect(hostB).toMatch(/\.c2\.eu-west-1\.airflow\.amazonaws\.com$/)

    // A's token at B's host: B's webserver never issued it (and A's token stays unspent).
    expect((await login(inA.WebToken!, hostB)).status).toBe(401)
    const sessionA = sessionOf((await login(inA.WebToken!, hostA)).setCookie)
    const sessionB = sessionOf((await login(inB.WebToken!)).setCookie)
    expect(sessionA).not.toBe("")
    expect(sessionB).not.toBe("")

    fake.clearRequests()
    const dags = (session: string, host?: string) =>
      hostRequest("/api/v1/dags", { ...(host === undefined ? {} : { host }), headers: { cookie: `session=${session}` } })
    expect((await dags(sessionB, hostA)).status).toBe(401)
    expect((await dags(sessionA, hostB)).status).toBe(401)
    expect((await dags(sessionB, hostB)).status).toBe(200)
    expect((await dags(sessionB)).status).toBe(200)
    expect((await dags(sessionA)).status).toBe(200)
    expect(fake.requests().map((r) => [r.account, r.environmentName, r.status])).toEqual([
      [ACCOUNT_A, "tiny-2", 401],
      [ACCOUNT_B, "tiny-2", 401],
      [ACCOUNT_B, "tiny-2", 200],
      [ACCOUNT_B, "tiny-2", 200],
      [ACCOUNT_A, "tiny-2", 200]
    ])
    expect(fake.issuedCredentials()).toEqual(expect.arrayContaining([inA.WebToken, inB.WebToken, sessionA, sessionB]))
  })
})

describe("HTTP fake: the one-world form is unchanged", () => {
  it("account 123456789012 in the given region; the record names it", async () => {
    const one = await startHttpFake({ seed: tinySeed() })
    const clients = makeClients({
      region: "us-east-1",
      endpointUrl: one.url,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" }
    })
    try {
      expect([one.account, one.region, one.worlds().length]).toEqual(["123456789012", "us-east-1", 1])
      const { Environment } = await clients.mwaa.send(new GetEnvironmentCommand({ Name: "tiny-2" }))
      expect(Environment?.Arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/tiny-2")
      expect(one.requests()).toMatchObject([{ operation: "GetEnvironment", region: "us-east-1", account: "123456789012", status: 200 }])
      expect(one.world("123456789012", "us-east-1").runtime).toBe(one.runtime)
    } finally {
      destroyClients(clients)
      await one.close()
    }
  })

  it("refuses `worlds` together with `seed` or `region`", async () => {
    await expect(startHttpFake({ seed: tinySeed(), worlds: fleetOptions().worlds })).rejects.toThrow(/not both/)
  })
})
