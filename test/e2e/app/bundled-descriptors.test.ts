import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { toMcpTool } from "../../../src/adapters/mcp/tools.js"
import { bundledDescriptors } from "../../../src/app/bundled-descriptors.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { describeTool } from "../../../src/app/tool-host.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"

/**
 * The bundle carries the tools' descriptors computed at build time (scripts/bundle.mjs), so it does
 * not generate 46 JSON Schemas at every start. What it lists must be exactly what the Schemas give now.
 */

let session: StdioSession
beforeAll(async () => {
  session = await connectStdio(["--demo"])
})
afterAll(() => session.close())

describe("the bundle's tool descriptors", () => {
  it("are the ones the catalogue's Schemas give, tool for tool", async () => {
    const { tools } = await session.client.listTools()
    // The SDK client fills in defaults (execution, _meta) the server never sent: compare on what was.
    const listed = tools.map((t) => JSON.parse(JSON.stringify({ ...t, execution: undefined })))
    const expected = catalogue.map((spec) => JSON.parse(JSON.stringify(toMcpTool(describeTool(spec)))))
    expect(listed).toEqual(expected)
  })

  it("are absent from the tsc output, which computes them from the Schemas", () => {
    expect(bundledDescriptors).toBeUndefined()
  })
})
