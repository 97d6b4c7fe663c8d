import { describe, expect, it } from "vitest"
import { toMcpTool } from "../../../src/adapters/mcp/tools.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { prompts } from "../../../src/app/prompts.js"
import { describeTool } from "../../../src/app/tool-host.js"

/**
 * What clients see of each tool and prompt — name, description, input and output schemas,
 * annotations — as a file snapshot beside this test. A change to any of them fails here until the
 * snapshot is updated (`npx vitest run -u`), so it lands as a reviewed diff of that file.
 */

const asListed = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe("the descriptors clients see", () => {
  it("of the tools, as tools/list sends them", async () => {
    const tools = catalogue.map((spec) => asListed(toMcpTool(describeTool(spec))))
    await expect(`${JSON.stringify(tools, null, 2)}\n`).toMatchFileSnapshot("__snapshots__/tool-descriptors.json")
  })

  it("of the prompts, as prompts/list sends them", async () => {
    const listed = prompts.map((prompt) => asListed(prompt.descriptor))
    await expect(`${JSON.stringify(listed, null, 2)}\n`).toMatchFileSnapshot("__snapshots__/prompt-descriptors.json")
  })
})
