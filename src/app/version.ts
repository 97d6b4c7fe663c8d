import { createRequire } from "node:module"

/** The package version, read from package.json so it is never out of step. */
export const packageVersion: string = (() => {
  try {
    const pkg = createRequire(import.meta.url)("../../../package.json") as { version?: string }
    return pkg.version ?? "0.0.0"
  } catch {
    return "0.0.0"
  }
})()
