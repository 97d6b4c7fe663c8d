import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  ACCOUNT_A,
  ACCOUNT_B,
  fleetOptions,
  KEY_A,
  LOCKED_ROLE,
  OPERATOR_ROLE,
  READER_EXTERNAL_ID,
  READER_ROLE
} from "../../support/fleet-fake.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { binPath } from "../../support/bin-path.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, type Json } from "./stdio-helpers.js"
import { startHttpBin } from "../../support/http-bin.js"
import { connectClient } from "../../support/mcp-http-client.js"

/**
 * The built bin with a configuration file of several targets, over stdio, against the HTTP fake's
 * two accounts and two regions: `prod` in account A by a profile's long-term key, `staging` and
 * `ops` in account B by assumed roles (one with an external id), and `locked`, whose role A cannot
 * assume. prod and staging are both called tiny-2, in different regions and accounts.
 */

let fake: HttpFake
let session: StdioSession
let dir: string

const configFile = {
  environments: {
    prod: { region: "us-east-1", name: "tiny-2", profile: "fleet-a" },
    staging: { region: "eu-west-1", name: "tiny-2", role_arn: READER_ROLE, external_id: READER_EXTERNAL_ID },
    ops: { region: "us-east-1", name: "b-us-3", role_arn: OPERATOR_ROLE, writes: false },
    locked: { region: "eu-west-1", name: "b-eu-2", role_arn: LOCKED_ROLE }
  }
}

beforeAll(async () => {
  fake = await startHttpFake(fleetOptions())
  dir = mkdtempSync(join(tmpdir(), "fleet-e2e-"))
  writeFileSync(join(dir, "config.json"), JSON.stringify(configFile))
  writeFileSync(join(dir, "aws-config"), "[profile fleet-a]\nregion = us-east-1\n")
  writeFileSync(
    join(dir, "aws-credentials"),
    `[fleet-a]\naws_access_key_id = ${KEY_A.accessKeyId}\naws_secret_access_key = ${KEY_A.secretAccessKey}\n`
  )
  session = await connectStdio(
    ["--config", join(dir, "config.json"), "--allow-write"],
    awsModeEnv(fake.url, {
      // The default chain's key (account A) assumes the roles; prod's profile holds the same account's key.
      AWS_ACCESS_KEY_ID: KEY_A.accessKeyId,
      AWS_SECRET_ACCESS_KEY: KEY_A.secretAccessKey,
      AWS_CONFIG_FILE: join(dir, "aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "aws-credentials")
    })
  )
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

/** The fake's records of calls about one environment, made since `from`. */
const since = (from: number) => fake.requests().slice(from)

/** Every text the client received, for the leak check at the end. */
const seen: Array<string> = []
const ok = async (s: StdioSession, tool: string, args: Record<string, unknown> = {}) => {
  const answer = await callTool(s, tool, args)
  seen.push(answer.text, JSON.stringify(answer.structured ?? null))
  expect(answer.isError, `${tool} ${JSON.stringify(args)} failed: ${answer.text}`).toBe(false)
  return answer.structured as Json
}
const fails = async (s: StdioSession, tool: string, args: Record<string, unknown> = {}) => {
  const answer = await callTool(s, tool, args)
  seen.push(answer.text)
  expect(answer.isError, `${tool} ${JSON.stringify(args)} was expected to fail: ${answer.text}`).toBe(true)
  return answer.text
}

describe("a server configured with several targets, over stdio, against two accounts and two regions", () => {
  it("lists every target with its alias, region and account; the one whose role cannot be assumed shows its error", async () => {
    const listed = await ok(session, "list-environments")
    const byAlias = Object.fromEntries(listed.targets.map((t: Json) => [t.alias, t]))
    expect(byAlias["prod"]).toMatchObject({
      region: "us-east-1",
      account: ACCOUNT_A,
      environment_name: "tiny-2",
      status: "AVAILABLE",
      error: null
    })
    expect(byAlias["staging"]).toMatchObject({ region: "eu-west-1", account: ACCOUNT_B, status: "AVAILABLE", error: null })
    expect(byAlias["ops"]).toMatchObject({ region: "us-east-1", account: ACCOUNT_B, environment_name: "b-us-3", status: "AVAILABLE" })
    expect(byAlias["locked"]).toMatchObject({ region: "eu-west-1", account: ACCOUNT_B, status: null })
    expect(byAlias["locked"].error).toContain("not authorized to perform: sts:AssumeRole")
  })

  it("reaches staging by alias, by region/name and by ARN: account B's eu-west-1, signed with the assumed role's key", async () => {
    for (const address of ["staging", "eu-west-1/tiny-2", `arn:aws:airflow:eu-west-1:${ACCOUNT_B}:environment/tiny-2`]) {
      const from = fake.requests().length
      const dag = await ok(session, "get-dag", { environment_name: address, dag_id: "d" })
      expect(dag.target).toEqual({ alias: "staging", region: "eu-west-1", account: ACCOUNT_B, environment_name: "tiny-2" })
      const invoked = since(from).filter((r) => r.operation === "InvokeRestApi")
      expect(invoked.length).toBeGreaterThan(0)
      for (const r of invoked) {
        expect(r).toMatchObject({ region: "eu-west-1", account: ACCOUNT_B, roleArn: READER_ROLE })
        expect(r.accessKeyId).toMatch(/^ASIA/)
      }
    }
  })

  it("reaches prod by alias in account A's us-east-1 with the profile's key", async () => {
    const from = fake.requests().length
    const dag = await ok(session, "get-dag", { environment_name: "prod", dag_id: "d" })
    expect(dag.target).toEqual({ alias: "prod", region: "us-east-1", account: ACCOUNT_A, environment_name: "tiny-2" })
    const invoked = since(from).filter((r) => r.operation === "InvokeRestApi")
    expect(invoked.length).toBeGreaterThan(0)
    for (const r of invoked) expect(r).toMatchObject({ region: "us-east-1", account: ACCOUNT_A, accessKeyId: KEY_A.accessKeyId })
  })

  it("refuses the bare name two targets share, listing both", async () => {
    const text = await fails(session, "get-dag", { environment_name: "tiny-2", dag_id: "d" })
    expect(text).toContain('"tiny-2" names 2 environments')
    expect(text).toContain(`- prod (environment tiny-2, region us-east-1)`)
    expect(text).toContain(`- staging (environment tiny-2, region eu-west-1, account ${ACCOUNT_B})`)
  })

  it("refuses a write to a target that says writes: false, on a server started with --allow-write, and nothing reaches AWS", async () => {
    const from = fake.requests().length
    const text = await fails(session, "pause-dag", { environment_name: "ops", dag_id: "d" })
    expect(text).toContain('says "writes": false for target ops')
    expect(since(from)).toEqual([])
  })

  it("answers get-fleet-health for every target in one call within 12 KB, naming the failing DAGs and the unreachable one's error", async () => {
    const answer = await callTool(session, "get-fleet-health", { hours: 48 })
    seen.push(answer.text)
    expect(answer.isError, answer.text).toBe(false)
    expect(Buffer.byteLength(answer.text, "utf8")).toBeLessThanOrEqual(12 * 1024)
    const health = answer.structured
    expect(health.checked).toBe(4)
    expect(health.environments[0]).toMatchObject({ address: "locked", verdict: "unreachable" })
    expect(health.environments[0].error).toContain("not authorized to perform: sts:AssumeRole")
    const answered = health.environments.filter((e: Json) => e.address !== "locked")
    expect(answered.map((e: Json) => e.address).sort()).toEqual(["ops", "prod", "staging"])
    for (const e of answered) {
      expect(e.error).toBeNull()
      expect(e.failing_dags).toEqual(["d"])
    }
  })
})

describe("one target's expired credentials", () => {
  it("fail that target's calls only: the target on a profile's key still answers", async () => {
    await ok(session, "get-dag", { environment_name: "staging", dag_id: "d" })
    fake.expireTemporaryCredentials()
    const staging = await fails(session, "get-dag", { environment_name: "staging", dag_id: "d" })
    expect(staging).toContain("ExpiredToken")
    expect(staging).toContain("Hint: the credentials this call was signed with have expired")
    const prod = await ok(session, "get-dag", { environment_name: "prod", dag_id: "d" })
    expect(prod.target.alias).toBe("prod")
  })
})

describe("the same configuration over Streamable HTTP", () => {
  it("lists the targets and reaches one by alias, signed with its assumed role's key", async () => {
    const server = await startHttpBin(
      ["--config", join(dir, "config.json")],
      awsModeEnv(fake.url, {
        AWS_ACCESS_KEY_ID: KEY_A.accessKeyId,
        AWS_SECRET_ACCESS_KEY: KEY_A.secretAccessKey,
        AWS_CONFIG_FILE: join(dir, "aws-config"),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, "aws-credentials")
      })
    )
    try {
      const client = await connectClient(server.url)
      const listed = await client.callTool({ name: "list-environments", arguments: {} })
      const targets = (listed.structuredContent as { targets: ReadonlyArray<Json> }).targets
      expect(targets.map((t) => [t.alias, t.account])).toEqual([
        ["prod", ACCOUNT_A],
        ["staging", ACCOUNT_B],
        ["ops", ACCOUNT_B],
        ["locked", ACCOUNT_B]
      ])
      const from = fake.requests().length
      const dag = await client.callTool({ name: "get-dag", arguments: { environment_name: "ops", dag_id: "d" } })
      expect(dag.isError).not.toBe(true)
      expect((dag.structuredContent as Json).target).toEqual({
        alias: "ops",
        region: "us-east-1",
        account: ACCOUNT_B,
        environment_name: "b-us-3"
      })
      for (const r of since(from).filter((r) => r.operation === "InvokeRestApi")) {
        expect(r).toMatchObject({ region: "us-east-1", account: ACCOUNT_B, roleArn: OPERATOR_ROLE })
      }
      seen.push(JSON.stringify(listed), JSON.stringify(dag), server.stderr())
      await client.close()
    } finally {
      await server.stop()
    }
  })
})

describe("the assumed roles' credentials", () => {
  it("never reach an answer, an error or a log line", () => {
    const issued = fake.issuedCredentials().filter((c) => c.length >= 16)
    expect(issued.length).toBeGreaterThan(0)
    const everything = [...seen, session.stderr()].join("\n")
    for (const credential of issued) expect(everything.includes(credential), "an issued credential leaked").toBe(false)
    expect(everything).not.toContain(KEY_A.secretAccessKey)
  })
})

describe("a configuration the server cannot use", () => {
  /** The bin started with `file`'s text as its configuration: nothing is served, the message is on stderr. */
  const startWith = (text: string, extra: ReadonlyArray<string> = [], env: Record<string, string> = {}) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(file, text)
    return spawnSync(process.execPath, [binPath, "--config", file, ...extra], {
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", ...env },
      input: "",
      timeout: 20_000
    })
  }

  it("ends the server at start with exit code 2, naming the key: an unknown one, a bad region, an ARN that is not a role's", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [{ environments: { prod: { region: "us-east-1", name: "p", rolearn: "x" } } }, "- environments.prod.rolearn: is unexpected"],
      [{ environments: { prod: { region: "useast1", name: "p" } } }, "- environments.prod.region: must be an AWS region such as us-east-1"],
      [
        { environments: { prod: { region: "us-east-1", name: "p", role_arn: "arn:aws:iam::222233334444:policy/p" } } },
        "- environments.prod.role_arn: must be an IAM role ARN"
      ]
    ]
    for (const [config, named] of cases) {
      const out = startWith(JSON.stringify(config))
      expect(out.status).toBe(2)
      expect(out.stdout).toBe("")
      expect(out.stderr).toContain(named)
    }
  })

  it("names a file it cannot read, the same way through MWAA_MCP_CONFIG", () => {
    const out = spawnSync(process.execPath, [binPath], {
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "", MWAA_MCP_CONFIG: join(dir, "missing.json") },
      input: "",
      timeout: 20_000
    })
    expect(out.status).toBe(2)
    expect(out.stderr).toContain(`Cannot read the configuration file ${join(dir, "missing.json")}`)
  })

  it("refuses --demo with a configuration", () => {
    const out = startWith(JSON.stringify(configFile), ["--demo"])
    expect(out.status).toBe(2)
    expect(out.stderr).toContain("--demo serves its own fictional environments")
  })
})
