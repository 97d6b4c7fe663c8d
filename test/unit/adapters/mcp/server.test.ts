import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js"
import type { Progress } from "@modelcontextprotocol/sdk/types.js"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createMcpServer, type McpServerOptions } from "../../../../src/adapters/mcp/server.js"
import type { ToolHost } from "../../../../src/ports/ToolHost.js"
import { makeFakeHost } from "../../../support/fake-host.js"

const open: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()))
})

const connect = async (host: ToolHost = makeFakeHost(), options: McpServerOptions = { onUnexpectedError: () => {} }) => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  const server = createMcpServer(host, options)
  const client = new Client({ name: "test-client", version: "1.0.0" })
  await server.connect(serverSide)
  await client.connect(clientSide)
  open.push(() => client.close())
  return client
}

describe("createMcpServer", () => {
  it("sends the host's name, version, instructions and capabilities in the initialize result", async () => {
    const client = await connect()
    expect(client.getServerVersion()).toMatchObject({ name: "fake-mwaa-mcp", version: "9.9.9" })
    expect(client.getInstructions()).toBe("Read before you write. Never trigger a DAG without asking.")
    expect(client.getServerCapabilities()).toMatchObject({ tools: { listChanged: false }, prompts: {} })
  })

  it("advertises logging and accepts logging/setLevel with an empty result", async () => {
    const client = await connect()
    expect(client.getServerCapabilities()).toMatchObject({ logging: {} })
    expect(await client.setLoggingLevel("error")).toEqual({})
  })

  it("lists the tools with schemas and all annotations", async () => {
    const { tools } = await (await connect()).listTools()
    expect(tools.map((tool) => tool.name)).toEqual(["echo", "fail"])
    const [echo, fail] = tools
    expect(echo).toMatchObject({
      title: "Echo",
      description: "Repeats its input.",
      inputSchema: { type: "object", required: ["text"], additionalProperties: false },
      outputSchema: { type: "object", required: ["echoed"] },
      annotations: { title: "Echo", readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false }
    })
    expect(fail?.outputSchema).toBeUndefined()
    expect(fail?.annotations).toEqual({
      title: "Always fail",
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true
    })
  })

  it("maps a successful call to text plus structured content", async () => {
    const client = await connect()
    await client.listTools() // lets the SDK client check the output schema, as real clients do
    const result = await client.callTool({ name: "echo", arguments: { text: "hi" } })
    expect(result).toEqual({ content: [{ type: "text", text: "echo: hi" }], structuredContent: { echoed: "hi" }, isError: false })
  })

  it("maps an error result, keeping its structured content", async () => {
    const result = await (await connect()).callTool({ name: "fail", arguments: {} })
    expect(result).toEqual({
      content: [{ type: "text", text: "fail: the environment said no" }],
      structuredContent: { reason: "AccessDenied" },
      isError: true
    })
  })

  it("passes {} to the host when the call has no arguments", async () => {
    const callTool = vi.fn(async () => ({ isError: false, text: "ok", structuredContent: { echoed: "" } }))
    await (await connect(makeFakeHost({ callTool }))).callTool({ name: "echo" })
    expect(callTool).toHaveBeenCalledWith("echo", {}, expect.objectContaining({ signal: expect.any(AbortSignal) }))
  })

  it("leaves an unknown tool to the host, whose port answers every name, and returns its answer", async () => {
    const callTool = vi.fn(async () => ({ isError: true, text: "Unknown tool drop-database." }))
    const result = await (await connect(makeFakeHost({ callTool }))).callTool({ name: "drop-database", arguments: {} })
    expect(callTool).toHaveBeenCalledWith("drop-database", {}, expect.anything())
    expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: "Unknown tool drop-database." }] })
  })

  it("turns a host rejection into a generic error result and keeps serving", async () => {
    const onUnexpectedError = vi.fn()
    let calls = 0
    const host = makeFakeHost({
      callTool: async () => {
        calls += 1
        if (calls === 1) throw new Error("secret stack detail at /home/me/creds")
        return { isError: false, text: "second time lucky", structuredContent: { echoed: "x" } }
      }
    })
    const client = await connect(host, { onUnexpectedError })
    const first = await client.callTool({ name: "echo", arguments: { text: "x" } })
    expect(first.isError).toBe(true)
    expect(JSON.stringify(first)).not.toContain("secret")
    expect(onUnexpectedError).toHaveBeenCalledWith(expect.any(Error), "echo")
    const second = await client.callTool({ name: "echo", arguments: { text: "x" } })
    expect(second).toMatchObject({ isError: false, content: [{ type: "text", text: "second time lucky" }] })
  })

  it("sends progress notifications when the client asks for them", async () => {
    const updates: Array<Progress> = []
    await (await connect()).callTool({ name: "echo", arguments: { text: "hi" } }, undefined, {
      onprogress: (progress) => {
        updates.push(progress)
      }
    })
    expect(updates).toEqual([
      { progress: 1, total: 2, message: "halfway" },
      { progress: 2, total: 2 }
    ])
  })

  it("gives the host no progress reporter when the client did not ask", async () => {
    const callTool = vi.fn(async () => ({ isError: false, text: "ok", structuredContent: { echoed: "" } }))
    await (await connect(makeFakeHost({ callTool }))).callTool({ name: "echo", arguments: { text: "" } })
    expect(callTool).toHaveBeenCalledWith("echo", { text: "" }, expect.objectContaining({ reportProgress: undefined }))
  })

  it("aborts the host's signal when the client cancels the call", async () => {
    let resolveSeen: (signal: AbortSignal) => void = () => {}
    const seen = new Promise<AbortSignal>((resolve) => {
      resolveSeen = resolve
    })
    const host = makeFakeHost({
      callTool: (_name, _args, { signal }) =>
        new Promise((resolve) => {
          resolveSeen(signal)
          signal.addEventListener("abort", () => resolve({ isError: true, text: "cancelled" }))
        })
    })
    const client = await connect(host)
    const controller = new AbortController()
    const call = client.callTool({ name: "echo", arguments: { text: "x" } }, undefined, { signal: controller.signal })
    const signal = await seen
    controller.abort("user changed their mind")
    await expect(call).rejects.toThrow()
    await vi.waitFor(() => expect(signal.aborted).toBe(true))
  })

  it("lists prompts and renders one", async () => {
    const client = await connect()
    const { prompts } = await client.listPrompts()
    expect(prompts).toEqual([
      {
        name: "triage",
        title: "Triage a failed run",
        description: "Walks through a failed DAG run.",
        arguments: [{ name: "dag_id", description: "The DAG", required: true }]
      }
    ])
    const prompt = await client.getPrompt({ name: "triage", arguments: { dag_id: "etl" } })
    expect(prompt).toEqual({
      description: "Walks through a failed DAG run.",
      messages: [{ role: "user", content: { type: "text", text: "Triage the last failed run of etl." } }]
    })
  })

  it("answers a bad prompt request with InvalidParams carrying the host's message", async () => {
    const client = await connect()
    await expect(client.getPrompt({ name: "triage", arguments: {} })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining("triage needs dag_id")
    })
    await expect(client.getPrompt({ name: "nope" })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining(`Unknown prompt "nope"`)
    })
  })
})
