import { describe, expect, it } from "vitest"
import {
  CreateEnvironmentCommand,
  type CreateEnvironmentCommandInput,
  GetEnvironmentCommand,
  MWAAClient,
  UpdateEnvironmentCommand,
  type UpdateEnvironmentCommandInput
} from "../../../../src/adapters/aws/index.js"
import { MEMBER_LISTS } from "../../../../src/adapters/aws/commands/environment-serde.js"
import { bodyMembersOf, membersOf, operation, sample } from "./model.js"
import { bodyOf, credentials, json, stubHandler } from "./stub-handler.js"
import { hermeticAwsEnv } from "./gateway-harness.js"

/**
 * Model-driven: the MWAA model fixture decides which members must survive our commands, so a
 * member the hand-written lists forget (or a model update adds) fails here.
 */

const clientWith = (respond: Parameters<typeof stubHandler>[0]) => {
  const stub = stubHandler(respond)
  return { ...stub, client: new MWAAClient({ region: "us-east-1", credentials, requestHandler: stub.handler }) }
}

const sorted = (names: ReadonlyArray<string>) => [...names].sort()

hermeticAwsEnv()

describe("member lists follow the model", () => {
  it.each([
    ["CreateEnvironmentInput", MEMBER_LISTS.CreateEnvironmentInput],
    ["UpdateEnvironmentInput", MEMBER_LISTS.UpdateEnvironmentInput],
    ["Environment", MEMBER_LISTS.Environment],
    ["LastUpdate", MEMBER_LISTS.LastUpdate]
  ])("%s", (shapeName, list) => {
    expect(sorted(list)).toEqual(sorted(Object.keys(membersOf(shapeName))))
  })
})

describe.each([
  ["CreateEnvironment", "CreateEnvironmentInput"],
  ["UpdateEnvironment", "UpdateEnvironmentInput"]
] as const)("%s sends every input member of the model", (op, inputShape) => {
  const send = (client: MWAAClient, input: Record<string, unknown>) =>
    op === "CreateEnvironment"
      ? client.send(new CreateEnvironmentCommand(input as unknown as CreateEnvironmentCommandInput))
      : client.send(new UpdateEnvironmentCommand(input as unknown as UpdateEnvironmentCommandInput))
  it("every body member, with its value, on the model's method, path and host", async () => {
    const { client, requests } = clientWith(() => json({ Arn: "arn:aws:airflow:us-east-1:123456789012:environment/my-env" }))
    const input: Record<string, unknown> = { ...(sample(inputShape, op, "sdk") as Record<string, unknown>), Name: "my-env" }
    const out = await send(client, input)

    const request = requests[0]!
    const model = operation(op)
    expect(request.method).toBe(model.http.method)
    expect(request.path).toBe(model.http.requestUri.replace("{Name}", "my-env"))
    expect(request.hostname).toBe(`${model.endpoint?.hostPrefix}airflow.us-east-1.amazonaws.com`)
    const body = bodyOf(request) as Record<string, unknown>
    expect(sorted(Object.keys(body))).toEqual(sorted(bodyMembersOf(inputShape)))
    const { Name: _uri, ...expected } = input
    expect(body).toEqual(expected)
    expect(out.Arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/my-env")
  })
})

describe("GetEnvironment keeps every output member of the model", () => {
  it("the whole nested Environment, timestamps as Dates, on GET /environments/{Name} at api.", async () => {
    const wire = sample("GetEnvironmentOutput", "g", "wire") as { Environment: Record<string, unknown> }
    const { client, requests } = clientWith(() => json(wire))
    const out = await client.send(new GetEnvironmentCommand({ Name: "my-env" }))

    const model = operation("GetEnvironment")
    expect(requests[0]?.method).toBe(model.http.method)
    expect(requests[0]?.path).toBe(model.http.requestUri.replace("{Name}", "my-env"))
    expect(requests[0]?.hostname).toBe(`${model.endpoint?.hostPrefix}airflow.us-east-1.amazonaws.com`)
    const { $metadata: _metadata, ...output } = out
    expect(output).toEqual(sample("GetEnvironmentOutput", "g", "sdk"))
    expect(sorted(Object.keys(out.Environment ?? {}))).toEqual(sorted(Object.keys(membersOf("Environment"))))
    expect(out.Environment?.LastUpdate?.WorkerReplacementStrategy).toBe("g.Environment.LastUpdate.WorkerReplacementStrategy")
    expect(out.Environment?.CreatedAt).toBeInstanceOf(Date)
  })

  it("members newer than the model are kept as sent, on Environment and LastUpdate", async () => {
    const wire = sample("GetEnvironmentOutput", "g", "wire") as { Environment: Record<string, unknown> }
    const lastUpdate = wire.Environment["LastUpdate"] as Record<string, unknown>
    const answer = {
      Environment: { ...wire.Environment, FutureMember: { a: 1 }, LastUpdate: { ...lastUpdate, FutureDetail: "x" } }
    }
    const { client } = clientWith(() => json(answer))
    const out = await client.send(new GetEnvironmentCommand({ Name: "my-env" }))
    expect(out.Environment?.["FutureMember"]).toEqual({ a: 1 })
    expect(out.Environment?.LastUpdate?.["FutureDetail"]).toBe("x")
  })
})
