import type { ToolDescriptor } from "../../../ports/ToolHost.js"

/**
 * Which scopes a request needs. Every MCP request needs the read scope; a `tools/call` of a write tool
 * (one whose descriptor is not read-only) needs the write scope too. Decided from the parsed body,
 * before anything runs, so a token without the write scope never starts a write (nor an AWS call).
 * `--allow-write` and a target's own write rule still apply after this.
 */

export interface ScopeRule {
  readonly readScope: string
  readonly writeScope: string
  /** The names of the tools that write. */
  readonly writeTools: ReadonlySet<string>
}

export const scopeRule = (tools: ReadonlyArray<ToolDescriptor>, readScope: string, writeScope: string): ScopeRule => ({
  readScope,
  writeScope,
  writeTools: new Set(tools.filter((tool) => tool.annotations.readOnlyHint === false).map((tool) => tool.name))
})

/** The write tool a JSON-RPC message calls, if it calls one. */
const writeToolCalled = (message: unknown, rule: ScopeRule): string | undefined => {
  if (typeof message !== "object" || message === null || Array.isArray(message)) return undefined
  const m = message as Record<string, unknown>
  if (m["method"] !== "tools/call") return undefined
  const params = m["params"]
  if (typeof params !== "object" || params === null) return undefined
  const name = (params as Record<string, unknown>)["name"]
  return typeof name === "string" && rule.writeTools.has(name) ? name : undefined
}

export interface ScopeNeed {
  /** Every scope the request needs. */
  readonly scopes: ReadonlyArray<string>
  /** The write tools it calls (for the refusal's log line). */
  readonly writeTools: ReadonlyArray<string>
}

/** The scopes a body (one message or a batch; undefined for a request without one) needs. */
export const scopesNeeded = (body: unknown, rule: ScopeRule): ScopeNeed => {
  const messages = Array.isArray(body) ? body : [body]
  const writes: Array<string> = []
  for (const message of messages) {
    const tool = writeToolCalled(message, rule)
    if (tool !== undefined && !writes.includes(tool)) writes.push(tool)
  }
  return { scopes: writes.length === 0 ? [rule.readScope] : [rule.readScope, rule.writeScope], writeTools: writes }
}

/** The scopes of `need` the token lacks (empty: allowed). */
export const missingScopes = (need: ScopeNeed, granted: ReadonlyArray<string>): ReadonlyArray<string> =>
  need.scopes.filter((scope) => !granted.includes(scope))
