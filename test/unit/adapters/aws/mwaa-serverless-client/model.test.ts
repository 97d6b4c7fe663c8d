import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { defaultEndpointResolver } from "../../../../../src/adapters/aws/mwaa-serverless-client/endpoint.js"
import { ruleSet } from "../../../../../src/adapters/aws/mwaa-serverless-client/endpoint-rule-set.js"
import * as client from "../../../../../src/adapters/aws/mwaa-serverless-client/index.js"

/**
 * The client against its model (test/fixtures/mwaa-serverless, PROVENANCE.md there): the endpoint rule
 * set is the model's, the model's own endpoint test cases resolve as it says, and each command's
 * schemas name exactly the model's members, so a model update shows here what to extend.
 */

interface Shape {
  readonly type: string
  readonly members?: Record<string, { readonly target: string }>
  readonly traits: Record<string, unknown>
  readonly input?: { readonly target: string }
  readonly output?: { readonly target: string }
  readonly errors?: ReadonlyArray<{ readonly target: string }>
}
interface EndpointTestCase {
  readonly params?: Record<string, unknown>
  readonly expect: { readonly endpoint?: { readonly url: string }; readonly error?: string }
}

const model = JSON.parse(
  readFileSync(new URL("../../../../fixtures/mwaa-serverless/mwaa-serverless.smithy.json", import.meta.url), "utf8")
) as {
  shapes: Record<string, Shape>
}
const NS = "com.amazonaws.mwaaserverless#"
const service = model.shapes[`${NS}AmazonMWAAServerless`]!
const testCases = (service.traits["smithy.rules#endpointTests"] as { testCases: ReadonlyArray<EndpointTestCase> }).testCases

describe("MWAA Serverless endpoints", () => {
  it("the rule set is the model's smithy.rules#endpointRuleSet, unchanged", () => {
    expect(ruleSet).toEqual(service.traits["smithy.rules#endpointRuleSet"])
  })

  it.each(testCases.map((c) => [JSON.stringify(c.params ?? {}), c] as const))("the model's case %s", (_name, testCase) => {
    const resolve = () => defaultEndpointResolver((testCase.params ?? {}) as never)
    if (testCase.expect.error !== undefined) expect(resolve).toThrow(testCase.expect.error)
    else expect(resolve().url.href.replace(/\/$/, "")).toBe(testCase.expect.endpoint?.url)
  })

  it.each([
    [{ Region: "us-east-1" }, "https://airflow-serverless.us-east-1.api.aws"],
    [{ Region: "us-east-1", UseFIPS: true }, "https://airflow-serverless-fips.us-east-1.api.aws"],
    [{ Region: "eu-west-1", Endpoint: "http://127.0.0.1:4566" }, "http://127.0.0.1:4566"]
  ])("%o → %s (the service is dual-stack only: api.aws, never amazonaws.com)", (params, url) => {
    expect(defaultEndpointResolver(params).url.href.replace(/\/$/, "")).toBe(url)
  })
})

/** The member names of one side (4: input, 5: output) of the operation schema a command carries. */
const commandMembers = (commandClass: unknown, side: 4 | 5): Array<string> => {
  const operation = new (commandClass as new (input: object) => { schema: ReadonlyArray<unknown> })({}).schema
  const structure = (operation[side] as () => ReadonlyArray<unknown>)()
  return [...(structure[4] as Array<string>)].sort()
}
const modelMembers = (shapeId: string): Array<string> => Object.keys(model.shapes[shapeId]?.members ?? {}).sort()

const OPERATIONS = [
  "GetWorkflow",
  "ListWorkflows",
  "ListWorkflowVersions",
  "GetWorkflowRun",
  "ListWorkflowRuns",
  "GetTaskInstance",
  "ListTaskInstances",
  "StartWorkflowRun",
  "StopWorkflowRun"
] as const

describe("MWAA Serverless commands against the model", () => {
  it.each(OPERATIONS)("%s sends and reads the model's members", (name) => {
    const operation = model.shapes[`${NS}${name}`]!
    const commandClass = (client as Record<string, unknown>)[`${name}Command`]
    expect(commandMembers(commandClass, 4)).toEqual(modelMembers(operation.input!.target))
    expect(commandMembers(commandClass, 5)).toEqual(modelMembers(operation.output!.target))
  })

  it("every error an operation declares is a typed error", () => {
    const declared = new Set(
      OPERATIONS.flatMap((name) => (model.shapes[`${NS}${name}`]!.errors ?? []).map((e) => e.target.replace(NS, "")))
    )
    for (const name of declared) expect((client as Record<string, unknown>)[name], name).toBeTypeOf("function")
  })
})
