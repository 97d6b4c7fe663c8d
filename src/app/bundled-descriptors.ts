import type { ToolDescriptor } from "../ports/ToolHost.js"

// Set by the bundler (scripts/bundle.mjs) to the catalogue's descriptors, computed at build time from
// the same Schemas: generating 46 JSON Schemas took about 25 ms of every start (bench/README.md).
declare const __MWAA_MCP_TOOL_DESCRIPTORS__: ReadonlyArray<ToolDescriptor> | undefined

/** The catalogue's descriptors as the bundle carries them; undefined outside the bundle (compute them). */
export const bundledDescriptors: ReadonlyArray<ToolDescriptor> | undefined =
  typeof __MWAA_MCP_TOOL_DESCRIPTORS__ === "object" ? __MWAA_MCP_TOOL_DESCRIPTORS__ : undefined
