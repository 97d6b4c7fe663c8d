import { describe, expect, it } from "@effect/vitest"
import { readdirSync } from "node:fs"
import { catalogue as allTools } from "../../../src/app/catalogue.js"
import { jsonBlocks, readRepoFile, section, variableNames } from "./markdown.js"

/** The README against the code: the tool table, the counts, the IAM policies and the variables. */

const readme = readRepoFile("README.md")

// --- what the code calls in AWS, read from the gateway's source --------------------------------------------

/** The IAM service prefix of each module the AWS adapter imports its Commands from. */
const IAM_PREFIX_OF_MODULE: Readonly<Record<string, string>> = {
  "./commands/index.js": "airflow",
  "./mwaa-serverless-client/index.js": "airflow-serverless",
  "@aws-sdk/client-cloudwatch-logs": "logs",
  "@aws-sdk/client-s3": "s3"
}

/** Every `new XCommand(` in src/adapters/aws, as the IAM action it needs ("airflow:InvokeRestApi"). */
const actionsTheCodeCalls = (): Set<string> => {
  const dir = "src/adapters/aws/"
  const actions = new Set<string>()
  for (const file of readdirSync(new URL(`../../../${dir}`, import.meta.url)).filter((f) => f.endsWith(".ts"))) {
    const text = readRepoFile(dir + file)
    const moduleOf = new Map<string, string>()
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
      for (const name of (m[1] ?? "").split(","))
        moduleOf.set(
          name
            .replace(/\btype\b/, "")
            .split(" as ")[0]!
            .trim(),
          m[2]!
        )
    }
    for (const m of text.matchAll(/new (\w+)Command\(/g)) {
      const module = moduleOf.get(`${m[1]}Command`)
      const prefix = module === undefined ? undefined : IAM_PREFIX_OF_MODULE[module]
      if (prefix === undefined)
        throw new Error(`${dir}${file}: ${m[1]}Command comes from ${module ?? "an unknown module"}; give its IAM prefix here`)
      actions.add(`${prefix}:${m[1]}`)
    }
  }
  return actions
}

/** Called only by create-, update- and delete-environment and the workflow run writes, which a read-only identity must not be allowed. */
const WRITE_ONLY_ACTIONS = [
  "airflow:CreateEnvironment",
  "airflow:UpdateEnvironment",
  "airflow:DeleteEnvironment",
  "airflow-serverless:StartWorkflowRun",
  "airflow-serverless:StopWorkflowRun"
]

interface Statement {
  readonly Effect: string
  readonly Action: string | ReadonlyArray<string>
  readonly Resource: string | ReadonlyArray<string>
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>
}
interface Policy {
  readonly Version: string
  readonly Statement: ReadonlyArray<Statement>
}

const list = (v: string | ReadonlyArray<string>): ReadonlyArray<string> => (typeof v === "string" ? [v] : v)
const actionsOf = (p: Policy) => new Set(p.Statement.flatMap((s) => list(s.Action)))
const resourcesFor = (p: Policy, action: string) =>
  p.Statement.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource))

/** The one JSON policy of a README subsection. */
const policyIn = (heading: string): Policy => {
  const blocks = jsonBlocks(section(readme, heading))
  expect(blocks, heading).toHaveLength(1)
  const policy = blocks[0] as Policy
  expect(policy.Version).toBe("2012-10-17")
  expect(policy.Statement.every((s) => s.Effect === "Allow")).toBe(true)
  return policy
}

describe("the README's tool table", () => {
  const rows = [...section(readme, "## Tools").matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map((m) => ({
    name: m[1]!,
    kind: m[2]!.trim()
  }))
  const catalogue = allTools

  it("lists every tool of the catalogue once, and no other", () => {
    expect(rows.length).toBe(catalogue.length)
    expect(rows.map((r) => r.name).sort()).toEqual(catalogue.map((t) => t.name).sort())
  })

  it("says read or write, destructive and idempotent as each tool declares it", () => {
    for (const tool of catalogue) {
      const kind = rows.find((r) => r.name === tool.name)!.kind
      if (tool.kind === "read") {
        expect(kind, tool.name).toBe("read")
        continue
      }
      expect(kind.split(",")[0], tool.name).toBe("write")
      expect(/\bdestructive\b/.test(kind), `${tool.name} destructive`).toBe(tool.destructive)
      expect(/\bidempotent\b/.test(kind), `${tool.name} idempotent`).toBe(tool.idempotent)
    }
  })

  it("counts the tools as the catalogue does wherever the README gives a number", () => {
    const writes = catalogue.filter((t) => t.kind === "write").length
    const features = /\*\*(\d+) tools, (\d+) read and (\d+) write\*\*/.exec(readme)
    expect(features?.slice(1).map(Number)).toEqual([catalogue.length, catalogue.length - writes, writes])
    const writeCounts = [...readme.matchAll(/\bthe (\d+) write tools\b/g)].map((m) => Number(m[1]))
    expect(writeCounts.length).toBeGreaterThan(0)
    expect(new Set(writeCounts)).toEqual(new Set([writes]))
  })
})

describe("the README's IAM policies", () => {
  const used = actionsTheCodeCalls()
  const readOnly = policyIn("### Read-only (the default)")
  const write = policyIn("### With `--allow-write`")

  it("are checked against the AWS calls found in the gateway", () => {
    expect(used.size).toBeGreaterThanOrEqual(9)
    const samples = [
      "airflow:InvokeRestApi",
      "airflow:GetEnvironment",
      "logs:GetLogEvents",
      "s3:GetObject",
      "airflow-serverless:GetTaskInstance"
    ]
    for (const action of [...samples, ...WRITE_ONLY_ACTIONS]) {
      expect(used.has(action), action).toBe(true)
    }
  })

  it("read-only: every action the read tools need, none that changes an environment", () => {
    const granted = actionsOf(readOnly)
    for (const action of used) if (!WRITE_ONLY_ACTIONS.includes(action)) expect(granted.has(action), action).toBe(true)
    for (const action of [...WRITE_ONLY_ACTIONS, "iam:PassRole", "airflow:*"]) expect(granted.has(action), action).toBe(false)
  })

  it("read-only: InvokeRestApi only as Airflow's Viewer role, never on the environment's ARN", () => {
    const resources = resourcesFor(readOnly, "airflow:InvokeRestApi")
    expect(resources.length).toBeGreaterThan(0)
    for (const r of resources) expect(r).toMatch(/^arn:aws:airflow:REGION:ACCOUNT:role\/ENV\/Viewer$/)
  })

  it("CreateWebLoginToken (the webserver route) on the same Airflow role as InvokeRestApi: Viewer read-only, Op or User with writes", () => {
    expect(used.has("airflow:CreateWebLoginToken")).toBe(true)
    expect(resourcesFor(readOnly, "airflow:CreateWebLoginToken")).toEqual(resourcesFor(readOnly, "airflow:InvokeRestApi"))
    expect(resourcesFor(write, "airflow:CreateWebLoginToken")).toEqual(resourcesFor(write, "airflow:InvokeRestApi"))
  })

  it("--allow-write: every action the code calls, InvokeRestApi as Op or User, PassRole only to MWAA", () => {
    const granted = actionsOf(write)
    for (const action of used) expect(granted.has(action), action).toBe(true)
    const roles = resourcesFor(write, "airflow:InvokeRestApi")
    expect(roles.length).toBeGreaterThan(0)
    for (const r of roles) expect(r).toMatch(/^arn:aws:airflow:REGION:ACCOUNT:role\/ENV\/(Op|User)$/)
    const passRole = write.Statement.filter((s) => list(s.Action).includes("iam:PassRole"))
    expect(passRole).toHaveLength(1)
    expect(list(passRole[0]!.Resource)).not.toContain("*")
    expect(passRole[0]!.Condition?.["StringEquals"]?.["iam:PassedToService"]).toBe("airflow.amazonaws.com")
  })
})

describe("the README's flags and environment variables", () => {
  const flagsSection = section(readme, "## Flags and environment variables")

  it("name every variable the command line and the endpoint settings read (the fake's call log and the JWKS cooldown are test hooks)", () => {
    const read = new Set([
      ...variableNames(readRepoFile("src/app/cli.ts")),
      ...variableNames(readRepoFile("src/adapters/aws/endpoints.ts"))
    ])
    read.delete("MWAA_MCP_FAKE_CALL_LOG")
    read.delete("MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS")
    expect(read.size).toBeGreaterThan(10)
    const documented = variableNames(flagsSection)
    for (const name of read) expect(documented.has(name), name).toBe(true)
  })

  it("name no variable that the code never mentions", () => {
    const src = ["src/app/cli.ts", "src/app/main.ts", "src/adapters/aws/endpoints.ts"].map(readRepoFile).join("\n")
    for (const name of variableNames(flagsSection)) expect(variableNames(src).has(name), name).toBe(true)
  })
})
