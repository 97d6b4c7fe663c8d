import { createRequire } from "node:module"

// Set by the bundler (scripts/bundle.mjs): the bundled bin has no package.json beside it to read.
declare const __MWAA_MCP_VERSION__: string | undefined

/** The package version, read from package.json so it is never out of step. */
export const packageVersion: string =
  typeof __MWAA_MCP_VERSION__ === "string"
    ? __MWAA_MCP_VERSION__
    : (() => {
        try {
          const pkg = createRequire(import.meta.url)("../../../package.json") as { version?: string }
          return pkg.version ?? "0.0.0"
        } catch {
          return "0.0.0"
        }
      })()
