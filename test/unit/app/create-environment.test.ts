import { afterAll, describe, expect, it } from "vitest"
import { ManagedRuntime } from "effect"
import { demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { fakeToolServices } from "../../support/test-layer.js"

/** create-environment takes environment_name like every tool; `name` is its deprecated alias, one of the two. */
const runtime = ManagedRuntime.make(fakeToolServices(demoSeed(), { allowWrite: true }))
const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(true), version: "test" })
const create = (args: Record<string, unknown>) => host.callTool("create-environment", args, { signal: new AbortController().signal })
afterAll(() => runtime.dispose())

const settings = {
  execution_role_arn: "arn:aws:iam::123456789012:role/exec",
  source_bucket_arn: "arn:aws:s3:::dags-bucket",
  dag_s3_path: "dags",
  network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
}

describe("create-environment's name", () => {
  it("is environment_name, like every other tool's", async () => {
    const result = await create({ environment_name: "created-by-environment-name", ...settings })
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent).toMatchObject({ name: "created-by-environment-name", status: "CREATING" })
  })

  it("is still accepted as name, the deprecated alias", async () => {
    const result = await create({ name: "created-by-name", ...settings })
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent).toMatchObject({ name: "created-by-name", status: "CREATING" })
  })

  it("is refused when both are given, naming the field, and nothing is created", async () => {
    const result = await create({ environment_name: "both-a", name: "both-b", ...settings })
    expect(result.isError).toBe(true)
    expect(result.text).toBe(
      "Invalid arguments for create-environment:\n- name: is the deprecated alias of environment_name: give one of the two, not both"
    )
    const listed = await host.callTool("list-environments", {}, { signal: new AbortController().signal })
    expect(listed.structuredContent?.["environments"]).not.toEqual(expect.arrayContaining(["both-a", "both-b"]))
  })

  it("is refused when neither is given, naming environment_name", async () => {
    const result = await create(settings)
    expect(result.isError).toBe(true)
    expect(result.text).toBe(
      "Invalid arguments for create-environment:\n- environment_name: is missing: the name of the new environment (or name, its deprecated alias)"
    )
  })

  it("is advertised as environment_name, with name described as deprecated and neither required alone", () => {
    const descriptor = host.tools.find((t) => t.name === "create-environment")!
    const properties = descriptor.inputSchema["properties"] as Record<string, { description?: string }>
    expect(properties["environment_name"]?.description).toBe("Name of the new environment.")
    expect(properties["name"]?.description).toMatch(/^Deprecated: use environment_name\./)
    expect(descriptor.inputSchema["required"]).not.toContain("name")
    expect(descriptor.inputSchema["required"]).not.toContain("environment_name")
    expect(descriptor.description).toContain("Needs environment_name")
  })
})
