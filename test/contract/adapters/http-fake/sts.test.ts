import { CloudWatchLogsClient, DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs"
import { ListEnvironmentsCommand, MWAAClient } from "../../../../src/adapters/aws/index.js"
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3"
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts"
import type { AwsCredentialIdentity } from "@smithy/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  ACCOUNT_A,
  ACCOUNT_B,
  KEY_A,
  LOCKED_ROLE,
  OPERATOR_ROLE,
  READER_EXTERNAL_ID,
  READER_ROLE,
  fleetOptions
} from "../../../support/fleet-fake.js"
import { type HttpFake, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"

/** STS AssumeRole and GetCallerIdentity over awsQuery, with the real @aws-sdk/client-sts. */
let fake: HttpFake
const clients: Array<{ destroy: () => void }> = []

const sts = (credentials: AwsCredentialIdentity) => {
  const client = new STSClient({ region: "us-east-1", endpoint: fake.url, credentials, maxAttempts: 1 })
  clients.push(client)
  return client
}

const assume = (credentials: AwsCredentialIdentity, RoleArn: string, extra: { ExternalId?: string; DurationSeconds?: number } = {}) =>
  sts(credentials).send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "mcp-session", ...extra }))

/** The SDK's credentials from an AssumeRole answer. */
const keysOf = async (RoleArn: string, ExternalId?: string): Promise<AwsCredentialIdentity & { sessionToken: string }> => {
  const { Credentials } = await assume(KEY_A, RoleArn, ExternalId === undefined ? {} : { ExternalId })
  return {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!
  }
}

const failure = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e
  )) as { name: string; message: string; $metadata: { httpStatusCode?: number } } | undefined
  if (error === undefined) throw new Error("expected the call to fail")
  return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode }
}

const denied = (caller: string, role: string) => ({
  name: "AccessDenied",
  status: 403,
  message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role}`
})

beforeAll(async () => {
  fake = await startHttpFake(fleetOptions())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await fake.close()
})

describe("HTTP fake: STS AssumeRole with the AWS SDK", () => {
  it("hands out temporary keys of the role's account, for an hour by default", async () => {
    const before = Date.now()
    const { Credentials, AssumedRoleUser } = await assume(KEY_A, READER_ROLE, { ExternalId: READER_EXTERNAL_ID })
    const after = Date.now()
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(Credentials?.SecretAccessKey).toHaveLength(40)
    expect(Credentials?.SessionToken?.length).toBeGreaterThan(300)
    const expires = Credentials?.Expiration?.getTime() ?? 0
    expect(expires - before).toBeGreaterThan(3590_000)
    // An hour from when the fake issued them, somewhere between the two clock readings, in whole seconds.
    expect(expires - after).toBeLessThanOrEqual(3600_000)
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT_B}:assumed-role/MwaaReader/mcp-session`)
    expect(AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:mcp-session$/)
  })

  it("a role under a path is named by its last segment; DurationSeconds sets the expiry", async () => {
    const { AssumedRoleUser, Credentials } = await assume(KEY_A, OPERATOR_ROLE, { DurationSeconds: 900 })
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT_B}:assumed-role/MwaaOperator/mcp-session`)
    expect((Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(900_000)
  })

  it("refuses with AccessDenied: a wrong or missing external id, an unlisted role, an untrusted account", async () => {
    const userA = `arn:aws:iam::${ACCOUNT_A}:user/${KEY_A.accessKeyId}`
    expect(await failure(assume(KEY_A, READER_ROLE, { ExternalId: "not-the-one" }))).toEqual(denied(userA, READER_ROLE))
    expect(await failure(assume(KEY_A, READER_ROLE))).toEqual(denied(userA, READER_ROLE))
    const unlisted = `arn:aws:iam::${ACCOUNT_B}:role/NoSuchRole`
    expect(await failure(assume(KEY_A, unlisted))).toEqual(denied(userA, unlisted))
    expect(await failure(assume(KEY_A, LOCKED_ROLE))).toEqual(denied(userA, LOCKED_ROLE))
  })

  it("refuses a malformed request with ValidationError (400) before the trust policy", async () => {
    expect(await failure(assume(KEY_A, "arn:aws:s3:::not-a-role-bucket"))).toEqual({
      name: "ValidationError",
      status: 400,
      message: "Request ARN is invalid"
    })
    expect(await failure(assume(KEY_A, "MwaaReader"))).toEqual({
      name: "ValidationError",
      status: 400,
      message:
        "1 validation error detected: Value 'MwaaReader' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"
    })
    expect(await failure(assume(KEY_A, OPERATOR_ROLE, { DurationSeconds: 7200 }))).toMatchObject({
      name: "ValidationError",
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
    })
  })

  it("assumes a role from an assumed role (chaining), and names the session as the caller when denied", async () => {
    const reader = await keysOf(READER_ROLE, READER_EXTERNAL_ID)
    const { AssumedRoleUser } = await assume(reader, OPERATOR_ROLE)
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT_B}:assumed-role/MwaaOperator/mcp-session`)
    expect(await failure(assume(reader, READER_ROLE, { ExternalId: READER_EXTERNAL_ID }))).toEqual(
      denied(`arn:aws:sts::${ACCOUNT_B}:assumed-role/MwaaReader/mcp-session`, READER_ROLE)
    )
  })
})

describe("HTTP fake: STS GetCallerIdentity", () => {
  it("names the long-term key's account, an assumed role's session, and the default account for any other key", async () => {
    expect(await sts(KEY_A).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT_A,
      Arn: `arn:aws:iam::${ACCOUNT_A}:user/${KEY_A.accessKeyId}`,
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/)
    })
    const operator = await keysOf(OPERATOR_ROLE)
    expect(await sts(operator).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT_B,
      Arn: `arn:aws:sts::${ACCOUNT_B}:assumed-role/MwaaOperator/mcp-session`,
      UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:mcp-session$/)
    })
    const other = await sts({ accessKeyId: "AKIDANYOTHERKEY", secretAccessKey: "x" }).send(new GetCallerIdentityCommand({}))
    expect(other.Account).toBe(fake.account)
    expect(fake.account).toBe(ACCOUNT_A)
  })
})

describe("HTTP fake: STS on the wire", () => {
  const form = (members: Record<string, string>) =>
    signedFetch(fake.url, {
      service: "sts",
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: new URLSearchParams({ Version: "2011-06-15", ...members }).toString()
    })

  it("answers awsQuery XML in STS's namespace, with the request id", async () => {
    const response = await form({ Action: "AssumeRole", RoleArn: OPERATOR_ROLE, RoleSessionName: "wire" })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/xml")
    const text = await response.text()
    const requestId = response.headers.get("x-amzn-requestid")
    expect(text).toMatch(
      /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA\w+:wire<\/AssumedRoleId><Arn>arn:aws:sts::222222222222:assumed-role\/MwaaOperator\/wire<\/Arn><\/AssumedRoleUser><Credentials><AccessKeyId>ASIA\w{16}<\/AccessKeyId><SecretAccessKey>[^<]{40}<\/SecretAccessKey><SessionToken>[^<]+<\/SessionToken><Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration><\/Credentials><\/AssumeRoleResult>/
    )
    expect(text).toContain(`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`)
  })

  it("words errors as an ErrorResponse: Type, Code, Message, then RequestId", async () => {
    const response = await form({ Action: "AssumeRole", RoleArn: LOCKED_ROLE, RoleSessionName: "wire" })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code><Message>User: arn:aws:iam::111111111111:user\/AKIDTEST is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role\/MwaaLocked<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>\n$/
    )
    const unknown = await form({ Action: "GetSessionToken" })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain(
      "<Code>InvalidAction</Code><Message>Could not find operation GetSessionToken for version 2011-06-15</Message>"
    )
    const unsigned = await signedFetch(fake.url, {
      service: "sts",
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
      unsigned: true
    })
    expect(unsigned.status).toBe(403)
    expect(await unsigned.text()).toContain("<Code>MissingAuthenticationToken</Code>")
  })

  it("logs AssumeRole as service sts with the caller's key and account and the role asked for, never a secret", async () => {
    fake.clearRequests()
    const keys = await keysOf(READER_ROLE, READER_EXTERNAL_ID)
    await sts(keys).send(new GetCallerIdentityCommand({}))
    expect(fake.requests()).toMatchObject([
      {
        service: "sts",
        signingService: "sts",
        region: "us-east-1",
        operation: "AssumeRole",
        accessKeyId: KEY_A.accessKeyId,
        account: ACCOUNT_A,
        roleArn: READER_ROLE,
        status: 200
      },
      {
        service: "sts",
        operation: "GetCallerIdentity",
        accessKeyId: keys.accessKeyId,
        account: ACCOUNT_B,
        roleArn: READER_ROLE,
        status: 200
      }
    ])
    const log = JSON.stringify(fake.requests())
    expect(log).not.toContain(keys.secretAccessKey)
    expect(log).not.toContain(keys.sessionToken)
    expect(fake.issuedCredentials()).toEqual(expect.arrayContaining([keys.secretAccessKey, keys.sessionToken]))
  })
})

describe("HTTP fake: temporary keys need their session token and expire", () => {
  const mwaa = (credentials: AwsCredentialIdentity) => {
    const client = new MWAAClient({ region: "eu-west-1", endpoint: fake.url, credentials, maxAttempts: 1, disableHostPrefix: true })
    clients.push(client)
    return client
  }

  it("without its token, or with another, a temporary key is UnrecognizedClientException (403)", async () => {
    const keys = await keysOf(OPERATOR_ROLE)
    const invalid = { name: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid." }
    const { sessionToken: _token, ...withoutToken } = keys
    expect(await failure(mwaa(withoutToken).send(new ListEnvironmentsCommand({})))).toEqual(invalid)
    expect(await failure(mwaa({ ...keys, sessionToken: `${keys.sessionToken}x` }).send(new ListEnvironmentsCommand({})))).toEqual(invalid)
    expect((await mwaa(keys).send(new ListEnvironmentsCommand({}))).Environments).toEqual(["b-eu-2", "tiny-2"])
  })

  it("an expired key is refused in each service's words", async () => {
    const own = await startHttpFake(fleetOptions())
    const client = new STSClient({ region: "us-east-1", endpoint: own.url, credentials: KEY_A, maxAttempts: 1 })
    const { Credentials } = await client.send(new AssumeRoleCommand({ RoleArn: OPERATOR_ROLE, RoleSessionName: "expiring" }))
    const keys = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!
    }
    own.expireTemporaryCredentials()
    const config = { region: "eu-west-1", endpoint: own.url, credentials: keys, maxAttempts: 1 }
    const mwaaClient = new MWAAClient({ ...config, disableHostPrefix: true })
    const logs = new CloudWatchLogsClient(config)
    const s3 = new S3Client({ ...config, forcePathStyle: true })
    const stsClient = new STSClient(config)
    clients.push(client, mwaaClient, logs, s3, stsClient)
    try {
      expect(await failure(mwaaClient.send(new ListEnvironmentsCommand({})))).toMatchObject({ name: "ExpiredTokenException", status: 403 })
      expect(await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: "airflow-b-eu-2-Task" })))).toMatchObject({
        name: "ExpiredTokenException",
        status: 403
      })
      expect(await failure(s3.send(new GetObjectCommand({ Bucket: "airflow-b-eu-2", Key: "dags/d.py" })))).toMatchObject({
        name: "ExpiredToken",
        status: 400
      })
      expect(await failure(stsClient.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: "ExpiredToken", status: 403 })
    } finally {
      await own.close()
    }
  })
})
