import type { ToolHost } from "../ports/ToolHost.js"
import { bundledDescriptors } from "./bundled-descriptors.js"
import { catalogue } from "./catalogue.js"
import { instructions } from "./instructions.js"
import { prompts } from "./prompts.js"
import { makeToolHost, type ToolRunner } from "./tool-host.js"
import { packageVersion } from "./version.js"

/**
 * This server's ToolHost: the whole catalogue, the prompts and the instructions, on a runner
 * that provides the tool services. The bin (main.ts) and makeMwaaMcpServer (embed.ts) both
 * serve this one, so an embedded server answers exactly as `npx mwaa-mcp-server` does.
 */
export const mwaaToolHost = (
  runner: ToolRunner,
  allowWrite: boolean,
  options: { readonly traceCalls?: boolean; readonly measureCalls?: boolean } = {}
): ToolHost =>
  makeToolHost(runner, {
    tools: catalogue,
    descriptors: bundledDescriptors,
    prompts,
    instructions: instructions(allowWrite),
    version: packageVersion,
    ...options
  })
